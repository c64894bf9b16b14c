// Everything the indicators look at for one dataset: its metadata, its publisher, and
// a compact digest of what the file engine and the link checker measured for each of
// its resources (resource_evidence.h builds it from stored check reports). Pure data:
// scoring never does I/O, so a whole catalog scores in memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/organization.h"
#include "quality/datagov_checks.h"

namespace pintu::quality {

// What was measured about one resource. Absent measurements stay empty/nullopt:
// indicators that need them say "not checked yet" and award nothing for them.
struct ResourceEvidence {
  std::string resource_id;

  // Newest link check.
  bool link_checked = false;
  std::optional<int> http_status;     // final status of the access URL
  std::optional<bool> downloadable;   // a file came back (not an HTML landing page)

  // Newest contents check (quality::CheckFile report).
  bool contents_checked = false;
  bool contents_readable = false;      // the file could be read and sniffed
  std::optional<bool> valid;           // structurally valid (no errors)
  int64_t rows = 0;
  int64_t rows_with_errors = 0;        // distinct rows named by errors
  int64_t bytes = 0;
  std::string sha256;                  // hex, from the file engine
  std::string detected_format;         // e.g. "csv", "pdf"
  std::optional<bool> machine_readable;
  std::optional<bool> format_matches;   // declared vs detected format
  std::string detected_encoding;       // e.g. "utf-8", "big5"
  std::optional<bool> encoding_matches; // declared vs detected encoding
  std::vector<std::string> columns;    // header names from the file, in order
  std::vector<std::string> inferred_types;  // per column, Table Schema type from the profile
  double mean_null_ratio = 0;          // mean over profiled columns
  int key_candidates = 0;              // columns whose values are unique and never null
  int64_t duplicate_rows = 0;          // rows reported as exact duplicates
  std::vector<std::string> personal_data;  // "national-id@身分證字號" … kind@column
  std::vector<std::string> limitations;    // warning types worth documenting (roc dates …)

  // data.gov.tw's six checks as they stand (actions::CurrentDatagovChecks).
  DatagovChecks datagov;
};

// One dataset and its measurements.
struct ScoringInput {
  const Dataset* dataset = nullptr;            // required
  const Organization* organization = nullptr;  // the publisher; nullptr when unknown
  std::vector<ResourceEvidence> resources;     // parallel to dataset->resources (by id)
  std::optional<int> croissant_errors;          // errors of the dataset's Croissant export
  int64_t now_ms = 0;                          // "now" for freshness, Unix milliseconds
  std::string base_url;                        // the portal's public URL, for FAIR identifiers
};

// The evidence recorded for `resource_id`, or nullptr when none was supplied.
const ResourceEvidence* FindEvidence(const ScoringInput& input, const std::string& resource_id);

}  // namespace pintu::quality
