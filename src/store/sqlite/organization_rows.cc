#include "store/sqlite/organization_rows.h"

#include "store/sqlite/derived_columns.h"
#include "store/sqlite/documents.h"

namespace pintu::sqlite {
namespace {

Result<std::optional<Organization>> ReadOne(Connection& conn, std::string_view sql,
                                            std::string_view key) {
  auto st = conn.Prepare(sql);
  if (!st) return std::unexpected(st.error());
  st->Bind(key);
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<Organization>();
  auto o = ParseOrganizationDocument(st->View(0));
  if (!o) return std::unexpected(o.error());
  return std::optional<Organization>(std::move(*o));
}

}  // namespace

Result<Organization> ReadOrganization(Connection& conn, std::string_view id_or_slug) {
  for (std::string_view sql : {"SELECT doc FROM organizations WHERE id = ?",
                               "SELECT doc FROM organizations WHERE slug = ?"}) {
    auto o = ReadOne(conn, sql, id_or_slug);
    if (!o) return std::unexpected(o.error());
    if (*o) return std::move(**o);
  }
  return std::unexpected(Error::NotFound("Organization"));
}

Result<std::vector<Organization>> ReadOrganizations(Connection& conn, bool include_deleted) {
  return QueryAll<Organization>(
      conn, "SELECT doc FROM organizations WHERE ?1 OR state <> 'deleted' ORDER BY slug",
      [](Statement& st) { return ParseOrganizationDocument(st.View(0)); }, include_deleted);
}

Result<void> WriteOrganization(Connection& conn, const Organization& o) {
  if (o.id.empty())
    return std::unexpected(Error::Invalid("id", "An organization needs an id", "組織缺少 id"));
  if (o.slug.empty()) return std::unexpected(Error::Invalid("name", "Missing value", "缺少網址名稱"));
  auto st = conn.Prepare(
      "INSERT INTO organizations (id, slug, state, level, parent_id, title_search, doc) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
      "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, state = excluded.state, "
      " level = excluded.level, parent_id = excluded.parent_id, "
      " title_search = excluded.title_search, doc = excluded.doc");
  if (!st) return std::unexpected(st.error());
  st->Bind(o.id, o.slug, ToCode(o.state), ToCode(o.level), o.parent_id,
           OrganizationTitleSearch(o), OrganizationDocument(o));
  if (auto r = st->Run(); !r) {
    if (IsUniqueViolation(st->last_code()))
      return std::unexpected(Error::Conflict("name", "That URL is already in use."));
    return r;
  }
  return Ok();
}

}  // namespace pintu::sqlite
