// data.gov.tw's six per-resource checks scored as indicators (1 point each), plus the
// dataset's "conforms to a published data standard" point, rolled up into the badge:
//   bronze   (銅): every resource is obtainable — linkable and downloadable;
//   silver   (銀): + easy to process — structured, declared encoding matches, CSV offered;
//   gold     (金): + easy to understand — the field dictionary matches the file's columns;
//   platinum (白金): + the dataset declares a published data standard (conforms_to).
// The dataset's badge is the one every active resource earns (its weakest file decides).
// An undecided check fails, except encoding_match and desc_match on a file that was read
// but to which they do not apply (no text encoding in an xlsx, no header in JSON).
#pragma once

#include <span>
#include <string_view>

#include "quality/indicators/indicator.h"
#include "quality/indicators/scoring_input.h"

namespace pintu::quality {

// The six checks (per resource) and the data-standard indicator (per dataset).
std::span<const IndicatorDefinition> DatagovBadgeIndicators();

// Scores the checks of every active resource into `out` and adds the "datagovtw" total,
// whose rating is "none", "bronze", "silver", "gold" or "platinum".
void ScoreDatagovBadge(const ScoringInput& input, ScoreCard& out);

}  // namespace pintu::quality
