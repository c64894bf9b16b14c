// JSON forms of jobs, job runs and resource check results, as the API faces show
// them. Times are ISO-8601 UTC strings ("" → null when not yet).
#pragma once

#include <boost/json.hpp>

#include "core/job.h"
#include "core/resource_check.h"

namespace pintu {

// {"id", "kind", "subject", "payload" (object), "state", "priority", "attempts",
//  "max_attempts", "run_after", "lease_owner", "lease_until", "last_error", "result"
//  (object or null), "created_at", "started_at", "finished_at"}.
boost::json::object JobToJson(const Job& j);
// {"id", "job_id", "attempt", "worker", "started_at", "finished_at", "outcome", "error", "duration_ms"}.
boost::json::object JobRunToJson(const JobRun& r);
// {"id", "resource_id", "kind", "checked_at", "valid", "error_count", "warning_count",
//  "encoding", "format", "http_status", "job_id"} plus "report" (object) when `with_report`.
boost::json::object ResourceCheckToJson(const ResourceCheck& c, bool with_report);

}  // namespace pintu
