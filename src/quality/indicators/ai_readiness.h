// AI-readiness: 14 indicators, 100 points, asking whether a machine-learning or
// analytics user can take the dataset and trust it without phoning the agency: complete
// core metadata, a valid Croissant description, a machine-readable licence, files whose
// bytes match what is declared, open formats, structural validity, a field dictionary
// that covers the columns with the right types, few gaps, keys without duplicates,
// freshness against the declared update frequency, provenance (statistics need their
// method and formula; raw data gains), personal data handled, and the Responsible-AI
// documentation Croissant's RAI vocabulary asks for. Rules: docs/quality.md.
#pragma once

#include <span>

#include "quality/indicators/indicator.h"
#include "quality/indicators/scoring_input.h"

namespace pintu::quality {

// The AI-readiness indicators.
std::span<const IndicatorDefinition> AiReadinessIndicators();

// Scores every indicator into `out` and adds the "ai" total.
void ScoreAiReadiness(const ScoringInput& input, ScoreCard& out);

// The number of days between updates `frequency` (EU code) promises, or 0 when it
// promises none (IRREG, NEVER, OTHER, unknown codes).
int FrequencyPeriodDays(std::string_view frequency);

}  // namespace pintu::quality
