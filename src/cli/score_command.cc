// pintu score: the quality, FAIR and AI-readiness score of one dataset or of all.
#include <unistd.h>

#include <iostream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "actions/quality_scores.h"
#include "cli/commands.h"
#include "cli/locale.h"
#include "core/clock.h"
#include "quality/indicators/indicator.h"
#include "quality/indicators/score_card_json.h"
#include "quality/indicators/score_dataset.h"

namespace pintu::cli {
namespace {

struct ScoreOptions {
  std::string dataset;
  bool all = false;
  std::string format = "text";
  std::string lang;
  bool save = false;
};

std::string Total(const ScoreCard& c, std::string_view framework) {
  const FrameworkTotal* t = c.Total(framework);
  return t ? fmt::format("{:.0f}%", t->Percent()) : std::string("-");
}

// One line per dataset.
void PrintSummaryLine(const ScoreCard& c, bool zh) {
  const FrameworkTotal* mqa = c.Total(kFrameworkMqa);
  const FrameworkTotal* badge = c.Total(kFrameworkDatagovtw);
  const FrameworkTotal* stars = c.Total(kFrameworkFiveStar);
  std::cout << fmt::format("{:<40} MQA {:>5.1f}/405 {:<10} FAIR {:>4} AI {:>4} {} {:<8} ★{}\n", c.dataset_slug,
                           mqa ? mqa->points : 0.0, mqa ? mqa->rating : "", Total(c, kFrameworkFair),
                           Total(c, kFrameworkAiReady), zh ? "標章" : "badge", badge ? badge->rating : "none",
                           stars ? stars->rating : "0");
}

// Every indicator of one card, grouped by framework, with the hint for those that miss points.
void PrintCard(const ScoreCard& c, bool zh) {
  const std::string_view lang = zh ? kLangZh : kLangEn;
  std::cout << c.dataset_slug << "\n";
  for (const auto& t : c.totals)
    std::cout << fmt::format("  {:<10} {:>6.1f} / {:<5.0f} {:>5.1f}%  {}\n", t.framework, t.points, t.max_points,
                             t.Percent(), t.rating);
  std::string framework;
  for (const auto& s : c.indicators) {
    if (s.framework != framework) {
      framework = s.framework;
      std::cout << "\n[" << framework << "]\n";
    }
    const quality::IndicatorDefinition* d = quality::FindIndicator(s.id);
    const std::string name(d ? (zh ? d->name_zh : d->name_en) : std::string_view(s.id));
    const bool full = s.points + 1e-9 >= s.max_points;
    std::cout << fmt::format("  {} {:<32} {:>5.1f}/{:<3.0f} {}\n", full ? "✓" : "✗", name, s.points, s.max_points,
                             s.evidence.Best(lang));
    if (!full && d) std::cout << "      → " << (zh ? d->hint_zh : d->hint_en) << "\n";
  }
}

int RunScore(Globals& g, const ScoreOptions& o) {
  const bool zh = o.lang.empty() ? PreferZh() : IsZhTag(o.lang, true);
  if (o.dataset.empty() == !o.all) {
    std::cerr << (zh ? "錯誤：請指定 --dataset SLUG 或 --all 其中之一\n" : "error: give either --dataset SLUG or --all\n");
    return 2;
  }
  if (o.format != "text" && o.format != "json") {
    std::cerr << (zh ? "錯誤：--format 必須是 text 或 json\n" : "error: --format must be text or json\n");
    return 2;
  }
  if (!Resolve(g)) return 2;
  auto store = OpenConfiguredStore(g.config);
  if (!store) return 2;
  const int64_t now = SystemClock().NowMillis();

  std::vector<std::string> ids;
  if (o.all) {
    auto all = store->ListAllDatasetIds();
    if (!all) {
      PrintLocalizedError(all.error(), zh);
      return 2;
    }
    ids = std::move(*all);
  } else {
    ids.push_back(o.dataset);
  }
  boost::json::array out;
  size_t stored = 0, scored = 0;
  const bool progress = o.all && ::isatty(2) == 1;
  for (size_t i = 0; i < ids.size(); ++i) {
    auto dataset = store->GetDataset(ids[i]);
    if (!dataset) {
      PrintLocalizedError(dataset.error(), zh);
      return o.all ? 1 : 2;
    }
    if (o.all && dataset->state == State::kDeleted) continue;
    ScoreCard card;
    if (o.save) {
      auto r = actions::RescoreDataset(*store, g.config, dataset->id, now);
      if (!r) {
        PrintLocalizedError(r.error(), zh);
        return 1;
      }
      stored += r->stored;
      card = std::move(r->card);
    } else {
      Organization org;
      auto in = actions::GatherScoringInput(*store, g.config, *dataset, &org, now);
      if (!in) {
        PrintLocalizedError(in.error(), zh);
        return 1;
      }
      card = quality::ScoreDataset(*in);
    }
    ++scored;
    if (o.format == "json") out.push_back(quality::ScoreCardToJson(card, !o.all));
    else if (o.all) PrintSummaryLine(card, zh);
    else PrintCard(card, zh);
    if (progress && (i % 500 == 0 || i + 1 == ids.size()))
      std::cerr << fmt::format("\r{} {}/{}", zh ? "評分中" : "scoring", i + 1, ids.size()) << std::flush;
  }
  if (progress) std::cerr << "\n";
  if (o.format == "json") {
    if (o.all) std::cout << boost::json::serialize(out) << "\n";
    else std::cout << boost::json::serialize(out.at(0)) << "\n";
  } else if (o.all) {
    std::cout << (zh ? fmt::format("共評分 {} 個資料集", scored) : fmt::format("datasets scored: {}", scored));
    if (o.save) std::cout << (zh ? fmt::format("，儲存 {} 份新快照", stored) : fmt::format(", new snapshots stored: {}", stored));
    std::cout << "\n";
  }
  return 0;
}

}  // namespace

void AddScoreCommand(CLI::App& app, Globals& g, int& exit_code) {
  auto opts = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand("score", "Score datasets: MQA, data.gov.tw badge, 5-star, FAIR, AI-readiness");
  cmd->add_option("--dataset", opts->dataset, "The dataset (name or id) to score, with every indicator");
  cmd->add_flag("--all", opts->all, "Score every dataset, one line each");
  cmd->add_option("--format", opts->format, "text (default) or json");
  cmd->add_option("--lang", opts->lang, "zh-TW or en (default: from LANG)");
  cmd->add_flag("--save", opts->save, "Store the scores as dated snapshots (as the score jobs do)");
  cmd->callback([&g, &exit_code, opts] { exit_code = RunScore(g, *opts); });
}

}  // namespace pintu::cli
