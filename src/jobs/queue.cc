#include "jobs/queue.h"

namespace pintu::jobs {

Result<Job> JobQueue::Enqueue(const JobRequest& request) {
  auto jobs = EnqueueAll({request});
  if (!jobs) return std::unexpected(jobs.error());
  return std::move(jobs->front());
}

Result<std::vector<Job>> JobQueue::EnqueueAll(const std::vector<JobRequest>& requests) {
  std::vector<Job> out;
  int64_t now = clock_.NowMillis();
  auto r = store_.Write([&](WriteTxn& tx) -> Result<void> {
    out.clear();
    for (const auto& request : requests) {
      auto job = tx.EnqueueJob(request, now);
      if (!job) return std::unexpected(job.error());
      out.push_back(std::move(*job));
    }
    return Ok();
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

}  // namespace pintu::jobs
