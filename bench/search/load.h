// Runs a query list against an engine from N threads and measures latency and throughput.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "search/engine.h"

namespace pintu::bench {

// Latency summary of one measured run, in milliseconds.
struct LatencyStats {
  size_t queries = 0;
  double median_ms = 0, p90_ms = 0, p99_ms = 0, mean_ms = 0, max_ms = 0;
};

// Summarises latencies given in microseconds (nearest-rank percentiles).
LatencyStats Summarise(std::vector<double> latencies_us);

// Result of one measured run.
struct LoadResult {
  int concurrency = 0;
  double wall_seconds = 0;
  double qps = 0;                       // queries answered / wall time
  double cpu_seconds = 0;               // this process's user + system CPU time during the run
  std::vector<double> pass_qps;         // qps of each merged pass (see Merge)
  LatencyStats latency;
  std::vector<double> per_query_us;     // latency of every query issued, by query index (summed)
  std::vector<int> per_query_count;     // how often each query was issued
  std::vector<double> latencies_us;     // every sample, in issue order
  std::vector<size_t> sample_query;     // query index of each sample
  size_t errors = 0;
  std::string first_error;
};

// Issues every query of `queries` `rounds` times in a fixed shuffled order (seeded),
// from `concurrency` threads that each use their own session from `sessions` (at least
// `concurrency` of them) and take the next query from a shared counter until none is
// left. All threads start together; the wall time runs from the start to the last answer.
LoadResult RunLoad(std::vector<std::unique_ptr<Session>>& sessions, const std::vector<std::string>& queries,
                   int concurrency, int rounds, uint64_t seed);

}  // namespace pintu::bench

namespace pintu::bench {

// Adds the samples, wall time, CPU time and errors of `more` (another pass of the same
// engine, concurrency and query list) to `into` and recomputes qps and latency.
void Merge(LoadResult& into, const LoadResult& more);

}  // namespace pintu::bench
