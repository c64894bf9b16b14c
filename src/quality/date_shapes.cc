#include "quality/date_shapes.h"

#include <cstdint>
#include <cstdio>

#include "core/time.h"

namespace pintu::quality {
namespace {

constexpr std::size_t kMaxDateBytes = 48;
constexpr std::string_view kYear = "年", kMonth = "月", kDay = "日";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of ASCII digits at s[pos...]; returns its length (0 when none) and value.
// Stops after `limit` digits: callers that reject runs longer than k pass k + 1.
std::size_t ReadDigits(std::string_view s, std::size_t pos, int& value, std::size_t limit = SIZE_MAX) {
  std::size_t n = 0;
  value = 0;
  while (n < limit && pos + n < s.size() && IsDigit(s[pos + n])) {
    if (n < 9) value = value * 10 + (s[pos + n] - '0');
    ++n;
  }
  return n;
}

// Drops leading spaces, tabs and U+3000, and trailing spaces, tabs, CR, LF and U+3000.
// Tests one byte first: most cells have nothing to trim.
std::string_view TrimCell(std::string_view s) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  while (!s.empty()) {
    const char c = s.front();
    if (c == ' ' || c == '\t') {
      s.remove_prefix(1);
    } else if (c == '\xE3' && s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  while (!s.empty()) {
    const char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      s.remove_suffix(1);
    } else if (c == '\x80' && s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

// Accepts what may follow a date: nothing, or [ T]hh:mm[:ss[.fff]][Z|±hh:mm].
bool ValidTimeSuffix(std::string_view t, bool& has_time) {
  has_time = false;
  if (t.empty()) return true;
  if (t.front() != ' ' && t.front() != 'T') return false;
  t.remove_prefix(1);
  int hh, mm, ss;
  std::size_t n = ReadDigits(t, 0, hh);
  if (n < 1 || n > 2 || n >= t.size() || t[n] != ':') return false;
  std::size_t m = ReadDigits(t, n + 1, mm);
  if (m != 2) return false;
  std::size_t pos = n + 1 + m;
  if (pos < t.size() && t[pos] == ':') {
    std::size_t k = ReadDigits(t, pos + 1, ss);
    if (k != 2 || ss > 60) return false;
    pos += 1 + k;
    if (pos < t.size() && t[pos] == '.') {
      int frac;
      std::size_t f = ReadDigits(t, pos + 1, frac);
      if (f == 0) return false;
      pos += 1 + f;
    }
  }
  if (hh > 23 || mm > 59) return false;
  std::string_view zone = t.substr(pos);
  if (!zone.empty() && zone != "Z") {
    int zh, zm;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || ReadDigits(zone, 1, zh) != 2 ||
        zone[3] != ':' || ReadDigits(zone, 4, zm) != 2 || zh > 14 || zm > 59) {
      return false;
    }
  }
  has_time = true;
  return true;
}

DatePadding PaddingOf(std::size_t month_digits, int month, std::size_t day_digits, int day) {
  if (month_digits == 1 || day_digits == 1) return DatePadding::kUnpadded;
  if (month < 10 || day < 10) return DatePadding::kZeroPadded;
  return DatePadding::kNeutral;
}

// "[中華]民國"YYY年M月[D日] or YYYY年M月[D日].
std::optional<DateShape> ClassifyChinese(std::string_view s, bool roc_prefix) {
  int year, month, day = 0;
  std::size_t yn = ReadDigits(s, 0, year);
  if (yn == 0 || yn > 4 || !s.substr(yn).starts_with(kYear)) return std::nullopt;
  std::size_t pos = yn + kYear.size();
  std::size_t mn = ReadDigits(s, pos, month);
  if (mn == 0 || mn > 2 || !s.substr(pos + mn).starts_with(kMonth)) return std::nullopt;
  pos += mn + kMonth.size();
  std::size_t dn = 0;
  if (pos < s.size()) {
    dn = ReadDigits(s, pos, day);
    if (dn == 0 || dn > 2 || s.substr(pos + dn) != kDay) return std::nullopt;
  }
  DateShape shape;
  const bool year_month = dn == 0;
  if (yn == 4) {
    if (roc_prefix) return std::nullopt;
    shape.family = year_month ? DateFamily::kChineseYearMonth : DateFamily::kChinese;
    shape.year = year;
  } else {
    if (year < 1 || year > 199) return std::nullopt;
    shape.family = year_month ? DateFamily::kRocChineseYearMonth : DateFamily::kRocChinese;
    shape.year = year + 1911;
  }
  if (!IsValidDate(shape.year, month, year_month ? 1 : day)) return std::nullopt;
  shape.month = month;
  shape.day = day;
  shape.padding = year_month ? (mn == 1 ? DatePadding::kUnpadded
                                        : (month < 10 ? DatePadding::kZeroPadded : DatePadding::kNeutral))
                             : PaddingOf(mn, month, dn, day);
  return shape;
}

}  // namespace

std::optional<DateShape> ClassifyDateShape(std::string_view cell) {
  std::string_view s = TrimCell(cell);
  if (s.empty() || s.size() > kMaxDateBytes) return std::nullopt;

  bool roc_prefix = false;
  if (!IsDigit(s.front())) {  // only "中華民國" / "民國" may come before the digits
    for (std::string_view prefix : {std::string_view("中華民國"), std::string_view("民國")}) {
      if (s.starts_with(prefix)) {
        s.remove_prefix(prefix.size());
        roc_prefix = true;
        break;
      }
    }
    if (s.empty() || !IsDigit(s.front())) return std::nullopt;
  }

  int year;
  const std::size_t yn = ReadDigits(s, 0, year, 9);  // dates have at most 8 (a longer run is rejected below)
  if (yn < s.size() && s.substr(yn).starts_with(kYear)) return ClassifyChinese(s, roc_prefix);
  if (roc_prefix) return std::nullopt;

  DateShape shape;
  if (yn == s.size()) {  // a bare run of digits
    int month = (s.size() >= 4) ? (s[s.size() - 4] - '0') * 10 + (s[s.size() - 3] - '0') : 0;
    int day = (s.size() >= 2) ? (s[s.size() - 2] - '0') * 10 + (s[s.size() - 1] - '0') : 0;
    if (yn == 8) {
      shape.family = DateFamily::kCompact;
      shape.year = year / 10000;
      if (shape.year < 1900 || shape.year > 2100) return std::nullopt;
    } else if (yn == 7) {
      shape.family = DateFamily::kRocCompact;
      int roc_year = year / 10000;
      if (roc_year < 100 || roc_year > 199) return std::nullopt;
      shape.year = roc_year + 1911;
    } else {
      return std::nullopt;
    }
    if (!IsValidDate(shape.year, month, day)) return std::nullopt;
    shape.month = month;
    shape.day = day;
    shape.padding = (month < 10 || day < 10) ? DatePadding::kZeroPadded : DatePadding::kNeutral;
    return shape;
  }

  const char sep = s[yn];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  int month, day;
  const std::size_t mn = ReadDigits(s, yn + 1, month, 3);
  if (mn == 0 || mn > 2 || yn + 1 + mn >= s.size() || s[yn + 1 + mn] != sep) return std::nullopt;
  const std::size_t dpos = yn + 1 + mn + 1;
  const std::size_t dn = ReadDigits(s, dpos, day, 3);
  if (dn == 0 || dn > 2) return std::nullopt;
  if (!ValidTimeSuffix(s.substr(dpos + dn), shape.has_time)) return std::nullopt;
  if (shape.has_time && s[dpos + dn] == 'T' && sep != '-') return std::nullopt;

  if (yn == 4) {
    shape.family = sep == '-' ? DateFamily::kIsoDash : sep == '/' ? DateFamily::kSlash : DateFamily::kDot;
    shape.year = year;
  } else if (yn == 2 || yn == 3) {
    if (year < 32 || year > 199) return std::nullopt;
    shape.family = sep == '-' ? DateFamily::kRocDash : sep == '/' ? DateFamily::kRocSlash : DateFamily::kRocDot;
    shape.year = year + 1911;
  } else {
    return std::nullopt;
  }
  if (!IsValidDate(shape.year, month, day)) return std::nullopt;
  shape.month = month;
  shape.day = day;
  shape.padding = PaddingOf(mn, month, dn, day);
  return shape;
}

bool IsRocFamily(DateFamily f) {
  switch (f) {
    case DateFamily::kRocDash:
    case DateFamily::kRocSlash:
    case DateFamily::kRocDot:
    case DateFamily::kRocCompact:
    case DateFamily::kRocChinese:
    case DateFamily::kRocChineseYearMonth: return true;
    default: return false;
  }
}

bool IsCompactFamily(DateFamily f) { return f == DateFamily::kCompact || f == DateFamily::kRocCompact; }

std::string_view DateShapeName(DateFamily f, DatePadding p) {
  const bool u = p == DatePadding::kUnpadded;
  switch (f) {
    case DateFamily::kIsoDash: return u ? "YYYY-M-D" : "YYYY-MM-DD";
    case DateFamily::kSlash: return u ? "YYYY/M/D" : "YYYY/MM/DD";
    case DateFamily::kDot: return u ? "YYYY.M.D" : "YYYY.MM.DD";
    case DateFamily::kCompact: return "YYYYMMDD";
    case DateFamily::kChinese: return u ? "YYYY年M月D日" : "YYYY年MM月DD日";
    case DateFamily::kChineseYearMonth: return u ? "YYYY年M月" : "YYYY年MM月";
    case DateFamily::kRocDash: return u ? "ROC YYY-M-D" : "ROC YYY-MM-DD";
    case DateFamily::kRocSlash: return u ? "ROC YYY/M/D" : "ROC YYY/MM/DD";
    case DateFamily::kRocDot: return u ? "ROC YYY.M.D" : "ROC YYY.MM.DD";
    case DateFamily::kRocCompact: return "ROC YYYMMDD";
    case DateFamily::kRocChinese: return u ? "民國YYY年M月D日" : "民國YYY年MM月DD日";
    case DateFamily::kRocChineseYearMonth: return u ? "民國YYY年M月" : "民國YYY年MM月";
  }
  return "?";
}

std::string GregorianIso(const DateShape& d) {
  char buf[16];
  if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

std::optional<std::string_view> StrptimeFormat(DateFamily f) {
  switch (f) {
    case DateFamily::kIsoDash: return "%Y-%m-%d";
    case DateFamily::kSlash: return "%Y/%m/%d";
    case DateFamily::kDot: return "%Y.%m.%d";
    case DateFamily::kCompact: return "%Y%m%d";
    case DateFamily::kChinese: return "%Y年%m月%d日";
    case DateFamily::kChineseYearMonth: return "%Y年%m月";
    default: return std::nullopt;
  }
}

}  // namespace pintu::quality
