#include "store/sqlite/resource_check_rows.h"

#include <boost/json.hpp>

#include "store/sqlite/dataset_rows.h"

namespace pintu::sqlite {
namespace {

constexpr std::string_view kCheckColumns =
    "SELECT id, resource_id, kind, checked_at, valid, error_count, warning_count, "
    " detected_encoding, detected_format, http_status, report, job_id FROM resource_checks ";

Result<ResourceCheck> CheckFromRow(Statement& st) {
  ResourceCheck c;
  c.id = st.Int(0);
  c.resource_id = st.Text(1);
  auto kind = ParseCheckKind(st.View(2));
  if (!kind) return std::unexpected(Error::Internal("Unknown check kind in the store: " + st.Text(2)));
  c.kind = *kind;
  c.checked_at = st.Int(3);
  if (!st.IsNull(4)) c.valid = st.Int(4) != 0;
  c.error_count = st.Int(5);
  c.warning_count = st.Int(6);
  c.detected_encoding = st.Text(7);
  c.detected_format = st.Text(8);
  if (!st.IsNull(9)) c.http_status = static_cast<int>(st.Int(9));
  c.report = st.Text(10);
  if (!st.IsNull(11)) c.job_id = st.Int(11);
  return c;
}

}  // namespace

Result<ResourceCheck> InsertResourceCheck(Connection& conn, const ResourceCheck& check) {
  if (check.resource_id.empty() || check.resource_id.size() > 400)
    return std::unexpected(Error::Invalid("resource_id", "A check result needs a resource id",
                                          "檢查結果需要資源代號"));
  if (check.report.size() > kMaxCheckReportBytes)
    return std::unexpected(Error::TooLarge("A check report must be at most 8 MiB"));
  boost::system::error_code ec;
  auto report = boost::json::parse(check.report, ec);
  if (ec || !report.is_object())
    return std::unexpected(Error::Invalid("report", "A check report must be a JSON object",
                                          "檢查報告必須是 JSON 物件"));
  auto st = conn.Prepare(
      "INSERT INTO resource_checks (resource_id, kind, checked_at, valid, error_count, warning_count, "
      " detected_encoding, detected_format, http_status, report, job_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!st) return std::unexpected(st.error());
  st->Bind(check.resource_id, CheckKindName(check.kind), check.checked_at);
  if (check.valid) st->BindAt(4, *check.valid ? 1 : 0);
  else st->BindAt(4, nullptr);
  st->BindAt(5, check.error_count);
  st->BindAt(6, check.warning_count);
  st->BindAt(7, check.detected_encoding);
  st->BindAt(8, check.detected_format);
  if (check.http_status) st->BindAt(9, *check.http_status);
  else st->BindAt(9, nullptr);
  st->BindAt(10, check.report);
  if (check.job_id) st->BindAt(11, *check.job_id);
  else st->BindAt(11, nullptr);
  if (auto r = st->Run(); !r) return std::unexpected(r.error());
  ResourceCheck out = check;
  out.id = sqlite3_last_insert_rowid(conn.handle());
  return out;
}

Result<ResourceCheck> ReadLatestResourceCheck(Connection& conn, std::string_view resource_id,
                                              CheckKind kind) {
  auto rows = ReadResourceChecks(conn, resource_id, kind, 0, 1);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::NotFound("Check result"));
  return std::move(rows->front());
}

Result<std::vector<ResourceCheck>> ReadResourceChecks(Connection& conn, std::string_view resource_id,
                                                      std::optional<CheckKind> kind, size_t offset,
                                                      size_t limit) {
  static const std::string kOfKind = std::string(kCheckColumns) +
                                     "WHERE resource_id = ?1 AND kind = ?2 "
                                     "ORDER BY checked_at DESC, id DESC LIMIT ?3 OFFSET ?4";
  static const std::string kAll = std::string(kCheckColumns) +
                                  "WHERE resource_id = ?1 ORDER BY checked_at DESC, id DESC LIMIT ?3 OFFSET ?4";
  if (kind)
    return QueryAll<ResourceCheck>(conn, kOfKind, CheckFromRow, resource_id, CheckKindName(*kind),
                                   SqlCount(limit), SqlCount(offset));
  auto st = conn.Prepare(kAll);
  if (!st) return std::unexpected(st.error());
  st->BindAt(1, resource_id);
  st->BindAt(3, SqlCount(limit));
  st->BindAt(4, SqlCount(offset));
  std::vector<ResourceCheck> out;
  while (true) {
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    auto c = CheckFromRow(*st);
    if (!c) return std::unexpected(c.error());
    out.push_back(std::move(*c));
  }
  return out;
}

Result<int64_t> CountResourceChecksOf(Connection& conn, std::string_view resource_id,
                                      std::optional<CheckKind> kind) {
  auto st = conn.Prepare(kind ? "SELECT count(*) FROM resource_checks WHERE resource_id = ? AND kind = ?"
                              : "SELECT count(*) FROM resource_checks WHERE resource_id = ?");
  if (!st) return std::unexpected(st.error());
  st->BindAt(1, resource_id);
  if (kind) st->BindAt(2, CheckKindName(*kind));
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  return st->Int(0);
}

Result<std::vector<std::string>> ReadResourcesDue(Connection& conn, const DueResourceQuery& q) {
  // ?1 check kind, ?2 cut-off, ?3 job kind, ?4 limit.
  return QueryAll<std::string>(
      conn,
      "SELECT r.id FROM resources r JOIN datasets d ON d.id = r.dataset_id "
      "WHERE r.state = 'active' AND d.state = 'active' "
      " AND NOT EXISTS (SELECT 1 FROM resource_checks c "
      "                 WHERE c.resource_id = r.id AND c.kind = ?1 AND c.checked_at > ?2) "
      " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.subject = r.id AND j.kind = ?3 "
      "                 AND (j.state IN ('queued', 'running', 'failed') OR j.finished_at > ?2)) "
      "ORDER BY coalesce((SELECT max(c.checked_at) FROM resource_checks c "
      "                   WHERE c.resource_id = r.id AND c.kind = ?1), 0), r.id "
      "LIMIT ?4",
      [](Statement& st) { return st.Text(0); }, CheckKindName(q.check_kind), q.checked_before, q.job_kind,
      SqlCount(q.limit));
}

Result<int64_t> DeleteOldResourceChecks(Connection& conn, size_t keep) {
  auto st = conn.Prepare(
      "DELETE FROM resource_checks WHERE id IN ("
      " SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY resource_id, kind "
      "                 ORDER BY checked_at DESC, id DESC) AS n FROM resource_checks) WHERE n > ?)");
  if (!st) return std::unexpected(st.error());
  st->Bind(SqlCount(keep));
  if (auto r = st->Run(); !r) return std::unexpected(r.error());
  return sqlite3_changes64(conn.handle());
}

}  // namespace pintu::sqlite
