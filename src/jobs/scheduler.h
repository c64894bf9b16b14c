// Recurring work: each Schedule says which subjects are due (e.g. every resource
// whose last link check is older than a day) and which job to enqueue for them.
// A tick enqueues due work in batches of one transaction each and prunes old
// history. The scheduler keeps no state of its own: "due" is computed from the store
// (the last successful check, active and recently finished jobs), so several
// processes may tick without piling up duplicates.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/resource_check.h"
#include "store/store.h"

namespace pintu::jobs {

// One recurring kind of work.
struct Schedule {
  std::string name;       // for reports, e.g. "links"
  std::string job_kind;   // enqueued for every due subject
  int64_t interval_ms = 0;  // a subject is due when its last success is older than this
  int priority = 0;
  int max_attempts = 5;
  // Subjects due at cut-off `checked_before` (last success older than it), at most `limit`.
  std::function<Result<std::vector<std::string>>(Store&, int64_t checked_before, size_t limit)> find_due;
};

// The schedule that re-checks every active resource's `kind` every `interval_ms`.
Schedule ResourceCheckSchedule(CheckKind kind, int64_t interval_ms, int max_attempts);

struct SchedulerOptions {
  size_t batch_size = 500;          // subjects per transaction
  size_t max_batches_per_tick = 20; // bounds one tick's work; the rest waits for the next
  int64_t job_retention_ms = 30LL * 86'400'000;  // finished jobs older than this are pruned
  size_t check_history_keep = 100;  // results kept per resource and kind (0 = keep all)
  int64_t prune_every_ms = 86'400'000;  // pruning runs on the first tick, then at most this often
};

// What one tick did.
struct TickReport {
  size_t enqueued = 0;       // new or already-active jobs touched
  int64_t pruned_jobs = 0;
  int64_t pruned_checks = 0;
};

class Scheduler {
 public:
  // Works on `store` with `clock` (both outlive the scheduler).
  Scheduler(Store& store, const Clock& clock, std::vector<Schedule> schedules, SchedulerOptions options = {});

  // Enqueues every due subject of every schedule (bounded by the options) and prunes
  // finished jobs and old check results. Stops at the first store error.
  Result<TickReport> Tick();

  const std::vector<Schedule>& schedules() const { return schedules_; }

 private:
  Store& store_;
  const Clock& clock_;
  std::vector<Schedule> schedules_;
  SchedulerOptions options_;
  int64_t last_prune_ms_ = 0;  // 0 = not yet
};

}  // namespace pintu::jobs
