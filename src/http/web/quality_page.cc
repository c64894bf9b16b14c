// GET /quality: the quality dashboard — overall averages, the distribution of MQA points,
// the agency ranking, central vs local, the daily trend and the data.gov.tw badges — as
// server-rendered SVG charts with the same numbers in tables (no JavaScript needed).
// Everything comes from stored score snapshots; rendering never scores a dataset.
#include <limits>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "actions/quality_scores.h"
#include "http/web/pages.h"
#include "http/web/svg_chart.h"
#include "http/web/view.h"

namespace pintu::http::web {
namespace json = boost::json;
namespace {

std::string One(double v) { return fmt::format("{:.1f}", v); }

constexpr std::array<std::string_view, 5> kBadges = {"none", "bronze", "silver", "gold", "platinum"};

}  // namespace

HttpResponse QualityPage(PageCall& c) {
  const Lang lang = c.lang;
  auto d = actions::ShowQualityDashboard(c.ctx, 30);
  if (!d) return c.Failure(d.error());

  // Distribution of MQA points in 45-point bins.
  std::vector<ChartBar> bins;
  json::array bin_rows;
  int most = 1;
  for (int n : d->mqa_histogram) most = std::max(most, n);
  for (size_t i = 0; i < d->mqa_histogram.size(); ++i) {
    std::string label = fmt::format("{}–{}", i * 45, (i + 1) * 45);
    bins.push_back({label, double(d->mqa_histogram[i]), std::to_string(d->mqa_histogram[i])});
    bin_rows.push_back(json::object{{"band", label}, {"count", d->mqa_histogram[i]}});
  }

  // Agency ranking.
  std::vector<ChartBar> ranking;
  json::array agency_rows;
  for (const auto& a : d->agencies) {
    std::string title = Localized(a.organization.title, lang)["text"].as_string().c_str();
    ranking.push_back({title, a.rollup.mean_mqa_points, One(a.rollup.mean_mqa_points)});
    agency_rows.push_back(json::object{{"title", title},
                                       {"url", "/organization/" + PercentEncodeSegment(a.organization.slug)},
                                       {"level", Translate(lang, "level_" + std::string(ToCode(a.organization.level)))},
                                       {"datasets", a.rollup.datasets},
                                       {"mqa", One(a.rollup.mean_mqa_points)},
                                       {"fair", One(a.rollup.mean_fair_percent)},
                                       {"ai", One(a.rollup.mean_ai_percent)}});
  }

  // Central vs local: the three means side by side, as percentages.
  std::vector<ChartBar> levels;
  json::array level_rows;
  for (const auto& g : d->levels) {
    const std::string name = Translate(lang, "level_" + g.key);
    const std::string short_name = TranslateOr(lang, "quality_series_" + g.key, name);  // "Central", "Local"
    levels.push_back({short_name + "\nMQA", 100 * g.mean_mqa_points / 405, One(100 * g.mean_mqa_points / 405) + "%"});
    levels.push_back({short_name + "\nFAIR", g.mean_fair_percent, One(g.mean_fair_percent) + "%"});
    levels.push_back({short_name + "\nAI", g.mean_ai_percent, One(g.mean_ai_percent) + "%"});
    level_rows.push_back(json::object{{"level", name},
                                      {"datasets", g.datasets},
                                      {"mqa", One(g.mean_mqa_points)},
                                      {"fair", One(g.mean_fair_percent)},
                                      {"ai", One(g.mean_ai_percent)}});
  }

  // Trend.
  std::vector<std::string> days;
  ChartSeries all{Translate(lang, "quality_series_all"), {}, "series-all"};
  ChartSeries central{Translate(lang, "quality_series_central"), {}, "series-central"};
  ChartSeries local{Translate(lang, "quality_series_local"), {}, "series-local"};
  json::array trend_rows;
  for (const auto& p : d->trend) {
    constexpr double kGap = std::numeric_limits<double>::quiet_NaN();
    days.push_back(p.day);
    all.values.push_back(p.datasets ? p.mean_mqa_points : kGap);
    central.values.push_back(p.central_datasets ? p.mean_mqa_central : kGap);
    local.values.push_back(p.local_datasets ? p.mean_mqa_local : kGap);
    trend_rows.push_back(json::object{{"day", p.day},
                                      {"datasets", p.datasets},
                                      {"all", One(p.mean_mqa_points)},
                                      {"central", One(p.mean_mqa_central)},
                                      {"local", One(p.mean_mqa_local)}});
  }

  // Badges.
  std::vector<ChartBar> badges;
  int most_badges = 1;
  for (int n : d->all.badges) most_badges = std::max(most_badges, n);
  for (size_t i = 0; i < kBadges.size(); ++i)
    badges.push_back({Translate(lang, "quality_badge_" + std::string(kBadges[i])), double(d->all.badges[i]),
                      std::to_string(d->all.badges[i])});

  json::object data{
      {"has_scores", d->all.datasets > 0},
      {"datasets", d->all.datasets},
      {"mean_mqa", One(d->all.mean_mqa_points)},
      {"mean_fair", One(d->all.mean_fair_percent)},
      {"mean_ai", One(d->all.mean_ai_percent)},
      {"distribution_svg", SvgColumnChart("chart-distribution", Translate(lang, "quality_distribution"),
                                          Translate(lang, "quality_distribution_desc"), bins, most)},
      {"bins", bin_rows},
      {"ranking_svg", SvgBarRanking("chart-ranking", Translate(lang, "quality_ranking"),
                                    Translate(lang, "quality_ranking_desc"), ranking, 405)},
      {"agencies", agency_rows},
      {"levels_svg", SvgColumnChart("chart-levels", Translate(lang, "quality_levels"),
                                    Translate(lang, "quality_levels_desc"), levels, 100)},
      {"levels", level_rows},
      {"trend_svg", SvgLineChart("chart-trend", Translate(lang, "quality_trend"), Translate(lang, "quality_trend_desc"),
                                 days, {all, central, local}, 405)},
      {"trend", trend_rows},
      {"badges_svg", SvgColumnChart("chart-badges", Translate(lang, "quality_badges"), Translate(lang, "quality_badges"),
                                    badges, most_badges)},
  };
  PageFrame f = c.Frame(Translate(lang, "quality_page_title"));
  f.path = "/quality";
  f.description = Translate(lang, "quality_page_intro");
  return c.Render("quality", std::move(data), f);
}

}  // namespace pintu::http::web
