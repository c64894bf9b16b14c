#include "core/time.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

#include "core/text.h"

namespace pintu {

std::string NowIso() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto secs = time_point_cast<seconds>(now);
  auto micros = duration_cast<microseconds>(now - secs).count();
  std::time_t t = system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(micros));
  return buf;
}

std::string TodayIso() { return NowIso().substr(0, 10); }

bool IsValidDate(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
  return d <= max;
}

namespace {

// Splits text into runs of ASCII digits; returns false if anything other than
// digits and the allowed separators appears.
bool DigitRuns(std::string_view s, std::vector<std::string_view>& runs) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] >= '0' && s[i] <= '9') {
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      runs.push_back(s.substr(i, j - i));
      i = j;
      continue;
    }
    // Separators: - / . space : T and the CJK date words 年 月 日 (3 bytes each).
    static constexpr std::string_view kCjkSeps[] = {"年", "月", "日", "時", "分", "秒"};
    bool ok = false;
    if (s[i] == '-' || s[i] == '/' || s[i] == '.' || s[i] == ' ' || s[i] == ':' || s[i] == 'T') {
      ++i;
      ok = true;
    } else {
      for (auto sep : kCjkSeps) {
        if (s.substr(i, sep.size()) == sep) {
          i += sep.size();
          ok = true;
          break;
        }
      }
    }
    if (!ok) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<std::string> NormalizeDate(std::string_view text) {
  std::string_view s = Trim(text);
  bool roc = false;
  for (std::string_view prefix : {"民國", "中華民國"}) {
    if (StartsWith(s, prefix)) {
      s.remove_prefix(prefix.size());
      s = Trim(s);
      roc = true;
    }
  }
  // Drop a trailing "Z" or UTC offset on ISO time stamps.
  std::string_view core = s;
  if (!core.empty() && core.back() == 'Z') core.remove_suffix(1);
  if (core.size() > 19 && (core[19] == '+' || core[19] == '.')) core = core.substr(0, 19);
  std::vector<std::string_view> runs;
  if (core.empty() || !DigitRuns(core, runs) || runs.empty()) return std::nullopt;

  int y, m, d;
  size_t next = 0;
  if (runs.size() == 1) {
    // Compact forms: YYYYMMDD or ROC YYYMMDD.
    auto r = runs[0];
    if (r.size() == 8) { y = ToInt(r.substr(0, 4)); m = ToInt(r.substr(4, 2)); d = ToInt(r.substr(6, 2)); }
    else if (r.size() == 7) { y = ToInt(r.substr(0, 3)) + 1911; m = ToInt(r.substr(3, 2)); d = ToInt(r.substr(5, 2)); }
    else return std::nullopt;
    next = 1;
  } else {
    if (runs.size() < 3) return std::nullopt;
    if (runs[0].size() > 4 || runs[1].size() > 2 || runs[2].size() > 2) return std::nullopt;
    y = ToInt(runs[0]);
    m = ToInt(runs[1]);
    d = ToInt(runs[2]);
    // A 2- or 3-digit year is an ROC year (民國 1 = 1912).
    if (roc || runs[0].size() <= 3) y += 1911;
    next = 3;
  }
  if (!IsValidDate(y, m, d)) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  std::string out = buf;
  if (next < runs.size()) {
    int hh = ToInt(runs[next]);
    int mm = next + 1 < runs.size() ? ToInt(runs[next + 1]) : 0;
    int ss = next + 2 < runs.size() ? ToInt(runs[next + 2]) : 0;
    if (runs.size() > next + 3 || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hh, mm, ss);
    out += buf;
  }
  return out;
}

}  // namespace pintu
