#include "actions/jobs.h"

#include "actions/authz.h"
#include "jobs/kinds.h"

namespace pintu::actions {
namespace {

// True when `who` edits the organisation owning the resource a check job is about.
bool EditsCheckedResource(Context& ctx, const Job& job) {
  if (!jobs::CheckKindOfJob(job.kind)) return false;
  auto r = ctx.store.GetResource(job.subject);
  if (!r) return false;
  auto d = ctx.store.GetDataset(r->dataset_id);
  if (!d || !CanReadDataset(ctx.identity, *d)) return false;
  return CanEditInOrganization(ctx.identity, d->organization_id);
}

}  // namespace

Result<JobList> ListJobs(Context& ctx, const JobQuery& q) {
  if (auto ok = Require(ctx.identity.IsSysadmin(), "list jobs"); !ok) return std::unexpected(ok.error());
  JobList out;
  auto jobs = ctx.store.ListJobs(q);
  if (!jobs) return std::unexpected(jobs.error());
  out.jobs = std::move(*jobs);
  auto total = ctx.store.CountJobs(q);
  if (!total) return std::unexpected(total.error());
  out.total = *total;
  auto counts = ctx.store.CountJobsByState();
  if (!counts) return std::unexpected(counts.error());
  out.by_state = std::move(*counts);
  return out;
}

Result<JobDetail> ShowJob(Context& ctx, int64_t id) {
  if (!ctx.identity.user && !ctx.identity.system)
    return std::unexpected(Error::Forbidden("User not authorized to see jobs"));
  auto job = ctx.store.GetJob(id);
  if (!job) return std::unexpected(job.error());
  if (auto ok = Require(ctx.identity.IsSysadmin() || EditsCheckedResource(ctx, *job), "see this job"); !ok)
    return std::unexpected(ok.error());
  auto runs = ctx.store.ListJobRuns(id);
  if (!runs) return std::unexpected(runs.error());
  return JobDetail{std::move(*job), std::move(*runs)};
}

}  // namespace pintu::actions
