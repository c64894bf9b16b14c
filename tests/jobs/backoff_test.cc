// Retry delays grow exponentially, stay under the cap and are spread by jitter.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

#include "jobs/backoff.h"

namespace pintu::jobs {
namespace {

TEST(BackoffTest, DoublesPerFailureWithinEqualJitterBounds) {
  BackoffPolicy p{1000, 1'000'000};
  for (int failures = 1; failures <= 8; ++failures) {
    int64_t full = 1000LL << (failures - 1);
    EXPECT_EQ(RetryDelayMillis(p, failures, 0.0), full / 2) << failures;
    EXPECT_EQ(RetryDelayMillis(p, failures, 1.0), full) << failures;
    int64_t mid = RetryDelayMillis(p, failures, 0.5);
    EXPECT_GT(mid, full / 2);
    EXPECT_LT(mid, full);
  }
}

TEST(BackoffTest, NeverExceedsTheCapEvenAfterManyFailures) {
  BackoffPolicy p{60'000, 6 * 3'600'000};
  for (int failures : {10, 30, 63, 64, 1000, std::numeric_limits<int>::max()}) {
    int64_t d = RetryDelayMillis(p, failures, 1.0);
    EXPECT_EQ(d, p.cap_ms) << failures;
    EXPECT_GE(RetryDelayMillis(p, failures, 0.0), p.cap_ms / 2);
  }
}

TEST(BackoffTest, HostileInputsGiveAPositiveBoundedDelay) {
  BackoffPolicy zero{0, 0};
  EXPECT_EQ(RetryDelayMillis(zero, 1, 0.5), 1);
  BackoffPolicy negative{-5, -10};
  EXPECT_GE(RetryDelayMillis(negative, 3, 0.5), 1);
  BackoffPolicy p{1000, 8000};
  EXPECT_EQ(RetryDelayMillis(p, 0, 1.0), 1000);    // no failure counted yet
  EXPECT_EQ(RetryDelayMillis(p, -7, 1.0), 1000);
  EXPECT_EQ(RetryDelayMillis(p, 1, std::nan("")), 500);
  EXPECT_EQ(RetryDelayMillis(p, 1, -3.0), 500);
  EXPECT_EQ(RetryDelayMillis(p, 1, 42.0), 1000);
  BackoffPolicy huge{std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::max()};
  EXPECT_GT(RetryDelayMillis(huge, 5, 1.0), 0);
}

TEST(BackoffTest, RandomJitterSpreadsDelays) {
  auto jitter = RandomJitter();
  BackoffPolicy p{10'000, 10'000};
  std::set<int64_t> seen;
  for (int i = 0; i < 200; ++i) {
    double j = jitter();
    ASSERT_GE(j, 0.0);
    ASSERT_LT(j, 1.0);
    seen.insert(RetryDelayMillis(p, 1, j));
  }
  EXPECT_GT(seen.size(), 100u);  // not all failures come back at the same moment
}

}  // namespace
}  // namespace pintu::jobs
