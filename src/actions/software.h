// Public code actions: register software (by repository URL, uploaded publiccode.yml or
// API), crawl it, edit and delete it, and read it with everything a page shows.
// Authorisation: editors of the publishing organisation write its entries; anyone reads
// active entries (the registry is public).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "actions/context.h"
#include "core/software.h"
#include "formats/publiccode/validate.h"

namespace pintu::actions {

// What a caller gives to register or change a software entry.
struct SoftwareInput {
  std::string organization;    // publisher, id or slug (required on create)
  std::string slug;            // optional: derived from the name or repository when empty
  std::string repository_url;  // register by repository: cloned and crawled
  std::string publiccode_yml;  // register by file: the publiccode.yml text
  // Datasets the software uses or produces, by id or slug; nullopt = leave unchanged.
  std::optional<std::vector<SoftwareDatasetLink>> datasets;
};

// Validates a publiccode.yml the way the registry does (lenient mode: the Taiwanese tw:
// section is read; offline). Never fails: unreadable text is a finding.
formats::publiccode::ValidationResult ValidateForRegistry(std::string_view publiccode_yml);

// Registers software. With repository_url (and no file) the entry is created with source
// git and a crawl job is enqueued; the URL is checked (scheme, no credentials) first.
// With publiccode_yml the file must validate (errors come back as field errors keyed
// "publiccode_yml.<key path>") and becomes the first version. `source` says upload or api.
Result<Software> CreateSoftware(Context& ctx, const SoftwareInput& input, SoftwareSource source);
// Replaces the file (a new version), the dataset links or the repository URL of an entry.
Result<Software> UpdateSoftware(Context& ctx, std::string_view id_or_slug, const SoftwareInput& input);
// Marks the entry deleted (it leaves lists and search; versions and adoptions are kept).
Result<void> DeleteSoftware(Context& ctx, std::string_view id_or_slug);
// The entry when active (sysadmins and publisher editors also see deleted ones), else kNotFound.
Result<Software> ShowSoftware(Context& ctx, std::string_view id_or_slug);
// Active entries, ordered by slug; of one organisation (id or slug) when given.
Result<std::vector<Software>> ListSoftware(Context& ctx, std::string_view organization = "");
// Active entries linked to the dataset (uses or produces).
Result<std::vector<Software>> ListSoftwareForDataset(Context& ctx, std::string_view dataset_id);
// Versions of a readable entry, newest first.
Result<std::vector<SoftwareVersion>> ListSoftwareVersions(Context& ctx, std::string_view id_or_slug,
                                                         size_t offset, size_t limit);
// Enqueues a crawl of a git entry now (publisher editors); returns the job id.
Result<int64_t> RequestSoftwareCrawl(Context& ctx, std::string_view id_or_slug);
// Records the publisher's answer to a readiness criterion the repository cannot tell.
Result<Software> SetSelfAssessment(Context& ctx, std::string_view id_or_slug, std::string_view criterion,
                                   const SelfAssessment& answer);

// Maintenance status of the entry today (the stored value was computed at the last crawl
// or edit; contract dates and a year without commits move it without a store change).
std::string CurrentMaintenanceStatus(const Software& s, std::string_view today_iso_date);

// One readiness criterion as readers see it: the crawl's answer, or the publisher's own
// where the repository cannot tell.
struct ReadinessAnswer {
  std::string code;    // criterion code (code::AllCriteria order)
  std::string state;   // "met" | "not_met" | "self_assess" (nobody has answered)
  std::string source;  // "automatic" | "self" | "unanswered"
  std::vector<std::string> evidence_en, evidence_zh;  // from the crawl
  std::string note;    // the publisher's note for a self-assessed answer
};
// All 16 criteria and how many are met.
struct ReadinessSummary {
  std::vector<ReadinessAnswer> criteria;
  int met = 0;
};
// The stored readiness report of `s` with its self-assessment applied.
ReadinessSummary CurrentReadiness(const Software& s);

// Stores, as of `today_iso_date`, the maintenance status of every active entry whose status
// moved (a contract ended, a year passed without commits), each with a "changed software"
// activity so that search facets follow. Returns how many entries moved. For a periodic task.
Result<size_t> RefreshMaintenanceStatuses(Store& store, std::string_view today_iso_date);

}  // namespace pintu::actions
