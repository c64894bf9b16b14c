// CSV dialect detection from a sample of the text: which delimiter (, ; tab |) and which
// quote character (" or ') make the rows most consistent. Deterministic (no randomness,
// fixed preference order on ties) and byte-based, so Chinese text cannot confuse it:
// only ASCII delimiters are candidates and full-width punctuation is ordinary text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "quality/csv_scanner.h"

namespace pintu::quality {

// The detected dialect with the evidence behind it.
struct DialectGuess {
  CsvDialect dialect;
  std::size_t columns = 0;      // most common number of cells per non-blank record
  double consistency = 0.0;     // share of non-blank sample records with that many cells
  std::size_t sampled_records = 0;
  bool confident = false;       // at least 2 columns and consistency of at least 0.9
};

// Guesses the dialect of UTF-8 text `sample` (the start of the file). When
// `sample_is_whole_file` is false the last, possibly cut, record is ignored. Never fails:
// an empty or one-column sample gives the default dialect (comma, double quote) with
// confident = false.
DialectGuess DetectDialect(std::string_view sample, bool sample_is_whole_file);

// A finding about the dialect compared with the file name's extension.
struct DialectFinding {
  std::string type;        // "tab-separated-csv" or "comma-separated-tsv"
  std::string message;     // English
  std::string message_zh;  // zh-TW
};

// Says when a ".csv" file is really tab-separated (or a ".tsv" file comma-separated).
// Only confident guesses produce findings.
std::optional<DialectFinding> CompareDialectWithFileName(const DialectGuess& guess,
                                                         std::string_view file_name);

}  // namespace pintu::quality
