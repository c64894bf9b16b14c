// Date "shapes": which spelling a date-looking cell uses (2021-01-05, 2021/1/5,
// 民國110年1月5日, 1100105 …), so that a column can be told apart when it mixes
// spellings, ROC (民國) dates can be found, and a schema can declare the date format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pintu::quality {

// The separator, calendar and field order of a date spelling. Zero-padding is kept apart
// (DatePadding) because "2021/01/05" and "2021/12/25" are the same spelling.
enum class DateFamily : std::uint8_t {
  kIsoDash,             // 2021-01-05, 2021-1-5 (also with a time: 2021-01-05T08:00:00Z)
  kSlash,               // 2021/01/05, 2021/1/5
  kDot,                 // 2021.01.05
  kCompact,             // 20210105
  kChinese,             // 2021年1月5日
  kChineseYearMonth,    // 2021年1月
  kRocDash,             // 110-01-05 (ROC year)
  kRocSlash,            // 110/01/05, 110/1/5
  kRocDot,              // 110.1.5
  kRocCompact,          // 1100105 (YYYMMDD, ROC year 100–199)
  kRocChinese,          // 民國110年1月5日, 中華民國110年1月5日, 110年1月5日
  kRocChineseYearMonth, // 民國110年1月, 110年1月
};
inline constexpr int kDateFamilyCount = 12;

// How month and day are written.
enum class DatePadding : std::uint8_t {
  kNeutral,     // both already two digits without a leading zero (2021/12/25)
  kZeroPadded,  // some part has a leading zero (2021/01/25)
  kUnpadded,    // some part has a single digit (2021/1/25)
};

// A recognised date spelling and the date it stands for.
struct DateShape {
  DateFamily family = DateFamily::kIsoDash;
  DatePadding padding = DatePadding::kNeutral;
  bool has_time = false;  // a time of day follows the date
  int year = 0;           // Gregorian year (ROC year + 1911 for ROC families)
  int month = 0;          // 1–12
  int day = 0;            // 1–31, 0 for the year-month families
};

// Recognises a whole cell (surrounding whitespace ignored) as a date spelling. Only real
// calendar dates are accepted. False-positive guards:
//   - compact forms: exactly 8 digits with a year in 1900–2100, or exactly 7 digits with
//     an ROC year in 100–199 (2011–2110); other digit strings are numbers, not dates;
//   - separated forms with a 2-digit year are ROC only for years 32–99, so "12/11/10" or
//     "10.1.2" (versions, day/month orders) are not dates; 1-digit years are never dates;
//   - ROC years are at most 199 (the year 2110); 4-digit years are Gregorian;
//   - cells longer than 48 bytes, or with anything after the date other than a time of
//     day (hh:mm[:ss[.fff]] with optional Z or ±hh:mm), are not dates.
// Callers decide at column level whether compact forms are dates (see taiwan_checks.h).
std::optional<DateShape> ClassifyDateShape(std::string_view cell);

// True for the ROC (民國) families.
bool IsRocFamily(DateFamily family);

// True for the families written as a bare run of digits (kCompact, kRocCompact).
bool IsCompactFamily(DateFamily family);

// A short pattern naming the spelling, e.g. "YYYY-MM-DD", "YYYY/M/D", "ROC YYY/MM/DD",
// "民國YYY年M月D日". Unpadded spellings use single letters (M, D).
std::string_view DateShapeName(DateFamily family, DatePadding padding);

// The Gregorian date as ISO 8601: "2021-01-05" (or "2021-01" for year-month families).
std::string GregorianIso(const DateShape& shape);

// The Table Schema `format` pattern (Python strptime) that parses the family, or nullopt
// when none can (ROC years have no strptime directive). kIsoDash gives "%Y-%m-%d".
std::optional<std::string_view> StrptimeFormat(DateFamily family);

}  // namespace pintu::quality
