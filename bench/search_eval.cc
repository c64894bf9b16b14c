// search_eval: relevance of dataset search on judged query sets (issue 3, point 5).
//
// Sets (run from the repository root; paths are options):
//   demo       demo/ loaded into a fresh SQLite store by actions::LoadDemoCatalog, indexed
//              dataset by dataset as production does, judged by bench/judged/demo.tsv;
//   datagovtw  the data.gov.tw listing ($PINTU_SHARED_DIR or ../shared, data/datagovtw/
//              16-22_data_gov_download.csv) through the production importer, one dataset per
//              row straight into a SearchIndex, judged by bench/judged/datagovtw.tsv.
// Every query runs as an anonymous package_search (actions::BuildQuery → SearchIndex::Search).
// Prints a Markdown report (per-set means, the worst queries with the rank of every expected
// dataset); --out FILE also writes every query's scores as JSON. Exit status: 0 when the
// sets were evaluated (whatever the scores), 1 on errors (unreadable or bad files, judged
// datasets that do not exist, engine errors).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>

#include "core/model_json.h"
#include "formats/import.h"
#include "support/relevance.h"
#include "support/search_eval_index.h"

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace pintu;
using namespace pintu::relevance;

namespace {

// Everything measured for one query set.
struct SetResult {
  std::string name;
  size_t documents = 0;     // datasets in the index
  double index_seconds = 0;  // time to load and index them
  std::vector<JudgedQuery> queries;
  std::vector<QueryScore> scores;
  std::vector<std::vector<std::string>> top;  // first kNdcgAt ids of each query
  SetSummary summary;
};

// Returns the first `rows` result ids (or the set's display keys) of a query.
using SearchFn = std::function<Result<std::vector<std::string>>(const std::string& q, size_t rows)>;

// Wall-clock seconds since `t0`.
double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// An empty result for set `name` holding the judged queries of the file `judged`.
Result<SetResult> NewSet(std::string name, const std::string& judged) {
  auto queries = LoadJudgedQueries(judged);
  if (!queries) return std::unexpected(queries.error());
  SetResult r;
  r.name = std::move(name);
  r.queries = std::move(*queries);
  return r;
}

// Checks that every judged id is one of `known` (else the judgement has a typo or names a
// wrong row), then runs every judged query of `r` through `search` and scores it.
Result<void> Evaluate(SetResult& r, const std::set<std::string>& known, const SearchFn& search, size_t depth) {
  std::string missing;
  for (const auto& q : r.queries)
    for (const auto& j : q.expected)
      if (!known.count(j.id)) missing += "\n  line " + std::to_string(q.line) + " (" + q.query + "): " + j.id;
  if (!missing.empty())
    return std::unexpected(Error::BadRequest("Judged datasets not found in the " + r.name + " set:" + missing));
  for (const auto& q : r.queries) {
    auto ranked = search(q.query, depth);
    if (!ranked) return std::unexpected(Error::Internal("Query \"" + q.query + "\": " + ranked.error().message));
    r.scores.push_back(ScoreQuery(q, *ranked));
    r.top.emplace_back(ranked->begin(), ranked->begin() + static_cast<ptrdiff_t>(std::min(kNdcgAt, ranked->size())));
  }
  r.summary = Summarize(r.scores);
  return Ok();
}

// The demo set: a fresh store, the demo catalog, the whole store indexed.
Result<SetResult> RunDemo(const std::string& demo_dir, const std::string& synonyms, const std::string& judged,
                          size_t depth) {
  auto r = NewSet("demo", judged);
  if (!r) return r;
  auto t0 = std::chrono::steady_clock::now();
  auto demo = BuildDemoSearch(demo_dir, synonyms);
  if (!demo) return std::unexpected(demo.error());
  r->index_seconds = SecondsSince(t0);
  r->documents = (*demo)->slug_of.size();
  std::set<std::string> known;
  for (const auto& [id, slug] : (*demo)->slug_of) known.insert(slug);
  auto ok = Evaluate(*r, known, [&](const std::string& q, size_t rows) { return (*demo)->SearchSlugs(q, rows); }, depth);
  if (!ok) return std::unexpected(ok.error());
  return r;
}

// The datagovtw set: each listing row imported by the production importer (slug
// DatagovtwListingSlug, organisation from the agency name, views/downloads parsed) and
// upserted into a fresh index; hits are reported as "AGENCY|TITLE".
Result<SetResult> RunDatagovtw(const std::string& csv, const std::string& synonyms, const std::string& judged,
                               size_t depth) {
  auto r = NewSet("datagovtw", judged);
  if (!r) return r;
  auto t0 = std::chrono::steady_clock::now();
  auto bytes = ReadTextFile(csv);
  if (!bytes) return std::unexpected(bytes.error());
  auto batch = formats::ParseImportDocument(*bytes, fs::path(csv).filename().string(),
                                            formats::ImportFormat::kDatagovtwCsv);
  if (!batch) return std::unexpected(batch.error());
  test::TempDir dir;
  auto opened = OpenIndex(dir.File("index"), synonyms);
  if (!opened) return std::unexpected(opened.error());
  std::map<std::string, std::string> key_of;  // dataset id → AGENCY|TITLE
  std::set<std::string> known;
  for (const auto& rec : batch->records) {
    if (rec.kind != formats::ImportRecord::Kind::kDataset || !rec.organization) continue;
    auto d = DatasetFromJson(rec.doc);
    if (!d) return std::unexpected(Error::BadRequest(rec.source + ": " + d.error().message));
    Organization org;
    org.slug = rec.organization->slug;
    org.id = "org-" + org.slug;
    org.title = rec.organization->title;
    org.level = rec.organization->level;
    d->id = d->slug;  // deterministic, unique per row
    d->organization_id = org.id;
    if (auto ok = opened->index->Upsert(*d, org, {}); !ok) return std::unexpected(ok.error());
    std::string key = CanonicalId(org.title.Best(kLangZh) + "|" + d->title.Best(kLangZh));
    key_of[d->id] = key;
    known.insert(key);
  }
  if (auto ok = opened->index->Commit(); !ok) return std::unexpected(ok.error());
  r->index_seconds = SecondsSince(t0);
  r->documents = key_of.size();
  std::cerr << "datagovtw: " << r->documents << " datasets indexed from " << csv << " ("
            << batch->skipped.size() << " rows skipped by the importer)\n";
  auto ok = Evaluate(*r, known, [&](const std::string& q, size_t rows) -> Result<std::vector<std::string>> {
    auto ids = SearchIds(*opened->index, q, rows);
    if (!ids) return std::unexpected(ids.error());
    for (auto& id : *ids) id = key_of.count(id) ? key_of.at(id) : id;
    return ids;
  }, depth);
  if (!ok) return std::unexpected(ok.error());
  return r;
}

// `v` with `digits` decimals.
std::string Fixed(double v, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// Markdown cells must not contain '|' (datagovtw ids do).
std::string Cell(std::string s) {
  for (size_t p = 0; (p = s.find('|', p)) != std::string::npos; p += 2) s.replace(p, 1, "\\|");
  return s;
}

// Query indexes of `r` that are not perfect, worst first (by recall@5, then NDCG@10).
std::vector<size_t> WorstQueries(const SetResult& r, size_t limit) {
  std::vector<size_t> idx;
  for (size_t i = 0; i < r.scores.size(); ++i)
    if (r.scores[i].recall_at_5 < 1.0 - 1e-9 || r.scores[i].ndcg_at_10 < 1.0 - 1e-9) idx.push_back(i);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    const auto &x = r.scores[a], &y = r.scores[b];
    return x.recall_at_5 != y.recall_at_5 ? x.recall_at_5 < y.recall_at_5 : x.ndcg_at_10 < y.ndcg_at_10;
  });
  if (idx.size() > limit) idx.resize(limit);
  return idx;
}

// The report: one summary table, then the worst queries of each set.
void PrintMarkdown(const std::vector<SetResult>& sets, size_t worst, size_t depth) {
  std::cout << "## Search relevance (bench/search_eval)\n\n"
            << "| set | datasets | queries | mean recall@5 | mean NDCG@10 | queries with recall@5 = 1 | load + index |\n"
            << "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& r : sets)
    std::cout << "| " << r.name << " | " << r.documents << " | " << r.summary.queries << " | "
              << Fixed(r.summary.mean_recall_at_5) << " | " << Fixed(r.summary.mean_ndcg_at_10) << " | "
              << r.summary.full_recall << " | " << Fixed(r.index_seconds, 1) << " s |\n";
  for (const auto& r : sets) {
    auto idx = WorstQueries(r, worst);
    std::cout << "\n### " << r.name << ": worst queries (" << idx.size() << " shown)\n\n";
    if (idx.empty()) {
      std::cout << "Every query is perfect.\n";
      continue;
    }
    std::cout << "Rank of each expected dataset in parentheses (— = not in the first " << depth << ").\n\n"
              << "| query | recall@5 | NDCG@10 | expected (rank) | top 5 |\n|---|---:|---:|---|---|\n";
    for (size_t i : idx) {
      const auto& q = r.queries[i];
      const auto& s = r.scores[i];
      std::string expected, top;
      for (size_t k = 0; k < q.expected.size(); ++k) {
        if (k) expected += ", ";
        expected += q.expected[k].id + " (" + (s.ranks[k] ? std::to_string(*s.ranks[k]) : "—") + ")";
      }
      for (size_t k = 0; k < r.top[i].size() && k < kRecallAt; ++k) top += (k ? ", " : "") + r.top[i][k];
      std::cout << "| " << Cell(q.query) << " | " << Fixed(s.recall_at_5, 2) << " | " << Fixed(s.ndcg_at_10, 2)
                << " | " << Cell(expected) << " | " << Cell(top) << " |\n";
    }
  }
}

// Every query of `r` with its scores, expected ranks and top 10.
json::object ToJson(const SetResult& r) {
  json::array queries;
  for (size_t i = 0; i < r.queries.size(); ++i) {
    json::array expected;
    for (size_t k = 0; k < r.queries[i].expected.size(); ++k) {
      const auto& rank = r.scores[i].ranks[k];
      expected.push_back(json::object{{"id", r.queries[i].expected[k].id},
                                      {"grade", r.queries[i].expected[k].grade},
                                      {"rank", rank ? json::value(*rank) : json::value(nullptr)}});
    }
    json::array top;
    for (const auto& id : r.top[i]) top.push_back(json::string(id));
    queries.push_back(json::object{{"query", r.queries[i].query},
                                   {"recall_at_5", r.scores[i].recall_at_5},
                                   {"ndcg_at_10", r.scores[i].ndcg_at_10},
                                   {"expected", std::move(expected)},
                                   {"top_10", std::move(top)}});
  }
  return json::object{{"set", r.name},
                      {"datasets", r.documents},
                      {"index_seconds", r.index_seconds},
                      {"queries", r.summary.queries},
                      {"mean_recall_at_5", r.summary.mean_recall_at_5},
                      {"mean_ndcg_at_10", r.summary.mean_ndcg_at_10},
                      {"queries_with_full_recall", r.summary.full_recall},
                      {"per_query", std::move(queries)}};
}

}  // namespace

int main(int argc, char** argv) {
  const char* shared_env = std::getenv("PINTU_SHARED_DIR");
  std::string shared = shared_env && *shared_env ? shared_env : "../shared";
  std::string set = "all", demo_dir = "demo", synonyms = "data/synonyms.tsv";
  std::string demo_judged = "bench/judged/demo.tsv", dgtw_judged = "bench/judged/datagovtw.tsv";
  std::string dgtw_csv = shared + "/data/datagovtw/16-22_data_gov_download.csv", out;
  size_t worst = 15, depth = 100;

  CLI::App app{"Relevance of dataset search on judged query sets: recall@5 and NDCG@10."};
  app.add_option("--set", set, "demo, datagovtw or all (datagovtw is skipped when its CSV is absent)")
      ->check(CLI::IsMember({"demo", "datagovtw", "all"}))->capture_default_str();
  app.add_option("--demo-dir", demo_dir, "Demo catalog folder")->capture_default_str();
  app.add_option("--synonyms", synonyms, "Synonyms file")->capture_default_str();
  app.add_option("--demo-judged", demo_judged, "Judged queries over the demo")->capture_default_str();
  app.add_option("--datagovtw-csv", dgtw_csv, "data.gov.tw listing CSV")->capture_default_str();
  app.add_option("--datagovtw-judged", dgtw_judged, "Judged queries over the listing")->capture_default_str();
  app.add_option("--worst", worst, "Worst queries shown per set")->capture_default_str();
  app.add_option("--depth", depth, "Results fetched per query (ranks beyond it show as —)")
      ->check(CLI::Range(size_t{10}, actions::kMaxRows))->capture_default_str();
  app.add_option("--out", out, "Write per-query results as JSON to this file");
  CLI11_PARSE(app, argc, argv);

  std::vector<SetResult> sets;
  auto fail = [](const Error& e) {
    std::cerr << "search_eval: " << e.message << "\n";
    return 1;
  };
  if (set == "demo" || set == "all") {
    auto r = RunDemo(demo_dir, synonyms, demo_judged, depth);
    if (!r) return fail(r.error());
    sets.push_back(std::move(*r));
  }
  if (set == "datagovtw" || (set == "all" && fs::exists(dgtw_csv))) {
    auto r = RunDatagovtw(dgtw_csv, synonyms, dgtw_judged, depth);
    if (!r) return fail(r.error());
    sets.push_back(std::move(*r));
  } else if (set == "all") {
    std::cerr << "search_eval: " << dgtw_csv << " is missing; skipping the datagovtw set\n";
  }
  PrintMarkdown(sets, worst, depth);
  if (!out.empty()) {
    json::array all;
    for (const auto& r : sets) all.push_back(ToJson(r));
    std::ofstream f(out, std::ios::binary);
    f << json::serialize(json::object{{"sets", std::move(all)}}) << "\n";
    if (!f) return fail(Error::Internal("Cannot write " + out));
  }
  return 0;
}
