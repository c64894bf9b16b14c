// Shared by the frameworks that score distributions: the share of a dataset's active
// resources that meet a rule, with bilingual evidence ("2 of 3 distributions …").
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "quality/indicators/scoring_input.h"

namespace pintu::quality {

// How many resources meet a rule, out of how many.
struct DistributionShare {
  int met = 0;
  int total = 0;
  double Share() const { return total > 0 ? static_cast<double>(met) / total : 0.0; }
  // "2/3 個資源{what_zh}" and "2 of 3 distributions {what_en}"; "沒有資源" / "no
  // distributions" when the dataset has none.
  std::string EvidenceZh(std::string_view what_zh) const;
  std::string EvidenceEn(std::string_view what_en) const;
};

// Applies `rule` to every active resource of input.dataset with its evidence (nullptr
// when nothing was measured).
DistributionShare CountDistributions(const ScoringInput& input,
                                     const std::function<bool(const Resource&, const ResourceEvidence*)>& rule);

}  // namespace pintu::quality
