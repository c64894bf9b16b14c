// Checking one data file from end to end, reading its bytes once: unwrap (gzip/zip) →
// sniff the format → detect the encoding on the first MiB → detect the CSV dialect →
// decode to UTF-8 while validating (Frictionless errors), profiling every column and
// running the Taiwan checks → one Report (the `pintu check --format json` contract).
//
// Memory does not grow with the file: the byte buffers, the sample, the validator's
// integrity budget and the profile's sketches all have fixed caps.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "quality/archive_source.h"
#include "quality/column_profile.h"
#include "quality/report.h"
#include "quality/table_validator.h"
#include "quality/taiwan_checks.h"

namespace pintu::quality {

// What is known about the file besides its bytes. Everything is optional.
struct FileFacts {
  std::string file_name;          // name or URL path: decides csv vs tsv, names the zip
  std::string content_type;       // HTTP Content-Type, when fetched
  std::string declared_format;    // what the catalog says ("CSV", "text/csv", …)
  std::string declared_encoding;  // what the catalog says ("UTF-8", "Big5", …)
};

// Progress of a long check: bytes of the (unwrapped) input read so far and its total,
// when known. Called at most every few MiB, on the checking thread.
using CheckProgress = std::function<void(std::uint64_t bytes_done, std::optional<std::uint64_t> bytes_total)>;

// How to check.
struct CheckOptions {
  ValidatorOptions validator;     // schema, error limit, pick/skip, declared rows/bytes/hash
  ProfileOptions profile;         // caps of the column profile
  TaiwanCheckOptions taiwan;      // caps of the Taiwan checks
  DecompressionLimits decompression;
  std::string forced_encoding;    // decode with this encoding instead of detecting one
  std::optional<char> delimiter;  // use this delimiter instead of detecting one
  bool profile_columns = true;    // false: no profile, no inferred schema, no Taiwan checks
  bool profile_thread = true;     // profile on a second thread while the next rows are read
  std::size_t sample_bytes = std::size_t{1} << 20;  // bytes looked at for encoding and dialect
  CheckProgress progress;         // may be empty
};

// Checks the file at `path`. The report is returned whenever the bytes could be read,
// even when the file is not tabular (a PDF named .csv gets a "format-error"). Fails only
// when the file cannot be read at all: kNotFound (no such file), kBadRequest (unreadable,
// corrupt archive), kTooLarge (decompression bomb), kValidation (nested archive or unusable
// options). A forced encoding nobody knows is the report's "encoding-error", as in frictionless.
Result<Report> CheckFile(const std::string& path, const FileFacts& facts, const CheckOptions& options);

// The same for bytes held in memory (uploads, tests). `facts.file_name` should be set.
Result<Report> CheckBytes(std::string bytes, const FileFacts& facts, const CheckOptions& options);

}  // namespace pintu::quality
