// The background handlers of resource checks (jobs::kCheckResourceLinks and
// jobs::kCheckResourceContents): each reads the resource named by the job's subject,
// measures it, stores one ResourceCheck and returns a short summary for the job.
//
//   links     fetch::CheckLink on the resource URL (FetchOptionsFromConfig). An uploaded
//             file is served by Pintu itself: it is linkable and downloadable by
//             construction when its file exists — recorded without a network call.
//   contents  the uploaded file in place, or the URL fetched into a temporary file
//             (fetch_max_bytes, removed afterwards) → quality::CheckFile with the
//             declared format, encoding and field dictionary (as a Table Schema) → the
//             report, plus data.gov.tw's six checks under "datagovtw".
//
// A result that could not be measured because of something that may pass (a refused
// or timed-out connection, DNS, a truncated answer, HTTP 429/502/503/504, a full disk)
// is an error, so the queue retries with back-off — except on the job's last allowed
// attempt, when the failure is stored as the verdict. Anything else, a 404 included,
// is a result. A resource that is gone (deleted, or its dataset) ends the job with a
// "skipped" summary and stores nothing.
#pragma once

#include <stop_token>

#include <boost/json/value.hpp>

#include "core/config.h"
#include "core/job.h"
#include "jobs/worker.h"
#include "store/store.h"

namespace pintu::actions {

// Registers both check handlers in `registry`. `store` and `config` must outlive every
// worker that runs them.
void RegisterCheckHandlers(jobs::HandlerRegistry& registry, Store& store, const Config& config);

// Runs one link check for job.subject and stores it; the job's summary on success.
Result<boost::json::value> RunLinkCheckJob(Store& store, const Config& config, const Job& job,
                                           std::stop_token stop);

// Runs one contents check for job.subject and stores it; the job's summary on success.
// A stop request aborts a download in progress (the job is then released, not failed).
Result<boost::json::value> RunContentsCheckJob(Store& store, const Config& config, const Job& job,
                                               std::stop_token stop);

}  // namespace pintu::actions
