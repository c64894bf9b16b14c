#include "store/sqlite/software_rows.h"

#include <boost/json.hpp>

#include "core/model_json.h"
#include "core/software_json.h"

namespace pintu::sqlite {
namespace {

// Stored documents were written by this store: parse with a generous nesting limit.
template <typename T, typename Parse>
Result<T> ParseStored(std::string_view what, std::string_view doc, Parse parse) {
  auto json = ParseJson(doc, 256);
  if (!json) return std::unexpected(Error::Internal("Stored " + std::string(what) + " is unreadable: " + json.error().message));
  auto value = parse(*json);
  if (!value) {
    std::string msg = "Stored " + std::string(what) + " is unreadable: " + value.error().message;
    for (const auto& f : value.error().fields) msg += "; " + f.field + ": " + f.message;
    return std::unexpected(Error::Internal(std::move(msg)));
  }
  return std::move(*value);
}

Result<Software> SoftwareFromRow(Statement& st) {
  return ParseStored<Software>("software", st.View(0), [](const boost::json::value& v) { return SoftwareFromJson(v); });
}

Result<Adoption> AdoptionFromRow(Statement& st) {
  return ParseStored<Adoption>("adoption", st.View(0), [](const boost::json::value& v) { return AdoptionFromJson(v); });
}

SoftwareVersion VersionFromRow(Statement& st) {
  SoftwareVersion v;
  v.id = st.Int(0);
  v.software_id = st.Text(1);
  v.recorded_at = st.Text(2);
  v.head_commit = st.Text(3);
  v.software_version = st.Text(4);
  v.valid = st.Int(5) != 0;
  v.error_count = st.Int(6);
  v.warning_count = st.Int(7);
  v.report_json = st.Text(8);
  v.publiccode_yml = st.Text(9);
  v.crawl_error = st.Text(10);
  return v;
}

}  // namespace

Result<Software> ReadSoftware(Connection& conn, std::string_view id_or_slug) {
  for (std::string_view sql : {"SELECT doc FROM software WHERE id = ?", "SELECT doc FROM software WHERE slug = ?"}) {
    auto rows = QueryAll<Software>(conn, sql, SoftwareFromRow, id_or_slug);
    if (!rows) return std::unexpected(rows.error());
    if (!rows->empty()) return std::move(rows->front());
  }
  return std::unexpected(Error::NotFound("Software"));
}

Result<std::vector<Software>> ReadSoftwareList(Connection& conn, bool include_deleted) {
  return QueryAll<Software>(conn, "SELECT doc FROM software WHERE ?1 OR state <> 'deleted' ORDER BY slug",
                            SoftwareFromRow, include_deleted);
}

Result<std::vector<Software>> ReadSoftwareForDataset(Connection& conn, std::string_view dataset_id) {
  return QueryAll<Software>(conn,
                            "SELECT doc FROM software WHERE state = 'active' AND id IN "
                            "(SELECT software_id FROM software_datasets WHERE dataset_id = ?) ORDER BY slug",
                            SoftwareFromRow, dataset_id);
}

Result<void> WriteSoftware(Connection& conn, const Software& s) {
  if (s.id.empty()) return std::unexpected(Error::Invalid("id", "A software entry needs an id", "軟體缺少 id"));
  if (s.slug.empty()) return std::unexpected(Error::Invalid("name", "Missing value", "缺少網址名稱"));
  auto st = conn.Prepare(
      "INSERT INTO software (id, slug, organization_id, state, doc) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, organization_id = excluded.organization_id, "
      " state = excluded.state, doc = excluded.doc");
  if (!st) return std::unexpected(st.error());
  st->Bind(s.id, s.slug, s.organization_id, ToCode(s.state), ToJsonString(SoftwareToJson(s)));
  if (auto r = st->Run(); !r) {
    if (IsUniqueViolation(st->last_code())) return std::unexpected(Error::Conflict("name", "That URL is already in use."));
    return r;
  }
  auto clear = conn.Prepare("DELETE FROM software_datasets WHERE software_id = ?");
  if (!clear) return std::unexpected(clear.error());
  clear->Bind(s.id);
  if (auto r = clear->Run(); !r) return r;
  for (const auto& link : s.datasets) {
    auto ins = conn.Prepare(
        "INSERT OR IGNORE INTO software_datasets (software_id, dataset_id, relation) VALUES (?, ?, ?)");
    if (!ins) return std::unexpected(ins.error());
    ins->Bind(s.id, link.dataset_id, link.relation);
    if (auto r = ins->Run(); !r) return r;
  }
  return Ok();
}

Result<int64_t> InsertSoftwareVersion(Connection& conn, const SoftwareVersion& v) {
  if (v.software_id.empty())
    return std::unexpected(Error::Invalid("software_id", "A version needs a software id", "版本缺少軟體代號"));
  if (v.publiccode_yml.size() > kMaxSoftwareVersionBytes || v.report_json.size() > kMaxSoftwareVersionBytes)
    return std::unexpected(Error::TooLarge("A software version must be at most 8 MiB"));
  auto st = conn.Prepare(
      "INSERT INTO software_versions (software_id, recorded_at, head_commit, software_version, valid, error_count, "
      " warning_count, report, publiccode_yml, crawl_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!st) return std::unexpected(st.error());
  st->Bind(v.software_id, v.recorded_at, v.head_commit, v.software_version, v.valid, v.error_count, v.warning_count,
           v.report_json, v.publiccode_yml, v.crawl_error);
  if (auto r = st->Run(); !r) return std::unexpected(r.error());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(conn.handle()));
}

Result<std::vector<SoftwareVersion>> ReadSoftwareVersions(Connection& conn, std::string_view software_id,
                                                         size_t offset, size_t limit) {
  return QueryAll<SoftwareVersion>(
      conn,
      "SELECT id, software_id, recorded_at, head_commit, software_version, valid, error_count, warning_count, report, "
      " publiccode_yml, crawl_error FROM software_versions WHERE software_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
      VersionFromRow, software_id, static_cast<int64_t>(limit), static_cast<int64_t>(offset));
}

Result<int64_t> CountSoftwareVersions(Connection& conn, std::string_view software_id) {
  auto rows = QueryAll<int64_t>(conn, "SELECT count(*) FROM software_versions WHERE software_id = ?",
                                [](Statement& st) { return st.Int(0); }, software_id);
  if (!rows) return std::unexpected(rows.error());
  return rows->empty() ? 0 : rows->front();
}

Result<void> WriteAdoption(Connection& conn, const Adoption& a) {
  if (a.id.empty()) return std::unexpected(Error::Invalid("id", "An adoption needs an id", "採用紀錄缺少 id"));
  auto st = conn.Prepare(
      "INSERT INTO adoptions (id, software_id, organization_id, state, doc) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (id) DO UPDATE SET software_id = excluded.software_id, organization_id = excluded.organization_id, "
      " state = excluded.state, doc = excluded.doc");
  if (!st) return std::unexpected(st.error());
  st->Bind(a.id, a.software_id, a.organization_id, ToCode(a.state), ToJsonString(AdoptionToJson(a)));
  return st->Run();
}

Result<Adoption> ReadAdoption(Connection& conn, std::string_view id) {
  auto rows = QueryAll<Adoption>(conn, "SELECT doc FROM adoptions WHERE id = ?", AdoptionFromRow, id);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::NotFound("Adoption"));
  return std::move(rows->front());
}

Result<std::vector<Adoption>> ReadAdoptions(Connection& conn, std::string_view software_id,
                                            std::string_view organization_id) {
  return QueryAll<Adoption>(conn,
                            "SELECT doc FROM adoptions WHERE (?1 = '' OR software_id = ?1) "
                            "AND (?2 = '' OR organization_id = ?2) ORDER BY rowid",
                            AdoptionFromRow, software_id, organization_id);
}

}  // namespace pintu::sqlite
