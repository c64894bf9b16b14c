// A clock that tests move by hand, so schedules, leases and back-off can be tested
// without sleeping.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/clock.h"

namespace pintu::test {

class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t start_millis = 1'700'000'000'000) : now_(start_millis) {}
  int64_t NowMillis() const override { return now_.load(); }
  // Moves the clock forward by `millis`.
  void Advance(int64_t millis) { now_.fetch_add(millis); }
  void Set(int64_t millis) { now_.store(millis); }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace pintu::test
