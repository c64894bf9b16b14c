// Dates, times and durations as Table Schema reads them: Python strptime patterns,
// ISO 8601 (dateutil isoparse) for datetimes, and ISO 8601 durations. Pure functions
// over bounded input; nothing allocates.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pintu::quality {

// Calendar and clock fields of a parsed text. Fields absent from the pattern keep
// Python's defaults (1900-01-01 00:00:00).
struct DateTimeParts {
  int year = 1900;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int microsecond = 0;
  std::optional<int> utc_offset_minutes;  // set when the text has Z or ±hh[:mm]
};

// Parses `text` with a Python strptime pattern. Supports %Y %y %m %d %H %I %M %S %f %p
// %b %B %h %a %A %j %z %Z %% (numbers may have fewer digits, as in Python; whitespace
// in the pattern matches one or more spaces; letters match case-insensitively). The
// whole text must match and the date must exist (no 30 February).
std::optional<DateTimeParts> ParseStrptime(std::string_view text, std::string_view pattern);

// ISO 8601 date-time as dateutil's isoparse accepts it: YYYY-MM-DD or YYYYMMDD,
// optionally followed by "T" or " " and hh[:mm[:ss[.ffffff]]] (or compact hhmmss) and
// Z / ±hh / ±hh:mm / ±hhmm.
std::optional<DateTimeParts> ParseIsoDatetime(std::string_view text);

// A date written in one of the common layouts that "any" accepts: ISO, YYYY/MM/DD,
// YYYY.MM.DD, YYYYMMDD, MM/DD/YYYY then DD/MM/YYYY, DD-MM-YYYY, "5 Jan 2020",
// "Jan 5 2020", "January 5, 2020".
std::optional<DateTimeParts> ParseAnyDate(std::string_view text);

// An ISO 8601 duration (P1Y2M3DT4H5M6.5S, P3W, optional leading "-") in seconds, with
// a year of 365.25 days and a month of 30 days (for ordering only).
std::optional<double> ParseIsoDurationSeconds(std::string_view text);

// Days from 1970-01-01 to the given proleptic Gregorian date.
std::int64_t DaysFromCivil(int year, int month, int day);

// Days in a month of a year (leap years included); 0 for a month outside 1..12.
int DaysInMonth(int year, int month);

}  // namespace pintu::quality
