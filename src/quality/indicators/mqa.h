// data.europa.eu's Metadata Quality Assessment (MQA): 5 dimensions, 23 indicators,
// 405 points, rated Excellent (351–405), Good (221–350), Sufficient (121–220) or Bad
// (0–120). Distribution-level indicators earn their points in proportion to the share
// of the dataset's distributions that meet them. Rules and sources: docs/quality.md.
#pragma once

#include <span>
#include <string_view>

#include "quality/indicators/indicator.h"
#include "quality/indicators/scoring_input.h"

namespace pintu::quality {

// Total points MQA awards.
inline constexpr double kMqaMaxPoints = 405;

// MQA's indicators with their published points.
std::span<const IndicatorDefinition> MqaIndicators();

// Scores `input` against every MQA indicator into `out`, and adds the "mqa" total.
void ScoreMqa(const ScoringInput& input, ScoreCard& out);

// MQA's rating band for `points`: "excellent", "good", "sufficient" or "bad".
std::string_view MqaRating(double points);

}  // namespace pintu::quality
