// Scores one dataset against every framework: MQA, the data.gov.tw badge, 5-star, FAIR
// and AI-readiness. Pure and fast (no I/O, no JSON parsing): the whole benchmark catalog
// of 36k datasets scores in well under two seconds on one core (bench/score_bench.cc).
#pragma once

#include "core/score_card.h"
#include "quality/indicators/scoring_input.h"

namespace pintu::quality {

// The card for input.dataset at input.now_ms. input.dataset must not be null.
ScoreCard ScoreDataset(const ScoringInput& input);

}  // namespace pintu::quality
