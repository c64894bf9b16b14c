// search_bench: Pintu's search engine vs SQLite FTS5 (trigram) on the same texts —
// median/p99 latency and throughput at several concurrencies, in one run.
// See docs/benchmarks.md ("Search") for the method; bench/run.sh runs it.
//
//   search_bench [--csv FILE] [--out FILE.json] [--rounds N] [--concurrency 1,32] …
#include <sqlite3.h>
#include <stdlib.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <thread>

#include "core/text.h"
#include "search/catalog.h"
#include "search/fts5_engine.h"
#include "search/load.h"
#include "search/pintu_engine.h"
#include "search/queries.h"

namespace json = boost::json;
using namespace pintu;
using namespace pintu::bench;

namespace {

struct Options {
  std::string csv;
  std::string synonyms = std::string(PINTU_SOURCE_DIR) + "/data/synonyms.tsv";
  std::string out;
  std::vector<int> concurrency{1, 32};
  int passes = 3;
  int rounds = 4;
  int warmup_rounds = 1;
  size_t random_queries = 170;
  size_t synthetic_rows = 35955;
  uint64_t seed = 3;
  bool keep = false;
  std::string fts5_total = "window";
  int64_t fts5_cache_mb = 64;
  int64_t fts5_mmap_mb = 0;
  bool fts5_memstatus = false;
  std::string engines = "pintu,fts5";
};

std::string g_remove_on_exit;  // the temporary directory, unless --keep

[[noreturn]] void Die(const std::string& msg) {
  std::cerr << "search_bench: " << msg << "\n";
  std::error_code ec;
  if (!g_remove_on_exit.empty()) std::filesystem::remove_all(g_remove_on_exit, ec);
  std::exit(1);
}

// Rows whose title or agency contains every term (ASCII case-insensitive): what the
// FTS5 translation must find, computed the slow obvious way.
int64_t BruteForceCount(const std::vector<std::string>& lower_texts, const std::string& query) {
  std::vector<std::string> terms;
  for (const auto& t : SplitTerms(query)) terms.push_back(AsciiLower(t));
  int64_t n = 0;
  for (size_t i = 0; i < lower_texts.size(); i += 2) {
    bool all = true;
    for (const auto& t : terms)
      all = all && (lower_texts[i].find(t) != std::string::npos || lower_texts[i + 1].find(t) != std::string::npos);
    n += all;
  }
  return n;
}

json::object StatsJson(const LatencyStats& s) {
  return {{"queries", s.queries}, {"median_ms", s.median_ms}, {"p90_ms", s.p90_ms},
          {"p99_ms", s.p99_ms},   {"mean_ms", s.mean_ms},     {"max_ms", s.max_ms}};
}

// The first three fields of /proc/loadavg (other work on the machine skews results).
std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("model name", 0) == 0) return std::string(Trim(line.substr(line.find(':') + 1)));
  return "unknown";
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress shows through tee and pipes
  Options o;
  if (const char* shared = std::getenv("PINTU_SHARED_DIR"))
    o.csv = std::string(shared) + "/data/datagovtw/16-22_data_gov_download.csv";
  else
    o.csv = std::string(PINTU_SOURCE_DIR) + "/../shared/data/datagovtw/16-22_data_gov_download.csv";
  CLI::App app{"Pintu search vs SQLite FTS5 (trigram): latency and throughput"};
  app.add_option("--csv", o.csv, "data.gov.tw listing CSV (absent → synthetic catalog)");
  app.add_option("--synonyms", o.synonyms, "synonyms file")->check(CLI::ExistingFile);
  app.add_option("--out", o.out, "write results as JSON here");
  app.add_option("--concurrency", o.concurrency, "thread counts to measure")->delimiter(',');
  app.add_option("--passes", o.passes, "alternating measured runs per engine and concurrency")
      ->check(CLI::PositiveNumber);
  app.add_option("--rounds", o.rounds, "times each query is issued per pass")->check(CLI::PositiveNumber);
  app.add_option("--warmup-rounds", o.warmup_rounds, "unmeasured rounds before the first pass")->check(CLI::NonNegativeNumber);
  app.add_option("--random-queries", o.random_queries, "random title substrings in the query set");
  app.add_option("--seed", o.seed, "seed of the query set and issue order");
  app.add_option("--engines", o.engines, "engines to load-test (pintu,fts5); one alone is for profiling")
      ->check(CLI::IsMember({"pintu,fts5", "pintu", "fts5"}));
  app.add_flag("--keep", o.keep, "keep the temporary index directory");
  app.add_option("--fts5-total", o.fts5_total, "how FTS5 counts: window (count(*) OVER ()) or separate")
      ->check(CLI::IsMember({"window", "separate"}));
  app.add_option("--fts5-cache-mb", o.fts5_cache_mb, "FTS5 page cache per connection (MB)")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--fts5-memstatus", o.fts5_memstatus, "keep SQLite's memory statistics (a global mutex)");
  app.add_option("--fts5-mmap-mb", o.fts5_mmap_mb, "FTS5 mmap_size per connection (MB; 0 = off)")
      ->check(CLI::NonNegativeNumber);
  CLI11_PARSE(app, argc, argv);
  for (int c : o.concurrency)
    if (c < 1 || c > 1024) Die("--concurrency values must be between 1 and 1024");

  // --- catalog and query set ---
  Catalog cat;
  if (std::filesystem::exists(o.csv)) {
    auto loaded = LoadDatagovtwListing(o.csv);
    if (!loaded) Die(loaded.error().message);
    cat = std::move(*loaded);
  } else {
    std::cerr << "search_bench: " << o.csv << " not found; using a SYNTHETIC catalog\n";
    cat = SyntheticCatalog(o.synthetic_rows, o.seed);
  }
  std::set<std::string> agencies;
  for (const auto& r : cat.rows) agencies.insert(r.agency);
  std::vector<BenchQuery> qset = BuildQuerySet(cat, o.random_queries, o.seed);
  std::vector<std::string> queries;
  for (const auto& q : qset) queries.push_back(q.text);
  std::cout << "Catalog: " << cat.rows.size() << " titles, " << agencies.size() << " agencies — " << cat.source
            << (cat.synthetic ? "  [SYNTHETIC]" : "") << "\nQueries: " << queries.size() << " ("
            << CuratedQueries().size() << " hand-written, " << queries.size() - CuratedQueries().size()
            << " random title substrings)\n";

  // --- build both indexes ---
  const char* tmp_base = std::getenv("TMPDIR");
  std::string dir_template = std::string(tmp_base && *tmp_base ? tmp_base : "/tmp") + "/pintu-search-bench-XXXXXX";
  const char* made = mkdtemp(dir_template.data());
  if (!made) Die("cannot create a temporary directory from " + dir_template);
  std::string work = made;
  if (!o.keep) g_remove_on_exit = work;

  BuildStats pintu_build, fts_build;
  auto pintu = PintuEngine::Build(cat, work + "/xapian", o.synonyms, pintu_build);
  if (!pintu) Die("building Pintu's index: " + pintu.error().message);
  auto fts = Fts5Engine::Build(cat, work + "/fts5.db",
                               Fts5Options{o.fts5_total == "window" ? Fts5Total::kWindow : Fts5Total::kSeparate,
                                           o.fts5_cache_mb, o.fts5_mmap_mb, !o.fts5_memstatus},
                               fts_build);
  if (!fts) Die("building the FTS5 index: " + fts.error().message);
  std::printf("Indexing: pintu %.2f s (%.1f MB, %zu synonym groups), fts5 %.2f s (%.1f MB)\n", pintu_build.seconds,
              pintu_build.bytes_on_disk / 1e6, (*pintu)->synonym_groups(), fts_build.seconds,
              fts_build.bytes_on_disk / 1e6);
  std::vector<Engine*> engines{pintu->get(), fts->get()};

  // --- sessions (one per thread and engine) ---
  int max_c = *std::max_element(o.concurrency.begin(), o.concurrency.end());
  std::vector<std::vector<std::unique_ptr<Session>>> sessions(engines.size());
  for (size_t e = 0; e < engines.size(); ++e)
    for (int i = 0; i < max_c; ++i) {
      auto s = engines[e]->NewSession();
      if (!s) Die(engines[e]->Name() + " session: " + s.error().message);
      sessions[e].push_back(std::move(*s));
    }

  // --- answers (single-threaded; also checks the baseline against brute force) ---
  std::vector<std::string> lower_texts;
  for (const auto& r : cat.rows) lower_texts.push_back(AsciiLower(r.title)), lower_texts.push_back(AsciiLower(r.agency));
  std::vector<std::vector<Hits>> answers(engines.size());
  std::vector<int64_t> brute;
  json::array mismatches;
  for (size_t i = 0; i < queries.size(); ++i) {
    for (size_t e = 0; e < engines.size(); ++e) {
      auto h = sessions[e][0]->Run(queries[i]);
      if (!h) Die(engines[e]->Name() + " failed on \"" + queries[i] + "\": " + h.error().message);
      answers[e].push_back(*h);
    }
    brute.push_back(BruteForceCount(lower_texts, queries[i]));
    if (brute.back() != answers[1][i].total)
      mismatches.push_back({{"query", queries[i]}, {"fts5", answers[1][i].total}, {"brute_force", brute.back()}});
  }
  std::printf("Baseline check: FTS5 totals equal a brute-force substring count for %zu of %zu queries\n",
              queries.size() - mismatches.size(), queries.size());
  std::printf("\nSanity (exact totals; they differ by design: Pintu normalises, uses n-grams and synonyms)\n");
  std::printf("  %-14s %8s %8s  %s\n", "query", "pintu", "fts5", "fts5 path");
  for (size_t i = 0; i < std::min<size_t>(queries.size(), CuratedQueries().size()); ++i)
    std::printf("  %-14s %8lld %8lld  %s\n", queries[i].c_str(), static_cast<long long>(answers[0][i].total),
                static_cast<long long>(answers[1][i].total), Fts5Engine::PathOf(queries[i]).c_str());

  // --- load ---
  json::array runs, breakdown;
  std::vector<std::vector<double>> c1_mean_us(engines.size(), std::vector<double>(queries.size(), 0));
  std::printf("\n%-6s %4s %10s %9s %9s %9s %9s %10s  %s\n", "engine", "c", "queries/s", "median", "p90", "p99", "max",
              "CPU/query", "queries/s per pass");
  std::string load_before = LoadAverage();
  for (int c : o.concurrency) {
    // Passes alternate between the engines (pintu, fts5, pintu, …) so that other work on
    // the machine hits both alike; each engine's passes are merged.
    std::vector<LoadResult> merged(engines.size());
    auto tested = [&](size_t e) { return o.engines.find(engines[e]->Name()) != std::string::npos; };
    for (size_t e = 0; e < engines.size(); ++e)
      if (tested(e) && o.warmup_rounds > 0) RunLoad(sessions[e], queries, c, o.warmup_rounds, o.seed + 1);
    for (int pass = 0; pass < o.passes; ++pass)
      for (size_t e = 0; e < engines.size(); ++e)
        if (tested(e)) Merge(merged[e], RunLoad(sessions[e], queries, c, o.rounds, o.seed + 2 + pass));
    for (size_t e = 0; e < engines.size(); ++e) {
      if (!tested(e)) continue;
      const LoadResult& r = merged[e];
      if (r.errors) Die(engines[e]->Name() + ": " + std::to_string(r.errors) + " errors, first: " + r.first_error);
      std::string per_pass;
      for (double q : r.pass_qps) per_pass += (per_pass.empty() ? "" : ", ") + std::to_string(static_cast<int>(q));
      std::printf("%-6s %4d %10.0f %7.2fms %7.2fms %7.2fms %7.2fms %8.2fms  %s\n", engines[e]->Name().c_str(), c,
                  r.qps, r.latency.median_ms, r.latency.p90_ms, r.latency.p99_ms, r.latency.max_ms,
                  r.cpu_seconds * 1000.0 / static_cast<double>(std::max<size_t>(r.latency.queries, 1)),
                  per_pass.c_str());
      json::object run = StatsJson(r.latency);
      run["engine"] = engines[e]->Name();
      run["concurrency"] = c;
      run["qps"] = r.qps;
      run["wall_seconds"] = r.wall_seconds;
      run["cpu_ms_per_query"] = r.cpu_seconds * 1000.0 / static_cast<double>(std::max<size_t>(r.latency.queries, 1));
      run["pass_qps"] = json::value_from(r.pass_qps);
      runs.push_back(std::move(run));
      // Latency by query class and by the path FTS5 takes.
      std::map<std::string, std::vector<double>> by_class;
      for (size_t k = 0; k < r.latencies_us.size(); ++k) {
        size_t q = r.sample_query[k];
        by_class["kind:" + qset[q].kind].push_back(r.latencies_us[k]);
        by_class["fts5_path:" + Fts5Engine::PathOf(queries[q])].push_back(r.latencies_us[k]);
      }
      for (auto& [cls, v] : by_class) {
        json::object b = StatsJson(Summarise(std::move(v)));
        b["engine"] = engines[e]->Name();
        b["concurrency"] = c;
        b["class"] = cls;
        breakdown.push_back(std::move(b));
      }
      if (c == 1)
        for (size_t q = 0; q < queries.size(); ++q)
          c1_mean_us[e][q] = r.per_query_count[q] ? r.per_query_us[q] / r.per_query_count[q] : 0;
    }
  }

  // Ratios and the slowest queries of each engine at concurrency 1.
  for (int c : o.concurrency) {
    double p = 0, f = 0;
    for (const auto& run : runs)
      if (run.at("concurrency").as_int64() == c)
        (run.at("engine").as_string() == "pintu" ? p : f) = run.at("qps").as_double();
    if (f > 0) std::printf("Throughput pintu/fts5 at c=%d: %.2f×\n", c, p / f);
  }
  if (std::find(o.concurrency.begin(), o.concurrency.end(), 1) != o.concurrency.end()) {
    for (size_t e = 0; e < engines.size(); ++e) {
      if (o.engines.find(engines[e]->Name()) == std::string::npos) continue;
      std::vector<size_t> idx(queries.size());
      for (size_t q = 0; q < idx.size(); ++q) idx[q] = q;
      std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return c1_mean_us[e][a] > c1_mean_us[e][b]; });
      std::printf("Slowest for %s at c=1 (mean ms, total):", engines[e]->Name().c_str());
      for (size_t k = 0; k < std::min<size_t>(5, idx.size()); ++k)
        std::printf(" %s %.2f (%lld);", queries[idx[k]].c_str(), c1_mean_us[e][idx[k]] / 1000.0,
                    static_cast<long long>(answers[e][idx[k]].total));
      std::printf("\n");
    }
  }

  // --- JSON ---
  if (!o.out.empty()) {
    json::array qs;
    for (size_t q = 0; q < queries.size(); ++q) {
      std::size_t overlap = 0;
      for (int64_t id : answers[0][q].top)
        overlap += std::find(answers[1][q].top.begin(), answers[1][q].top.end(), id) != answers[1][q].top.end();
      qs.push_back({{"text", queries[q]}, {"kind", qset[q].kind}, {"fts5_path", Fts5Engine::PathOf(queries[q])},
                    {"pintu_total", answers[0][q].total}, {"fts5_total", answers[1][q].total},
                    {"brute_force_total", brute[q]}, {"top10_overlap", overlap},
                    {"pintu_mean_ms_c1", c1_mean_us[0][q] / 1000.0}, {"fts5_mean_ms_c1", c1_mean_us[1][q] / 1000.0}});
    }
    json::object doc{
        {"catalog", {{"source", cat.source}, {"rows", cat.rows.size()}, {"agencies", agencies.size()},
                     {"synthetic", cat.synthetic}}},
        {"machine", {{"cpus", std::thread::hardware_concurrency()}, {"cpu", CpuModel()}}},
        {"load_average", {{"before", load_before}, {"after", LoadAverage()}}},
        {"settings", {{"passes", o.passes}, {"rounds", o.rounds}, {"warmup_rounds", o.warmup_rounds}, {"seed", o.seed},
                      {"queries", queries.size()}, {"curated_queries", CuratedQueries().size()},
                      {"sqlite", sqlite3_libversion()}, {"fts5_total", o.fts5_total}, {"fts5_cache_mb", o.fts5_cache_mb},
                      {"fts5_mmap_mb", o.fts5_mmap_mb}, {"fts5_memstatus", o.fts5_memstatus}, {"xapian", Xapian::version_string()}}},
        {"build", {{"pintu", {{"seconds", pintu_build.seconds}, {"bytes", pintu_build.bytes_on_disk}}},
                   {"fts5", {{"seconds", fts_build.seconds}, {"bytes", fts_build.bytes_on_disk}}}}},
        {"runs", runs},
        {"breakdown", breakdown},
        {"baseline_mismatches", mismatches},
        {"queries", qs}};
    std::filesystem::path out(o.out);
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    std::ofstream f(o.out);
    f << json::serialize(doc) << "\n";
    if (!f) Die("cannot write " + o.out);
    std::printf("Wrote %s\n", o.out.c_str());
  }
  sessions.clear();  // close connections before removing their files
  std::error_code ec;
  if (o.keep) std::cerr << "search_bench: kept " << work << "\n";
  else std::filesystem::remove_all(work, ec);
  return 0;
}
