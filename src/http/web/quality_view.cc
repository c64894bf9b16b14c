#include "http/web/quality_view.h"

#include <fmt/format.h>

#include "core/clock.h"
#include "http/web/view.h"
#include "quality/indicators/fair.h"
#include "quality/indicators/indicator.h"

namespace pintu::http::web {
namespace json = boost::json;
namespace {

std::string Points(double v) { return std::abs(v - std::round(v)) < 0.05 ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v); }

std::string ResourceName(const Dataset& d, const std::string& id, Lang lang) {
  for (const Resource& r : d.resources)
    if (r.id == id) {
      std::string name = Localized(r.name, lang)["text"].as_string().c_str();
      return name.empty() ? r.format : name;
    }
  return id;
}

}  // namespace

json::object QualityPanelView(const std::optional<ScoreCard>& card, const Dataset& dataset, Lang lang) {
  if (!card) return {{"scored", false}};
  const bool en = lang == kEn;
  json::object v{{"scored", true}, {"scored_on", DateOnly(IsoFromUnixMillis(card->computed_at))}};
  if (const FrameworkTotal* t = card->Total(kFrameworkMqa))
    v["mqa"] = json::object{{"points", Points(t->points)},
                            {"rating", t->rating},
                            {"rating_text", Translate(lang, "quality_rating_" + t->rating)}};
  if (const FrameworkTotal* t = card->Total(kFrameworkFair))
    v["fair"] = json::object{{"percent", Points(t->Percent())},
                             {"f", Points(quality::FairDimensionPercent(*card, "F"))},
                             {"a", Points(quality::FairDimensionPercent(*card, "A"))},
                             {"i", Points(quality::FairDimensionPercent(*card, "I"))},
                             {"r", Points(quality::FairDimensionPercent(*card, "R"))}};
  if (const FrameworkTotal* t = card->Total(kFrameworkAiReady)) v["ai"] = json::object{{"percent", Points(t->Percent())}};
  if (const FrameworkTotal* t = card->Total(kFrameworkDatagovtw))
    v["badge"] = json::object{{"code", t->rating}, {"text", Translate(lang, "quality_badge_" + t->rating)}};
  if (const FrameworkTotal* t = card->Total(kFrameworkFiveStar)) v["stars"] = t->rating;

  // The one fix worth most: among the two graded frameworks (MQA and AI-readiness), the
  // indicator with the largest share of its framework's total still missing.
  std::map<std::string, double> missing;
  for (const auto& s : card->indicators) {
    if (s.framework != kFrameworkMqa && s.framework != kFrameworkAiReady) continue;
    const FrameworkTotal* t = card->Total(s.framework);
    if (t && t->max_points > 0) missing[s.id] += (s.max_points - s.points) / t->max_points;
  }
  auto best = std::max_element(missing.begin(), missing.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (best != missing.end() && best->second > 1e-9) {
    if (const quality::IndicatorDefinition* d = quality::FindIndicator(best->first))
      v["next_fix"] = json::object{{"name", en ? d->name_en : d->name_zh},
                                   {"hint", en ? d->hint_en : d->hint_zh},
                                   {"framework", Translate(lang, "quality_framework_" + std::string(d->framework))}};
  }

  json::array frameworks;
  for (const auto& t : card->totals) {
    json::array items;
    for (const auto& s : card->indicators) {
      if (s.framework != t.framework) continue;
      const quality::IndicatorDefinition* d = quality::FindIndicator(s.id);
      const bool full = s.points + 1e-9 >= s.max_points;
      const bool none = s.points < 1e-9;
      const std::string state = full ? "pass" : (none ? "fail" : "partial");
      json::object item{{"name", d ? std::string(en ? d->name_en : d->name_zh) : s.id},
                        {"state", state},
                        {"state_text", Translate(lang, "quality_state_" + state)},
                        {"points", Points(s.points)},
                        {"max", Points(s.max_points)},
                        {"evidence", s.evidence.Best(en ? kLangEn : kLangZh)},
                        {"hint", full || !d ? json::value(false) : json::value(en ? d->hint_en : d->hint_zh)}};
      if (!s.resource_id.empty()) item["resource"] = ResourceName(dataset, s.resource_id, lang);
      items.push_back(std::move(item));
    }
    frameworks.push_back(json::object{{"title", Translate(lang, "quality_framework_" + t.framework)},
                                      {"points", Points(t.points)},
                                      {"max", Points(t.max_points)},
                                      {"items", std::move(items)}});
  }
  v["frameworks"] = std::move(frameworks);
  return v;
}

}  // namespace pintu::http::web
