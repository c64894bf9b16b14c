// Writes parsed import batches (formats/import.h) into the catalog: organisations a
// document names are found (by id, slug or title) or created, datasets are created or,
// when one with the same id or slug exists, updated. Each record is its own
// transaction, so everything reported as imported is committed.
#pragma once

#include <functional>

#include "actions/context.h"
#include "formats/import.h"

namespace pintu::actions {

struct ImportReport {
  size_t organizations_created = 0;
  size_t organizations_updated = 0;
  size_t topics_created = 0;
  size_t topics_updated = 0;
  size_t datasets_created = 0;
  size_t datasets_updated = 0;
  std::vector<formats::SkippedRow> skipped;  // parse-time and write-time skips
  std::vector<formats::ImportWarning> warnings;  // records written with a caveat
};

struct ImportOptions {
  // Publisher (id, slug or title) for datasets whose document names none. When empty,
  // such datasets go to the organisation kUnassignedOrganization, created on first use.
  std::string default_organization;
};

// Slug of the organisation that receives imported datasets without a publisher.
inline constexpr std::string_view kUnassignedOrganization = "unassigned";

// Called after each committed record with (records done, records total).
using ImportProgress = std::function<void(size_t done, size_t total)>;

// Applies `batch`. Only fails as a whole for store errors (disk, database); a record
// that is invalid or not allowed is added to report.skipped with its reason.
Result<ImportReport> ApplyImport(Context& ctx, const formats::ImportBatch& batch,
                                 const ImportProgress& progress = {}, const ImportOptions& options = {});

}  // namespace pintu::actions
