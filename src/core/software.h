// Public code in the registry: a software entry (described by its publiccode.yml), the
// versions its crawls produced, and the agencies that adopted it.
//
// The publiccode.yml text is the source of truth for what the software is; the summary
// fields below are derived from it when it is stored (for lists, search and filters).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/localized_text.h"
#include "core/vocabulary.h"

namespace pintu {

// How a software entry reached the registry.
enum class SoftwareSource {
  kGit,     // registered by repository URL and crawled
  kUpload,  // a publiccode.yml uploaded through the portal
  kApi,     // a publiccode.yml sent through the API
};
std::string_view ToCode(SoftwareSource v);
std::optional<SoftwareSource> ParseSoftwareSource(std::string_view s);

// A dataset the software works with.
struct SoftwareDatasetLink {
  std::string dataset_id;
  std::string relation = "uses";  // "uses" (reads it) or "produces" (publishes it)
  bool operator==(const SoftwareDatasetLink&) const = default;
};

// A publisher's own answer to a procurement-readiness criterion the repository cannot tell.
struct SelfAssessment {
  bool met = false;
  std::string note;  // evidence in the publisher's words
  bool operator==(const SelfAssessment&) const = default;
};

struct Software {
  std::string id;               // UUID, assigned on create
  std::string slug;             // [a-z0-9_-]{2,100}, unique
  std::string organization_id;  // the publishing agency
  SoftwareSource source = SoftwareSource::kApi;
  std::string repository_url;   // crawled URL (git); the file's `url` otherwise
  std::string publiccode_yml;   // the current file as published
  // Derived from publiccode_yml when stored:
  bool valid = false;             // the current file passed validation (lenient mode)
  std::string name;
  LocalizedText short_description;  // zh-TW and en, with the file's fallbacks
  std::string software_type;        // publiccode softwareType
  std::string development_status;
  std::string license;              // SPDX expression
  std::vector<std::string> categories;
  std::string maintenance_type;     // internal | contract | community | none
  std::vector<std::string> contract_until;  // YYYY-MM-DD of each contractor
  // Computed from the file, the adoption contracts and the git history:
  std::string maintenance_status = "unknown";  // see code/maintenance_status.h
  std::string head_commit;          // of the newest crawl (git)
  std::optional<int64_t> last_commit_unix;
  std::string vitality_json;        // code::Vitality of the newest crawl as JSON ("" = none)
  std::string readiness_json;       // code::ReadinessReport of the newest crawl as JSON
  std::vector<SoftwareDatasetLink> datasets;
  std::map<std::string, SelfAssessment> self_assessment;  // by criterion code
  std::string crawled_at;           // ISO-8601 of the newest crawl ("" = never)
  std::string crawl_error;          // why the newest crawl failed ("" = it did not)
  State state = State::kActive;
  std::string created;   // ISO-8601 UTC
  std::string modified;  // ISO-8601 UTC
  bool operator==(const Software&) const = default;
};

// One crawl or upload of a software entry: the file as it was and what validation said.
struct SoftwareVersion {
  int64_t id = 0;               // assigned by the store, increasing
  std::string software_id;
  std::string recorded_at;      // ISO-8601 UTC
  std::string head_commit;      // "" for uploads
  std::string software_version; // publiccode softwareVersion, when given
  std::string publiccode_yml;
  bool valid = false;
  int64_t error_count = 0;
  int64_t warning_count = 0;
  std::string report_json;      // the validator's JSON report (errors and warnings)
  std::string crawl_error;      // the crawl failed: why (then the file is the previous one)
};

// An agency's reuse of a software entry.
struct Adoption {
  std::string id;                // UUID
  std::string software_id;
  std::string organization_id;   // the adopting agency
  std::string version;           // which version it runs
  std::string since;             // YYYY-MM-DD
  std::string vendor;            // who deployed or customised it
  std::string contract_reference;
  std::string contract_until;    // YYYY-MM-DD, "" when open-ended or none
  std::string customisations_owner;  // "adopter", "publisher", "vendor" or "shared"
  std::string contact_name;
  std::string contact_email;
  State state = State::kActive;
  std::string created;
  std::string modified;
  bool operator==(const Adoption&) const = default;
};

// True for a customisations_owner code.
bool IsCustomisationsOwner(std::string_view code);
// True for a dataset link relation ("uses", "produces").
bool IsSoftwareDatasetRelation(std::string_view code);

}  // namespace pintu
