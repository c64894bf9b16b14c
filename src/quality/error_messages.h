// The wording of Frictionless errors: English as frictionless-py words it (its message
// templates) and zh-TW for people in Taiwan.
#pragma once

#include <string>
#include <string_view>

#include "quality/report.h"

namespace pintu::quality {

// Longest cell or label text kept in an error (longer text is cut at a UTF-8 boundary
// and ends with "…"), so that a report stays small whatever the file holds.
inline constexpr std::size_t kMaxErrorCellBytes = 200;

// Fills error.message and error.message_zh from its type, numbers, field name, cell and
// note. Unknown types get a generic sentence with the note.
void WordError(ReportError& error);

// `text` cut to at most `max_bytes` bytes without splitting a UTF-8 sequence.
std::string ShortenForReport(std::string_view text, std::size_t max_bytes = kMaxErrorCellBytes);

}  // namespace pintu::quality
