// Multi-threaded load driver.
#include "search/load.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <chrono>
#include <latch>
#include <sys/resource.h>
#include <thread>

#include "search/rng.h"

namespace pintu::bench {
namespace {

// User + system CPU seconds used by this process so far.
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto sec = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) + tv.tv_usec / 1e6; };
  return sec(ru.ru_utime) + sec(ru.ru_stime);
}

}  // namespace

LatencyStats Summarise(std::vector<double> us) {
  LatencyStats s;
  s.queries = us.size();
  if (us.empty()) return s;
  std::sort(us.begin(), us.end());
  auto rank = [&](double p) {  // nearest rank
    size_t k = static_cast<size_t>(std::ceil(p * static_cast<double>(us.size())));
    return us[std::clamp<size_t>(k, 1, us.size()) - 1] / 1000.0;
  };
  s.median_ms = rank(0.5);
  s.p90_ms = rank(0.9);
  s.p99_ms = rank(0.99);
  double sum = 0;
  for (double v : us) sum += v;
  s.mean_ms = sum / static_cast<double>(us.size()) / 1000.0;
  s.max_ms = us.back() / 1000.0;
  return s;
}

LoadResult RunLoad(std::vector<std::unique_ptr<Session>>& sessions, const std::vector<std::string>& queries,
                   int concurrency, int rounds, uint64_t seed) {
  using Clock = std::chrono::steady_clock;
  std::vector<size_t> order;
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < queries.size(); ++i) order.push_back(i);
  Rng rng(seed);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Below(i)]);

  struct Sample {
    size_t query;
    double us;
  };
  std::vector<std::vector<Sample>> samples(concurrency);
  std::vector<size_t> errors(concurrency, 0);
  std::vector<std::string> first_error(concurrency);
  std::atomic<size_t> next{0};
  std::latch start(concurrency + 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < concurrency; ++t) {
    threads.emplace_back([&, t] {
      Session& session = *sessions[t];
      samples[t].reserve(order.size() / concurrency + 1);
      start.arrive_and_wait();
      for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < order.size();) {
        auto t0 = Clock::now();
        auto r = session.Run(queries[order[i]]);
        auto t1 = Clock::now();
        if (!r && errors[t]++ == 0) first_error[t] = r.error().message;
        samples[t].push_back({order[i], std::chrono::duration<double, std::micro>(t1 - t0).count()});
      }
    });
  }
  double cpu0 = CpuSeconds();
  start.arrive_and_wait();
  auto t0 = Clock::now();
  for (auto& th : threads) th.join();
  auto t1 = Clock::now();
  double cpu1 = CpuSeconds();

  LoadResult out;
  out.concurrency = concurrency;
  out.wall_seconds = std::chrono::duration<double>(t1 - t0).count();
  out.cpu_seconds = cpu1 - cpu0;
  out.per_query_us.assign(queries.size(), 0);
  out.per_query_count.assign(queries.size(), 0);
  for (int t = 0; t < concurrency; ++t) {
    out.errors += errors[t];
    if (out.first_error.empty()) out.first_error = first_error[t];
    for (const auto& s : samples[t]) {
      out.latencies_us.push_back(s.us);
      out.sample_query.push_back(s.query);
      out.per_query_us[s.query] += s.us;
      ++out.per_query_count[s.query];
    }
  }
  out.qps = out.wall_seconds > 0 ? static_cast<double>(out.latencies_us.size()) / out.wall_seconds : 0;
  out.latency = Summarise(out.latencies_us);
  out.pass_qps = {out.qps};
  return out;
}

void Merge(LoadResult& into, const LoadResult& more) {
  if (into.latencies_us.empty() && into.pass_qps.empty()) {
    into = more;
    return;
  }
  into.wall_seconds += more.wall_seconds;
  into.cpu_seconds += more.cpu_seconds;
  into.errors += more.errors;
  if (into.first_error.empty()) into.first_error = more.first_error;
  into.latencies_us.insert(into.latencies_us.end(), more.latencies_us.begin(), more.latencies_us.end());
  into.sample_query.insert(into.sample_query.end(), more.sample_query.begin(), more.sample_query.end());
  for (size_t q = 0; q < into.per_query_us.size() && q < more.per_query_us.size(); ++q) {
    into.per_query_us[q] += more.per_query_us[q];
    into.per_query_count[q] += more.per_query_count[q];
  }
  into.pass_qps.insert(into.pass_qps.end(), more.pass_qps.begin(), more.pass_qps.end());
  into.qps = into.wall_seconds > 0 ? static_cast<double>(into.latencies_us.size()) / into.wall_seconds : 0;
  into.latency = Summarise(into.latencies_us);
}

}  // namespace pintu::bench
