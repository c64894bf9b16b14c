// Column profiles of a table, computed in one pass, one row at a time, in bounded memory:
// per column the null ratio, a distinct-count estimate, min/max, the most frequent
// values, a small sample, value lengths, the inferred type and whether it can be a key.
//
// Memory does not grow with the number of rows: every structure has a fixed cap
// (ProfileOptions), and MemoryBytes() reports what is held. Feeding a cell copies
// nothing on the hot path; texts are copied only when they enter the top values, the
// sample or a new min/max, into buffers that are reused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quality/reservoir_sample.h"
#include "quality/top_values.h"
#include "quality/type_mask.h"

namespace pintu::quality {

// Limits and settings of a profile. With the defaults a table stays within about 32 MiB
// in the worst case (1024 high-cardinality columns of long values: 8 MiB exact sets,
// 16 MiB estimates, ~6 KiB of top values each) and within a few KiB per column for
// ordinary data.
struct ProfileOptions {
  // Cells equal to one of these are null (Table Schema `missingValues`).
  std::vector<std::string> missing_values = {""};
  std::size_t top_k = 10;              // most frequent values reported per column
  std::size_t top_counters = 32;       // Space-Saving counters kept per column (≥ top_k)
  std::size_t sample_size = 5;         // values in each column's sample
  std::size_t max_value_bytes = 128;   // cap on any stored value (top, sample, min/max)
  // Budget of the exact duplicate detector, shared by all columns (each gets an equal
  // share, at least 2 KiB). A column whose distinct values outgrow its share falls back
  // to the HyperLogLog estimate and reports its key-candidacy as unknown.
  std::size_t unique_budget_bytes = std::size_t{8} << 20;
  int hll_precision = 14;              // 2^p bytes per overflowed column; error ≈ 1.04/√2^p
  std::size_t max_columns = 1024;      // columns beyond are counted but not profiled
  std::uint64_t seed = 0x5EED5EED5EED5EEDull;  // makes samples reproducible
};

// A min or max value: a number when the column's type is numeric, otherwise text
// compared byte by byte (on at most max_value_bytes bytes).
struct ProfileBound {
  enum class Kind { kInteger, kNumber, kText };
  Kind kind = Kind::kText;
  std::int64_t integer = 0;  // when kind == kInteger
  double number = 0;         // when kind == kNumber
  std::string text;          // when kind == kText (valid only then)
  bool truncated = false;    // text is a prefix of the real value
};

// Everything known about one column at the end of the pass.
struct ColumnSummary {
  std::string name;
  std::string type;              // narrowest Table Schema type shared by all non-null
                                 // cells; "any" when there is none, "string" by default
  TypeMask shared_types = 0;     // AND of the masks of all non-null cells
  std::uint64_t non_null = 0;
  std::uint64_t null_count = 0;  // missing values and missing cells (short rows)
  double null_ratio = 0;         // null_count / rows (0 for an empty table)
  std::uint64_t distinct = 0;    // distinct non-null values (exact or estimated)
  bool distinct_exact = true;
  std::optional<bool> unique;    // all non-null values distinct; nullopt = unknown
                                 // (too many values for the exact budget)
  std::optional<bool> key_candidate;  // unique and no null and at least one value
  std::optional<ProfileBound> min, max;
  std::optional<std::size_t> min_length, max_length;  // in characters (code points)
  std::vector<TopValue> top;
  bool top_exact = true;         // counts in `top` are exact
  std::vector<SampledValue> sample;
};

class ColumnProfile;

// The profile of a whole table, fed row by row.
class TableProfile {
 public:
  // One column per name (the header); `options` sets the caps.
  explicit TableProfile(std::vector<std::string> field_names, ProfileOptions options = {});
  ~TableProfile();
  TableProfile(const TableProfile&) = delete;
  TableProfile& operator=(const TableProfile&) = delete;

  // True when `cell` is a missing value (null). Callers may use it to skip type parsing.
  bool IsMissing(std::string_view cell) const;

  // Adds one data row. `cells[i]` belongs to column i and is only read during the call.
  // `masks[i]` is the TypeMask of cells[i] (masks of null cells are ignored); a cell
  // without a mask conforms to no type, so without masks every column is "string". Cells beyond the
  // header are ignored; a row with fewer cells counts the absent ones as null.
  // `row_number` is the Frictionless row number (the header is row 1).
  void AddRow(std::uint64_t row_number, std::span<const std::string_view> cells,
              std::span<const TypeMask> masks = {});

  // Data rows added so far.
  std::uint64_t rows() const { return rows_; }
  // Columns of the table (the header's length).
  std::size_t field_count() const { return names_.size(); }
  // The columns' names, in order.
  const std::vector<std::string>& field_names() const { return names_; }
  // Columns actually profiled: min(field_count, options.max_columns).
  std::size_t profiled_field_count() const { return columns_.size(); }

  // The summary of profiled column `index` (< profiled_field_count()).
  ColumnSummary Summarize(std::size_t index) const;

  // Bytes held by all structures of the profile (excluding the caller's cells).
  std::size_t MemoryBytes() const;

  const ProfileOptions& options() const { return options_; }

 private:
  ProfileOptions options_;
  std::vector<std::string> names_;
  std::vector<std::unique_ptr<ColumnProfile>> columns_;
  std::uint64_t rows_ = 0;
  bool only_empty_is_missing_ = false;
};

}  // namespace pintu::quality
