// The definition of one quality indicator (what it checks, its points, how to improve)
// and the builder the frameworks use to record outcomes into a ScoreCard.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/score_card.h"

namespace pintu::quality {

// A published indicator. Every framework file (mqa.h, fair.h …) owns a table of these.
struct IndicatorDefinition {
  std::string_view id;         // stable id, e.g. "mqa.findability.keyword"
  std::string_view framework;  // kFramework* code
  std::string_view dimension;  // e.g. "findability"; F/A/I/R for FAIR
  double max_points;           // points available
  bool per_resource;           // scored once per resource (badge, 5-star)
  std::string_view name_zh, name_en;      // short name
  std::string_view checks_zh, checks_en;  // what exactly it checks
  std::string_view hint_zh, hint_en;      // the one thing to do to earn the points
};

// Every indicator of every framework, in display order (MQA, data.gov.tw, 5-star, FAIR, AI).
std::span<const IndicatorDefinition> AllIndicators();
// The indicator with `id`, or nullptr.
const IndicatorDefinition* FindIndicator(std::string_view id);

// Appends outcomes to a card; keeps points within [0, max].
class ScoreCardBuilder {
 public:
  explicit ScoreCardBuilder(ScoreCard& card) : card_(card) {}
  // Records `def` with `share` (0..1) of its points, the evidence, and the resource
  // scored ("" for the dataset).
  void Add(const IndicatorDefinition& def, double share, std::string evidence_zh, std::string evidence_en,
           std::string resource_id = {});

 private:
  ScoreCard& card_;
};

}  // namespace pintu::quality
