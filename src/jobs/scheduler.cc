#include "jobs/scheduler.h"

#include "jobs/kinds.h"

namespace pintu::jobs {

Schedule ResourceCheckSchedule(CheckKind kind, int64_t interval_ms, int max_attempts) {
  Schedule s;
  s.name = std::string(CheckKindName(kind));
  s.job_kind = std::string(JobKindForCheck(kind));
  s.interval_ms = interval_ms;
  s.priority = kPriorityScheduled;
  s.max_attempts = max_attempts;
  std::string job_kind = s.job_kind;
  s.find_due = [kind, job_kind](Store& store, int64_t checked_before, size_t limit) {
    DueResourceQuery q;
    q.check_kind = kind;
    q.job_kind = job_kind;
    q.checked_before = checked_before;
    q.limit = limit;
    return store.ListResourcesDueForCheck(q);
  };
  return s;
}

Scheduler::Scheduler(Store& store, const Clock& clock, std::vector<Schedule> schedules, SchedulerOptions options)
    : store_(store), clock_(clock), schedules_(std::move(schedules)), options_(options) {
  if (options_.batch_size == 0) options_.batch_size = 1;
}

Result<TickReport> Scheduler::Tick() {
  TickReport report;
  int64_t now = clock_.NowMillis();
  for (const Schedule& s : schedules_) {
    if (!s.find_due || s.interval_ms <= 0) continue;
    for (size_t batch = 0; batch < options_.max_batches_per_tick; ++batch) {
      auto due = s.find_due(store_, now - s.interval_ms, options_.batch_size);
      if (!due) return std::unexpected(due.error());
      if (due->empty()) break;
      auto written = store_.Write([&](WriteTxn& tx) -> Result<void> {
        for (const auto& subject : *due) {
          JobRequest r;
          r.kind = s.job_kind;
          r.subject = subject;
          r.priority = s.priority;
          r.max_attempts = s.max_attempts;
          auto job = tx.EnqueueJob(r, now);
          if (!job) return std::unexpected(job.error());
        }
        return Ok();
      });
      if (!written) return std::unexpected(written.error());
      report.enqueued += due->size();
      if (due->size() < options_.batch_size) break;
    }
  }
  if (last_prune_ms_ != 0 && now - last_prune_ms_ < options_.prune_every_ms) return report;
  last_prune_ms_ = now;
  if (options_.job_retention_ms > 0) {
    auto pruned = store_.PruneFinishedJobs(now - options_.job_retention_ms, 10'000);
    if (!pruned) return std::unexpected(pruned.error());
    report.pruned_jobs = *pruned;
  }
  if (options_.check_history_keep > 0) {
    auto pruned = store_.PruneResourceChecks(options_.check_history_keep);
    if (!pruned) return std::unexpected(pruned.error());
    report.pruned_checks = *pruned;
  }
  return report;
}

}  // namespace pintu::jobs
