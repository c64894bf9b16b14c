// Time stamps and the date spellings found in Taiwanese government data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pintu {

// Current UTC time as "YYYY-MM-DDTHH:MM:SS.ffffffZ" (sortable, microseconds).
std::string NowIso();
// Current UTC date as "YYYY-MM-DD".
std::string TodayIso();

// Normalises a date to ISO "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM:SS" when a time is given).
// Understands ISO forms, "YYYY/MM/DD[ hh:mm[:ss]]", ROC (民國) dates such as "109.5.29",
// "109/05/29", "1090529", "民國107年7月9日", "107年7月9日", and Gregorian "2018年7月9日".
// Returns nullopt when the text is not a valid calendar date.
std::optional<std::string> NormalizeDate(std::string_view text);

// True when y-m-d is a real calendar date.
bool IsValidDate(int year, int month, int day);

}  // namespace pintu
