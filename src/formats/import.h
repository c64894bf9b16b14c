// Import: turns catalogue documents from other systems (and Pintu's own export)
// into canonical records that the action layer writes. Pure bytes → records; no I/O.
//
// Accepted inputs (ImportFormat::kAuto detects them):
//  - kCkan: a CKAN package dict; a package_show / package_search API envelope
//    ({"success": true, "result": {...}} or result.results[]); a JSON array of packages;
//    JSON lines (one package per line). ckanext-dcat's flat DCAT JSON dicts
//    (title/description/keyword/distribution…) and DCAT catalogue dicts
//    ({"dataset": [...]}) are mapped too. See ckan_import.h for the mapping.
//  - kDatagovtwCsv: data.gov.tw CSV exports (the listing 提供機關名稱,資料集名稱,…; the full
//    metadata export 資料集識別碼,資料集名稱,資料集描述,…) and the city/county portal
//    lists (編號,資料集名稱,資料來源(部會單位),第一層級,…). See datagovtw_import.h.
//  - kDatagovtwJson: the per-dataset data.gov.tw scrape JSON (TITLE, NODE, RESOURCE[] …),
//    one object or an array of them.
//  - kJsonl: Pintu's own export format, specified in formats/pintu_jsonl.h.
//
// Guarantees:
//  - every dataset record's doc has been accepted by DatasetFromJson and is re-serialised
//    by DatasetToJson (organisation/topic docs likewise), so the action layer can parse it
//    again without surprises;
//  - every input row/object that does not become a record is listed in `skipped` with a
//    plain-English reason naming the field; values that were understood only partly are
//    kept (as extras) and mentioned in `warnings`;
//  - whole-file problems (not UTF-8, malformed JSON, unknown CSV columns, limits) are
//    returned as an Error with a clear message.
#pragma once

#include <boost/json.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/localized_text.h"
#include "core/model_json.h"
#include "core/organization.h"
#include "core/vocabulary.h"

namespace pintu::formats {

// A dataset's publisher as named by the source, for the action layer to find or create.
// Find by `id` when set (a UUID from the source), else by `slug`.
struct OrganizationRef {
  std::string id;    // source UUID, or empty
  std::string slug;  // CKAN name, or a deterministic slug (see OrgSlugForName)
  LocalizedText title;
  LocalizedText description;
  OrgLevel level = OrgLevel::kOther;
  bool level_known = false;  // false: `level` is a default, not a finding
  std::vector<Contact> contacts;
  std::string homepage;
  bool operator==(const OrganizationRef&) const = default;
};

// The canonical organisation dict for creating `ref` (accepted by OrganizationFromJson).
boost::json::object OrganizationRefToJson(const OrganizationRef& ref);

struct ImportRecord {
  enum class Kind { kOrganization, kTopic, kDataset };
  Kind kind = Kind::kDataset;
  // Canonical dict (DatasetToJson / OrganizationToJson / TopicToJson form). For datasets
  // from foreign sources `owner_org` is empty and `organization` names the publisher;
  // for Pintu's own export `owner_org` is authoritative and `organization` is empty.
  boost::json::object doc;
  std::optional<OrganizationRef> organization;
  std::string source;  // where it came from: "file.csv:line 12", "file.jsonl:line 3", "file.json"
};

// An input row or object that was not imported, and why.
struct SkippedRow {
  std::string source;
  std::string reason;  // plain English; names the field
};

// Something imported with a caveat (a value kept as an extra, an unknown column …).
struct ImportWarning {
  std::string source;
  std::string message;
};

struct ImportBatch {
  std::string format;  // "ckan", "datagovtw-csv", "datagovtw-json", "jsonl"
  std::vector<ImportRecord> records;
  std::vector<SkippedRow> skipped;
  std::vector<ImportWarning> warnings;
};

// Limits on untrusted import files.
struct ImportLimits {
  size_t max_bytes = 256u << 20;  // whole file
  size_t max_rows = 1'000'000;    // CSV records, JSON lines or array items
  size_t max_depth = 64;          // JSON nesting
  JsonLimits json;                // per-field limits (DatasetFromJson)
};

enum class ImportFormat { kAuto, kCkan, kDatagovtwCsv, kDatagovtwJson, kJsonl };

// "auto", "ckan", "datagovtw-csv", "datagovtw-json", "jsonl" (case-insensitive); nullopt otherwise.
std::optional<ImportFormat> ParseImportFormat(std::string_view name);
// The name ParseImportFormat accepts for `format`.
std::string_view ImportFormatName(ImportFormat format);

// Detects the format of a file from its name and first bytes. Never fails: returns
// kAuto when nothing matches (ParseImportDocument then reports why).
ImportFormat DetectImportFormat(std::string_view bytes, std::string_view filename);

// Parses a whole file's bytes. `filename` is used in `source` strings and for detection.
// Errors: kTooLarge (limits), kBadRequest (not UTF-8, malformed JSON with byte offset,
// unknown CSV columns, empty file, unknown format).
Result<ImportBatch> ParseImportDocument(std::string_view bytes, std::string_view filename,
                                        ImportFormat format, const ImportLimits& limits = {});

}  // namespace pintu::formats
