#include "store/sqlite/score_snapshot_rows.h"

#include "store/sqlite/dataset_rows.h"

namespace pintu::sqlite {
namespace {

// The newest snapshot id per dataset.
constexpr std::string_view kLatestIds =
    "SELECT (SELECT s2.id FROM score_snapshots s2 WHERE s2.dataset_id = s.dataset_id "
    "        ORDER BY s2.computed_at DESC, s2.id DESC LIMIT 1) FROM score_snapshots s GROUP BY s.dataset_id";

constexpr std::string_view kSummaryColumns =
    "SELECT dataset_id, organization_id, level, published, computed_at, mqa_points, fair_percent, ai_percent, "
    " mqa_rating, badge, five_star FROM score_snapshots ";

ScoreSnapshotSummary SummaryFromRow(Statement& st) {
  ScoreSnapshotSummary s;
  s.dataset_id = st.Text(0);
  s.organization_id = st.Text(1);
  s.level = ParseOrgLevel(st.View(2)).value_or(OrgLevel::kOther);
  s.published = st.Int(3) != 0;
  s.computed_at = st.Int(4);
  s.mqa_points = st.Double(5);
  s.fair_percent = st.Double(6);
  s.ai_percent = st.Double(7);
  s.mqa_rating = st.Text(8);
  s.badge = st.Text(9);
  s.five_star = static_cast<int>(st.Int(10));
  return s;
}

}  // namespace

Result<void> InsertScoreSnapshot(Connection& conn, const ScoreCard& card, std::string_view card_json) {
  if (card.dataset_id.empty())
    return std::unexpected(Error::Invalid("dataset_id", "A score snapshot needs a dataset id", "評分快照需要資料集代號"));
  if (card_json.size() > kMaxScoreCardBytes) return std::unexpected(Error::TooLarge("A score card must be at most 4 MiB"));
  const ScoreSnapshotSummary s = SummarizeScoreCard(card);
  auto st = conn.Prepare(
      "INSERT INTO score_snapshots (dataset_id, organization_id, level, published, computed_at, mqa_points, fair_percent, "
      " ai_percent, mqa_rating, badge, five_star, card) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!st) return std::unexpected(st.error());
  st->Bind(s.dataset_id, s.organization_id, ToCode(s.level), s.published, s.computed_at, s.mqa_points, s.fair_percent, s.ai_percent,
           s.mqa_rating, s.badge, static_cast<int64_t>(s.five_star), card_json);
  return st->Run();
}

Result<std::string> ReadLatestScoreCardJson(Connection& conn, std::string_view dataset_id) {
  auto rows = QueryAll<std::string>(
      conn, "SELECT card FROM score_snapshots WHERE dataset_id = ? ORDER BY computed_at DESC, id DESC LIMIT 1",
      [](Statement& st) { return st.Text(0); }, dataset_id);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::NotFound("Score"));
  return std::move(rows->front());
}

Result<std::vector<std::string>> ReadLatestScoreCards(Connection& conn, std::string_view organization_id) {
  static const std::string kSql = "SELECT card FROM score_snapshots WHERE id IN (" + std::string(kLatestIds) +
                                  ") AND (?1 = '' OR organization_id = ?1) ORDER BY dataset_id";
  return QueryAll<std::string>(conn, kSql, [](Statement& st) { return st.Text(0); }, organization_id);
}

Result<ScoreSnapshotSummary> ReadLatestScoreSummary(Connection& conn, std::string_view dataset_id) {
  static const std::string kSql = std::string(kSummaryColumns) +
                                  "WHERE dataset_id = ? ORDER BY computed_at DESC, id DESC LIMIT 1";
  auto rows = QueryAll<ScoreSnapshotSummary>(conn, kSql, SummaryFromRow, dataset_id);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::NotFound("Score"));
  return std::move(rows->front());
}

Result<std::vector<ScoreSnapshotSummary>> ReadScoreSummaries(Connection& conn, bool latest_only, int64_t since) {
  static const std::string kColumns(kSummaryColumns);
  static const std::string kLatest = kColumns + "WHERE id IN (" + std::string(kLatestIds) + ") ORDER BY computed_at, id";
  static const std::string kSince = kColumns + "WHERE computed_at >= ? ORDER BY computed_at, id";
  if (latest_only) return QueryAll<ScoreSnapshotSummary>(conn, kLatest, SummaryFromRow);
  return QueryAll<ScoreSnapshotSummary>(conn, kSince, SummaryFromRow, since);
}

Result<int64_t> ReadScoreSeq(Connection& conn) {
  auto rows = QueryAll<int64_t>(conn, "SELECT coalesce(max(id), 0) FROM score_snapshots",
                                [](Statement& st) { return st.Int(0); });
  if (!rows) return std::unexpected(rows.error());
  return rows->empty() ? 0 : rows->front();
}

}  // namespace pintu::sqlite
