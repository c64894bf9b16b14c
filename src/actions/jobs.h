// Looking at the job queue: listing jobs (sysadmins) and showing one job with its
// runs (sysadmins, and editors of the organisation whose resource a check job is about).
#pragma once

#include <vector>

#include "actions/context.h"
#include "core/job.h"

namespace pintu::actions {

// One page of jobs and the queue's totals.
struct JobList {
  int64_t total = 0;                   // jobs matching the filters
  std::vector<Job> jobs;               // newest first
  std::vector<JobStateCount> by_state; // the whole queue, per state
};

// Jobs matching `q` (state, kind, subject; paged). Sysadmins only.
Result<JobList> ListJobs(Context& ctx, const JobQuery& q);

// A job with its runs, oldest run first.
struct JobDetail {
  Job job;
  std::vector<JobRun> runs;
};

// Job `id`. Sysadmins see every job; an editor or admin of an organisation sees the
// check jobs of its resources. Anyone else gets an Authorization error; an unknown
// id is kNotFound.
Result<JobDetail> ShowJob(Context& ctx, int64_t id);

}  // namespace pintu::actions
