// The worker pool against a real SQLite store: order, retries with back-off on an
// injected clock, dead jobs, throwing handlers, lease renewal and loss, shutdown,
// and a thousand jobs through two workers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include "jobs/queue.h"
#include "jobs/worker.h"
#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace pintu::jobs {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

// Polls `pred` until it holds or `timeout` passes.
template <typename Pred>
bool WaitFor(Pred pred, std::chrono::milliseconds timeout = 20s) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(2ms);
  }
  return pred();
}

class WorkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = OpenStore("sqlite:" + dir_.File("pintu.db"));
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  WorkerOptions Options(int threads = 1) {
    WorkerOptions o;
    o.threads = threads;
    o.lease_ms = 60'000;
    o.renew_every_ms = 20;
    o.idle_poll = 2ms;
    o.backoff = {1000, 60'000};
    o.owner_prefix = "test";
    o.jitter = [] { return 1.0; };  // the full delay: deterministic
    return o;
  }

  Job Enqueue(std::string kind, std::string subject, int priority = 0, int max_attempts = 5) {
    JobRequest r;
    r.kind = std::move(kind);
    r.subject = std::move(subject);
    r.priority = priority;
    r.max_attempts = max_attempts;
    auto j = JobQueue(*store_, clock_).Enqueue(r);
    EXPECT_TRUE(j) << j.error().message;
    return j.value_or(Job{});
  }

  JobState StateOf(int64_t id) { return store_->GetJob(id).value().state; }

  test::TempDir dir_;
  test::ManualClock clock_;
  std::unique_ptr<Store> store_;
};

TEST_F(WorkerTest, RunsJobsByPriorityAndRecordsResults) {
  Job low = Enqueue("k", "low", 0);
  Job high = Enqueue("k", "high", 100);
  Job mid = Enqueue("k", "mid", 50);
  std::mutex mu;
  std::vector<std::string> order;
  HandlerRegistry h;
  h.Register("k", [&](const Job& j, std::stop_token) -> Result<boost::json::value> {
    std::lock_guard lock(mu);
    order.push_back(j.subject);
    return boost::json::object{{"subject", j.subject}};
  });
  WorkerPool pool(*store_, clock_, std::move(h), Options());
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return pool.Stats().succeeded == 3; }));
  pool.Stop();
  EXPECT_EQ(order, (std::vector<std::string>{"high", "mid", "low"}));
  EXPECT_EQ(store_->GetJob(high.id)->result, R"({"subject":"high"})");
  EXPECT_EQ(StateOf(low.id), JobState::kSucceeded);
  EXPECT_EQ(StateOf(mid.id), JobState::kSucceeded);
}

TEST_F(WorkerTest, FailedJobIsRetriedAfterExponentialBackoffOnTheInjectedClock) {
  Job job = Enqueue("k", "flaky");
  std::atomic<int> calls{0};
  HandlerRegistry h;
  h.Register("k", [&](const Job&, std::stop_token) -> Result<boost::json::value> {
    if (++calls <= 2) return std::unexpected(Error::Internal("upstream 503"));
    return boost::json::object{{"ok", true}};
  });
  WorkerPool pool(*store_, clock_, std::move(h), Options());
  int64_t t0 = clock_.NowMillis();
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return calls == 1 && StateOf(job.id) == JobState::kFailed; }));
  Job failed = store_->GetJob(job.id).value();
  EXPECT_EQ(failed.run_after, t0 + 1000);  // base delay, full jitter
  EXPECT_EQ(failed.last_error, "upstream 503");
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(calls, 1) << "retried before its time";
  clock_.Advance(999);
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(calls, 1) << "retried 1 ms early";
  clock_.Advance(1);
  ASSERT_TRUE(WaitFor([&] { return calls == 2 && StateOf(job.id) == JobState::kFailed; }));
  EXPECT_EQ(store_->GetJob(job.id)->run_after, clock_.NowMillis() + 2000);  // doubled
  clock_.Advance(2000);
  ASSERT_TRUE(WaitFor([&] { return StateOf(job.id) == JobState::kSucceeded; }));
  pool.Stop();
  auto runs = store_->ListJobRuns(job.id).value();
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].outcome, RunOutcome::kFailed);
  EXPECT_EQ(runs[1].outcome, RunOutcome::kFailed);
  EXPECT_EQ(runs[2].outcome, RunOutcome::kSucceeded);
  EXPECT_EQ(runs[2].attempt, 3);
}

TEST_F(WorkerTest, JobGoesDeadAfterMaxAttemptsWithTheLastError) {
  Job job = Enqueue("k", "broken", 0, 2);
  std::atomic<int> calls{0};
  HandlerRegistry h;
  h.Register("k", [&](const Job&, std::stop_token) -> Result<boost::json::value> {
    return std::unexpected(Error::Internal("failure " + std::to_string(++calls)));
  });
  WorkerPool pool(*store_, clock_, std::move(h), Options());
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return StateOf(job.id) == JobState::kFailed; }));
  clock_.Advance(1000);
  ASSERT_TRUE(WaitFor([&] { return StateOf(job.id) == JobState::kDead; }));
  clock_.Advance(1'000'000);
  std::this_thread::sleep_for(30ms);
  pool.Stop();
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(store_->GetJob(job.id)->last_error, "failure 2");
  EXPECT_EQ(pool.Stats().failed, 2);
}

TEST_F(WorkerTest, ThrowingHandlerBecomesTheJobsErrorAndTheWorkerGoesOn) {
  Job bad = Enqueue("k", "bad", 10);
  Job good = Enqueue("k", "good", 0);
  HandlerRegistry h;
  h.Register("k", [&](const Job& j, std::stop_token) -> Result<boost::json::value> {
    if (j.subject == "bad") throw std::runtime_error("boom: index out of range");
    if (j.subject == "worse") throw 42;
    return boost::json::object{};
  });
  WorkerPool pool(*store_, clock_, std::move(h), Options());
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return StateOf(good.id) == JobState::kSucceeded; }));
  Job worse = Enqueue("k", "worse");
  pool.Wake();
  ASSERT_TRUE(WaitFor([&] { return StateOf(worse.id) == JobState::kFailed; }));
  pool.Stop();
  EXPECT_EQ(StateOf(bad.id), JobState::kFailed);
  EXPECT_THAT(store_->GetJob(bad.id)->last_error, HasSubstr("boom: index out of range"));
  EXPECT_THAT(store_->GetJob(worse.id)->last_error, HasSubstr("unknown exception"));
}

TEST_F(WorkerTest, OnlyKindsWithAHandlerAreClaimed) {
  Job other = Enqueue("not-mine", "x");
  Job mine = Enqueue("k", "y");
  HandlerRegistry h;
  h.Register("k", [](const Job&, std::stop_token) -> Result<boost::json::value> { return nullptr; });
  WorkerPool pool(*store_, clock_, std::move(h), Options());
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return StateOf(mine.id) == JobState::kSucceeded; }));
  std::this_thread::sleep_for(20ms);
  pool.Stop();
  EXPECT_EQ(StateOf(other.id), JobState::kQueued);
  EXPECT_EQ(store_->GetJob(other.id)->attempts, 0);
}

TEST_F(WorkerTest, OversizedResultFailsTheRunInsteadOfBloatingTheStore) {
  Job job = Enqueue("k", "big", 0, 1);
  HandlerRegistry h;
  h.Register("k", [](const Job&, std::stop_token) -> Result<boost::json::value> {
    return boost::json::object{{"blob", std::string(2 << 20, 'x')}};
  });
  WorkerPool pool(*store_, clock_, std::move(h), Options());
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return StateOf(job.id) == JobState::kDead; }));
  pool.Stop();
  EXPECT_THAT(store_->GetJob(job.id)->last_error, HasSubstr("1 MiB"));
  EXPECT_TRUE(store_->GetJob(job.id)->result.empty());
}

TEST_F(WorkerTest, LongJobKeepsItsLeaseByRenewing) {
  Job job = Enqueue("k", "long");
  std::atomic<bool> started{false}, finish{false};
  HandlerRegistry h;
  h.Register("k", [&](const Job&, std::stop_token) -> Result<boost::json::value> {
    started = true;
    while (!finish) std::this_thread::sleep_for(1ms);
    return boost::json::object{{"done", true}};
  });
  WorkerOptions o = Options();
  o.lease_ms = 1000;
  WorkerPool pool(*store_, clock_, std::move(h), o);
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return started.load(); }));
  // Ten lease lengths pass on the job's clock; the keeper renews each time.
  for (int i = 0; i < 10; ++i) {
    clock_.Advance(500);
    int64_t want = clock_.NowMillis();
    ASSERT_TRUE(WaitFor([&] { return store_->GetJob(job.id)->lease_until > want; }));
  }
  auto intruder = store_->ClaimJob({"intruder", {"k"}, clock_.NowMillis(), 1000});
  ASSERT_TRUE(intruder);
  EXPECT_FALSE(*intruder) << "a renewed job was taken by another worker";
  finish = true;
  ASSERT_TRUE(WaitFor([&] { return StateOf(job.id) == JobState::kSucceeded; }));
  pool.Stop();
  EXPECT_EQ(store_->ListJobRuns(job.id)->size(), 1u);
}

TEST_F(WorkerTest, WorkerThatLostItsLeaseIsToldToStopAndCannotOverwrite) {
  Job job = Enqueue("k", "contested");
  std::atomic<bool> started{false}, saw_stop{false};
  HandlerRegistry h;
  h.Register("k", [&](const Job&, std::stop_token stop) -> Result<boost::json::value> {
    started = true;
    while (!stop.stop_requested()) std::this_thread::sleep_for(1ms);
    saw_stop = true;
    return boost::json::object{{"by", "stale worker"}};
  });
  WorkerOptions o = Options();
  o.lease_ms = 1000;
  WorkerPool pool(*store_, clock_, std::move(h), o);
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return started.load(); }));
  // The worker looks hung to the rest of the world: its lease runs out and another
  // worker takes the job (retrying if the keeper renewed in between).
  std::optional<Job> taken;
  ASSERT_TRUE(WaitFor([&] {
    clock_.Advance(5000);
    auto c = store_->ClaimJob({"intruder", {"k"}, clock_.NowMillis(), 3'600'000});
    if (c && *c) taken = **c;
    return taken.has_value();
  }));
  ASSERT_TRUE(WaitFor([&] { return saw_stop.load() && pool.Stats().lost == 1; }));
  ASSERT_TRUE(store_->CompleteJob({job.id, "intruder", taken->attempts}, clock_.NowMillis(), R"({"by":"intruder"})"));
  pool.Stop();
  EXPECT_EQ(store_->GetJob(job.id)->result, R"({"by":"intruder"})");
  EXPECT_EQ(pool.Stats().succeeded, 0);
}

TEST_F(WorkerTest, ShutdownReleasesAJobWhoseHandlerStopsUnfinished) {
  Job job = Enqueue("k", "slow");
  std::atomic<bool> started{false};
  HandlerRegistry h;
  h.Register("k", [&](const Job&, std::stop_token stop) -> Result<boost::json::value> {
    started = true;
    while (!stop.stop_requested()) std::this_thread::sleep_for(1ms);
    return std::unexpected(Error::Internal("interrupted"));
  });
  WorkerPool pool(*store_, clock_, std::move(h), Options());
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return started.load(); }));
  pool.Stop();
  Job back = store_->GetJob(job.id).value();
  EXPECT_EQ(back.state, JobState::kQueued);
  EXPECT_EQ(back.attempts, 0);
  EXPECT_TRUE(back.lease_owner.empty());
  EXPECT_EQ(pool.Stats().released, 1);
  EXPECT_EQ(store_->ListJobRuns(job.id)->back().outcome, RunOutcome::kReleased);
}

TEST_F(WorkerTest, ShutdownLetsAJobThatFinishesAnywayComplete) {
  Job job = Enqueue("k", "nearly-done");
  std::atomic<bool> started{false};
  HandlerRegistry h;
  h.Register("k", [&](const Job&, std::stop_token stop) -> Result<boost::json::value> {
    started = true;
    while (!stop.stop_requested()) std::this_thread::sleep_for(1ms);
    return boost::json::object{{"finished", "during shutdown"}};
  });
  WorkerPool pool(*store_, clock_, std::move(h), Options());
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return started.load(); }));
  pool.Stop();
  EXPECT_EQ(StateOf(job.id), JobState::kSucceeded);
  // Stopping again, or destroying a stopped pool, is harmless.
  pool.Stop();
}

TEST_F(WorkerTest, AThousandJobsThroughTwoWorkersRunExactlyOnceEach) {
  constexpr int kJobs = 1000;
  std::vector<JobRequest> requests;
  for (int i = 0; i < kJobs; ++i) {
    JobRequest r;
    r.kind = "k";
    r.subject = "s" + std::to_string(i);
    r.priority = i % 3;
    requests.push_back(r);
  }
  ASSERT_TRUE(JobQueue(*store_, clock_).EnqueueAll(requests));
  std::mutex mu;
  std::map<int64_t, int> runs_per_job;
  std::map<std::string, int> jobs_per_worker;
  HandlerRegistry h;
  h.Register("k", [&](const Job& j, std::stop_token) -> Result<boost::json::value> {
    std::lock_guard lock(mu);
    runs_per_job[j.id]++;
    jobs_per_worker[j.lease_owner]++;
    return boost::json::object{{"id", j.id}};
  });
  WorkerPool pool(*store_, clock_, std::move(h), Options(2));
  pool.Start();
  ASSERT_TRUE(WaitFor([&] { return pool.Stats().succeeded == kJobs; }, 120s)) << pool.Stats().succeeded;
  pool.Stop();
  EXPECT_EQ(runs_per_job.size(), static_cast<size_t>(kJobs));
  for (const auto& [id, n] : runs_per_job) ASSERT_EQ(n, 1) << "job " << id;
  EXPECT_EQ(jobs_per_worker.size(), 2u) << "both workers should have taken jobs";
  JobQuery done;
  done.state = JobState::kSucceeded;
  EXPECT_EQ(store_->CountJobs(done).value(), kJobs);
  EXPECT_EQ(pool.Stats().claimed, kJobs);
}

}  // namespace
}  // namespace pintu::jobs
