// data.gov.tw's six per-resource checks (資料集檢測): linkable (可連結), downloadable
// (可直接下載), structure (結構化), encoding_match (編碼描述相符), desc_match (欄位描述相
// 符) and csv (提供 CSV). A pure function of what was already measured — the newest link
// check (fetch::LinkCheckResult::ToJson), the newest contents report (ReportToJson) —
// and the resource's declared metadata. No I/O. The exact rules are in docs/quality.md,
// section "data.gov.tw checks".
//
// Every check says pass (true), fail (false) or "could not be decided" (nullopt: never
// checked, the file could not be read, or the check does not apply to this kind of file),
// shows the evidence it compared and one sentence in English and Traditional Chinese.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace pintu::quality {

// The six checks, in data.gov.tw's order.
enum class DatagovCheckId { kLinkable, kDownloadable, kStructure, kEncodingMatch, kDescMatch, kCsv };

// Every check id in display order.
inline constexpr std::array<DatagovCheckId, 6> kDatagovCheckIds = {
    DatagovCheckId::kLinkable,      DatagovCheckId::kDownloadable, DatagovCheckId::kStructure,
    DatagovCheckId::kEncodingMatch, DatagovCheckId::kDescMatch,    DatagovCheckId::kCsv};

// Stable JSON name: "linkable", "downloadable", "structure", "encoding_match", "desc_match", "csv".
std::string_view DatagovCheckName(DatagovCheckId id);
// The id named `name`, or nullopt.
std::optional<DatagovCheckId> ParseDatagovCheckName(std::string_view name);

// The verdict of one check.
struct DatagovCheck {
  DatagovCheckId id = DatagovCheckId::kLinkable;
  std::optional<bool> pass;          // nullopt: could not be decided
  std::string checked_at;            // ISO UTC time of the measurement used; "" when none
  boost::json::object evidence;      // what was compared (declared vs found, HTTP status …)
  std::string explanation_en;        // one sentence
  std::string explanation_zh;        // the same in Traditional Chinese
};

// The six verdicts, indexed by DatagovCheckId.
using DatagovChecks = std::array<DatagovCheck, 6>;

// Another resource of the same dataset, for the csv check.
struct DatagovSibling {
  std::string id;
  std::string declared_format;  // what the catalog says ("CSV", "text/csv" …)
  std::string detected_format;  // from its newest contents check ("csv", …); "" when never checked
};

// What the publisher declared about the resource.
struct DatagovDeclared {
  std::string format;                    // "CSV", "text/csv" …; may be empty
  std::string encoding;                  // "UTF-8", "Big5" …; may be empty
  std::vector<std::string> field_names;  // the field dictionary's names, in order
  std::size_t fields_without_description = 0;  // declared fields whose description is empty
  std::vector<DatagovSibling> siblings;  // the dataset's other active resources
};

// Everything the checks look at. Null pointers mean "no such measurement yet".
struct DatagovInputs {
  const boost::json::object* link = nullptr;      // newest link check (LinkCheckResult JSON)
  std::string link_checked_at;                    // its time (ISO UTC); "" when link is null
  const boost::json::object* contents = nullptr;  // newest contents report (ReportToJson)
  std::string contents_checked_at;                // its time (ISO UTC)
  // When the newest contents check could not read the file (contents is then null): why,
  // e.g. {"kind": "http-status", "status": 404} — copied into the evidence.
  const boost::json::object* contents_failure = nullptr;
  DatagovDeclared declared;
};

// Evaluates all six checks. Never fails: inputs that are missing or malformed (wrong JSON
// types, unknown names) give nullopt verdicts whose evidence says what was missing.
DatagovChecks EvaluateDatagovChecks(const DatagovInputs& inputs);

// {"<name>": {"pass": bool|null, "checked_at": str|null, "evidence": {…},
//             "explanation": {"en": str, "zh-TW": str}}, …} for the six names.
boost::json::object DatagovChecksToJson(const DatagovChecks& checks);

// Reads DatagovChecksToJson's form back. A missing or malformed entry becomes an
// undecided check with no time, so a damaged stored value is shown as "unknown".
DatagovChecks DatagovChecksFromJson(const boost::json::value& json);

// Per check, the verdict with the newer checked_at (a decided verdict wins a tie; an
// empty time is oldest). Combines the link-only verdicts stored with a link check and
// the full set stored with a contents check into the current picture.
DatagovChecks NewestDatagovChecks(const DatagovChecks& a, const DatagovChecks& b);

}  // namespace pintu::quality
