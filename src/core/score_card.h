// The quality, FAIR and AI-readiness score of one dataset at one moment: the
// outcome of every indicator (quality/indicators.h computes it) plus one total per
// framework. Stored as dated snapshots; exported as DQV; shown on the portal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"
#include "core/vocabulary.h"

namespace pintu {

// The frameworks Pintu scores against. Codes are stable (stored, sent over APIs).
inline constexpr std::string_view kFrameworkMqa = "mqa";              // data.europa.eu MQA, 405 points
inline constexpr std::string_view kFrameworkFair = "fair";            // F-UJI FsF metrics v0.8
inline constexpr std::string_view kFrameworkAiReady = "ai";           // Pintu's AI-readiness indicators
inline constexpr std::string_view kFrameworkDatagovtw = "datagovtw";  // data.gov.tw badge (per resource)
inline constexpr std::string_view kFrameworkFiveStar = "five-star";   // Berners-Lee 5-star (per resource)

// One indicator's outcome for a dataset, or for one of its resources.
struct IndicatorScore {
  std::string id;           // stable indicator id, e.g. "mqa.findability.keyword", "fair.FsF-F1-01D"
  std::string framework;    // one of the kFramework* codes
  std::string dimension;    // the framework's dimension, e.g. "findability", "F", "structure"
  double points = 0;        // points earned, 0 <= points <= max_points
  double max_points = 0;    // points available
  std::string resource_id;  // "" for dataset-level indicators; else the resource scored
  LocalizedText evidence;   // what was seen, in plain language (zh-TW and en)
  bool operator==(const IndicatorScore&) const = default;
};

// A framework's total for one dataset.
struct FrameworkTotal {
  std::string framework;   // kFramework* code
  double points = 0;
  double max_points = 0;
  std::string rating;      // framework's band: MQA excellent/good/sufficient/bad; badge
                           // none/bronze/silver/gold/platinum; five-star "0".."5"; "" otherwise
  double Percent() const { return max_points > 0 ? 100.0 * points / max_points : 0.0; }
  bool operator==(const FrameworkTotal&) const = default;
};

// Every indicator's outcome for one dataset at `computed_at`.
struct ScoreCard {
  std::string dataset_id;
  std::string dataset_slug;
  std::string organization_id;
  OrgLevel level = OrgLevel::kOther;  // the publisher's level, for central/local rollups
  bool published = false;             // public and active when scored (dashboards count only these)
  int64_t computed_at = 0;            // Unix milliseconds
  std::vector<IndicatorScore> indicators;
  std::vector<FrameworkTotal> totals;

  // The total of `framework`, or nullptr when it was not scored.
  const FrameworkTotal* Total(std::string_view framework) const {
    for (const auto& t : totals)
      if (t.framework == framework) return &t;
    return nullptr;
  }
  bool operator==(const ScoreCard&) const = default;
};

// The summary columns kept with every stored snapshot, so dashboards and trends are
// computed without parsing cards.
struct ScoreSnapshotSummary {
  std::string dataset_id;
  std::string organization_id;
  OrgLevel level = OrgLevel::kOther;
  bool published = false;     // public and active when scored
  int64_t computed_at = 0;    // Unix milliseconds
  double mqa_points = 0;      // of 405
  double fair_percent = 0;    // 0..100
  double ai_percent = 0;      // 0..100
  std::string mqa_rating;     // excellent / good / sufficient / bad
  std::string badge;          // none / bronze / silver / gold / platinum
  int five_star = 0;          // the weakest resource's stars
  bool operator==(const ScoreSnapshotSummary&) const = default;
};

// The summary of `card` (the totals it carries; missing frameworks count zero).
ScoreSnapshotSummary SummarizeScoreCard(const ScoreCard& card);

}  // namespace pintu
