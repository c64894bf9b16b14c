#include "core/clock.h"

#include <algorithm>
#include <chrono>

#include <fmt/core.h>

#include "core/time.h"

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

std::optional<int64_t> UnixMillisFromIso(std::string_view iso) {
  auto digits = [&](size_t pos, size_t n) -> std::optional<int> {
    if (pos + n > iso.size()) return std::nullopt;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  auto y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2);
  if (!y || !mo || !d || iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || !IsValidDate(*y, *mo, *d))
    return std::nullopt;
  int h = 0, mi = 0, s = 0, ms = 0;
  if (iso.size() > 10) {
    if (iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
    auto hh = digits(11, 2), mm = digits(14, 2), ss = digits(17, 2);
    if (!hh || !mm || !ss || iso[13] != ':' || iso[16] != ':' || *hh > 23 || *mm > 59 || *ss > 60) return std::nullopt;
    h = *hh, mi = *mm, s = *ss;
    size_t pos = 19;
    if (pos < iso.size() && iso[pos] == '.') {
      int scale = 100;
      for (++pos; pos < iso.size() && iso[pos] >= '0' && iso[pos] <= '9'; ++pos, scale /= 10) ms += (iso[pos] - '0') * scale;
    }
    if (pos < iso.size() && iso[pos] == 'Z') ++pos;
    if (pos != iso.size()) return std::nullopt;
  }
  using namespace std::chrono;
  const sys_days day{year{*y} / month{static_cast<unsigned>(*mo)} / ::std::chrono::day{static_cast<unsigned>(*d)}};
  return day.time_since_epoch().count() * 86'400'000LL + ((h * 60LL + mi) * 60 + s) * 1000 + ms;
}

}  // namespace pintu
