// The human form of a check report, for people at a terminal: a verdict line, what the
// file is (encoding, format, size), then the errors grouped by problem and column with
// their row numbers, an example, and a one-line fix hint — in zh-TW or English.
#pragma once

#include <string>
#include <string_view>

#include "quality/report.h"

namespace pintu::quality {

// How to print.
struct TextReportOptions {
  bool zh = false;               // Traditional Chinese instead of English
  std::string_view name;         // the file as the user named it (first line)
  std::size_t rows_listed = 8;   // row numbers shown per group before "and N more"
};

// The report as plain text (UTF-8, lines ending in \n, no terminal escapes).
std::string ReportToText(const Report& report, const TextReportOptions& options);

// One line saying how to fix problems of `type` (an error or warning type), in the chosen
// language; "" for types without a hint.
std::string_view FixHint(std::string_view type, bool zh);

}  // namespace pintu::quality
