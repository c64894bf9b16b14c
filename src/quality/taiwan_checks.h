// Taiwan-specific cell warnings, aggregated per column: ROC (民國) dates, mixed date
// formats, full-width characters, CJK radical/compatibility characters, personal data
// (national ID numbers, mobile phones, e-mail addresses) and leading/trailing spaces.
// The rules and their false-positive guards are documented in docs/quality.md,
// "Taiwan-specific warnings".
//
// Fed one row at a time; memory per column is fixed (a few KiB), whatever the number of
// rows. Cheap byte tests decide which cells get the more expensive checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quality/date_shapes.h"

namespace pintu::quality {

// Settings of TaiwanChecks.
struct TaiwanCheckOptions {
  std::size_t max_rows_listed = 5;     // row numbers kept per warning (at most 8)
  std::size_t max_example_bytes = 80;  // cap on the example value shown
  // Bare digit runs (1100105, 20210105) count as dates only in a column where at least
  // this share of non-empty cells are date-shaped; elsewhere they are numbers.
  double date_column_share = 0.8;
  std::size_t max_columns = 1024;      // columns beyond are not checked
};

// Text in both of the languages users read.
struct LocalizedLine {
  std::string en;
  std::string zh_tw;
};

// One warning about one column.
struct TaiwanWarning {
  std::string type;        // "roc-date", "mixed-date-formats", "full-width-characters",
                           // "cjk-compatibility-character", "personal-data-national-id",
                           // "personal-data-phone", "personal-data-email",
                           // "leading-trailing-whitespace"
  std::string severity;    // "error" for national ID numbers, else "warning"
  std::size_t field_number = 0;  // 1-based, as Frictionless
  std::string field_name;
  std::uint64_t count = 0;       // cells concerned
  std::vector<std::uint64_t> row_numbers;  // the first few, ascending
  std::string example;     // the first cell concerned (personal data masked), valid UTF-8
  std::string suggestion;  // the example corrected, when there is a correction
  LocalizedLine message;   // what was found, with the example
  LocalizedLine hint;      // one line: how to fix it
  // mixed-date-formats only: each format seen and its number of cells, most used first.
  std::vector<std::pair<std::string, std::uint64_t>> formats;
};

// Runs the checks over a table.
class TaiwanChecks {
 public:
  // One column per name (the header).
  explicit TaiwanChecks(std::vector<std::string> field_names, TaiwanCheckOptions options = {});
  ~TaiwanChecks();
  TaiwanChecks(const TaiwanChecks&) = delete;
  TaiwanChecks& operator=(const TaiwanChecks&) = delete;

  // Checks one data row; `cells` are only read during the call. Cells beyond the header
  // are ignored. `row_number` is the Frictionless row number (the header is row 1).
  void AddRow(std::uint64_t row_number, std::span<const std::string_view> cells);

  // The warnings so far, by column then in the order of the type list above.
  std::vector<TaiwanWarning> Warnings() const;

  // For schema inference: the date family shared by the date-shaped cells of column
  // `index` when they all use one family and make up the column's share of dates
  // (options.date_column_share of its non-empty cells); nullopt otherwise.
  std::optional<DateFamily> ColumnDateFamily(std::size_t index) const;

  // Bytes held by the per-column state.
  std::size_t MemoryBytes() const;

 private:
  struct Column;
  void CheckCell(Column& column, std::uint64_t row_number, std::string_view cell);
  void AppendColumnWarnings(std::size_t index, std::vector<TaiwanWarning>& out) const;

  TaiwanCheckOptions options_;
  std::vector<std::string> names_;
  std::vector<std::unique_ptr<Column>> columns_;
};

}  // namespace pintu::quality
