// Retry delays: exponential back-off with a cap and jitter, so that jobs that fail
// together (a site down) do not all come back at the same moment.
#pragma once

#include <cstdint>
#include <functional>

namespace pintu::jobs {

struct BackoffPolicy {
  int64_t base_ms = 60'000;          // delay after the first failure (before jitter)
  int64_t cap_ms = 6 * 3'600'000;    // no delay is longer than this
};

// The delay before retrying after the `failures`-th failed run (1 = first failure):
// d = min(cap, base × 2^(failures−1)), then "equal jitter": d/2 + jitter01 × d/2, so
// the result lies in [d/2, d]. `jitter01` is clamped to [0, 1]. Never negative, never
// overflows, at least 1 ms.
int64_t RetryDelayMillis(const BackoffPolicy& policy, int failures, double jitter01);

// A thread-safe source of uniform numbers in [0, 1) for RetryDelayMillis.
std::function<double()> RandomJitter();

}  // namespace pintu::jobs
