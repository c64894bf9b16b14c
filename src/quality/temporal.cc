#include "quality/temporal.h"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>

namespace pintu::quality {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kDayNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                        "friday", "saturday", "sunday"};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Cursor over the text being parsed.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }

  // Reads min..max digits (greedy, as Python's regex does).
  std::optional<int> Digits(int min, int max) {
    int value = 0;
    int n = 0;
    while (n < max && !done() && IsDigit(s[i])) {
      value = value * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    if (n < min) return std::nullopt;
    return value;
  }

  // Matches one of `names` (full name, or its first three letters when `abbreviated`).
  template <std::size_t N>
  std::optional<int> Name(const std::array<std::string_view, N>& names, bool full, bool abbreviated) {
    for (std::size_t k = 0; k < N; ++k) {
      auto try_len = [&](std::size_t len) {
        if (s.size() - i < len) return false;
        for (std::size_t j = 0; j < len; ++j) {
          if (Lower(s[i + j]) != names[k][j]) return false;
        }
        return true;
      };
      if (full && try_len(names[k].size())) {
        i += names[k].size();
        return static_cast<int>(k);
      }
      if (abbreviated && try_len(3)) {
        i += 3;
        return static_cast<int>(k);
      }
    }
    return std::nullopt;
  }

  // Z, ±hh, ±hh:mm, ±hhmm → minutes east of UTC.
  std::optional<int> Offset() {
    if (done()) return std::nullopt;
    if (s[i] == 'Z' || s[i] == 'z') {
      ++i;
      return 0;
    }
    if (s[i] != '+' && s[i] != '-') return std::nullopt;
    const int sign = s[i] == '-' ? -1 : 1;
    ++i;
    auto hh = Digits(2, 2);
    if (!hh || *hh > 23) return std::nullopt;
    int mm = 0;
    if (peek() == ':') ++i;
    if (IsDigit(peek())) {
      auto m = Digits(2, 2);
      if (!m || *m > 59) return std::nullopt;
      mm = *m;
    }
    return sign * (*hh * 60 + mm);
  }
};

bool ValidParts(const DateTimeParts& p) {
  return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= DaysInMonth(p.year, p.month) &&
         p.hour >= 0 && p.hour <= 23 && p.minute >= 0 && p.minute <= 59 && p.second >= 0 &&
         p.second <= 61 && p.microsecond >= 0 && p.microsecond <= 999999;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::int64_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil.
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<DateTimeParts> ParseStrptime(std::string_view text, std::string_view pattern) {
  DateTimeParts p;
  Cursor c{text};
  bool pm = false;
  bool has_ampm = false;
  std::optional<int> day_of_year;
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    const char f = pattern[k];
    if (IsSpace(f)) {
      // Python turns whitespace in the pattern into \s+.
      while (k + 1 < pattern.size() && IsSpace(pattern[k + 1])) ++k;
      if (!IsSpace(c.peek())) return std::nullopt;
      while (IsSpace(c.peek())) ++c.i;
      continue;
    }
    if (f != '%') {
      if (c.done() || Lower(c.peek()) != Lower(f)) return std::nullopt;
      ++c.i;
      continue;
    }
    if (++k >= pattern.size()) return std::nullopt;
    std::optional<int> v;
    switch (pattern[k]) {
      case 'Y': v = c.Digits(4, 4); if (v) p.year = *v; break;
      case 'y': v = c.Digits(2, 2); if (v) p.year = *v < 69 ? 2000 + *v : 1900 + *v; break;
      case 'm': v = c.Digits(1, 2); if (v) p.month = *v; break;
      case 'd': v = c.Digits(1, 2); if (v) p.day = *v; break;
      case 'H': v = c.Digits(1, 2); if (v) p.hour = *v; break;
      case 'I':
        v = c.Digits(1, 2);
        if (v && (*v < 1 || *v > 12)) return std::nullopt;
        if (v) p.hour = *v % 12;
        has_ampm = true;
        break;
      case 'M': v = c.Digits(1, 2); if (v) p.minute = *v; break;
      case 'S': v = c.Digits(1, 2); if (v) p.second = *v; break;
      case 'f': {
        const std::size_t start = c.i;
        v = c.Digits(1, 6);
        if (v) {
          int value = *v;
          for (std::size_t n = c.i - start; n < 6; ++n) value *= 10;
          p.microsecond = value;
        }
        break;
      }
      case 'p': {
        const std::string_view rest = text.substr(c.i);
        if (rest.size() < 2 || Lower(rest[1]) != 'm' || (Lower(rest[0]) != 'a' && Lower(rest[0]) != 'p')) {
          return std::nullopt;
        }
        pm = Lower(rest[0]) == 'p';
        c.i += 2;
        v = 0;
        break;
      }
      case 'b': case 'h': v = c.Name(kMonthNames, false, true); if (v) p.month = *v + 1; break;
      case 'B': v = c.Name(kMonthNames, true, false); if (v) p.month = *v + 1; break;
      case 'a': v = c.Name(kDayNames, false, true); break;
      case 'A': v = c.Name(kDayNames, true, false); break;
      case 'j': v = c.Digits(1, 3); if (v) day_of_year = *v; break;
      case 'z': v = c.Offset(); if (v) p.utc_offset_minutes = *v; break;
      case 'Z': {
        const std::size_t start = c.i;
        while (!c.done() && ((c.peek() >= 'A' && c.peek() <= 'Z') || (c.peek() >= 'a' && c.peek() <= 'z'))) ++c.i;
        if (c.i == start) return std::nullopt;
        v = 0;
        break;
      }
      case '%':
        if (c.peek() != '%') return std::nullopt;
        ++c.i;
        v = 0;
        break;
      default:
        return std::nullopt;  // unsupported directive: nothing conforms
    }
    if (!v) return std::nullopt;
  }
  if (!c.done()) return std::nullopt;
  if (has_ampm && pm) p.hour += 12;
  if (day_of_year) {
    if (*day_of_year < 1) return std::nullopt;
    int remaining = *day_of_year;
    int month = 1;
    while (month <= 12 && remaining > DaysInMonth(p.year, month)) remaining -= DaysInMonth(p.year, month++);
    if (month > 12) return std::nullopt;
    p.month = month;
    p.day = remaining;
  }
  if (!ValidParts(p)) return std::nullopt;
  return p;
}

std::optional<DateTimeParts> ParseIsoDatetime(std::string_view text) {
  DateTimeParts p;
  Cursor c{text};
  auto y = c.Digits(4, 4);
  if (!y) return std::nullopt;
  p.year = *y;
  const bool extended = c.peek() == '-';
  if (extended) ++c.i;
  auto m = c.Digits(2, 2);
  if (!m) return std::nullopt;
  p.month = *m;
  if (extended) {
    if (c.peek() != '-') return std::nullopt;
    ++c.i;
  }
  auto d = c.Digits(2, 2);
  if (!d) return std::nullopt;
  p.day = *d;
  if (!c.done()) {
    const char sep = c.peek();
    if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
    ++c.i;
    auto hh = c.Digits(2, 2);
    if (!hh) return std::nullopt;
    p.hour = *hh;
    if (!c.done() && c.peek() != 'Z' && c.peek() != 'z' && c.peek() != '+' && c.peek() != '-') {
      const bool colon = c.peek() == ':';
      if (colon) ++c.i;
      auto mm = c.Digits(2, 2);
      if (!mm) return std::nullopt;
      p.minute = *mm;
      if (!c.done() && (c.peek() == ':' || (!colon && IsDigit(c.peek())))) {
        if (c.peek() == ':') {
          if (!colon) return std::nullopt;
          ++c.i;
        }
        auto ss = c.Digits(2, 2);
        if (!ss) return std::nullopt;
        p.second = *ss;
        if (c.peek() == '.' || c.peek() == ',') {
          ++c.i;
          const std::size_t start = c.i;
          int frac = 0;
          int n = 0;
          while (IsDigit(c.peek())) {
            if (n < 6) frac = frac * 10 + (c.peek() - '0');
            ++n;
            ++c.i;
          }
          if (c.i == start) return std::nullopt;
          for (; n < 6; ++n) frac *= 10;
          p.microsecond = frac;
        }
      }
    }
    if (!c.done()) {
      auto off = c.Offset();
      if (!off) return std::nullopt;
      p.utc_offset_minutes = *off;
    }
    if (!c.done()) return std::nullopt;
  }
  if (p.hour == 24 && p.minute == 0 && p.second == 0 && p.microsecond == 0) return std::nullopt;
  if (!ValidParts(p)) return std::nullopt;
  return p;
}

std::optional<DateTimeParts> ParseAnyDate(std::string_view text) {
  if (auto iso = ParseIsoDatetime(text); iso && text.size() <= 10) return iso;
  static constexpr std::array<std::string_view, 10> kLayouts = {
      "%Y/%m/%d", "%Y.%m.%d", "%m/%d/%Y", "%d/%m/%Y", "%d-%m-%Y",
      "%d %b %Y", "%b %d %Y", "%d %B %Y", "%B %d, %Y", "%B %d %Y"};
  for (std::string_view layout : kLayouts) {
    if (auto parts = ParseStrptime(text, layout)) return parts;
  }
  return std::nullopt;
}

std::optional<double> ParseIsoDurationSeconds(std::string_view text) {
  Cursor c{text};
  double sign = 1.0;
  if (c.peek() == '-' || c.peek() == '+') {
    if (c.peek() == '-') sign = -1.0;
    ++c.i;
  }
  if (c.peek() != 'P') return std::nullopt;
  ++c.i;
  bool in_time = false;
  bool any = false;
  double total = 0.0;
  // Units in the order they must appear: date part Y M W D, time part H M S.
  int last_rank = -1;
  while (!c.done()) {
    if (c.peek() == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++c.i;
      if (c.done()) return std::nullopt;
      continue;
    }
    const std::size_t start = c.i;
    while (IsDigit(c.peek())) ++c.i;
    bool fraction = false;
    if (c.peek() == '.' || c.peek() == ',') {
      fraction = true;
      ++c.i;
      while (IsDigit(c.peek())) ++c.i;
    }
    if (c.i == start || c.done()) return std::nullopt;
    std::string number(text.substr(start, c.i - start));
    for (char& ch : number) {
      if (ch == ',') ch = '.';
    }
    if (number.size() > 30) return std::nullopt;
    const double value = std::strtod(number.c_str(), nullptr);
    const char unit = c.peek();
    ++c.i;
    int rank = 0;
    double seconds = 0.0;
    if (!in_time) {
      switch (unit) {
        case 'Y': rank = 0; seconds = 365.25 * 86400; break;
        case 'M': rank = 1; seconds = 30.0 * 86400; break;
        case 'W': rank = 2; seconds = 7.0 * 86400; break;
        case 'D': rank = 3; seconds = 86400; break;
        default: return std::nullopt;
      }
    } else {
      switch (unit) {
        case 'H': rank = 4; seconds = 3600; break;
        case 'M': rank = 5; seconds = 60; break;
        case 'S': rank = 6; seconds = 1; break;
        default: return std::nullopt;
      }
    }
    if (rank <= last_rank) return std::nullopt;
    if (fraction && !c.done()) return std::nullopt;  // only the last value may have a fraction
    last_rank = rank;
    total += value * seconds;
    any = true;
  }
  if (!any) return std::nullopt;
  return sign * total;
}

}  // namespace pintu::quality
