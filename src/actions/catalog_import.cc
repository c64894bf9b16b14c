#include "actions/catalog_import.h"

#include "actions/datasets.h"
#include "actions/organizations.h"
#include "actions/topics.h"
#include "core/model_json.h"

namespace pintu::actions {
namespace {

std::string Describe(const Error& e) {
  std::string out = e.message;
  if (!e.fields.empty()) {
    out += ":";
    for (const auto& f : e.fields) out += " " + f.field + ": " + f.message + ";";
    out.pop_back();
  }
  return out;
}

// Finds the publisher named by `ref`, creating it when missing.
Result<std::string> ResolvePublisher(Context& ctx, const formats::OrganizationRef& ref,
                                     ImportReport& report) {
  for (const std::string* key : {&ref.id, &ref.slug}) {
    if (key->empty()) continue;
    if (auto o = ctx.store.GetOrganization(*key)) return o->id;
  }
  for (const auto& [lang, title] : ref.title.Values())
    if (auto o = FindOrganization(ctx.store, title)) return o->id;
  auto parsed = OrganizationFromJson(formats::OrganizationRefToJson(ref));
  if (!parsed) return std::unexpected(parsed.error());
  auto created = CreateOrganization(ctx, std::move(*parsed));
  if (!created) return std::unexpected(created.error());
  ++report.organizations_created;
  return created->id;
}

bool IsStoreFailure(const Error& e) { return e.code == ErrorCode::kInternal; }

// The publisher for datasets that name none: the one the operator chose, or the
// "unassigned" organisation (created when first needed).
Result<std::string> FallbackPublisher(Context& ctx, const ImportOptions& options, ImportReport& report) {
  if (!options.default_organization.empty()) {
    auto o = FindOrganization(ctx.store, options.default_organization);
    if (!o) return std::unexpected(Error::Invalid("owner_org", "The default organization \"" +
                                                  options.default_organization + "\" does not exist"));
    return o->id;
  }
  if (auto o = ctx.store.GetOrganization(kUnassignedOrganization)) return o->id;
  Organization o;
  o.slug = std::string(kUnassignedOrganization);
  o.title = LocalizedText::Both("未指定提供機關", "Publisher not specified");
  o.description = LocalizedText::Both("匯入時未載明提供機關的資料集。", "Imported datasets whose documents named no publisher.");
  auto created = CreateOrganization(ctx, std::move(o));
  if (!created) return std::unexpected(created.error());
  ++report.organizations_created;
  return created->id;
}

}  // namespace

Result<ImportReport> ApplyImport(Context& ctx, const formats::ImportBatch& batch,
                                 const ImportProgress& progress, const ImportOptions& options) {
  ImportReport report;
  report.skipped = batch.skipped;
  report.warnings = batch.warnings;
  size_t done = 0;
  for (const auto& rec : batch.records) {
    auto skip = [&](const Error& e) -> Result<void> {
      if (IsStoreFailure(e)) return std::unexpected(e);
      report.skipped.push_back({rec.source, Describe(e)});
      return {};
    };
    Result<void> outcome;
    switch (rec.kind) {
      case formats::ImportRecord::Kind::kOrganization: {
        auto o = OrganizationFromJson(rec.doc);
        if (!o) { outcome = skip(o.error()); break; }
        bool exists = (!o->id.empty() && ctx.store.GetOrganization(o->id)) ||
                      ctx.store.GetOrganization(o->slug).has_value();
        auto r = exists ? UpdateOrganization(ctx, std::move(*o)) : CreateOrganization(ctx, std::move(*o));
        if (!r) outcome = skip(r.error());
        else ++(exists ? report.organizations_updated : report.organizations_created);
        break;
      }
      case formats::ImportRecord::Kind::kTopic: {
        auto t = TopicFromJson(rec.doc);
        if (!t) { outcome = skip(t.error()); break; }
        bool exists = (!t->id.empty() && ctx.store.GetTopic(t->id)) || ctx.store.GetTopic(t->slug).has_value();
        auto r = exists ? UpdateTopic(ctx, std::move(*t)) : CreateTopic(ctx, std::move(*t));
        if (!r) outcome = skip(r.error());
        else ++(exists ? report.topics_updated : report.topics_created);
        break;
      }
      case formats::ImportRecord::Kind::kDataset: {
        auto d = DatasetFromJson(rec.doc);
        if (!d) { outcome = skip(d.error()); break; }
        if (rec.organization) {
          auto org_id = ResolvePublisher(ctx, *rec.organization, report);
          if (!org_id) { outcome = skip(org_id.error()); break; }
          d->organization_id = *org_id;
        } else if (d->organization_id.empty()) {
          auto org_id = FallbackPublisher(ctx, options, report);
          if (!org_id) { outcome = skip(org_id.error()); break; }
          d->organization_id = *org_id;
          report.warnings.push_back({rec.source, "no publisher named; filed under organization " +
                                                     (options.default_organization.empty()
                                                          ? std::string(kUnassignedOrganization)
                                                          : options.default_organization)});
        }
        // Topics named by a foreign document are created when missing.
        for (const auto& slug : d->topics) {
          if (ctx.store.GetTopic(slug)) continue;
          Topic t;
          t.slug = slug;
          t.title.Set(kLangEn, slug);
          if (CreateTopic(ctx, std::move(t))) ++report.topics_created;
        }
        std::optional<Dataset> existing;
        if (!d->id.empty()) {
          if (auto e = ctx.store.GetDataset(d->id)) existing = std::move(*e);
        }
        if (!existing && !d->slug.empty()) {
          if (auto e = ctx.store.GetDataset(d->slug)) existing = std::move(*e);
        }
        if (existing) {
          d->id = existing->id;
          auto r = UpdateDataset(ctx, std::move(*d));
          if (!r) outcome = skip(r.error());
          else ++report.datasets_updated;
        } else {
          auto r = CreateDataset(ctx, std::move(*d));
          if (!r) outcome = skip(r.error());
          else ++report.datasets_created;
        }
        break;
      }
    }
    if (!outcome) return std::unexpected(outcome.error());
    ++done;
    if (progress) progress(done, batch.records.size());
  }
  return report;
}

}  // namespace pintu::actions
