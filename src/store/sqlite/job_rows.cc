#include "store/sqlite/job_rows.h"

#include <algorithm>

#include <boost/json.hpp>

#include "store/sqlite/dataset_rows.h"

namespace pintu::sqlite {
namespace {

constexpr std::string_view kJobColumns =
    "SELECT id, kind, subject, payload, state, priority, attempts, max_attempts, run_after, "
    " lease_owner, lease_until, last_error, result, created_at, started_at, finished_at FROM jobs ";

Result<Job> JobFromRow(Statement& st) {
  Job j;
  j.id = st.Int(0);
  j.kind = st.Text(1);
  j.subject = st.Text(2);
  j.payload = st.Text(3);
  auto state = ParseJobState(st.View(4));
  if (!state) return std::unexpected(Error::Internal("Unknown job state in the store: " + st.Text(4)));
  j.state = *state;
  j.priority = static_cast<int>(st.Int(5));
  j.attempts = static_cast<int>(st.Int(6));
  j.max_attempts = static_cast<int>(st.Int(7));
  j.run_after = st.Int(8);
  j.lease_owner = st.Text(9);
  j.lease_until = st.Int(10);
  j.last_error = st.Text(11);
  j.result = st.Text(12);
  j.created_at = st.Int(13);
  j.started_at = st.Int(14);
  j.finished_at = st.Int(15);
  return j;
}

// The WHERE clause and its bindings for the filters of `q`.
struct JobFilter {
  std::string where;
  std::vector<std::string> values;
};

JobFilter FilterOf(const JobQuery& q) {
  JobFilter f;
  auto add = [&](std::string_view column, std::string value) {
    f.where += f.where.empty() ? "WHERE " : " AND ";
    f.where += column;
    f.where += " = ?";
    f.values.push_back(std::move(value));
  };
  if (q.state) add("state", std::string(JobStateName(*q.state)));
  if (!q.kind.empty()) add("kind", q.kind);
  if (!q.subject.empty()) add("subject", q.subject);
  return f;
}

// Verifies that `lease` is the current claim of a running job and returns the job.
Result<Job> HeldJob(Connection& conn, const JobLease& lease) {
  auto job = ReadJob(conn, lease.job_id);
  if (!job) return std::unexpected(job.error());
  if (job->state != JobState::kRunning || job->lease_owner != lease.owner ||
      job->attempts != lease.attempt)
    return std::unexpected(Error::Conflict(
        "lease", "Job " + std::to_string(lease.job_id) + " is no longer held by " + lease.owner +
                     " (attempt " + std::to_string(lease.attempt) + ")"));
  return job;
}

Result<void> InsertRun(Connection& conn, const Job& job, int64_t finished_at, RunOutcome outcome,
                       std::string_view error) {
  auto st = conn.Prepare(
      "INSERT INTO job_runs (job_id, attempt, worker, started_at, finished_at, outcome, error, "
      " duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!st) return std::unexpected(st.error());
  int64_t duration = std::max<int64_t>(0, finished_at - job.started_at);
  st->Bind(job.id, job.attempts, job.lease_owner, job.started_at, finished_at,
           RunOutcomeName(outcome), TruncateUtf8(error, kMaxJobErrorBytes), duration);
  return st->Run();
}

// Turns every running job whose lease expired by `now` into a failed (claimable at
// once) or dead job, recording the lost run.
Result<void> ReapExpiredLeases(Connection& conn, int64_t now) {
  static const std::string sql =
      std::string(kJobColumns) + "WHERE state = 'running' AND lease_until <= ? ORDER BY id LIMIT 1000";
  auto expired = QueryAll<Job>(conn, sql, JobFromRow, now);
  if (!expired) return std::unexpected(expired.error());
  constexpr std::string_view kLost = "The worker stopped renewing its lease (crashed or hung); the run was lost";
  for (const Job& job : *expired) {
    if (auto r = InsertRun(conn, job, job.lease_until, RunOutcome::kLeaseExpired, kLost); !r) return r;
    bool dead = job.attempts >= job.max_attempts;
    auto st = conn.Prepare(
        "UPDATE jobs SET state = ?, run_after = ?, lease_owner = '', lease_until = 0, "
        " last_error = ?, finished_at = ? WHERE id = ?");
    if (!st) return std::unexpected(st.error());
    st->Bind(dead ? "dead" : "failed", now, kLost, dead ? now : 0, job.id);
    if (auto r = st->Run(); !r) return r;
  }
  return Ok();
}

std::string KindsAsJson(const std::vector<std::string>& kinds) {
  boost::json::array arr;
  for (const auto& k : kinds) arr.emplace_back(k);
  return boost::json::serialize(arr);
}

Result<void> ValidateRequest(const JobRequest& r) {
  if (r.kind.empty() || r.kind.size() > kMaxJobKindBytes)
    return std::unexpected(Error::Invalid("kind", "A job kind must be 1-100 bytes", "工作種類須為 1 到 100 位元組"));
  if (r.subject.size() > kMaxJobSubjectBytes)
    return std::unexpected(Error::Invalid("subject", "A job subject must be at most 400 bytes",
                                          "工作對象最多 400 位元組"));
  if (r.payload.size() > kMaxJobPayloadBytes)
    return std::unexpected(Error::TooLarge("A job payload must be at most 64 KiB"));
  boost::system::error_code ec;
  auto payload = boost::json::parse(r.payload.empty() ? std::string_view("{}") : r.payload, ec);
  if (ec || !payload.is_object())
    return std::unexpected(Error::Invalid("payload", "A job payload must be a JSON object",
                                          "工作參數必須是 JSON 物件"));
  if (r.max_attempts < 1 || r.max_attempts > 100)
    return std::unexpected(Error::Invalid("max_attempts", "max_attempts must be between 1 and 100",
                                          "最多嘗試次數須介於 1 到 100"));
  return Ok();
}

}  // namespace

std::string TruncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  constexpr std::string_view kEllipsis = "…";
  size_t cut = max_bytes > kEllipsis.size() ? max_bytes - kEllipsis.size() : 0;
  // Step back over continuation bytes so that no sequence is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out(text.substr(0, cut));
  if (out.size() + kEllipsis.size() <= max_bytes) out += kEllipsis;
  return out;
}

Result<Job> ReadJob(Connection& conn, int64_t id) {
  static const std::string sql = std::string(kJobColumns) + "WHERE id = ?";
  auto rows = QueryAll<Job>(conn, sql, JobFromRow, id);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::NotFound("Job"));
  return std::move(rows->front());
}

Result<std::vector<Job>> ReadJobs(Connection& conn, const JobQuery& q) {
  JobFilter f = FilterOf(q);
  std::string sql = std::string(kJobColumns) + f.where + " ORDER BY id DESC LIMIT ? OFFSET ?";
  auto st = conn.Prepare(sql);
  if (!st) return std::unexpected(st.error());
  int i = 1;
  for (const auto& v : f.values) st->BindAt(i++, v);
  st->BindAt(i++, SqlCount(q.limit));
  st->BindAt(i++, SqlCount(q.offset));
  std::vector<Job> out;
  while (true) {
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    auto job = JobFromRow(*st);
    if (!job) return std::unexpected(job.error());
    out.push_back(std::move(*job));
  }
  return out;
}

Result<int64_t> CountMatchingJobs(Connection& conn, const JobQuery& q) {
  JobFilter f = FilterOf(q);
  auto st = conn.Prepare("SELECT count(*) FROM jobs " + f.where);
  if (!st) return std::unexpected(st.error());
  int i = 1;
  for (const auto& v : f.values) st->BindAt(i++, v);
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  return st->Int(0);
}

Result<std::vector<JobStateCount>> ReadJobStateCounts(Connection& conn) {
  std::vector<JobStateCount> out;
  for (JobState s : {JobState::kQueued, JobState::kRunning, JobState::kSucceeded, JobState::kFailed,
                     JobState::kDead})
    out.push_back({s, 0});
  auto st = conn.Prepare("SELECT state, count(*) FROM jobs GROUP BY state");
  if (!st) return std::unexpected(st.error());
  while (true) {
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    auto state = ParseJobState(st->View(0));
    if (!state) continue;
    for (auto& c : out)
      if (c.state == *state) c.count = st->Int(1);
  }
  return out;
}

Result<std::vector<JobRun>> ReadJobRuns(Connection& conn, int64_t job_id) {
  return QueryAll<JobRun>(
      conn,
      "SELECT id, job_id, attempt, worker, started_at, finished_at, outcome, error, duration_ms "
      "FROM job_runs WHERE job_id = ? ORDER BY id",
      [](Statement& st) -> Result<JobRun> {
        JobRun r;
        r.id = st.Int(0);
        r.job_id = st.Int(1);
        r.attempt = static_cast<int>(st.Int(2));
        r.worker = st.Text(3);
        r.started_at = st.Int(4);
        r.finished_at = st.Int(5);
        auto outcome = ParseRunOutcome(st.View(6));
        if (!outcome) return std::unexpected(Error::Internal("Unknown run outcome: " + st.Text(6)));
        r.outcome = *outcome;
        r.error = st.Text(7);
        r.duration_ms = st.Int(8);
        return r;
      },
      job_id);
}

Result<Job> ReadActiveJob(Connection& conn, std::string_view kind, std::string_view subject) {
  static const std::string sql = std::string(kJobColumns) +
                                 "WHERE kind = ? AND subject = ? AND state IN ('queued', 'running', 'failed')";
  auto rows = QueryAll<Job>(conn, sql, JobFromRow, kind, subject);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::unexpected(Error::NotFound("Job"));
  return std::move(rows->front());
}

Result<Job> InsertJobDeduplicated(Connection& conn, const JobRequest& request, int64_t now) {
  if (auto ok = ValidateRequest(request); !ok) return std::unexpected(ok.error());
  int64_t run_after = request.run_after > 0 ? request.run_after : now;
  auto existing = ReadActiveJob(conn, request.kind, request.subject);
  if (existing) {
    if (existing->state == JobState::kRunning) return existing;
    int64_t earlier = std::min(existing->run_after, run_after);
    int higher = std::max(existing->priority, request.priority);
    if (earlier == existing->run_after && higher == existing->priority) return existing;
    auto st = conn.Prepare("UPDATE jobs SET run_after = ?, priority = ? WHERE id = ?");
    if (!st) return std::unexpected(st.error());
    st->Bind(earlier, higher, existing->id);
    if (auto r = st->Run(); !r) return std::unexpected(r.error());
    existing->run_after = earlier;
    existing->priority = higher;
    return existing;
  }
  if (existing.error().code != ErrorCode::kNotFound) return std::unexpected(existing.error());
  auto st = conn.Prepare(
      "INSERT INTO jobs (kind, subject, payload, state, priority, max_attempts, run_after, created_at) "
      "VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)");
  if (!st) return std::unexpected(st.error());
  st->Bind(request.kind, request.subject, request.payload.empty() ? "{}" : request.payload,
           request.priority, request.max_attempts, run_after, now);
  if (auto r = st->Run(); !r) return std::unexpected(r.error());
  return ReadJob(conn, sqlite3_last_insert_rowid(conn.handle()));
}

Result<std::optional<Job>> ClaimNextJob(Connection& conn, const ClaimRequest& request) {
  if (request.owner.empty())
    return std::unexpected(Error::Invalid("owner", "A claim needs a worker id", "領取工作需要工作者代號"));
  if (auto r = ReapExpiredLeases(conn, request.now); !r) return std::unexpected(r.error());
  if (request.kinds.empty()) return std::optional<Job>();
  auto pick = conn.Prepare(
      "SELECT id FROM jobs WHERE state IN ('queued', 'failed') AND run_after <= ? "
      " AND kind IN (SELECT value FROM json_each(?)) "
      "ORDER BY priority DESC, run_after, id LIMIT 1");
  if (!pick) return std::unexpected(pick.error());
  pick->Bind(request.now, KindsAsJson(request.kinds));
  auto row = pick->Step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<Job>();
  int64_t id = pick->Int(0);
  auto st = conn.Prepare(
      "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ?, "
      " started_at = ? WHERE id = ?");
  if (!st) return std::unexpected(st.error());
  st->Bind(request.owner, request.now + std::max<int64_t>(1, request.lease_ms), request.now, id);
  if (auto r = st->Run(); !r) return std::unexpected(r.error());
  auto job = ReadJob(conn, id);
  if (!job) return std::unexpected(job.error());
  return std::optional<Job>(std::move(*job));
}

Result<void> ExtendJobLease(Connection& conn, const JobLease& lease, int64_t lease_until) {
  auto job = HeldJob(conn, lease);
  if (!job) return std::unexpected(job.error());
  auto st = conn.Prepare("UPDATE jobs SET lease_until = ? WHERE id = ?");
  if (!st) return std::unexpected(st.error());
  st->Bind(std::max(lease_until, job->lease_until), job->id);
  return st->Run();
}

Result<void> MarkJobSucceeded(Connection& conn, const JobLease& lease, int64_t now,
                              std::string_view result) {
  if (result.size() > kMaxJobResultBytes)
    return std::unexpected(Error::TooLarge("A job result must be at most 1 MiB"));
  auto job = HeldJob(conn, lease);
  if (!job) return std::unexpected(job.error());
  if (auto r = InsertRun(conn, *job, now, RunOutcome::kSucceeded, ""); !r) return r;
  auto st = conn.Prepare(
      "UPDATE jobs SET state = 'succeeded', result = ?, last_error = '', lease_owner = '', "
      " lease_until = 0, finished_at = ? WHERE id = ?");
  if (!st) return std::unexpected(st.error());
  st->Bind(result, now, job->id);
  return st->Run();
}

Result<JobState> MarkJobFailed(Connection& conn, const JobLease& lease, int64_t now,
                               std::string_view error, int64_t retry_at) {
  auto job = HeldJob(conn, lease);
  if (!job) return std::unexpected(job.error());
  if (auto r = InsertRun(conn, *job, now, RunOutcome::kFailed, error); !r) return std::unexpected(r.error());
  bool dead = job->attempts >= job->max_attempts;
  auto st = conn.Prepare(
      "UPDATE jobs SET state = ?, run_after = ?, last_error = ?, lease_owner = '', lease_until = 0, "
      " finished_at = ? WHERE id = ?");
  if (!st) return std::unexpected(st.error());
  st->Bind(dead ? "dead" : "failed", dead ? job->run_after : std::max(retry_at, now),
           TruncateUtf8(error, kMaxJobErrorBytes), dead ? now : 0, job->id);
  if (auto r = st->Run(); !r) return std::unexpected(r.error());
  return dead ? JobState::kDead : JobState::kFailed;
}

Result<void> GiveJobBack(Connection& conn, const JobLease& lease, int64_t now) {
  auto job = HeldJob(conn, lease);
  if (!job) return std::unexpected(job.error());
  if (auto r = InsertRun(conn, *job, now, RunOutcome::kReleased, "Released unfinished (shutdown)"); !r) return r;
  // A job that had failed before goes back to "failed" (its retry is due now); one
  // that never failed goes back to "queued".
  auto st = conn.Prepare(
      "UPDATE jobs SET state = CASE WHEN last_error = '' THEN 'queued' ELSE 'failed' END, "
      " attempts = max(attempts - 1, 0), run_after = ?, lease_owner = '', lease_until = 0 WHERE id = ?");
  if (!st) return std::unexpected(st.error());
  st->Bind(now, job->id);
  return st->Run();
}

Result<int64_t> DeleteFinishedJobs(Connection& conn, int64_t finished_before, size_t limit) {
  static constexpr std::string_view kVictims =
      "SELECT id FROM jobs WHERE state IN ('succeeded', 'dead') AND finished_at < ?1 "
      "ORDER BY finished_at LIMIT ?2";
  auto runs = conn.Prepare("DELETE FROM job_runs WHERE job_id IN (" + std::string(kVictims) + ")");
  if (!runs) return std::unexpected(runs.error());
  runs->Bind(finished_before, SqlCount(limit));
  if (auto r = runs->Run(); !r) return std::unexpected(r.error());
  auto jobs = conn.Prepare("DELETE FROM jobs WHERE id IN (" + std::string(kVictims) + ")");
  if (!jobs) return std::unexpected(jobs.error());
  jobs->Bind(finished_before, SqlCount(limit));
  if (auto r = jobs->Run(); !r) return std::unexpected(r.error());
  return sqlite3_changes64(conn.handle());
}

}  // namespace pintu::sqlite
