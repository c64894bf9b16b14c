// Tim Berners-Lee's 5-star open data, per resource:
//   ★ open licence and on the web; ★★ + machine-readable structured data; ★★★ + a
//   non-proprietary format; ★★★★ + uses URIs (an RDF serialisation); ★★★★★ + links to
//   other data (RDF, and the dataset names the datasets it links to or derives from).
// The format is the one the file engine detected when the file was checked, else the
// declared one. The dataset's rating is its weakest resource's stars.
#pragma once

#include <span>

#include "quality/indicators/indicator.h"
#include "quality/indicators/scoring_input.h"

namespace pintu::quality {

// The one per-resource indicator "five-star.stars" (5 points = 5 stars).
std::span<const IndicatorDefinition> FiveStarIndicators();

// Scores every active resource into `out` and adds the "five-star" total (rating "0".."5").
void ScoreFiveStar(const ScoringInput& input, ScoreCard& out);

}  // namespace pintu::quality
