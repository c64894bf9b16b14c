// CKAN organization_*, group_* (Pintu topics) and member actions.
#include "actions/accounts.h"
#include "actions/organizations.h"
#include "actions/search.h"
#include "actions/topics.h"
#include "core/model_json.h"
#include "http/ckan/call.h"

namespace json = boost::json;

namespace pintu::http::ckan {
namespace {

// Adds package_count and, when asked, the first datasets matching `fq`.
Result<void> AddPackages(Call& c, json::object& out, const std::string& fq) {
  auto include = GetBool(c.params.values, "include_datasets", false);
  if (!include) return std::unexpected(include.error());
  actions::SearchRequest req;
  req.fq.push_back(fq);
  req.rows = *include ? 10 : 0;
  req.include_private = true;
  auto page = actions::SearchDatasets(c.ctx, req);
  if (!page) return std::unexpected(page.error());
  out["package_count"] = page->total;
  if (*include) {
    json::array pkgs;
    for (const auto& d : page->results) pkgs.emplace_back(PackageDict(c.ctx, d));
    out["packages"] = std::move(pkgs);
  }
  return {};
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

template <typename T, typename ToJson>
Result<json::value> ListOf(Call& c, const Result<std::vector<T>>& items, ToJson to_json) {
  if (!items) return Fail(items);
  auto all_fields = GetBool(c.params.values, "all_fields", false);
  if (!all_fields) return Fail(all_fields);
  auto paging = GetPaging(c.params.values, 1000, 1000);
  if (!paging) return Fail(paging);
  json::array out;
  for (size_t i = paging->offset; i < items->size() && out.size() < paging->limit; ++i) {
    if (*all_fields) out.emplace_back(to_json((*items)[i]));
    else out.emplace_back((*items)[i].slug);
  }
  return out;
}

Result<json::value> OrganizationList(Call& c) {
  return ListOf(c, actions::ListOrganizations(c.ctx), OrganizationToJson);
}

Result<json::value> OrganizationShow(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto o = actions::ShowOrganization(c.ctx, *id);
  if (!o) return Fail(o);
  json::object out = OrganizationToJson(*o);
  if (auto ok = AddPackages(c, out, "organization:" + Quoted(o->slug)); !ok) return Fail(ok);
  return out;
}

Result<json::value> OrganizationCreate(Call& c) {
  auto o = OrganizationFromJson(json::value(c.params.values));
  if (!o) return Fail(o);
  auto created = actions::CreateOrganization(c.ctx, std::move(*o));
  if (!created) return Fail(created);
  return OrganizationToJson(*created);
}

Result<json::value> OrganizationUpdate(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto o = OrganizationFromJson(json::value(c.params.values));
  if (!o) return Fail(o);
  auto existing = actions::ShowOrganization(c.ctx, *id);
  if (!existing) return Fail(existing);
  o->id = existing->id;
  if (!c.params.values.contains("name")) o->slug = existing->slug;
  auto updated = actions::UpdateOrganization(c.ctx, std::move(*o));
  if (!updated) return Fail(updated);
  return OrganizationToJson(*updated);
}

Result<json::value> OrganizationPatch(Call& c) {
  auto id = GetString(c.params.values, "id");
  if (!id) return Fail(id);
  if (!*id) return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
  auto o = actions::PatchOrganization(c.ctx, **id, c.params.values);
  if (!o) return Fail(o);
  return OrganizationToJson(*o);
}

Result<json::value> OrganizationDelete(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto r = actions::DeleteOrganization(c.ctx, *id);
  if (!r) return Fail(r);
  return nullptr;
}

Result<json::value> GroupList(Call& c) { return ListOf(c, actions::ListTopics(c.ctx), TopicToJson); }

Result<json::value> GroupShow(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto t = actions::ShowTopic(c.ctx, *id);
  if (!t) return Fail(t);
  json::object out = TopicToJson(*t);
  if (auto ok = AddPackages(c, out, "groups:" + Quoted(t->slug)); !ok) return Fail(ok);
  return out;
}

Result<json::value> GroupCreate(Call& c) {
  auto t = TopicFromJson(json::value(c.params.values));
  if (!t) return Fail(t);
  auto created = actions::CreateTopic(c.ctx, std::move(*t));
  if (!created) return Fail(created);
  return TopicToJson(*created);
}

Result<json::value> GroupUpdate(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto t = TopicFromJson(json::value(c.params.values));
  if (!t) return Fail(t);
  auto existing = actions::ShowTopic(c.ctx, *id);
  if (!existing) return Fail(existing);
  t->id = existing->id;
  if (!c.params.values.contains("name")) t->slug = existing->slug;
  auto updated = actions::UpdateTopic(c.ctx, std::move(*t));
  if (!updated) return Fail(updated);
  return TopicToJson(*updated);
}

Result<json::value> GroupDelete(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto r = actions::DeleteTopic(c.ctx, *id);
  if (!r) return Fail(r);
  return nullptr;
}

Result<json::value> OrganizationMemberCreate(Call& c) {
  auto id = GetString(c.params.values, "id");
  if (!id) return Fail(id);
  auto user = GetString(c.params.values, "username");
  if (!user) return Fail(user);
  auto role_s = GetString(c.params.values, "role");
  if (!role_s) return Fail(role_s);
  if (!*id) return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
  if (!*user) return std::unexpected(Error::Invalid("username", "Missing value", "缺少使用者"));
  auto role = ParseMemberRole(role_s->value_or("member"));
  if (!role) return std::unexpected(Error::Invalid("role", "Must be member, editor or admin", "必須是 member、editor 或 admin"));
  auto m = actions::SetMembership(c.ctx, **id, **user, *role);
  if (!m) return Fail(m);
  return json::object{{"organization_id", m->organization_id}, {"user_id", m->user_id},
                      {"capacity", ToCode(m->role)}};
}

Result<json::value> OrganizationMemberDelete(Call& c) {
  auto id = GetString(c.params.values, "id");
  if (!id) return Fail(id);
  auto user = GetString(c.params.values, "username");
  if (!user) return Fail(user);
  if (!*id) return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
  if (!*user) return std::unexpected(Error::Invalid("username", "Missing value", "缺少使用者"));
  auto r = actions::RemoveMembership(c.ctx, **id, **user);
  if (!r) return Fail(r);
  return nullptr;
}

Result<json::value> MemberList(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto members = actions::ListMembers(c.ctx, *id);
  if (!members) return Fail(members);
  json::array out;
  for (const auto& [u, role] : *members)
    out.emplace_back(json::array{json::value(u.id), json::value("user"), json::value(ToCode(role))});
  return out;
}

}  // namespace

const ActionEntry kGroupActions[] = {
    {"organization_list", OrganizationList, false},
    {"organization_show", OrganizationShow, false},
    {"organization_create", OrganizationCreate, true},
    {"organization_update", OrganizationUpdate, true},
    {"organization_patch", OrganizationPatch, true},
    {"organization_delete", OrganizationDelete, true},
    {"organization_member_create", OrganizationMemberCreate, true},
    {"organization_member_delete", OrganizationMemberDelete, true},
    {"member_list", MemberList, false},
    {"group_list", GroupList, false},
    {"group_show", GroupShow, false},
    {"group_create", GroupCreate, true},
    {"group_update", GroupUpdate, true},
    {"group_delete", GroupDelete, true},
};
const size_t kGroupActionCount = std::size(kGroupActions);

}  // namespace pintu::http::ckan
