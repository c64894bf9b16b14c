#include "actions/datasets.h"

#include "actions/activity_log.h"
#include "actions/authz.h"
#include "actions/organizations.h"
#include "actions/quality_scores.h"
#include "actions/resource_checks.h"
#include "core/ids.h"
#include "core/model_json.h"
#include "core/text.h"
#include "core/time.h"

namespace pintu::actions {
namespace {

// Checks the fields that need the store (organisation, topics, slug) and the rules
// the JSON codec cannot see. Resolves organisation and topic references in place.
Result<void> ValidateAndResolve(WriteTxn& tx, Dataset& d, const Dataset* existing, bool system) {
  Error e{ErrorCode::kValidation, "Validation failed", {}};
  if (d.slug.empty()) e.fields.push_back({"name", "Missing value", "缺少代碼（網址名稱）"});
  else if (!IsValidSlug(d.slug))
    e.fields.push_back({"name", "Must be 2-100 characters of lowercase a-z, 0-9, - and _",
                        "必須是 2 到 100 個小寫英數字、- 或 _"});
  else if (auto other = tx.GetDataset(d.slug); other && (!existing || other->id != existing->id))
    e.fields.push_back({"name", "That URL is already in use.", "這個網址名稱已被使用"});
  if (d.title.Empty()) e.fields.push_back({"title", "Missing value", "缺少標題"});
  if (d.organization_id.empty()) {
    e.fields.push_back({"owner_org", "Missing value", "缺少提供機關"});
  } else if (auto org = FindOrganization(tx, d.organization_id);
             !org || (org->state == State::kDeleted && !(system && d.state == State::kDeleted))) {
    e.fields.push_back({"owner_org", "Organization does not exist", "提供機關不存在"});
  } else {
    d.organization_id = org->id;
  }
  for (size_t i = 0; i < d.topics.size(); ++i) {
    auto t = tx.GetTopic(d.topics[i]);
    if (!t || t->state == State::kDeleted)
      e.fields.push_back({"groups." + std::to_string(i), "Group \"" + d.topics[i] + "\" not found",
                          "找不到主題「" + d.topics[i] + "」"});
    else d.topics[i] = t->slug;
  }
  // Only an import (the system identity) may bring in an already deleted dataset,
  // so that exports of soft-deleted records round-trip.
  if (d.state == State::kDeleted && !existing && !system)
    e.fields.push_back({"state", "A new dataset cannot be deleted", "新資料集不可設為已刪除"});
  for (size_t i = 0; i < d.resources.size(); ++i) {
    const Resource& r = d.resources[i];
    std::string p = "resources." + std::to_string(i);
    if (!r.url.empty() && !r.uploaded && r.url.find("://") == std::string::npos && r.url[0] != '/')
      e.fields.push_back({p + ".url", "Must be an absolute URL (http://… or https://…)",
                          "必須是完整網址（http:// 或 https:// 開頭）"});
  }
  if (!e.fields.empty()) return std::unexpected(e);
  return {};
}

// Gives every resource an id, its dataset id and time stamps, keeping ids (and their
// creation times) of resources that already existed. `keep_times` (the system identity, i.e.
// an import) keeps a given metadata_modified, as for the dataset itself.
void PrepareResources(Dataset& d, const Dataset* existing, const std::string& now, bool keep_times) {
  for (auto& r : d.resources) {
    r.dataset_id = d.id;
    const Resource* old = nullptr;
    if (existing && !r.id.empty())
      for (const auto& er : existing->resources)
        if (er.id == r.id) old = &er;
    if (!old) {
      if (!LooksLikeUuid(r.id)) r.id = NewUuid();
      if (r.created.empty()) r.created = now;
    } else {
      r.created = old->created;
    }
    if (!keep_times || r.modified.empty()) r.modified = now;
    if (r.state == State::kDeleted) r.state = State::kActive;
  }
  // Resource ids must be unique within the dataset.
  for (size_t i = 0; i < d.resources.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (d.resources[i].id == d.resources[j].id) d.resources[i].id = NewUuid();
}

}  // namespace

Result<Dataset> CreateDataset(Context& ctx, Dataset input) {
  Dataset out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    if (!input.organization_id.empty()) {
      if (auto org = FindOrganization(tx, input.organization_id)) {
        if (auto ok = Require(CanEditInOrganization(ctx.identity, org->id),
                              "create datasets in this organization"); !ok)
          return ok;
      }
    }
    if (auto ok = ValidateAndResolve(tx, input, nullptr, ctx.identity.system); !ok) return ok;
    if (auto ok = Require(CanEditInOrganization(ctx.identity, input.organization_id),
                          "create datasets in this organization"); !ok)
      return ok;
    std::string now = NowIso();
    bool keep = ctx.identity.system;
    if (!(keep && LooksLikeUuid(input.id) && !tx.GetDataset(input.id))) input.id = NewUuid();
    if (!keep || input.metadata_created.empty()) input.metadata_created = now;
    if (!keep || input.metadata_modified.empty()) input.metadata_modified = now;
    if (!keep) { input.views = 0; input.downloads = 0; }
    PrepareResources(input, nullptr, now, keep);
    if (auto ok = tx.PutDataset(input); !ok) return ok;
    // Checks of new resources are enqueued in the same transaction: both or neither.
    if (auto ok = EnqueueChecksForChangedResources(tx, ctx.config, nullptr, input); !ok) return ok;
    if (auto ok = EnqueueRescore(tx, input.id); !ok) return ok;
    out = input;
    return RecordActivity(tx, ctx.identity, "new package", "dataset", input.id, {},
                          DatasetToJson(input));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<Dataset> UpdateDataset(Context& ctx, Dataset input) {
  Dataset out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = tx.GetDataset(!input.id.empty() ? input.id : input.slug);
    if (!existing || !CanReadDataset(ctx.identity, *existing))
      return std::unexpected(Error::NotFound("Dataset"));
    if (auto ok = Require(CanEditInOrganization(ctx.identity, existing->organization_id),
                          "edit this dataset"); !ok)
      return ok;
    input.id = existing->id;
    if (input.slug.empty()) input.slug = existing->slug;
    if (input.organization_id.empty()) input.organization_id = existing->organization_id;
    if (auto ok = ValidateAndResolve(tx, input, &*existing, ctx.identity.system); !ok) return ok;
    if (input.organization_id != existing->organization_id) {
      if (auto ok = Require(CanEditInOrganization(ctx.identity, input.organization_id),
                            "move datasets into that organization"); !ok)
        return ok;
    }
    std::string now = NowIso();
    input.metadata_created = existing->metadata_created;
    if (!ctx.identity.system || input.metadata_modified.empty()) input.metadata_modified = now;
    if (!ctx.identity.system) { input.views = existing->views; input.downloads = existing->downloads; }
    PrepareResources(input, &*existing, now, ctx.identity.system);
    if (auto ok = tx.PutDataset(input); !ok) return ok;
    if (auto ok = EnqueueChecksForChangedResources(tx, ctx.config, &*existing, input); !ok) return ok;
    if (auto ok = EnqueueRescore(tx, input.id); !ok) return ok;
    out = input;
    const char* type = input.state == State::kDeleted ? "deleted package" : "changed package";
    return RecordActivity(tx, ctx.identity, type, "dataset", input.id, DatasetToJson(*existing),
                          DatasetToJson(input));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<Dataset> PatchDataset(Context& ctx, std::string_view id_or_slug,
                             const boost::json::object& changes) {
  auto existing = ctx.store.GetDataset(id_or_slug);
  if (!existing || !CanReadDataset(ctx.identity, *existing))
    return std::unexpected(Error::NotFound("Dataset"));
  boost::json::object merged = DatasetToJson(*existing);
  for (const auto& kv : changes) {
    if (kv.key() == "id") continue;
    merged[kv.key()] = kv.value();
  }
  for (const char* key : {"title", "notes"}) {
    std::string translated = std::string(key) + "_translated";
    if (changes.contains(key) && !changes.contains(translated)) {
      // A plain value replaces the text in its own language, keeping other translations.
      boost::json::object t = merged[translated].is_object() ? merged[translated].as_object()
                                                             : boost::json::object{};
      const auto& v = changes.at(key);
      if (v.is_string()) {
        std::string s(v.get_string());
        t[ContainsCjk(s) ? std::string(kLangZh) : std::string(kLangEn)] = s;
      }
      merged[translated] = t;
    }
  }
  auto parsed = DatasetFromJson(merged);
  if (!parsed) return std::unexpected(parsed.error());
  parsed->id = existing->id;
  return UpdateDataset(ctx, std::move(*parsed));
}

Result<void> DeleteDataset(Context& ctx, std::string_view id_or_slug) {
  return ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = tx.GetDataset(id_or_slug);
    if (!existing || !CanReadDataset(ctx.identity, *existing))
      return std::unexpected(Error::NotFound("Dataset"));
    if (auto ok = Require(CanEditInOrganization(ctx.identity, existing->organization_id),
                          "delete this dataset"); !ok)
      return ok;
    if (existing->state == State::kDeleted) return {};
    Dataset d = *existing;
    d.state = State::kDeleted;
    d.metadata_modified = NowIso();
    if (auto ok = tx.PutDataset(d); !ok) return ok;
    // The dataset's snapshot becomes unpublished, so dashboards drop it.
    if (auto ok = EnqueueRescore(tx, d.id); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "deleted package", "dataset", d.id,
                          DatasetToJson(*existing), DatasetToJson(d));
  });
}

Result<Dataset> ShowDataset(Context& ctx, std::string_view id_or_slug) {
  auto d = ctx.store.GetDataset(id_or_slug);
  if (!d || !CanReadDataset(ctx.identity, *d)) return std::unexpected(Error::NotFound("Dataset"));
  return d;
}

Result<std::vector<std::string>> ListDatasetNames(Context& ctx, size_t offset, size_t limit) {
  return ctx.store.ListDatasetSlugs(false, offset, limit);
}

Result<std::vector<Dataset>> ListDatasetsWithResources(Context& ctx, size_t offset, size_t limit) {
  return ctx.store.ListDatasets(false, offset, limit);
}

Result<DatasetPage> ListPublicDatasetsBySlug(Context& ctx, size_t offset, size_t limit) {
  DatasetQuery q;
  q.sort_field = "name";
  q.sort_desc = false;
  q.offset = offset;
  q.limit = limit;
  return ctx.store.SearchDatasets(q);
}

}  // namespace pintu::actions
