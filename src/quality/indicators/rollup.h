// Rollups of stored scores for dashboards: averages and distributions per agency and
// per level (central / local), a daily trend, and each agency's "top fixes" — which
// single indicator, fixed on every dataset that misses it, would raise the most points.
// Pure functions over snapshot summaries and cards; the store keeps the snapshots.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/score_card.h"

namespace pintu::quality {

// Averages and counts over a group of datasets' newest snapshots.
struct GroupRollup {
  std::string key;  // organization id, level code ("central", "local", "other") or "all"
  int datasets = 0;
  double mean_mqa_points = 0;   // of 405
  double mean_fair_percent = 0;
  double mean_ai_percent = 0;
  std::array<int, 4> mqa_bands{};  // excellent, good, sufficient, bad
  std::array<int, 5> badges{};     // none, bronze, silver, gold, platinum
  std::array<int, 6> stars{};      // datasets whose weakest resource has 0..5 stars
};

// How summaries are grouped.
enum class RollupKey { kAll, kOrganization, kLevel };

// One rollup per group of the published summaries (unpublished ones are skipped), in
// descending order of mean MQA points (kAll gives exactly one, keyed "all").
std::vector<GroupRollup> RollupScores(std::span<const ScoreSnapshotSummary> latest, RollupKey by);

// The number of published datasets whose MQA points fall in each 45-point bin
// [0,45), [45,90) … [360,405].
std::array<int, 9> MqaHistogram(std::span<const ScoreSnapshotSummary> latest);

// One day of the trend: the mean of each dataset's newest snapshot as of that day's end.
struct TrendPoint {
  std::string day;  // "YYYY-MM-DD" (UTC)
  int datasets = 0, central_datasets = 0, local_datasets = 0;
  double mean_mqa_points = 0, mean_mqa_central = 0, mean_mqa_local = 0;  // 0 when no such dataset
  double mean_fair_percent = 0, mean_ai_percent = 0;
};

// The daily trend over the `days` days that end with the day of `now_ms`, from every
// snapshot (oldest first, as ListScoreSummaries returns them). A dataset counts from its
// first snapshot on and leaves when a snapshot says it is no longer published.
std::vector<TrendPoint> ScoreTrend(std::span<const ScoreSnapshotSummary> history, int64_t now_ms, int days);

// One fix: the indicator, the points its fix would add across the datasets, and how
// many datasets miss some of its points.
struct TopFix {
  std::string indicator_id;
  double points = 0;
  int datasets = 0;
};

// The `limit` indicators of `framework` with the most missing points over `cards`
// (usually one agency's newest cards), largest first; ties by id.
std::vector<TopFix> TopFixes(std::span<const ScoreCard> cards, std::string_view framework, size_t limit);

}  // namespace pintu::quality
