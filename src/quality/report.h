// The result of checking one data file: a Frictionless-like report whose JSON form is the
// interface contract of `pintu check --format json` (issue 5). Other tools rely on its
// names: extend it, never rename.
//
// Each engine fills its own part: the tabular validator fills valid, dialect, stats.rows,
// stats.fields, errors, warnings and schema; the byte source fills stats.bytes, sha256 and
// md5; encoding detection fills `encoding`; format sniffing fills `format`; the profiler
// fills `profile`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace pintu::quality {

// One Frictionless error (type names as in frictionless/errors/*.py).
struct ReportError {
  std::string type;                            // "blank-label", "type-error", …
  std::optional<std::uint64_t> row_number;     // header is row 1; null for label and file errors
  std::optional<std::uint64_t> field_number;   // 1-based; null for row and file errors
  std::string field_name;                      // when the error concerns a field
  std::string cell;                            // the cell or label text, when there is one
  std::string note;                            // the specific detail (frictionless `note`)
  std::string note_zh;                         // the detail in zh-TW (empty: use `note`)
  std::string message;                         // English, frictionless wording
  std::string message_zh;                      // zh-TW
};

// Something the user should know that is not an error in the data (the error limit was
// reached, a check was skipped, a declared hash algorithm is not supported, a .csv is
// tab-separated, …).
struct ReportWarning {
  std::string type;     // stable identifier, e.g. "error-limit", "check-skipped"
  std::string message;  // English (frictionless wording where frictionless has one)
  std::string message_zh;
  std::optional<std::uint64_t> row_number;  // where it applies, if anywhere
  // More about it (fieldNumber, fieldName, count, rowNumbers, example, hint, …), written
  // into the warning's JSON object beside the keys above.
  std::optional<boost::json::object> details;
};

struct Report {
  bool valid = true;  // false when there is at least one error

  struct Encoding {
    std::optional<std::string> detected;  // "utf-8", "big5", …
    bool bom = false;
    std::optional<std::string> declared;
    std::optional<bool> matches;  // null when nothing was declared
    std::string method;           // how it was decided ("bom", "strict-decode", …; "" unknown)
    // Candidates tried and rejected before the answer, with their first invalid byte.
    std::vector<std::pair<std::string, std::uint64_t>> rejected;
  } encoding;

  struct Format {
    std::optional<std::string> detected;  // "csv", "tsv", "json", …
    std::optional<std::string> declared;
    std::optional<bool> matches;          // null when nothing was declared
    std::optional<bool> machine_readable; // null when not sniffed
    std::string evidence;                 // what decided the format
    std::string compression;              // "gzip" or "zip" when the file was unpacked
    std::string member;                   // the zip member read
  } format;

  struct Dialect {
    char delimiter = ',';
    std::optional<char> quote_char = '"';
    bool header = true;
  } dialect;

  struct Stats {
    std::uint64_t rows = 0;    // data rows (the header is not counted; blank rows are)
    std::uint64_t fields = 0;  // columns of the table (labels, or schema fields)
    std::optional<std::uint64_t> bytes;
    std::optional<std::string> sha256;
    std::optional<std::string> md5;
  } stats;

  std::vector<ReportError> errors;
  std::vector<ReportWarning> warnings;
  std::optional<boost::json::object> schema;   // the Table Schema used (given or inferred)
  bool schema_inferred = false;                // `schema` was inferred from the data
  std::optional<boost::json::value> profile;   // column profiles, filled by the profiler

  // Appends a warning.
  void Warn(std::string type, std::string message, std::string message_zh,
            std::optional<std::uint64_t> row_number = std::nullopt);
};

// The report as one JSON object (keys in camelCase as in the contract: valid, encoding,
// format, dialect{delimiter,quoteChar,header}, stats{rows,fields,bytes,sha256,md5},
// errors[{type,rowNumber,fieldNumber,fieldName,cell,note,message,messageZh,tags}],
// warnings[{type,message,messageZh,rowNumber}], schema, profile).
boost::json::object ReportToJson(const Report& report);

// Frictionless tags of an error type ("#table", "#header", "#label", "#row", "#cell",
// "#file"), used by pick/skip options.
std::vector<std::string_view> ErrorTags(std::string_view type);

}  // namespace pintu::quality
