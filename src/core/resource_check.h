// The stored result of checking one resource (distribution): its link, or the
// contents of its file. Results are kept as history; the newest one is "the" result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pintu {

// What a check looked at.
enum class CheckKind {
  kLinks,     // is the URL reachable and downloadable (status, type, size)
  kContents,  // the file itself: encoding, format, structure (quality/ engine)
};

// "links" or "contents".
std::string_view CheckKindName(CheckKind k);
// The kind named `name` ("links", "contents"), or nullopt.
std::optional<CheckKind> ParseCheckKind(std::string_view name);

// One check result. The summary columns make listings cheap; `report` holds the
// engine's full JSON report.
struct ResourceCheck {
  int64_t id = 0;  // assigned by the store
  std::string resource_id;
  CheckKind kind = CheckKind::kContents;
  int64_t checked_at = 0;      // Unix milliseconds
  std::optional<bool> valid;   // nullopt when the check could not decide (e.g. unreachable)
  int64_t error_count = 0;
  int64_t warning_count = 0;
  std::string detected_encoding;  // e.g. "utf-8", "big5"; "" when not applicable
  std::string detected_format;    // e.g. "csv"; "" when not applicable
  std::optional<int> http_status; // the final HTTP status of a link check
  std::string report = "{}";      // full JSON report
  std::optional<int64_t> job_id;  // the job that produced it, when one did
};

}  // namespace pintu
