#include "jobs/runtime.h"

#include <condition_variable>
#include <mutex>
#include <thread>

#include <algorithm>

namespace pintu::jobs {

WorkerOptions WorkerOptionsFromConfig(const Config& config) {
  WorkerOptions o;
  o.threads = std::max(1, config.jobs_workers);
  o.lease_ms = std::max<int64_t>(1, config.jobs_lease_s) * 1000;
  o.renew_every_ms = std::max<int64_t>(1, o.lease_ms / 3);
  o.backoff.base_ms = std::max<int64_t>(1, config.jobs_backoff_base_s) * 1000;
  o.backoff.cap_ms = std::max<int64_t>(o.backoff.base_ms, int64_t{config.jobs_backoff_cap_s} * 1000);
  return o;
}

SchedulerOptions SchedulerOptionsFromConfig(const Config& config) {
  SchedulerOptions o;
  o.job_retention_ms = std::max<int64_t>(1, config.jobs_retention_days) * 86'400'000;
  o.check_history_keep = static_cast<size_t>(std::max(1, config.check_history_keep));
  return o;
}

std::vector<Schedule> ResourceCheckSchedules(const Config& config) {
  int attempts = std::clamp(config.jobs_max_attempts, 1, 100);
  return {ResourceCheckSchedule(CheckKind::kLinks, int64_t{std::max(1, config.check_links_interval_h)} * 3'600'000,
                                attempts),
          ResourceCheckSchedule(CheckKind::kContents,
                                int64_t{std::max(1, config.check_contents_interval_h)} * 3'600'000, attempts)};
}

struct JobRuntime::State {
  WorkerPool workers;
  Scheduler scheduler;
  std::chrono::milliseconds tick_every;
  std::mutex mu;
  std::mutex tick_mu;  // one tick at a time
  std::condition_variable cv;
  bool stopping = false;
  std::thread ticker;

  State(Store& store, const Config& config, HandlerRegistry handlers, std::vector<Schedule> schedules,
        const Clock& clock)
      : workers(store, clock, std::move(handlers), WorkerOptionsFromConfig(config)),
        scheduler(store, clock, std::move(schedules), SchedulerOptionsFromConfig(config)),
        tick_every(std::chrono::seconds(std::max(1, config.jobs_tick_s))) {}
};

std::unique_ptr<JobRuntime> JobRuntime::Start(Store& store, const Config& config, HandlerRegistry handlers,
                                              std::vector<Schedule> schedules, const Clock& clock) {
  auto state = std::make_unique<State>(store, config, std::move(handlers), std::move(schedules), clock);
  std::unique_ptr<JobRuntime> runtime(new JobRuntime(std::move(state)));
  State* s = runtime->state_.get();
  JobRuntime* rt = runtime.get();
  s->workers.Start();
  s->ticker = std::thread([s, rt] {
    std::unique_lock lock(s->mu);
    while (!s->stopping) {
      lock.unlock();
      if (auto report = rt->TickNow(); report && report->enqueued > 0) s->workers.Wake();
      lock.lock();
      s->cv.wait_for(lock, s->tick_every, [s] { return s->stopping; });
    }
  });
  return runtime;
}

JobRuntime::JobRuntime(std::unique_ptr<State> state) : state_(std::move(state)) {}

JobRuntime::~JobRuntime() { Stop(); }

void JobRuntime::Stop() {
  {
    std::lock_guard lock(state_->mu);
    state_->stopping = true;
  }
  state_->cv.notify_all();
  if (state_->ticker.joinable()) state_->ticker.join();
  state_->workers.Stop();
}

void JobRuntime::Wake() { state_->workers.Wake(); }

WorkerStats JobRuntime::Stats() const { return state_->workers.Stats(); }

Result<TickReport> JobRuntime::TickNow() {
  std::lock_guard lock(state_->tick_mu);
  return state_->scheduler.Tick();
}

}  // namespace pintu::jobs
