#include "actions/organizations.h"

#include "actions/activity_log.h"
#include "actions/authz.h"
#include "core/ids.h"
#include "core/model_json.h"
#include "core/text.h"
#include "core/time.h"

namespace pintu::actions {
namespace {

Result<void> Validate(StoreReader& store, const Organization& o) {
  Error e{ErrorCode::kValidation, "Validation failed", {}};
  if (o.slug.empty()) e.fields.push_back({"name", "Missing value", "缺少代碼"});
  else if (!IsValidSlug(o.slug))
    e.fields.push_back({"name", "Must be 2-100 characters of lowercase a-z, 0-9, - and _",
                        "必須是 2 到 100 個小寫英數字、- 或 _"});
  if (o.title.Empty()) e.fields.push_back({"title", "Missing value", "缺少名稱"});
  if (o.parent_id) {
    if (*o.parent_id == o.id) e.fields.push_back({"parent_id", "An organization cannot be its own parent", "機關不可為自己的上級機關"});
    else if (!store.GetOrganization(*o.parent_id))
      e.fields.push_back({"parent_id", "Parent organization not found", "找不到上級機關"});
  }
  if (!e.fields.empty()) return std::unexpected(e);
  return {};
}

}  // namespace

Result<Organization> FindOrganization(StoreReader& store, std::string_view ref) {
  if (auto o = store.GetOrganization(ref)) return o;
  auto all = store.ListOrganizations(false);
  if (!all) return std::unexpected(all.error());
  std::string_view t = Trim(ref);
  for (auto& o : *all)
    for (const auto& [lang, title] : o.title.Values())
      if (title == t) return o;
  return std::unexpected(Error::NotFound("Organization"));
}

Result<Organization> CreateOrganization(Context& ctx, Organization input) {
  if (auto ok = Require(ctx.identity.IsSysadmin(), "create organizations"); !ok)
    return std::unexpected(ok.error());
  Organization out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    if (auto ok = Validate(tx, input); !ok) return ok;
    if (tx.GetOrganization(input.slug))
      return std::unexpected(Error::Conflict("name", "Group name already exists in database"));
    input.id = LooksLikeUuid(input.id) && !tx.GetOrganization(input.id) ? input.id : NewUuid();
    // An import (the system identity) keeps the time stamps it was given, as datasets do.
    std::string now = NowIso();
    if (!ctx.identity.system || input.created.empty()) input.created = now;
    if (!ctx.identity.system || input.modified.empty()) input.modified = now;
    if (!ctx.identity.system) input.state = State::kActive;  // imports keep soft-deleted records
    if (auto ok = tx.PutOrganization(input); !ok) return ok;
    out = input;
    return RecordActivity(tx, ctx.identity, "new organization", "organization", input.id, {},
                          OrganizationToJson(input));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<Organization> UpdateOrganization(Context& ctx, Organization input) {
  Organization out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = tx.GetOrganization(!input.id.empty() ? input.id : input.slug);
    if (!existing) return std::unexpected(existing.error());
    if (auto ok = Require(CanAdminOrganization(ctx.identity, existing->id), "edit this organization"); !ok)
      return ok;
    input.id = existing->id;
    if (input.slug.empty()) input.slug = existing->slug;
    if (auto ok = Validate(tx, input); !ok) return ok;
    if (input.slug != existing->slug && tx.GetOrganization(input.slug))
      return std::unexpected(Error::Conflict("name", "Group name already exists in database"));
    input.created = existing->created;
    input.modified = NowIso();
    if (input.state == State::kDeleted && !ctx.identity.IsSysadmin())
      return std::unexpected(Error::Forbidden("User not authorized to delete this organization"));
    if (auto ok = tx.PutOrganization(input); !ok) return ok;
    out = input;
    return RecordActivity(tx, ctx.identity, "changed organization", "organization", input.id,
                          OrganizationToJson(*existing), OrganizationToJson(input));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<Organization> PatchOrganization(Context& ctx, std::string_view id_or_slug,
                                       const boost::json::object& changes) {
  auto existing = ctx.store.GetOrganization(id_or_slug);
  if (!existing) return std::unexpected(existing.error());
  boost::json::object merged = OrganizationToJson(*existing);
  for (const auto& kv : changes) merged[kv.key()] = kv.value();
  // A patched plain title replaces the translations unless they are patched too.
  if (changes.contains("title") && !changes.contains("title_translated")) merged.erase("title_translated");
  if (changes.contains("description") && !changes.contains("description_translated"))
    merged.erase("description_translated");
  auto parsed = OrganizationFromJson(merged);
  if (!parsed) return std::unexpected(parsed.error());
  parsed->id = existing->id;
  return UpdateOrganization(ctx, std::move(*parsed));
}

Result<void> DeleteOrganization(Context& ctx, std::string_view id_or_slug) {
  if (auto ok = Require(ctx.identity.IsSysadmin(), "delete organizations"); !ok) return ok;
  return ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = tx.GetOrganization(id_or_slug);
    if (!existing) return std::unexpected(existing.error());
    // As in CKAN: datasets must not be left with a deleted owner (they could no longer be edited).
    auto datasets = tx.CountDatasetsOfOrganization(existing->id, true);
    if (!datasets) return std::unexpected(datasets.error());
    if (*datasets > 0)
      return std::unexpected(Error::Invalid("id", "Organization cannot be deleted while it still has datasets",
                                            "機關仍有資料集，無法刪除"));
    Organization o = *existing;
    o.state = State::kDeleted;
    o.modified = NowIso();
    if (auto ok = tx.PutOrganization(o); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "deleted organization", "organization", o.id,
                          OrganizationToJson(*existing), OrganizationToJson(o));
  });
}

Result<Organization> ShowOrganization(Context& ctx, std::string_view id_or_slug) {
  auto o = ctx.store.GetOrganization(id_or_slug);
  if (!o) return o;
  if (o->state == State::kDeleted && !ctx.identity.IsSysadmin())
    return std::unexpected(Error::NotFound("Organization"));
  return o;
}

Result<std::vector<Organization>> ListOrganizations(Context& ctx) {
  return ctx.store.ListOrganizations(false);
}

}  // namespace pintu::actions
