#include "core/clock.h"

#include <algorithm>
#include <chrono>

#include <fmt/core.h>

namespace pintu {
namespace {

class RealClock final : public Clock {
 public:
  int64_t NowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace

Clock& SystemClock() {
  static RealClock clock;
  return clock;
}

std::string IsoFromUnixMillis(int64_t millis) {
  // 0001-01-01 and 9999-12-31T23:59:59.999 in Unix milliseconds.
  constexpr int64_t kMin = -62135596800000;
  constexpr int64_t kMax = 253402300799999;
  millis = std::clamp(millis, kMin, kMax);
  using namespace std::chrono;
  sys_time<milliseconds> t{milliseconds(millis)};
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                     hms.subseconds().count());
}

}  // namespace pintu
