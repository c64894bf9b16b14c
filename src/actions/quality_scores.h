// Quality, FAIR and AI-readiness scores: computing a dataset's card from what is stored
// (metadata, the newest link and contents checks), keeping dated snapshots, and the
// rollups behind the quality dashboard. Scores are recomputed by the score_dataset job,
// which every dataset write and every stored check result enqueues; pages and APIs read
// the stored snapshots and never re-score.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "actions/context.h"
#include "core/score_card.h"
#include "quality/indicators/rollup.h"
#include "quality/indicators/scoring_input.h"

namespace pintu::jobs {
class HandlerRegistry;
}  // namespace pintu::jobs

namespace pintu::actions {

// Everything the indicators need for `dataset`, read from the store: its organisation
// and, per active resource, the evidence of its newest checks. `now_ms` is "now".
Result<quality::ScoringInput> GatherScoringInput(Store& store, const Config& config, const Dataset& dataset,
                                                 Organization* organization_storage, int64_t now_ms);

// Computes the card of dataset `id_or_slug` now, without storing it.
Result<ScoreCard> ComputeDatasetScore(Store& store, const Config& config, std::string_view id_or_slug,
                                      int64_t now_ms);

// What a rescore did.
struct RescoreOutcome {
  ScoreCard card;
  bool stored = false;  // false when the newest snapshot already said the same
};

// Computes dataset `id`'s card and stores it as a snapshot unless the newest snapshot
// has the same indicators and totals (only its time would differ).
Result<RescoreOutcome> RescoreDataset(Store& store, const Config& config, std::string_view id, int64_t now_ms);

// Rescores every dataset (any state: unpublished ones are stored as such, so dashboards
// drop them). `progress(done, total)` is called after each one when given. Returns how
// many snapshots were stored.
Result<size_t> RescoreAllDatasets(Store& store, const Config& config, int64_t now_ms,
                                  const std::function<void(size_t, size_t)>& progress = {});

// Inside a dataset or check write: enqueues the score_dataset job of `dataset_id`
// (deduplicated with one already waiting).
Result<void> EnqueueRescore(WriteTxn& tx, std::string_view dataset_id);

// Registers the score_dataset job handler. `store` and `config` must outlive the workers.
void RegisterScoreHandler(jobs::HandlerRegistry& registry, Store& store, const Config& config);

// The newest stored card of a dataset the caller may read (as package_show); nullopt when
// it was never scored. A dataset the caller cannot see is kNotFound.
Result<std::optional<ScoreCard>> ShowDatasetScore(Context& ctx, std::string_view id_or_slug);

// An agency's name and rollup, for rankings.
struct AgencyRollup {
  Organization organization;
  quality::GroupRollup rollup;
};

// What the quality dashboard shows, from stored snapshots of published datasets only.
struct QualityDashboard {
  quality::GroupRollup all;
  std::vector<quality::GroupRollup> levels;  // central, local, other (those present)
  std::vector<AgencyRollup> agencies;        // by mean MQA points, best first
  std::array<int, 9> mqa_histogram{};        // 45-point bins
  std::vector<quality::TrendPoint> trend;    // one point per day, oldest first
};

// The dashboard over the last `trend_days` days (1..366). Anyone may read it.
Result<QualityDashboard> ShowQualityDashboard(Context& ctx, int trend_days);

// An organisation's top fixes in `framework` (kFramework* code) over its published
// datasets' newest cards. Anyone may read it; unknown organisation → kNotFound.
Result<std::vector<quality::TopFix>> ShowTopFixes(Context& ctx, std::string_view organization, std::string_view framework,
                                                  size_t limit);

}  // namespace pintu::actions
