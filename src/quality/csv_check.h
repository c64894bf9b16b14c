// One pass over CSV text: tokenizer → validator → report. The caller feeds UTF-8 text in
// chunks (already decoded by the encoding layer) and, separately, may pass the digests of
// the raw bytes for the byte-count / hash-count checks. A leading UTF-8 byte order mark
// is dropped (and reported in encoding.bom): it is not part of the first label.
#pragma once

#include <memory>
#include <string_view>

#include "core/error.h"
#include "quality/csv_scanner.h"
#include "quality/file_digest.h"
#include "quality/report.h"
#include "quality/table_validator.h"

namespace pintu::quality {

// Sees every record the validator reads, just before the validator (the header too),
// while validation goes on: profilers and other per-row checks hang here.
class RecordObserver {
 public:
  virtual ~RecordObserver() = default;
  // `record.cells` are valid only during the call.
  virtual void OnRecord(const CsvRecord& record) = 0;
};

struct CsvCheckOptions {
  CsvDialect dialect;
  CsvLimits limits;
  ValidatorOptions validator;
  RecordObserver* observer = nullptr;  // not owned; must outlive the check
};

class CsvCheck {
 public:
  // Fails when the dialect or the validator options are unusable.
  static Result<CsvCheck> Create(CsvCheckOptions options);
  CsvCheck(CsvCheck&&) noexcept;
  CsvCheck& operator=(CsvCheck&&) noexcept;
  ~CsvCheck();

  // Scans the next chunk of UTF-8 text. Returns false when reading can stop (the error
  // limit was reached or the text broke a limit: the report says which).
  bool Feed(std::string_view text);

  // Reports a decoding problem found by the reader ("encoding-error" with its note);
  // nothing fed afterwards is read.
  void AddEncodingError(std::string note, std::string note_zh = {});

  // Ends the text and returns the report. `raw_digests` are the digests of the file's
  // raw bytes (nullptr: bytes/hash declarations cannot be checked). Call once.
  Report Finish(const FileDigests* raw_digests);

 private:
  struct Impl;
  explicit CsvCheck(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Checks a whole UTF-8 text held in memory (its own bytes are the digested raw bytes).
// For tests, small files and benchmarks.
Result<Report> CheckCsvText(std::string_view text, CsvCheckOptions options);

}  // namespace pintu::quality
