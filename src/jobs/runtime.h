// Everything `pintu serve` (or a dedicated `pintu worker`) needs to run background
// jobs: the worker pool with the registered handlers and the scheduler thread that
// enqueues recurring checks. Built from the configuration (docs/jobs.md).
#pragma once

#include <memory>

#include "core/clock.h"
#include "core/config.h"
#include "jobs/scheduler.h"
#include "jobs/worker.h"
#include "store/store.h"

namespace pintu::jobs {

// The worker options the configuration asks for (jobs_workers, jobs_lease_s,
// jobs_backoff_base_s, jobs_backoff_cap_s).
WorkerOptions WorkerOptionsFromConfig(const Config& config);
// The scheduler options the configuration asks for (jobs_retention_days, check_history_keep).
SchedulerOptions SchedulerOptionsFromConfig(const Config& config);
// The recurring resource checks: links every check_links_interval_h hours, contents
// every check_contents_interval_h hours, each job allowed jobs_max_attempts runs.
std::vector<Schedule> ResourceCheckSchedules(const Config& config);

// Running workers and scheduler. Destroying it stops both.
class JobRuntime {
 public:
  // Starts the worker pool with `handlers` and a scheduler thread that ticks at once
  // and then every jobs_tick_s seconds over `schedules`. With no handlers no worker
  // thread claims anything, but schedules still enqueue (work waits in the queue).
  // `store` and `clock` must outlive the runtime.
  static std::unique_ptr<JobRuntime> Start(Store& store, const Config& config, HandlerRegistry handlers,
                                           std::vector<Schedule> schedules,
                                           const Clock& clock = SystemClock());
  ~JobRuntime();

  // Stops the scheduler, then the workers (see WorkerPool::Stop). Idempotent.
  void Stop();
  // Wakes idle workers (after enqueueing from this process).
  void Wake();
  WorkerStats Stats() const;
  // Ticks the scheduler now, on the calling thread (also used by the periodic thread).
  Result<TickReport> TickNow();

 private:
  struct State;
  explicit JobRuntime(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace pintu::jobs
