// The worker pool: N threads that claim jobs from the store, run the handler
// registered for each job's kind, keep the lease alive while it runs, and record the
// outcome (success, or failure with a back-off retry, or dead after max_attempts).
//
// Guarantees: a handler that throws does not kill its thread (the exception's message
// becomes the job's error); a worker only claims kinds it has a handler for; Stop()
// returns only when every thread has ended, each current job having been either
// finished (its result recorded) or released back to the queue.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/clock.h"
#include "core/job.h"
#include "jobs/backoff.h"
#include "store/store.h"

namespace pintu::jobs {

// Runs one job and returns a JSON summary (stored as the job's result, at most 1 MiB
// serialised) or an error (stored as last_error; the job is retried). The stop token
// fires when the pool shuts down or the worker lost the job's lease: a long handler
// should then return soon (an error returned after a stop request releases the job
// instead of failing it).
using JobHandler = std::function<Result<boost::json::value>(const Job&, std::stop_token)>;

// Handlers by job kind.
class HandlerRegistry {
 public:
  // Registers `handler` for `kind`, replacing any earlier one.
  void Register(std::string kind, JobHandler handler);
  // The handler of `kind`, or null.
  const JobHandler* Find(std::string_view kind) const;
  // Every registered kind, sorted.
  std::vector<std::string> Kinds() const;
  bool Empty() const { return handlers_.empty(); }

 private:
  std::map<std::string, JobHandler, std::less<>> handlers_;
};

struct WorkerOptions {
  int threads = 1;                // 1 suits a 2-core machine that also serves requests
  int64_t lease_ms = 300'000;     // a claim holds the job this long unless renewed
  int64_t renew_every_ms = 60'000;  // the lease keeper renews running jobs this often
  std::chrono::milliseconds idle_poll{1000};  // how often an idle worker looks again
  BackoffPolicy backoff;
  std::string owner_prefix;       // worker ids are "<prefix>/<n>"; empty = "<host>:<pid>:<random>"
  std::function<double()> jitter; // uniform [0,1) for back-off jitter; empty = random
};

// Counters since Start(), for /metrics and tests.
struct WorkerStats {
  int64_t claimed = 0;
  int64_t succeeded = 0;
  int64_t failed = 0;     // failed runs (retried or dead)
  int64_t released = 0;   // given back at shutdown
  int64_t lost = 0;       // runs whose lease was lost before they finished
};

class WorkerPool {
 public:
  // The pool reads and writes jobs in `store` and timestamps with `clock`; both must
  // outlive it. Nothing runs until Start().
  WorkerPool(Store& store, const Clock& clock, HandlerRegistry handlers, WorkerOptions options);
  // Stops (see Stop) if still running.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts the worker threads and the lease keeper. Calling it twice does nothing; a
  // pool without handlers starts no thread at all.
  void Start();
  // Asks every handler to stop (stop token), waits for the threads to end and
  // returns. A job whose handler still returns a result is completed; one whose
  // handler returns an error after the stop request is released unfinished.
  void Stop();
  // Wakes idle workers so that a job enqueued just now is claimed without waiting
  // for the next poll.
  void Wake();
  // Counters so far.
  WorkerStats Stats() const;
  // The worker ids of this pool ("<prefix>/0", "<prefix>/1", …).
  std::vector<std::string> WorkerIds() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace pintu::jobs
