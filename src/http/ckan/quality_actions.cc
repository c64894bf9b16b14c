// Quality scores on the CKAN face: quality_show (a dataset's newest card with every
// indicator's name, evidence and hint), quality_dashboard (rollups per level and agency,
// distribution and trend) and quality_top_fixes (an agency's most valuable fixes).
#include <fmt/format.h>

#include "actions/quality_scores.h"
#include "http/ckan/call.h"
#include "quality/indicators/indicator.h"
#include "quality/indicators/score_card_json.h"

namespace json = boost::json;

namespace pintu::http::ckan {
namespace {

json::object RollupToJson(const quality::GroupRollup& g) {
  json::array bands, badges, stars;
  for (int n : g.mqa_bands) bands.push_back(n);
  for (int n : g.badges) badges.push_back(n);
  for (int n : g.stars) stars.push_back(n);
  auto round = [](double v) { return std::round(v * 10) / 10; };
  return json::object{{"key", g.key},
                      {"datasets", g.datasets},
                      {"mean_mqa_points", round(g.mean_mqa_points)},
                      {"mean_fair_percent", round(g.mean_fair_percent)},
                      {"mean_ai_readiness_percent", round(g.mean_ai_percent)},
                      // excellent, good, sufficient, bad
                      {"mqa_bands", std::move(bands)},
                      // none, bronze, silver, gold, platinum
                      {"datagovtw_badges", std::move(badges)},
                      // weakest resource's stars 0..5
                      {"five_star", std::move(stars)}};
}

Result<json::value> QualityShow(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto card = actions::ShowDatasetScore(c.ctx, *id);
  if (!card) return Fail(card);
  if (!*card) return json::value(nullptr);  // not scored yet
  return json::value(quality::ScoreCardToJson(**card, true));
}

Result<json::value> QualityDashboard(Call& c) {
  auto days = GetCount(c.params.values, "days", 30, 366);
  if (!days) return Fail(days);
  auto d = actions::ShowQualityDashboard(c.ctx, static_cast<int>(*days));
  if (!d) return Fail(d);
  json::array levels, agencies, histogram, trend;
  for (const auto& g : d->levels) levels.push_back(RollupToJson(g));
  for (const auto& a : d->agencies) {
    json::object o = RollupToJson(a.rollup);
    o["organization"] = json::object{{"id", a.organization.id},
                                     {"name", a.organization.slug},
                                     {"title", a.organization.title.Best(kLangZh)},
                                     {"level", ToCode(a.organization.level)}};
    agencies.push_back(std::move(o));
  }
  for (int n : d->mqa_histogram) histogram.push_back(n);
  for (const auto& p : d->trend)
    trend.push_back(json::object{{"day", p.day},
                                 {"datasets", p.datasets},
                                 {"mean_mqa_points", std::round(p.mean_mqa_points * 10) / 10},
                                 {"mean_mqa_central", std::round(p.mean_mqa_central * 10) / 10},
                                 {"mean_mqa_local", std::round(p.mean_mqa_local * 10) / 10},
                                 {"mean_fair_percent", std::round(p.mean_fair_percent * 10) / 10},
                                 {"mean_ai_readiness_percent", std::round(p.mean_ai_percent * 10) / 10}});
  return json::object{{"all", RollupToJson(d->all)},
                      {"levels", std::move(levels)},
                      {"agencies", std::move(agencies)},
                      {"mqa_histogram", std::move(histogram)},  // 45-point bins 0–45 … 360–405
                      {"trend", std::move(trend)}};
}

Result<json::value> QualityTopFixes(Call& c) {
  auto org = GetString(c.params.values, "organization");
  if (!org) return Fail(org);
  if (!*org || (*org)->empty())
    return std::unexpected(Error::Invalid("organization", "Missing value", "缺少值"));
  auto framework = GetString(c.params.values, "framework");
  if (!framework) return Fail(framework);
  std::string fw = framework->value_or(std::string(kFrameworkMqa));
  bool known = false;
  for (auto f : {kFrameworkMqa, kFrameworkFair, kFrameworkAiReady, kFrameworkDatagovtw, kFrameworkFiveStar})
    known |= f == fw;
  if (!known)
    return std::unexpected(Error::Invalid("framework", "Must be mqa, fair, ai, datagovtw or five-star",
                                          "必須是 mqa、fair、ai、datagovtw 或 five-star"));
  auto limit = GetCount(c.params.values, "limit", 5, 100);
  if (!limit) return Fail(limit);
  auto fixes = actions::ShowTopFixes(c.ctx, **org, fw, *limit);
  if (!fixes) return Fail(fixes);
  json::array out;
  for (const auto& f : *fixes) {
    json::object o{{"indicator", f.indicator_id}, {"points", std::round(f.points * 10) / 10}, {"datasets", f.datasets}};
    if (const quality::IndicatorDefinition* d = quality::FindIndicator(f.indicator_id)) {
      o["name"] = json::object{{"zh-TW", d->name_zh}, {"en", d->name_en}};
      o["hint"] = json::object{{"zh-TW", d->hint_zh}, {"en", d->hint_en}};
    }
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

// Scores are written by jobs, not by catalog changes: never served from the cache.
const ActionEntry kQualityActions[] = {
    {"quality_show", QualityShow, false, true},
    {"quality_dashboard", QualityDashboard, false, true},
    {"quality_top_fixes", QualityTopFixes, false, true},
};
const size_t kQualityActionCount = std::size(kQualityActions);

}  // namespace pintu::http::ckan
