// Frictionless validation of a table that arrives record by record (header first): label
// errors, row and cell errors, unique / primary-key / foreign-key integrity, opt-in
// duplicate-row check, declared bytes / hash / rows, error limit and pick/skip — with
// frictionless' exact type names, numbering and report order:
//   1. label errors, left to right (rowNumber null);
//   2. then row by row; within a row: per field type-error then constraint-errors, then
//      extra-cells, then missing-cells (or, when every field is empty, only blank-row);
//      then unique-errors, primary-key, foreign-key, duplicate-row;
//   3. then file and table errors (hash-count, byte-count, row-count; both numbers null).
// Memory is bounded: integrity checks keep 64-bit hashes within a budget and stop with a
// warning when it is spent; the error list stops at the error limit.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "quality/csv_scanner.h"
#include "quality/file_digest.h"
#include "quality/report.h"
#include "quality/table_schema.h"

namespace pintu::quality {

// Hard cap on limit_errors, so a report's size is always bounded.
inline constexpr std::size_t kMaxErrorLimit = 1'000'000;

struct ValidatorOptions {
  bool header = true;                  // false: no header row; fields are field1, field2, …
  std::optional<TableSchema> schema;   // nullopt: every column is `any`, named by its label
  bool schema_sync = false;            // match schema fields to labels by name, not position
  std::size_t limit_errors = 1000;     // stop after this many errors (1..kMaxErrorLimit)
  std::vector<std::string> pick;       // keep only these error types or tags ("#row", …)
  std::vector<std::string> skip;       // drop these error types or tags
  bool check_duplicate_rows = false;   // frictionless' opt-in "duplicate-row" check
  std::size_t memory_budget_bytes = 16u << 20;  // shared by unique/primary/foreign/duplicate checks
  std::optional<std::uint64_t> expected_rows;   // declared data rows → row-count error
  std::optional<std::uint64_t> expected_bytes;  // declared size → byte-count error
  std::optional<std::string> expected_hash;     // "md5hex", "md5:…" or "sha256:…" → hash-count error
};

class TableValidator {
 public:
  // Fails when an option is out of range or the schema cannot be used (a pattern that
  // does not compile, a foreign key to another resource is only warned about later).
  static Result<TableValidator> Create(ValidatorOptions options);
  TableValidator(TableValidator&&) noexcept;
  TableValidator& operator=(TableValidator&&) noexcept;
  ~TableValidator();

  // Consumes the next record (the header when options.header and nothing came yet).
  // Returns false once the error limit is reached: the caller should stop reading.
  bool OnRecord(const CsvRecord& record);

  // Records a problem with the source itself ("source-error", "encoding-error") found by
  // the reader; `note` says what happened. Ends validation: later records are ignored.
  void AddSourceError(std::string type, std::string note, std::string note_zh = {});

  // Adds a warning to the report (for readers and detectors that feed this validator).
  void AddWarning(std::string type, std::string message, std::string message_zh);

  // True once the error limit was reached or a source error was added.
  bool finished_early() const;

  // Completes the table-level checks (pending foreign keys, declared bytes/hash/rows
  // against `digests` when given) and returns the report. Call once.
  Report Finish(const FileDigests* digests);

 private:
  struct State;
  explicit TableValidator(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace pintu::quality
