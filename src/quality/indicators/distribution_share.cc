#include "quality/indicators/distribution_share.h"

namespace pintu::quality {

std::string DistributionShare::EvidenceZh(std::string_view what_zh) const {
  if (total == 0) return "沒有任何資源（distribution）";
  return std::to_string(met) + "/" + std::to_string(total) + " 個資源" + std::string(what_zh);
}

std::string DistributionShare::EvidenceEn(std::string_view what_en) const {
  if (total == 0) return "the dataset has no distributions";
  return std::to_string(met) + " of " + std::to_string(total) + " distribution" + (total == 1 ? " " : "s ") +
         std::string(what_en);
}

DistributionShare CountDistributions(const ScoringInput& input,
                                     const std::function<bool(const Resource&, const ResourceEvidence*)>& rule) {
  DistributionShare share;
  for (const Resource& r : input.dataset->resources) {
    if (r.state != State::kActive) continue;
    ++share.total;
    if (rule(r, FindEvidence(input, r.id))) ++share.met;
  }
  return share;
}

}  // namespace pintu::quality
