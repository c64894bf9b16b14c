// The store's durable job queue: deduplication, claim order, leases, retries,
// history, crash safety and concurrent use from several connections.
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <gmock/gmock.h>

#include "store/store_test_support.h"

namespace pintu {
namespace {

using testing_support::StoreTest;

constexpr int64_t kT0 = 1'700'000'000'000;  // a fixed "now" in Unix ms

JobRequest Req(std::string kind, std::string subject, int priority = 0, int max_attempts = 3) {
  JobRequest r;
  r.kind = std::move(kind);
  r.subject = std::move(subject);
  r.priority = priority;
  r.max_attempts = max_attempts;
  return r;
}

ClaimRequest Claim(std::string owner, int64_t now, std::vector<std::string> kinds = {"k"},
                   int64_t lease_ms = 10'000) {
  return ClaimRequest{std::move(owner), std::move(kinds), now, lease_ms};
}

class JobStoreTest : public StoreTest {
 protected:
  Job Enqueue(const JobRequest& r, int64_t now = kT0) {
    Job out;
    MustWrite([&](WriteTxn& tx) -> Result<void> {
      auto j = tx.EnqueueJob(r, now);
      if (!j) return std::unexpected(j.error());
      out = *j;
      return Ok();
    });
    return out;
  }
  Job MustClaim(const ClaimRequest& c) {
    auto j = store_->ClaimJob(c);
    EXPECT_TRUE(j) << j.error().message;
    if (!j || !*j) {
      ADD_FAILURE() << "nothing to claim";
      return {};
    }
    return **j;
  }
  bool NothingToClaim(const ClaimRequest& c) {
    auto j = store_->ClaimJob(c);
    EXPECT_TRUE(j) << j.error().message;
    return j && !*j;
  }
  static JobLease LeaseOf(const Job& j) { return {j.id, j.lease_owner, j.attempts}; }
};

TEST_F(JobStoreTest, EnqueueAgainReturnsTheSameActiveJob) {
  Job a = Enqueue(Req("k", "r1"));
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(a.state, JobState::kQueued);
  EXPECT_EQ(a.run_after, kT0);
  EXPECT_EQ(a.payload, "{}");
  Job b = Enqueue(Req("k", "r1"), kT0 + 5);
  EXPECT_EQ(b.id, a.id);
  // Another subject or kind is another job.
  EXPECT_NE(Enqueue(Req("k", "r2")).id, a.id);
  EXPECT_NE(Enqueue(Req("other", "r1")).id, a.id);
  EXPECT_EQ(store_->CountJobs({}).value(), 3);
}

TEST_F(JobStoreTest, EnqueueAgainMovesRunAfterEarlierAndPriorityHigher) {
  JobRequest later = Req("k", "r1", 0);
  later.run_after = kT0 + 60'000;
  Job a = Enqueue(later);
  EXPECT_EQ(a.run_after, kT0 + 60'000);
  Job b = Enqueue(Req("k", "r1", 100), kT0 + 1);
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.run_after, kT0 + 1);
  EXPECT_EQ(b.priority, 100);
  // Asking for a later time or lower priority never delays it.
  JobRequest lazy = Req("k", "r1", 0);
  lazy.run_after = kT0 + 999'999;
  Job c = Enqueue(lazy);
  EXPECT_EQ(c.run_after, kT0 + 1);
  EXPECT_EQ(c.priority, 100);
  EXPECT_EQ(store_->GetJob(a.id)->run_after, kT0 + 1);
}

TEST_F(JobStoreTest, RunningJobIsNotDuplicatedAndFinishedJobAllowsANewOne) {
  Job a = Enqueue(Req("k", "r1"));
  Job claimed = MustClaim(Claim("w1", kT0));
  ASSERT_EQ(claimed.id, a.id);
  EXPECT_EQ(Enqueue(Req("k", "r1")).id, a.id);
  ASSERT_TRUE(store_->CompleteJob(LeaseOf(claimed), kT0 + 10, R"({"ok":true})"));
  Job again = Enqueue(Req("k", "r1"), kT0 + 20);
  EXPECT_NE(again.id, a.id);
  EXPECT_EQ(again.state, JobState::kQueued);
}

TEST_F(JobStoreTest, BadRequestsAreRefusedWithTheField) {
  auto enqueue = [&](const JobRequest& r) {
    return store_->Write([&](WriteTxn& tx) -> Result<void> {
      auto j = tx.EnqueueJob(r, kT0);
      if (!j) return std::unexpected(j.error());
      return Ok();
    });
  };
  auto empty_kind = enqueue(Req("", "r"));
  ASSERT_FALSE(empty_kind);
  EXPECT_EQ(empty_kind.error().fields.at(0).field, "kind");
  EXPECT_FALSE(enqueue(Req(std::string(101, 'k'), "r")));
  EXPECT_FALSE(enqueue(Req("k", std::string(401, 's'))));
  JobRequest bad_payload = Req("k", "r");
  bad_payload.payload = "[1,2";
  auto p = enqueue(bad_payload);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().fields.at(0).field, "payload");
  bad_payload.payload = "[1,2]";  // valid JSON, not an object
  EXPECT_FALSE(enqueue(bad_payload));
  bad_payload.payload = "{\"x\":\"" + std::string(70'000, 'a') + "\"}";
  EXPECT_EQ(enqueue(bad_payload).error().code, ErrorCode::kTooLarge);
  JobRequest zero = Req("k", "r", 0, 0);
  EXPECT_FALSE(enqueue(zero));
  EXPECT_EQ(store_->CountJobs({}).value(), 0);
}

TEST_F(JobStoreTest, ClaimsByPriorityThenRunAfterThenAge) {
  JobRequest low_early = Req("k", "low-early", 0);
  low_early.run_after = kT0 - 5000;
  Job j1 = Enqueue(low_early);
  Job j2 = Enqueue(Req("k", "high-b", 100));
  JobRequest high_early = Req("k", "high-a", 100);
  high_early.run_after = kT0 - 1000;
  Job j3 = Enqueue(high_early);
  Job j4 = Enqueue(Req("k", "low-now", 0));
  JobRequest future = Req("k", "future", 1000);
  future.run_after = kT0 + 60'000;
  Enqueue(future);
  std::vector<int64_t> order;
  for (int i = 0; i < 4; ++i) order.push_back(MustClaim(Claim("w", kT0)).id);
  EXPECT_EQ(order, (std::vector<int64_t>{j3.id, j2.id, j1.id, j4.id}));
  EXPECT_TRUE(NothingToClaim(Claim("w", kT0)));  // the future job waits for its time
  EXPECT_EQ(MustClaim(Claim("w", kT0 + 60'000)).subject, "future");
}

TEST_F(JobStoreTest, ClaimOnlyTakesTheWorkersKinds) {
  Enqueue(Req("a", "1"));
  Enqueue(Req("b", "1"));
  EXPECT_TRUE(NothingToClaim(Claim("w", kT0, {})));
  EXPECT_TRUE(NothingToClaim(Claim("w", kT0, {"c"})));
  EXPECT_EQ(MustClaim(Claim("w", kT0, {"b"})).kind, "b");
  // Kind names with quotes and brackets are data, not SQL or JSON syntax.
  Enqueue(Req("x\"]', y", "1"));
  EXPECT_EQ(MustClaim(Claim("w", kT0, {"x\"]', y"})).kind, "x\"]', y");
}

TEST_F(JobStoreTest, ClaimSetsLeaseAndCountsTheAttempt) {
  Job a = Enqueue(Req("k", "r"));
  Job c = MustClaim(Claim("worker-1", kT0 + 5, {"k"}, 30'000));
  EXPECT_EQ(c.id, a.id);
  EXPECT_EQ(c.state, JobState::kRunning);
  EXPECT_EQ(c.attempts, 1);
  EXPECT_EQ(c.lease_owner, "worker-1");
  EXPECT_EQ(c.lease_until, kT0 + 5 + 30'000);
  EXPECT_EQ(c.started_at, kT0 + 5);
  // Another worker finds nothing while the lease holds.
  EXPECT_TRUE(NothingToClaim(Claim("worker-2", kT0 + 29'000)));
}

TEST_F(JobStoreTest, CompleteRecordsResultAndRun) {
  Enqueue(Req("k", "r"));
  Job c = MustClaim(Claim("w", kT0));
  ASSERT_TRUE(store_->CompleteJob(LeaseOf(c), kT0 + 1500, R"({"rows":3})"));
  Job done = store_->GetJob(c.id).value();
  EXPECT_EQ(done.state, JobState::kSucceeded);
  EXPECT_EQ(done.result, R"({"rows":3})");
  EXPECT_EQ(done.finished_at, kT0 + 1500);
  EXPECT_TRUE(done.lease_owner.empty());
  auto runs = store_->ListJobRuns(c.id).value();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].outcome, RunOutcome::kSucceeded);
  EXPECT_EQ(runs[0].attempt, 1);
  EXPECT_EQ(runs[0].worker, "w");
  EXPECT_EQ(runs[0].duration_ms, 1500);
  // Completing twice is refused: the lease is gone.
  EXPECT_EQ(store_->CompleteJob(LeaseOf(c), kT0 + 1600, "{}").error().code, ErrorCode::kConflict);
}

TEST_F(JobStoreTest, FailRetriesAtTheGivenTimeThenGoesDeadKeepingTheError) {
  Job a = Enqueue(Req("k", "r", 0, 2));
  Job c1 = MustClaim(Claim("w", kT0));
  auto s1 = store_->FailJob(LeaseOf(c1), kT0 + 10, "timeout", kT0 + 5000);
  ASSERT_TRUE(s1);
  EXPECT_EQ(*s1, JobState::kFailed);
  Job waiting = store_->GetJob(a.id).value();
  EXPECT_EQ(waiting.state, JobState::kFailed);
  EXPECT_EQ(waiting.run_after, kT0 + 5000);
  EXPECT_EQ(waiting.last_error, "timeout");
  EXPECT_EQ(waiting.finished_at, 0);
  EXPECT_TRUE(NothingToClaim(Claim("w", kT0 + 4999)));
  Job c2 = MustClaim(Claim("w", kT0 + 5000));
  EXPECT_EQ(c2.attempts, 2);
  auto s2 = store_->FailJob(LeaseOf(c2), kT0 + 6000, "HTTP 503 again", kT0 + 99'000);
  ASSERT_TRUE(s2);
  EXPECT_EQ(*s2, JobState::kDead);
  Job dead = store_->GetJob(a.id).value();
  EXPECT_EQ(dead.state, JobState::kDead);
  EXPECT_EQ(dead.last_error, "HTTP 503 again");
  EXPECT_EQ(dead.finished_at, kT0 + 6000);
  EXPECT_TRUE(NothingToClaim(Claim("w", kT0 + 10'000'000)));
  auto runs = store_->ListJobRuns(a.id).value();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].error, "timeout");
  EXPECT_EQ(runs[1].attempt, 2);
  // A dead job no longer blocks a new one for the same subject.
  EXPECT_NE(Enqueue(Req("k", "r")).id, a.id);
}

TEST_F(JobStoreTest, HugeErrorIsTruncatedNotStoredWhole) {
  Enqueue(Req("k", "r"));
  Job c = MustClaim(Claim("w", kT0));
  std::string error;
  for (int i = 0; i < 100'000; ++i) error += "錯";
  ASSERT_TRUE(store_->FailJob(LeaseOf(c), kT0, error, kT0));
  std::string kept = store_->GetJob(c.id)->last_error;
  EXPECT_LE(kept.size(), 4096u);
  EXPECT_GT(kept.size(), 3000u);
  EXPECT_TRUE(kept.ends_with("…"));
}

TEST_F(JobStoreTest, ExpiredLeaseMakesTheJobClaimableAndTheStaleWorkerCannotFinish) {
  Job a = Enqueue(Req("k", "r"));
  Job first = MustClaim(Claim("crashed", kT0, {"k"}, 10'000));
  // Before expiry nobody else gets it.
  EXPECT_TRUE(NothingToClaim(Claim("w2", kT0 + 9'999)));
  Job second = MustClaim(Claim("w2", kT0 + 10'000));
  EXPECT_EQ(second.id, a.id);
  EXPECT_EQ(second.attempts, 2);
  EXPECT_EQ(second.lease_owner, "w2");
  // The stale worker comes back: it can neither complete, fail, renew nor release.
  EXPECT_EQ(store_->CompleteJob(LeaseOf(first), kT0 + 11'000, "{}").error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->FailJob(LeaseOf(first), kT0 + 11'000, "x", kT0).error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->RenewJobLease(LeaseOf(first), kT0 + 99'000).error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->ReleaseJob(LeaseOf(first), kT0 + 11'000).error().code, ErrorCode::kConflict);
  // Even a worker reusing the same owner id cannot finish the new attempt with the old lease.
  JobLease same_owner_old_attempt{a.id, "w2", 1};
  EXPECT_FALSE(store_->CompleteJob(same_owner_old_attempt, kT0 + 11'000, "{}"));
  ASSERT_TRUE(store_->CompleteJob(LeaseOf(second), kT0 + 12'000, R"({"by":"w2"})"));
  EXPECT_EQ(store_->GetJob(a.id)->result, R"({"by":"w2"})");
  auto runs = store_->ListJobRuns(a.id).value();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].outcome, RunOutcome::kLeaseExpired);
  EXPECT_EQ(runs[0].worker, "crashed");
  EXPECT_EQ(runs[1].outcome, RunOutcome::kSucceeded);
}

TEST_F(JobStoreTest, RenewedLeaseDoesNotExpire) {
  Enqueue(Req("k", "r"));
  Job c = MustClaim(Claim("w", kT0, {"k"}, 10'000));
  ASSERT_TRUE(store_->RenewJobLease(LeaseOf(c), kT0 + 25'000));
  EXPECT_TRUE(NothingToClaim(Claim("w2", kT0 + 20'000)));
  EXPECT_TRUE(store_->CompleteJob(LeaseOf(c), kT0 + 21'000, "{}"));
}

TEST_F(JobStoreTest, LeaseExpiryOnTheLastAttemptMakesTheJobDead) {
  Job a = Enqueue(Req("k", "r", 0, 1));
  MustClaim(Claim("w", kT0, {"k"}, 1000));
  EXPECT_TRUE(NothingToClaim(Claim("w2", kT0 + 1000)));
  Job dead = store_->GetJob(a.id).value();
  EXPECT_EQ(dead.state, JobState::kDead);
  EXPECT_THAT(dead.last_error, ::testing::HasSubstr("lease"));
}

TEST_F(JobStoreTest, ReleaseGivesTheJobBackWithoutCountingAnAttempt) {
  Job a = Enqueue(Req("k", "r"));
  Job c = MustClaim(Claim("w", kT0));
  ASSERT_TRUE(store_->ReleaseJob(LeaseOf(c), kT0 + 100));
  Job back = store_->GetJob(a.id).value();
  EXPECT_EQ(back.state, JobState::kQueued);
  EXPECT_EQ(back.attempts, 0);
  EXPECT_EQ(MustClaim(Claim("w2", kT0 + 100)).attempts, 1);
  auto runs = store_->ListJobRuns(a.id).value();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].outcome, RunOutcome::kReleased);
}

TEST_F(JobStoreTest, ListsFilterAndPageAndCountPerState) {
  for (int i = 0; i < 7; ++i) Enqueue(Req(i % 2 ? "odd" : "even", "s" + std::to_string(i)));
  Job c = MustClaim(Claim("w", kT0, {"odd"}));
  ASSERT_TRUE(store_->CompleteJob(LeaseOf(c), kT0, "{}"));
  MustClaim(Claim("w", kT0, {"odd"}));
  JobQuery even;
  even.kind = "even";
  EXPECT_EQ(store_->CountJobs(even).value(), 4);
  even.limit = 3;
  auto page1 = store_->ListJobs(even).value();
  ASSERT_EQ(page1.size(), 3u);
  EXPECT_GT(page1[0].id, page1[1].id);  // newest first
  even.offset = 3;
  EXPECT_EQ(store_->ListJobs(even)->size(), 1u);
  JobQuery done;
  done.state = JobState::kSucceeded;
  EXPECT_EQ(store_->ListJobs(done)->at(0).id, c.id);
  JobQuery by_subject;
  by_subject.subject = "s3";
  EXPECT_EQ(store_->ListJobs(by_subject)->size(), 1u);
  auto counts = store_->CountJobsByState().value();
  ASSERT_EQ(counts.size(), 5u);
  std::map<JobState, int64_t> m;
  for (auto& sc : counts) m[sc.state] = sc.count;
  EXPECT_EQ(m[JobState::kQueued], 5);
  EXPECT_EQ(m[JobState::kRunning], 1);
  EXPECT_EQ(m[JobState::kSucceeded], 1);
  EXPECT_EQ(m[JobState::kDead], 0);
}

TEST_F(JobStoreTest, PruneDeletesOnlyOldFinishedJobsAndTheirRuns) {
  Job old = Enqueue(Req("k", "old"));
  Job c = MustClaim(Claim("w", kT0));
  ASSERT_TRUE(store_->CompleteJob(LeaseOf(c), kT0, "{}"));
  Job recent = Enqueue(Req("k", "recent"), kT0 + 1);
  Job c2 = MustClaim(Claim("w", kT0 + 1));
  ASSERT_TRUE(store_->CompleteJob(LeaseOf(c2), kT0 + 50'000, "{}"));
  Job waiting = Enqueue(Req("k", "waiting"));
  EXPECT_EQ(store_->PruneFinishedJobs(kT0 + 10'000, 100).value(), 1);
  EXPECT_EQ(store_->GetJob(old.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListJobRuns(old.id)->empty());
  EXPECT_TRUE(store_->GetJob(recent.id));
  EXPECT_TRUE(store_->GetJob(waiting.id));
}

// A worker process dies holding a job: after the lease a worker in a new process
// (a fresh store on the same file) re-runs it. Nothing is lost.
TEST_F(JobStoreTest, JobOfACrashedProcessIsReRunAfterTheLease) {
  Job a = Enqueue(Req("k", "r"));
  ASSERT_EQ(MustClaim(Claim("dies", kT0, {"k"}, 60'000)).id, a.id);
  store_.reset();  // the process is gone without completing
  auto reopened = OpenStore("sqlite:" + db_path());
  ASSERT_TRUE(reopened) << reopened.error().message;
  store_ = std::move(*reopened);
  EXPECT_EQ(store_->GetJob(a.id)->state, JobState::kRunning);
  EXPECT_TRUE(NothingToClaim(Claim("new", kT0 + 59'999)));
  Job again = MustClaim(Claim("new", kT0 + 60'000));
  EXPECT_EQ(again.id, a.id);
  ASSERT_TRUE(store_->CompleteJob(LeaseOf(again), kT0 + 60'001, "{}"));
  EXPECT_EQ(store_->GetJob(a.id)->state, JobState::kSucceeded);
}

// Two store objects on one file (two connections, as two processes would have) enqueue
// the same subjects at the same time: exactly one job per (kind, subject).
TEST_F(JobStoreTest, ConcurrentEnqueueFromTwoConnectionsKeepsOneJobPerSubject) {
  auto second = OpenStore("sqlite:" + db_path());
  ASSERT_TRUE(second) << second.error().message;
  std::vector<Store*> stores = {store_.get(), second->get()};
  constexpr int kSubjects = 100;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Store& s = *stores[t % 2];
      for (int i = 0; i < kSubjects; ++i) {
        auto r = s.Write([&](WriteTxn& tx) -> Result<void> {
          auto j = tx.EnqueueJob(Req("k", "subject-" + std::to_string(i)), kT0);
          if (!j) return std::unexpected(j.error());
          return Ok();
        });
        if (!r) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(store_->CountJobs({}).value(), kSubjects);
}

// Two connections claim concurrently: every job is claimed exactly once.
TEST_F(JobStoreTest, ConcurrentClaimsFromTwoConnectionsNeverShareAJob) {
  for (int i = 0; i < 60; ++i) Enqueue(Req("k", "s" + std::to_string(i)));
  auto second = OpenStore("sqlite:" + db_path());
  ASSERT_TRUE(second) << second.error().message;
  std::vector<Store*> stores = {store_.get(), second->get()};
  std::mutex mu;
  std::multiset<int64_t> claimed;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Store& s = *stores[t % 2];
      while (true) {
        auto j = s.ClaimJob(Claim("w" + std::to_string(t), kT0));
        if (!j || !*j) break;
        std::lock_guard lock(mu);
        claimed.insert((*j)->id);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(claimed.size(), 60u);
  EXPECT_EQ(std::set<int64_t>(claimed.begin(), claimed.end()).size(), 60u);
}

// ---- Resource check results ----

ResourceCheck Check(std::string resource, CheckKind kind, int64_t at, bool valid, int errors = 0) {
  ResourceCheck c;
  c.resource_id = std::move(resource);
  c.kind = kind;
  c.checked_at = at;
  c.valid = valid;
  c.error_count = errors;
  c.report = R"({"valid":)" + std::string(valid ? "true" : "false") + "}";
  return c;
}

class ResourceCheckStoreTest : public JobStoreTest {
 protected:
  ResourceCheck Add(const ResourceCheck& c) {
    ResourceCheck out;
    MustWrite([&](WriteTxn& tx) -> Result<void> {
      auto r = tx.AddResourceCheck(c);
      if (!r) return std::unexpected(r.error());
      out = *r;
      return Ok();
    });
    return out;
  }
  void AddCatalog() {
    using namespace testing_support;
    MustWrite([](WriteTxn& tx) -> Result<void> {
      if (auto r = tx.PutOrganization(MakeOrganization("org-1", "org", "機關")); !r) return r;
      Dataset live = MakeDataset("d1", "live", "資料");
      live.resources = {MakeResource("r1", "d1", "CSV"), MakeResource("r2", "d1", "CSV")};
      if (auto r = tx.PutDataset(live); !r) return r;
      Dataset gone = MakeDataset("d2", "gone", "已刪除");
      gone.state = State::kDeleted;
      gone.resources = {MakeResource("r3", "d2", "CSV")};
      return tx.PutDataset(gone);
    });
  }
};

TEST_F(ResourceCheckStoreTest, LatestAndHistoryNewestFirstPaged) {
  Add(Check("r1", CheckKind::kContents, kT0, false, 3));
  ResourceCheck c2 = Check("r1", CheckKind::kContents, kT0 + 1000, true);
  c2.detected_encoding = "big5";
  c2.detected_format = "csv";
  c2.job_id = 42;
  Add(c2);
  ResourceCheck link = Check("r1", CheckKind::kLinks, kT0 + 500, true);
  link.http_status = 200;
  Add(link);
  Add(Check("other", CheckKind::kContents, kT0 + 9000, false));

  auto latest = store_->GetLatestResourceCheck("r1", CheckKind::kContents).value();
  EXPECT_EQ(latest.checked_at, kT0 + 1000);
  EXPECT_EQ(latest.valid, std::optional<bool>(true));
  EXPECT_EQ(latest.detected_encoding, "big5");
  EXPECT_EQ(latest.job_id, std::optional<int64_t>(42));
  EXPECT_FALSE(latest.http_status);
  EXPECT_EQ(store_->GetLatestResourceCheck("r1", CheckKind::kLinks)->http_status, std::optional<int>(200));
  EXPECT_EQ(store_->GetLatestResourceCheck("nope", CheckKind::kLinks).error().code, ErrorCode::kNotFound);

  auto all = store_->ListResourceChecks("r1", std::nullopt, 0, 10).value();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].checked_at, kT0 + 1000);
  EXPECT_EQ(all[1].kind, CheckKind::kLinks);
  EXPECT_EQ(all[2].error_count, 3);
  auto page = store_->ListResourceChecks("r1", CheckKind::kContents, 1, 1).value();
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].checked_at, kT0);
  EXPECT_EQ(store_->CountResourceChecks("r1", std::nullopt).value(), 3);
  EXPECT_EQ(store_->CountResourceChecks("r1", CheckKind::kLinks).value(), 1);
}

TEST_F(ResourceCheckStoreTest, BadResultsAreRefused) {
  auto add = [&](const ResourceCheck& c) {
    return store_->Write([&](WriteTxn& tx) -> Result<void> {
      auto r = tx.AddResourceCheck(c);
      if (!r) return std::unexpected(r.error());
      return Ok();
    });
  };
  EXPECT_FALSE(add(Check("", CheckKind::kLinks, kT0, true)));
  ResourceCheck not_json = Check("r1", CheckKind::kLinks, kT0, true);
  not_json.report = "{\"valid\": tru";
  EXPECT_FALSE(add(not_json));
  ResourceCheck huge = Check("r1", CheckKind::kLinks, kT0, true);
  huge.report = "{\"x\":\"" + std::string(9 << 20, 'a') + "\"}";
  EXPECT_EQ(add(huge).error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(store_->CountResourceChecks("r1", std::nullopt).value(), 0);
}

TEST_F(ResourceCheckStoreTest, PruneKeepsTheNewestPerResourceAndKind) {
  for (int i = 0; i < 5; ++i) Add(Check("r1", CheckKind::kLinks, kT0 + i, true));
  for (int i = 0; i < 2; ++i) Add(Check("r1", CheckKind::kContents, kT0 + i, true));
  EXPECT_EQ(store_->PruneResourceChecks(3).value(), 2);
  auto links = store_->ListResourceChecks("r1", CheckKind::kLinks, 0, 10).value();
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links.back().checked_at, kT0 + 2);
  EXPECT_EQ(store_->CountResourceChecks("r1", CheckKind::kContents).value(), 2);
}

TEST_F(ResourceCheckStoreTest, DueResourcesAreStaleOrUncheckedActiveOnesWithoutActiveJobs) {
  AddCatalog();
  DueResourceQuery q;
  q.check_kind = CheckKind::kLinks;
  q.job_kind = "check_resource_links";
  q.checked_before = kT0;
  // Nothing checked: both active resources, not the deleted dataset's.
  EXPECT_EQ(store_->ListResourcesDueForCheck(q).value(), (std::vector<std::string>{"r1", "r2"}));
  // r1 checked recently: not due. A contents check does not count for links.
  Add(Check("r1", CheckKind::kLinks, kT0 + 1, true));
  Add(Check("r2", CheckKind::kContents, kT0 + 1, true));
  EXPECT_EQ(store_->ListResourcesDueForCheck(q).value(), (std::vector<std::string>{"r2"}));
  // A queued job for r2 makes it not due either.
  Enqueue(Req("check_resource_links", "r2"));
  EXPECT_TRUE(store_->ListResourcesDueForCheck(q)->empty());
  // Later both are stale again; the one checked longest ago comes first.
  Job j = MustClaim(Claim("w", kT0 + 2, {"check_resource_links"}));
  ASSERT_TRUE(store_->CompleteJob(LeaseOf(j), kT0 + 3, "{}"));
  Add(Check("r2", CheckKind::kLinks, kT0 + 3, true));
  q.checked_before = kT0 + 100'000;
  EXPECT_EQ(store_->ListResourcesDueForCheck(q).value(), (std::vector<std::string>{"r1", "r2"}));
  q.limit = 1;
  EXPECT_EQ(store_->ListResourcesDueForCheck(q)->size(), 1u);
}

TEST_F(ResourceCheckStoreTest, DeadJobIsNotRetriedByTheScheduleBeforeTheInterval) {
  AddCatalog();
  Job a = Enqueue(Req("check_resource_links", "r1", 0, 1));
  Job c = MustClaim(Claim("w", kT0, {"check_resource_links"}));
  ASSERT_EQ(c.id, a.id);
  ASSERT_EQ(store_->FailJob(LeaseOf(c), kT0 + 10, "unreachable", kT0).value(), JobState::kDead);
  DueResourceQuery q;
  q.check_kind = CheckKind::kLinks;
  q.job_kind = "check_resource_links";
  q.checked_before = kT0 + 5;  // the dead job finished after the cut-off
  EXPECT_EQ(store_->ListResourcesDueForCheck(q).value(), (std::vector<std::string>{"r2"}));
  q.checked_before = kT0 + 11;
  EXPECT_EQ(store_->ListResourcesDueForCheck(q).value(), (std::vector<std::string>{"r1", "r2"}));
}

}  // namespace
}  // namespace pintu
