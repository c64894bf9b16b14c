#include "formats/rdf/xsd_literals.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "formats/rdf/vocab.h"

namespace pintu::rdf {
namespace {

// Reads exactly `n` digits at s[pos]; false when they are not all digits.
bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool ValidDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

Term Typed(std::string_view lexical, std::string_view local) {
  return Term::Typed(lexical, std::string(ns::kXsd) + std::string(local));
}

}  // namespace

std::optional<Term> XsdDateOrTime(std::string_view iso) {
  int year = 0, month = 0, day = 0;
  if (!Digits(iso, 0, 4, &year) || year == 0) return std::nullopt;
  if (iso.size() == 4) return Typed(iso, "gYear");
  if (iso[4] != '-' || !Digits(iso, 5, 2, &month) || month < 1 || month > 12) return std::nullopt;
  if (iso.size() == 7) return Typed(iso, "gYearMonth");
  if (iso[7] != '-' || !Digits(iso, 8, 2, &day) || !ValidDay(year, month, day)) return std::nullopt;
  if (iso.size() == 10) return Typed(iso, "date");
  if (iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (!Digits(iso, 11, 2, &hour) || iso.size() < 19 || iso[13] != ':' || !Digits(iso, 14, 2, &minute) ||
      iso[16] != ':' || !Digits(iso, 17, 2, &second) || hour > 23 || minute > 59 || second > 59)
    return std::nullopt;
  size_t pos = 19;
  if (pos < iso.size() && iso[pos] == '.') {
    size_t start = ++pos;
    while (pos < iso.size() && std::isdigit(static_cast<unsigned char>(iso[pos]))) ++pos;
    if (pos == start) return std::nullopt;
  }
  std::string_view zone = iso.substr(pos);
  int zh = 0, zm = 0;
  bool zone_ok = zone.empty() || zone == "Z" ||
                 (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && Digits(zone, 1, 2, &zh) &&
                  zone[3] == ':' && Digits(zone, 4, 2, &zm) && zh <= 14 && zm <= 59);
  if (!zone_ok) return std::nullopt;
  std::string lexical(iso);
  lexical[10] = 'T';
  return Typed(lexical, "dateTime");
}

Term XsdDateTimeFromMillis(int64_t millis) {
  using namespace std::chrono;
  sys_time<milliseconds> t{milliseconds{millis}};
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss<milliseconds> hms{t - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
  return Typed(buf, "dateTime");
}

std::optional<Term> XsdDecimal(double value) {
  if (!std::isfinite(value) || std::fabs(value) >= 1e18) return std::nullopt;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", value);
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return Typed(s, "decimal");
}

std::optional<Term> XsdNonNegativeInteger(int64_t value) {
  if (value < 0) return std::nullopt;
  return Typed(std::to_string(value), "nonNegativeInteger");
}

}  // namespace pintu::rdf
