#include "store/sqlite/activity_rows.h"

#include "core/ids.h"
#include "core/time.h"
#include "store/sqlite/dataset_rows.h"

namespace pintu::sqlite {
namespace {

constexpr std::string_view kActivityColumns =
    "SELECT seq, id, timestamp, actor, object_type, object_id, activity_type, diff_json "
    "FROM activities ";

Result<std::vector<Activity>> ReadRows(Statement& st) {
  std::vector<Activity> out;
  while (true) {
    auto row = st.Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    Activity a;
    a.seq = st.Int(0);
    a.id = st.Text(1);
    a.timestamp = st.Text(2);
    a.actor = st.Text(3);
    a.object_type = st.Text(4);
    a.object_id = st.Text(5);
    a.activity_type = st.Text(6);
    a.diff_json = st.Text(7);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Result<int64_t> AppendActivity(Connection& conn, const Activity& a) {
  auto st = conn.Prepare(
      "INSERT INTO activities (id, timestamp, actor, object_type, object_id, activity_type, "
      " diff_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!st) return std::unexpected(st.error());
  st->Bind(a.id.empty() ? NewUuid() : a.id, a.timestamp.empty() ? NowIso() : a.timestamp, a.actor,
           a.object_type, a.object_id, a.activity_type, a.diff_json.empty() ? "{}" : a.diff_json);
  if (auto r = st->Run(); !r) {
    if (IsUniqueViolation(st->last_code()))
      return std::unexpected(Error::Conflict("id", "An activity with that id already exists."));
    return std::unexpected(r.error());
  }
  return sqlite3_last_insert_rowid(conn.handle());
}

Result<std::vector<Activity>> ReadActivities(Connection& conn, std::string_view object_id,
                                             size_t offset, size_t limit) {
  static const std::string sql =
      std::string(kActivityColumns) + "WHERE object_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?";
  auto st = conn.Prepare(sql);
  if (!st) return std::unexpected(st.error());
  st->Bind(object_id, SqlCount(limit), SqlCount(offset));
  return ReadRows(*st);
}

Result<std::vector<Activity>> ReadDatasetActivities(Connection& conn, const DatasetActivityQuery& q) {
  // Two plans. Whole catalog: walk the activities newest first and stop after the page
  // (CROSS JOIN keeps activities the outer loop, so no sort). One organisation: its
  // datasets by datasets_by_organization, then their activities, sorted.
  static const std::string kColumns =
      "SELECT a.seq, a.id, a.timestamp, a.actor, a.object_type, a.object_id, a.activity_type, a.diff_json ";
  static const std::string kWhere =
      "WHERE a.object_type = 'dataset' AND (?1 OR d.private = 0) "
      " AND (d.state = 'active' OR (?2 AND d.state = 'draft') OR (?3 AND d.state = 'deleted')) ";
  static const std::string kAll = kColumns + "FROM activities a CROSS JOIN datasets d ON d.id = a.object_id " +
                                  kWhere + "ORDER BY a.seq DESC LIMIT ?4 OFFSET ?5";
  static const std::string kOfOrg = kColumns + "FROM datasets d JOIN activities a ON a.object_id = d.id " + kWhere +
                                    "AND d.organization_id = ?6 ORDER BY a.seq DESC LIMIT ?4 OFFSET ?5";
  auto st = conn.Prepare(q.organization_id.empty() ? kAll : kOfOrg);
  if (!st) return std::unexpected(st.error());
  if (q.organization_id.empty())
    st->Bind(q.include_private, q.include_drafts, q.include_deleted, SqlCount(q.limit), SqlCount(q.offset));
  else
    st->Bind(q.include_private, q.include_drafts, q.include_deleted, SqlCount(q.limit), SqlCount(q.offset),
             q.organization_id);
  return ReadRows(*st);
}

Result<std::vector<Activity>> ReadActivitiesSince(Connection& conn, int64_t after_seq,
                                                  size_t limit) {
  static const std::string sql =
      std::string(kActivityColumns) + "WHERE seq > ? ORDER BY seq LIMIT ?";
  auto st = conn.Prepare(sql);
  if (!st) return std::unexpected(st.error());
  st->Bind(after_seq, SqlCount(limit));
  return ReadRows(*st);
}

Result<int64_t> ReadChangeSeq(Connection& conn) {
  auto st = conn.Prepare("SELECT coalesce(max(seq), 0) FROM activities");
  if (!st) return std::unexpected(st.error());
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  return st->Int(0);
}

Result<std::vector<DatasetPopularity>> ReadPopularity(Connection& conn) {
  return QueryAll<DatasetPopularity>(conn, "SELECT dataset_id, views, downloads FROM dataset_popularity",
                                     [](Statement& st) {
                                       return DatasetPopularity{st.Text(0), st.Int(1), st.Int(2)};
                                     });
}

Result<void> AddToPopularity(Connection& conn, std::string_view dataset_id, int64_t views,
                             int64_t downloads) {
  auto st = conn.Prepare(
      "INSERT INTO dataset_popularity (dataset_id, views, downloads) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (dataset_id) DO UPDATE SET views = views + excluded.views, "
      " downloads = downloads + excluded.downloads");
  if (!st) return std::unexpected(st.error());
  st->Bind(dataset_id, views, downloads);
  if (auto r = st->Run(); !r) {
    if (IsForeignKeyViolation(st->last_code())) return std::unexpected(Error::NotFound("Dataset"));
    return r;
  }
  return Ok();
}

}  // namespace pintu::sqlite
