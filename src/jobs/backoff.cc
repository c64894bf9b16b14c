#include "jobs/backoff.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <random>

namespace pintu::jobs {

int64_t RetryDelayMillis(const BackoffPolicy& policy, int failures, double jitter01) {
  int64_t cap = std::max<int64_t>(1, policy.cap_ms);
  int64_t delay = std::clamp<int64_t>(policy.base_ms, 1, cap);
  for (int i = 1; i < failures && delay < cap; ++i) delay = delay > cap / 2 ? cap : delay * 2;
  if (!(jitter01 >= 0)) jitter01 = 0;  // also catches NaN
  jitter01 = std::min(jitter01, 1.0);
  int64_t half = delay / 2;
  int64_t spread = delay - half;  // ≤ 2^62, so the product below fits before the clamp
  int64_t extra = std::min(spread, static_cast<int64_t>(jitter01 * static_cast<double>(spread)));
  return std::max<int64_t>(1, half + extra);
}

std::function<double()> RandomJitter() {
  struct Source {
    std::mutex mu;
    std::mt19937_64 engine{std::random_device{}()};
    std::uniform_real_distribution<double> dist{0.0, 1.0};
  };
  auto source = std::make_shared<Source>();
  return [source] {
    std::lock_guard lock(source->mu);
    return source->dist(source->engine);
  };
}

}  // namespace pintu::jobs
