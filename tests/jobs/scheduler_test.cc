// Recurring checks: what is due, batching, no duplicates across ticks, pruning, and
// the runtime that ties the scheduler to the worker pool.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "jobs/kinds.h"
#include "jobs/runtime.h"
#include "jobs/scheduler.h"
#include "store/store_test_support.h"
#include "support/manual_clock.h"

namespace pintu::jobs {
namespace {

using namespace std::chrono_literals;
constexpr int64_t kHour = 3'600'000;

class SchedulerTest : public testing_support::StoreTest {
 protected:
  // One organisation with `n` resources on one active dataset, plus one resource on a
  // deleted dataset (never due).
  void AddResources(int n) {
    using namespace testing_support;
    MustWrite([&](WriteTxn& tx) -> Result<void> {
      if (auto r = tx.PutOrganization(MakeOrganization("org-1", "org", "機關")); !r) return r;
      Dataset d = MakeDataset("d1", "live", "資料");
      for (int i = 0; i < n; ++i) d.resources.push_back(MakeResource("r" + std::to_string(i), "d1", "CSV"));
      if (auto r = tx.PutDataset(d); !r) return r;
      Dataset gone = MakeDataset("d2", "gone", "已刪除");
      gone.state = State::kDeleted;
      gone.resources = {MakeResource("deleted-r", "d2", "CSV")};
      return tx.PutDataset(gone);
    });
  }
  int64_t CountKind(std::string_view kind, std::optional<JobState> state = std::nullopt) {
    JobQuery q;
    q.kind = std::string(kind);
    q.state = state;
    return store_->CountJobs(q).value();
  }
  std::vector<Schedule> Daily() {
    return {ResourceCheckSchedule(CheckKind::kLinks, 24 * kHour, 3),
            ResourceCheckSchedule(CheckKind::kContents, 168 * kHour, 3)};
  }
  // Runs every queued job of `kind` as a successful check stored at the clock's time.
  void RunChecks(std::string_view kind) {
    while (true) {
      auto c = store_->ClaimJob({"w", {std::string(kind)}, clock_.NowMillis(), 60'000});
      ASSERT_TRUE(c);
      if (!*c) break;
      const Job& j = **c;
      ResourceCheck check;
      check.resource_id = j.subject;
      check.kind = *CheckKindOfJob(j.kind);
      check.checked_at = clock_.NowMillis();
      check.valid = true;
      check.job_id = j.id;
      MustWrite([&](WriteTxn& tx) -> Result<void> {
        auto r = tx.AddResourceCheck(check);
        if (!r) return std::unexpected(r.error());
        return Ok();
      });
      ASSERT_TRUE(store_->CompleteJob({j.id, "w", j.attempts}, clock_.NowMillis(), "{}"));
    }
  }

  test::ManualClock clock_;
};

TEST_F(SchedulerTest, FirstTickEnqueuesBothChecksForEveryActiveResourceOnce) {
  AddResources(3);
  Scheduler s(*store_, clock_, Daily());
  auto r1 = s.Tick();
  ASSERT_TRUE(r1) << r1.error().message;
  EXPECT_EQ(r1->enqueued, 6u);
  EXPECT_EQ(CountKind(kCheckResourceLinks), 3);
  EXPECT_EQ(CountKind(kCheckResourceContents), 3);
  JobQuery deleted;
  deleted.subject = "deleted-r";
  EXPECT_EQ(store_->CountJobs(deleted).value(), 0);
  // Ticking again while the jobs wait adds nothing.
  auto r2 = s.Tick();
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->enqueued, 0u);
  EXPECT_EQ(store_->CountJobs({}).value(), 6);
}

TEST_F(SchedulerTest, ResourceIsDueAgainOnlyAfterItsIntervalSinceTheLastSuccess) {
  AddResources(2);
  Scheduler s(*store_, clock_, Daily());
  ASSERT_TRUE(s.Tick());
  RunChecks(kCheckResourceLinks);
  RunChecks(kCheckResourceContents);
  clock_.Advance(24 * kHour - 1);
  EXPECT_EQ(s.Tick()->enqueued, 0u);
  clock_.Advance(1);
  EXPECT_EQ(s.Tick()->enqueued, 2u);  // links are daily
  EXPECT_EQ(CountKind(kCheckResourceLinks, JobState::kQueued), 2);
  EXPECT_EQ(CountKind(kCheckResourceContents, JobState::kQueued), 0);
  RunChecks(kCheckResourceLinks);
  clock_.Advance(144 * kHour);  // a week after the first contents check
  EXPECT_EQ(s.Tick()->enqueued, 4u);
}

TEST_F(SchedulerTest, TickWorkIsBatchedAndBounded) {
  AddResources(5);
  SchedulerOptions o;
  o.batch_size = 2;
  o.max_batches_per_tick = 2;
  Scheduler s(*store_, clock_, {ResourceCheckSchedule(CheckKind::kLinks, 24 * kHour, 3)}, o);
  EXPECT_EQ(s.Tick()->enqueued, 4u);
  EXPECT_EQ(s.Tick()->enqueued, 1u);
  EXPECT_EQ(s.Tick()->enqueued, 0u);
  EXPECT_EQ(CountKind(kCheckResourceLinks), 5);
}

TEST_F(SchedulerTest, PrunesOldFinishedJobsAndCheckHistory) {
  AddResources(1);
  SchedulerOptions o;
  o.job_retention_ms = 10 * kHour;
  o.check_history_keep = 2;
  o.prune_every_ms = kHour;
  Scheduler s(*store_, clock_, {ResourceCheckSchedule(CheckKind::kLinks, kHour, 3)}, o);
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(s.Tick());
    RunChecks(kCheckResourceLinks);
    clock_.Advance(kHour);
  }
  // Four checks were made, an hour apart; the prune of the last tick kept two.
  ASSERT_TRUE(s.Tick());
  EXPECT_EQ(store_->CountResourceChecks("r0", CheckKind::kLinks).value(), 2);
  EXPECT_EQ(CountKind(kCheckResourceLinks, JobState::kSucceeded), 4);
  clock_.Advance(20 * kHour);
  ASSERT_TRUE(s.Tick());
  EXPECT_EQ(CountKind(kCheckResourceLinks, JobState::kSucceeded), 0);
  EXPECT_EQ(CountKind(kCheckResourceLinks, JobState::kQueued), 1);  // due again, not pruned
}

TEST_F(SchedulerTest, SchedulesFollowTheConfiguration) {
  Config c;
  c.check_links_interval_h = 6;
  c.check_contents_interval_h = 48;
  c.jobs_max_attempts = 7;
  auto schedules = ResourceCheckSchedules(c);
  ASSERT_EQ(schedules.size(), 2u);
  EXPECT_EQ(schedules[0].job_kind, kCheckResourceLinks);
  EXPECT_EQ(schedules[0].interval_ms, 6 * kHour);
  EXPECT_EQ(schedules[1].job_kind, kCheckResourceContents);
  EXPECT_EQ(schedules[1].interval_ms, 48 * kHour);
  EXPECT_EQ(schedules[1].max_attempts, 7);
  c.jobs_workers = 3;
  c.jobs_lease_s = 90;
  c.jobs_backoff_base_s = 10;
  c.jobs_backoff_cap_s = 5;  // a cap below the base is raised to the base
  auto w = WorkerOptionsFromConfig(c);
  EXPECT_EQ(w.threads, 3);
  EXPECT_EQ(w.lease_ms, 90'000);
  EXPECT_EQ(w.renew_every_ms, 30'000);
  EXPECT_EQ(w.backoff.base_ms, 10'000);
  EXPECT_EQ(w.backoff.cap_ms, 10'000);
}

// The runtime as `pintu serve` will start it: the first tick enqueues every resource's
// checks and the workers run them through the registered handlers.
TEST_F(SchedulerTest, RuntimeEnqueuesAndRunsChecksUntilStopped) {
  AddResources(3);
  Config c;
  c.jobs_workers = 2;
  HandlerRegistry h;
  h.Register(std::string(kCheckResourceLinks), [&](const Job& j, std::stop_token) -> Result<boost::json::value> {
    ResourceCheck check;
    check.resource_id = j.subject;
    check.kind = CheckKind::kLinks;
    check.checked_at = SystemClock().NowMillis();
    check.valid = true;
    check.http_status = 200;
    check.job_id = j.id;
    auto r = store_->Write([&](WriteTxn& tx) -> Result<void> {
      auto added = tx.AddResourceCheck(check);
      if (!added) return std::unexpected(added.error());
      return Ok();
    });
    if (!r) return std::unexpected(r.error());
    return boost::json::object{{"http_status", 200}};
  });
  auto runtime = JobRuntime::Start(*store_, c, std::move(h), ResourceCheckSchedules(c));
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (CountKind(kCheckResourceLinks, JobState::kSucceeded) < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  runtime->Stop();
  EXPECT_EQ(CountKind(kCheckResourceLinks, JobState::kSucceeded), 3);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(store_->GetLatestResourceCheck("r" + std::to_string(i), CheckKind::kLinks)->http_status,
              std::optional<int>(200));
  // No handler for contents: those jobs wait in the queue, untouched.
  EXPECT_EQ(CountKind(kCheckResourceContents, JobState::kQueued), 3);
  EXPECT_EQ(runtime->Stats().succeeded, 3);
}

}  // namespace
}  // namespace pintu::jobs
