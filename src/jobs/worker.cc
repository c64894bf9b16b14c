#include "jobs/worker.h"

#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/json/serialize.hpp>

#include "core/ids.h"

namespace pintu::jobs {

void HandlerRegistry::Register(std::string kind, JobHandler handler) {
  handlers_[std::move(kind)] = std::move(handler);
}

const JobHandler* HandlerRegistry::Find(std::string_view kind) const {
  auto it = handlers_.find(kind);
  return it == handlers_.end() ? nullptr : &it->second;
}

std::vector<std::string> HandlerRegistry::Kinds() const {
  std::vector<std::string> out;
  for (const auto& [kind, handler] : handlers_) out.push_back(kind);
  return out;
}

namespace {

// The largest serialised result a job may store (the store refuses more).
constexpr size_t kMaxResultBytes = 1024 * 1024;

std::string DefaultOwnerPrefix() {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0 || host[0] == '\0') std::snprintf(host, sizeof(host), "host");
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + RandomHex(3);
}

// What one worker thread is running now, shared with the lease keeper and Stop().
struct Slot {
  std::mutex mu;
  std::optional<JobLease> lease;
  std::stop_source stop;
  bool lost = false;
};

}  // namespace

struct WorkerPool::State {
  Store& store;
  const Clock& clock;
  HandlerRegistry handlers;
  WorkerOptions options;
  std::vector<std::string> kinds;
  std::vector<std::string> ids;
  std::vector<std::unique_ptr<Slot>> slots;

  std::mutex mu;  // guards started, wake_seq, keeper_stop and the condition variables' waits
  std::condition_variable wake_cv;
  std::condition_variable keeper_cv;
  bool started = false;
  bool keeper_stop = false;
  uint64_t wake_seq = 0;
  std::atomic<bool> stopping{false};
  std::vector<std::thread> threads;
  std::thread keeper;

  std::atomic<int64_t> claimed{0}, succeeded{0}, failed{0}, released{0}, lost{0};

  State(Store& s, const Clock& c, HandlerRegistry h, WorkerOptions o)
      : store(s), clock(c), handlers(std::move(h)), options(std::move(o)) {
    if (options.threads < 1) options.threads = 1;
    if (options.lease_ms < 1) options.lease_ms = 1;
    if (options.renew_every_ms < 1) options.renew_every_ms = 1;
    if (!options.jitter) options.jitter = RandomJitter();
    if (options.owner_prefix.empty()) options.owner_prefix = DefaultOwnerPrefix();
    kinds = handlers.Kinds();
    for (int i = 0; i < options.threads; ++i) {
      ids.push_back(options.owner_prefix + "/" + std::to_string(i));
      slots.push_back(std::make_unique<Slot>());
    }
  }

  // Waits until woken, stopping, or one idle poll has passed.
  void IdleWait() {
    std::unique_lock lock(mu);
    uint64_t seen = wake_seq;
    wake_cv.wait_for(lock, options.idle_poll, [&] { return stopping.load() || wake_seq != seen; });
  }

  // Runs the handler, turning exceptions into errors.
  Result<boost::json::value> Invoke(const Job& job, std::stop_token token) {
    const JobHandler* handler = handlers.Find(job.kind);
    if (!handler) return std::unexpected(Error::Internal("No handler is registered for job kind " + job.kind));
    try {
      return (*handler)(job, token);
    } catch (const std::exception& e) {
      return std::unexpected(Error::Internal(std::string("The job handler threw an exception: ") + e.what()));
    } catch (...) {
      return std::unexpected(Error::Internal("The job handler threw an unknown exception"));
    }
  }

  // Records how the run of `job` under `lease` ended.
  void Finish(const Job& job, const JobLease& lease, Result<boost::json::value> result, bool stop_requested) {
    int64_t now = clock.NowMillis();
    std::string text;
    if (result) {
      text = boost::json::serialize(*result);
      if (text.size() > kMaxResultBytes)
        result = std::unexpected(Error::Internal("The job's result is larger than 1 MiB"));
    }
    if (result) {
      if (store.CompleteJob(lease, now, text)) succeeded++;
      else lost++;
      return;
    }
    // A lost lease was handled by the caller, so a stop request here is the shutdown.
    if (stop_requested) {
      if (store.ReleaseJob(lease, now)) released++;
      else lost++;
      return;
    }
    const Error& e = result.error();
    std::string message = e.message.empty() ? std::string(ErrorCodeName(e.code)) : e.message;
    int64_t retry_at = now + RetryDelayMillis(options.backoff, job.attempts, options.jitter());
    if (store.FailJob(lease, now, message, retry_at)) failed++;
    else lost++;
  }

  void WorkerLoop(size_t index) {
    Slot& slot = *slots[index];
    const std::string& owner = ids[index];
    while (!stopping.load()) {
      auto claim = store.ClaimJob({owner, kinds, clock.NowMillis(), options.lease_ms});
      if (!claim || !*claim) {
        IdleWait();
        continue;
      }
      Job job = std::move(**claim);
      claimed++;
      JobLease lease{job.id, owner, job.attempts};
      std::stop_token token;
      {
        std::lock_guard lock(slot.mu);
        slot.stop = std::stop_source();
        slot.lost = false;
        slot.lease = lease;
        if (stopping.load()) slot.stop.request_stop();
        token = slot.stop.get_token();
      }
      auto result = Invoke(job, token);
      bool lost_lease;
      {
        std::lock_guard lock(slot.mu);
        slot.lease.reset();
        lost_lease = slot.lost;
      }
      if (lost_lease) {
        lost++;
        continue;
      }
      Finish(job, lease, std::move(result), token.stop_requested());
    }
  }

  void KeeperLoop() {
    std::unique_lock lock(mu);
    while (!keeper_stop) {
      keeper_cv.wait_for(lock, std::chrono::milliseconds(options.renew_every_ms), [&] { return keeper_stop; });
      if (keeper_stop) break;
      lock.unlock();
      RenewAll();
      lock.lock();
    }
  }

  void RenewAll() {
    for (auto& slot : slots) {
      std::optional<JobLease> lease;
      {
        std::lock_guard lock(slot->mu);
        lease = slot->lease;
      }
      if (!lease) continue;
      auto renewed = store.RenewJobLease(*lease, clock.NowMillis() + options.lease_ms);
      if (!renewed && renewed.error().code == ErrorCode::kConflict) {
        std::lock_guard lock(slot->mu);
        if (slot->lease && slot->lease->job_id == lease->job_id && slot->lease->attempt == lease->attempt) {
          slot->lost = true;
          slot->stop.request_stop();
        }
      }
    }
  }
};

WorkerPool::WorkerPool(Store& store, const Clock& clock, HandlerRegistry handlers, WorkerOptions options)
    : state_(std::make_unique<State>(store, clock, std::move(handlers), std::move(options))) {}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Start() {
  std::lock_guard lock(state_->mu);
  if (state_->started) return;
  state_->started = true;
  state_->stopping = false;
  state_->keeper_stop = false;
  // Without handlers there is nothing this pool may claim: no threads, no polling.
  if (state_->kinds.empty()) return;
  for (size_t i = 0; i < state_->slots.size(); ++i)
    state_->threads.emplace_back([this, i] { state_->WorkerLoop(i); });
  state_->keeper = std::thread([this] { state_->KeeperLoop(); });
}

void WorkerPool::Stop() {
  {
    std::lock_guard lock(state_->mu);
    if (!state_->started) return;
    state_->stopping = true;
  }
  for (auto& slot : state_->slots) {
    std::lock_guard lock(slot->mu);
    slot->stop.request_stop();
  }
  state_->wake_cv.notify_all();
  for (auto& t : state_->threads) t.join();
  state_->threads.clear();
  {
    std::lock_guard lock(state_->mu);
    state_->keeper_stop = true;
  }
  state_->keeper_cv.notify_all();
  if (state_->keeper.joinable()) state_->keeper.join();
  std::lock_guard lock(state_->mu);
  state_->started = false;
}

void WorkerPool::Wake() {
  {
    std::lock_guard lock(state_->mu);
    state_->wake_seq++;
  }
  state_->wake_cv.notify_all();
}

WorkerStats WorkerPool::Stats() const {
  return {state_->claimed.load(), state_->succeeded.load(), state_->failed.load(), state_->released.load(),
          state_->lost.load()};
}

std::vector<std::string> WorkerPool::WorkerIds() const { return state_->ids; }

}  // namespace pintu::jobs
