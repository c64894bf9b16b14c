// FAIR: the F-UJI metrics (FsF, metric version 0.8; ids and maximum points as F-UJI
// publishes them) that a catalog can answer from its own metadata, with the network-
// dependent ones (is the data reachable over a standard protocol?) answered by Pintu's
// link checker. 24 points: F 7, A 3, I 4, R 10. What each metric accepts is in
// docs/quality.md; FairDimensionPercent gives the F/A/I/R percentages.
#pragma once

#include <span>
#include <string_view>

#include "quality/indicators/indicator.h"
#include "quality/indicators/scoring_input.h"

namespace pintu::quality {

// The FsF metrics Pintu computes.
std::span<const IndicatorDefinition> FairIndicators();

// Scores every metric into `out` and adds the "fair" total.
void ScoreFair(const ScoringInput& input, ScoreCard& out);

// The percentage of `dimension` ("F", "A", "I" or "R") points `card` earned; 0 when the
// card has no FAIR indicators.
double FairDimensionPercent(const ScoreCard& card, std::string_view dimension);

}  // namespace pintu::quality
