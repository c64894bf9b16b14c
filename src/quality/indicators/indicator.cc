#include "quality/indicators/indicator.h"

#include <algorithm>
#include <vector>

#include "quality/indicators/ai_readiness.h"
#include "quality/indicators/datagovtw_badge.h"
#include "quality/indicators/fair.h"
#include "quality/indicators/five_star.h"
#include "quality/indicators/mqa.h"

namespace pintu::quality {

std::span<const IndicatorDefinition> AllIndicators() {
  static const std::vector<IndicatorDefinition> all = [] {
    std::vector<IndicatorDefinition> v;
    for (auto part : {MqaIndicators(), DatagovBadgeIndicators(), FiveStarIndicators(), FairIndicators(),
                      AiReadinessIndicators()})
      v.insert(v.end(), part.begin(), part.end());
    return v;
  }();
  return all;
}

const IndicatorDefinition* FindIndicator(std::string_view id) {
  for (const auto& d : AllIndicators())
    if (d.id == id) return &d;
  return nullptr;
}

void ScoreCardBuilder::Add(const IndicatorDefinition& def, double share, std::string evidence_zh,
                           std::string evidence_en, std::string resource_id) {
  IndicatorScore s;
  s.id = std::string(def.id);
  s.framework = std::string(def.framework);
  s.dimension = std::string(def.dimension);
  s.max_points = def.max_points;
  s.points = def.max_points * std::clamp(share, 0.0, 1.0);
  s.resource_id = std::move(resource_id);
  s.evidence = LocalizedText::Both(std::move(evidence_zh), std::move(evidence_en));
  card_.indicators.push_back(std::move(s));
}

const ResourceEvidence* FindEvidence(const ScoringInput& input, const std::string& resource_id) {
  for (const auto& e : input.resources)
    if (e.resource_id == resource_id) return &e;
  return nullptr;
}

}  // namespace pintu::quality
