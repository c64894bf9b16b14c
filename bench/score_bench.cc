// Cost of scoring a whole catalog (issue 6: "scoring all 36k datasets of the benchmark
// catalog takes under 2 s on one core"). Reads the data.gov.tw listing (or any file
// `pintu import` reads), turns every record into a Dataset, then on ONE thread times:
//   baseline   DatasetToJson + serialise of every dataset (what package_show does per dataset)
//   score      quality::ScoreDataset (MQA, badge, 5-star, FAIR, AI-readiness) of every dataset
//   croissant  the Croissant export and Pintu's checker per dataset (the AI-readiness
//              indicator's input, computed by actions::GatherScoringInput)
// Each phase runs `passes` times; the best pass counts. Prints one JSON object.
// Usage: score_bench FILE [passes]
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <boost/json.hpp>

#include "core/model_json.h"
#include "formats/croissant_check.h"
#include "formats/croissant_export.h"
#include "formats/import.h"
#include "quality/indicators/score_dataset.h"

namespace {

using Clock = std::chrono::steady_clock;

template <typename Fn>
double BestSeconds(int passes, Fn&& fn) {
  double best = 1e300;
  for (int p = 0; p < passes; ++p) {
    auto t0 = Clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pintu;
  if (argc < 2) {
    std::cerr << "usage: score_bench FILE [passes]\n";
    return 2;
  }
  const int passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "score_bench: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  formats::ImportLimits limits;
  auto batch = formats::ParseImportDocument(bytes.str(), argv[1], formats::ImportFormat::kAuto, limits);
  if (!batch) {
    std::cerr << "score_bench: " << batch.error().message << "\n";
    return 1;
  }
  std::map<std::string, Organization> orgs;
  std::vector<Dataset> datasets;
  datasets.reserve(batch->records.size());
  for (const auto& rec : batch->records) {
    auto d = DatasetFromJson(rec.doc);
    if (!d) continue;
    if (rec.organization) {
      Organization& o = orgs[rec.organization->slug];
      o.id = o.slug = rec.organization->slug;
      o.title = rec.organization->title;
      o.level = rec.organization->level;
      d->organization_id = o.id;
    }
    if (d->id.empty()) d->id = d->slug;
    datasets.push_back(std::move(*d));
  }
  const int64_t now = 1'795'000'000'000;

  size_t sink = 0;
  const double baseline = BestSeconds(passes, [&] {
    for (const auto& d : datasets) sink += boost::json::serialize(DatasetToJson(d)).size();
  });
  std::vector<int> croissant_errors(datasets.size());
  const double croissant = BestSeconds(passes, [&] {
    for (size_t i = 0; i < datasets.size(); ++i) {
      auto it = orgs.find(datasets[i].organization_id);
      if (it == orgs.end()) continue;
      boost::json::value doc = formats::ExportCroissant(datasets[i], it->second, "https://data.example.gov.tw", {});
      croissant_errors[i] = static_cast<int>(formats::ValidateCroissant(doc).errors);
    }
  });
  double mqa_sum = 0;
  const double score = BestSeconds(passes, [&] {
    mqa_sum = 0;
    for (size_t i = 0; i < datasets.size(); ++i) {
      quality::ScoringInput input;
      input.dataset = &datasets[i];
      auto it = orgs.find(datasets[i].organization_id);
      input.organization = it == orgs.end() ? nullptr : &it->second;
      input.croissant_errors = croissant_errors[i];
      input.now_ms = now;
      input.base_url = "https://data.example.gov.tw";
      ScoreCard card = quality::ScoreDataset(input);
      mqa_sum += card.totals.front().points;
      sink += card.indicators.size();
    }
  });
  boost::json::object out{{"datasets", datasets.size()},
                          {"organizations", orgs.size()},
                          {"passes", passes},
                          {"score_seconds", score},
                          {"score_us_per_dataset", 1e6 * score / std::max<size_t>(1, datasets.size())},
                          {"croissant_seconds", croissant},
                          {"score_with_croissant_seconds", score + croissant},
                          {"baseline_to_json_seconds", baseline},
                          {"score_vs_baseline", score / baseline},
                          {"mean_mqa_points", mqa_sum / std::max<size_t>(1, datasets.size())},
                          {"sink", sink}};
  std::cout << boost::json::serialize(out) << "\n";
  return 0;
}
