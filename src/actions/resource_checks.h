// Checking resources: enqueueing link and contents checks (on request, and whenever
// a resource is created or its URL or file changes) and reading stored results.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "actions/context.h"
#include "core/job.h"
#include "core/resource_check.h"
#include "quality/datagov_checks.h"

namespace pintu::actions {

// Enqueues both checks of resource `id` with the highest priority (kPriorityUserAsked),
// due now. Needs edit rights on the resource's organisation (editor, admin, sysadmin);
// a resource the caller cannot see is kNotFound. Returns the two jobs (links, contents);
// a check already waiting is moved forward rather than duplicated.
Result<std::vector<Job>> RecheckResource(Context& ctx, std::string_view id);

// What is known about a resource's checks.
struct ResourceCheckOverview {
  Resource resource;
  std::optional<ResourceCheck> latest_links;     // newest link check, if any
  std::optional<ResourceCheck> latest_contents;  // newest contents check, if any
  std::vector<ResourceCheck> history;            // newest first, the requested page
  int64_t history_total = 0;                     // results before paging
  std::vector<Job> active_jobs;                  // checks queued, running or awaiting a retry
  quality::DatagovChecks datagovtw;              // the six checks now (see CurrentDatagovChecks)
};

// The latest results and a page of history (of `kind` when given) for resource `id`,
// visible to whoever may read its dataset (as package_show); otherwise kNotFound.
Result<ResourceCheckOverview> ResourceCheckResults(Context& ctx, std::string_view id,
                                                   std::optional<CheckKind> kind, size_t offset,
                                                   size_t limit);

// data.gov.tw's six checks as they stand, from stored results only: per check, the
// newest verdict among those stored with the latest link check (linkable, downloadable)
// and with the latest contents check (all six). Checks never measured are undecided.
quality::DatagovChecks CurrentDatagovChecks(const std::optional<ResourceCheck>& latest_links,
                                            const std::optional<ResourceCheck>& latest_contents);

// The current six checks of every active resource of `dataset` (which the caller has
// already been allowed to read), by resource id. Reads stored results; runs nothing.
Result<std::map<std::string, quality::DatagovChecks>> DatagovChecksOfDataset(Context& ctx, const Dataset& dataset);

// Inside a dataset write: enqueues both checks (priority kPriorityOnChange) for every
// active resource of `after` that is new or whose URL, upload flag, size or checksum
// differs from `before` (null for a new dataset). Does nothing for deleted datasets.
Result<void> EnqueueChecksForChangedResources(WriteTxn& tx, const Config& config, const Dataset* before,
                                              const Dataset& after);

}  // namespace pintu::actions
