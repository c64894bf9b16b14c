// A small RFC 4180 CSV reader for import files that fit in memory.
// (The data-quality engine has its own streaming reader; keep this one simple.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pintu::formats {

// One CSV record and where it starts in the file.
struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;    // 1-based physical line where the record starts
  size_t offset = 0;  // byte offset where the record starts (after any BOM)
};

struct CsvOptions {
  char delimiter = ',';
  size_t max_records = static_cast<size_t>(-1);  // more records → kTooLarge error
};

// Parses CSV text into records. Promises:
//  - a leading UTF-8 BOM is skipped; LF, CRLF and lone CR all end a record;
//  - quoted fields may contain delimiters, line breaks and doubled quotes ("");
//  - text after a closing quote is appended to the field (as Python's csv does);
//    a quote inside an unquoted field is kept literally;
//  - physically empty lines are skipped; records may have differing field counts
//    (the caller decides what a ragged row means);
//  - an unterminated quoted field is a kBadRequest error naming the line it starts on.
// Bytes are not checked for UTF-8; callers do that per field or per record.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const CsvOptions& options = {});

}  // namespace pintu::formats
