// Durable background jobs (file checks, link checks, crawls, re-scoring) and the
// record of each attempt to run one. Plain data; the store keeps them and jobs/
// runs them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pintu {

// Where a job is in its life: queued → running → succeeded, or running → failed
// (a retry waits for run_after) → running … → dead once max_attempts runs failed.
// queued, running and failed are "active": a (kind, subject) has at most one active job.
enum class JobState {
  kQueued,     // waiting for run_after to pass and a worker to claim it
  kRunning,    // claimed by a worker that holds a lease
  kSucceeded,  // the handler returned a result (final)
  kFailed,     // the last run failed; it is claimable again once run_after passes
  kDead,       // failed max_attempts times; last_error says why (final)
};

// "queued", "running", "succeeded", "failed", "dead".
std::string_view JobStateName(JobState s);
// True for queued, running and failed (the job will still run).
bool IsActiveJobState(JobState s);
// The state named `name` (as JobStateName spells it), or nullopt.
std::optional<JobState> ParseJobState(std::string_view name);

// Priorities used by Pintu's own callers; higher runs first.
inline constexpr int kPriorityScheduled = 0;   // recurring schedule
inline constexpr int kPriorityOnChange = 50;   // a resource was created or changed
inline constexpr int kPriorityUserAsked = 100; // a person asked for it (re-check button)

// One job as stored. Times are Unix milliseconds (0 = not yet).
struct Job {
  int64_t id = 0;
  std::string kind;      // what to do, e.g. "check_resource_links"
  std::string subject;   // what to do it to, e.g. a resource id
  std::string payload;   // JSON object with extra parameters ("{}" when none)
  JobState state = JobState::kQueued;
  int priority = 0;      // higher runs first
  int attempts = 0;      // runs started so far (a released run is not counted)
  int max_attempts = 5;  // runs allowed before the job is dead
  int64_t run_after = 0; // not claimed before this time
  std::string lease_owner;  // the worker holding it while running
  int64_t lease_until = 0;  // the lease expires at this time
  std::string last_error;   // the error of the latest failed run
  std::string result;       // JSON summary of the successful run ("" until then)
  int64_t created_at = 0;
  int64_t started_at = 0;   // start of the latest run
  int64_t finished_at = 0;  // end of the job (succeeded or dead); 0 while it may still run
};

// What a caller asks to be done. Deduplicated by (kind, subject) among queued and
// running jobs.
struct JobRequest {
  std::string kind;
  std::string subject;
  std::string payload = "{}";
  int priority = 0;
  int max_attempts = 5;
  int64_t run_after = 0;  // 0 = now
};

// Proof that a worker holds a job: the owner named at claim time and the attempt
// number that claim started. Completing, failing, renewing or releasing needs both.
struct JobLease {
  int64_t job_id = 0;
  std::string owner;
  int attempt = 0;
};

// How one run of a job ended.
enum class RunOutcome {
  kSucceeded,
  kFailed,
  kLeaseExpired,  // the worker vanished (crashed, hung) and its lease ran out
  kReleased,      // the worker gave the job back unfinished (shutdown)
};

// "succeeded", "failed", "lease_expired", "released".
std::string_view RunOutcomeName(RunOutcome o);
// The outcome named `name`, or nullopt.
std::optional<RunOutcome> ParseRunOutcome(std::string_view name);

// The history row of one run.
struct JobRun {
  int64_t id = 0;
  int64_t job_id = 0;
  int attempt = 0;
  std::string worker;
  int64_t started_at = 0;
  int64_t finished_at = 0;
  RunOutcome outcome = RunOutcome::kSucceeded;
  std::string error;
  int64_t duration_ms = 0;
};

}  // namespace pintu
