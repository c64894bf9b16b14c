// The job queue's rows: jobs, their runs, enqueueing with deduplication and the
// lease-guarded state changes. Functions that change state expect the caller to
// hold a write transaction (BEGIN IMMEDIATE) on `conn`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/job.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace pintu::sqlite {

// Longest kind and subject accepted (bytes), and the longest error text kept.
inline constexpr size_t kMaxJobKindBytes = 100;
inline constexpr size_t kMaxJobSubjectBytes = 400;
inline constexpr size_t kMaxJobPayloadBytes = 64 * 1024;
inline constexpr size_t kMaxJobErrorBytes = 4096;
inline constexpr size_t kMaxJobResultBytes = 1024 * 1024;

// The job with `id`, or kNotFound.
Result<Job> ReadJob(Connection& conn, int64_t id);
// Jobs matching the filters of `q`, newest first, paged.
Result<std::vector<Job>> ReadJobs(Connection& conn, const JobQuery& q);
// How many jobs match the filters of `q`.
Result<int64_t> CountMatchingJobs(Connection& conn, const JobQuery& q);
// One entry per JobState, in the enum's order.
Result<std::vector<JobStateCount>> ReadJobStateCounts(Connection& conn);
// Runs of `job_id`, oldest first.
Result<std::vector<JobRun>> ReadJobRuns(Connection& conn, int64_t job_id);
// The active job of (kind, subject), or kNotFound.
Result<Job> ReadActiveJob(Connection& conn, std::string_view kind, std::string_view subject);

// Store::EnqueueJob inside the caller's write transaction.
Result<Job> InsertJobDeduplicated(Connection& conn, const JobRequest& request, int64_t now);
// Store::ClaimJob inside the caller's write transaction.
Result<std::optional<Job>> ClaimNextJob(Connection& conn, const ClaimRequest& request);
// Store::RenewJobLease inside the caller's write transaction.
Result<void> ExtendJobLease(Connection& conn, const JobLease& lease, int64_t lease_until);
// Store::CompleteJob inside the caller's write transaction.
Result<void> MarkJobSucceeded(Connection& conn, const JobLease& lease, int64_t now,
                              std::string_view result);
// Store::FailJob inside the caller's write transaction.
Result<JobState> MarkJobFailed(Connection& conn, const JobLease& lease, int64_t now,
                               std::string_view error, int64_t retry_at);
// Store::ReleaseJob inside the caller's write transaction.
Result<void> GiveJobBack(Connection& conn, const JobLease& lease, int64_t now);
// Store::PruneFinishedJobs inside the caller's write transaction.
Result<int64_t> DeleteFinishedJobs(Connection& conn, int64_t finished_before, size_t limit);

// `text` cut to at most `max_bytes` without splitting a UTF-8 sequence ("…" marks a cut).
std::string TruncateUtf8(std::string_view text, size_t max_bytes);

}  // namespace pintu::sqlite
