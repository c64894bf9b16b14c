// Checks are enqueued when a resource appears or its URL or file changes — in the
// same transaction as the change — and not for edits that leave the file alone.
#include "actions/catalog_fixture.h"
#include "actions/catalog_import.h"
#include "actions/resource_checks.h"
#include "actions/resources.h"
#include "core/clock.h"
#include "jobs/kinds.h"

namespace pintu::test {
namespace {

class ResourceCheckActionsTest : public CatalogTest {
 protected:
  int64_t JobsFor(const std::string& resource_id, std::optional<JobState> state = std::nullopt) {
    JobQuery q;
    q.subject = resource_id;
    q.state = state;
    return store_->CountJobs(q).value();
  }
  // Runs (claims and completes) every queued check job, as a worker would.
  void RunAllChecks() {
    while (true) {
      auto c = store_->ClaimJob({"w",
                                 {std::string(jobs::kCheckResourceLinks), std::string(jobs::kCheckResourceContents)},
                                 SystemClock().NowMillis(), 60'000});
      ASSERT_TRUE(c);
      if (!*c) return;
      ASSERT_TRUE(store_->CompleteJob({(*c)->id, "w", (*c)->attempts}, SystemClock().NowMillis(), "{}"));
    }
  }
};

TEST_F(ResourceCheckActionsTest, NewDatasetEnqueuesBothChecksOfEachResource) {
  auto sys = System();
  Dataset d = MakeDataset("two-files", "mohw");
  Resource second = d.resources[0];
  second.url = "https://example.gov.tw/b.json";
  d.resources.push_back(second);
  Dataset created = Must(actions::CreateDataset(sys, d));
  for (const auto& r : created.resources) {
    auto links = store_->GetActiveJob(jobs::kCheckResourceLinks, r.id);
    ASSERT_TRUE(links) << r.id;
    EXPECT_EQ(links->priority, kPriorityOnChange);
    EXPECT_EQ(links->max_attempts, config_.jobs_max_attempts);
    EXPECT_TRUE(store_->GetActiveJob(jobs::kCheckResourceContents, r.id));
  }
}

TEST_F(ResourceCheckActionsTest, OnlyUrlOrFileChangesEnqueueNewChecks) {
  auto sys = System();
  Dataset created = Must(actions::CreateDataset(sys, MakeDataset("changing", "mohw")));
  std::string id = created.resources[0].id;
  RunAllChecks();
  ASSERT_EQ(JobsFor(id, JobState::kSucceeded), 2);

  auto alice = As("alice");
  boost::json::object rename{{"name", "新名稱"}, {"description", "只改說明"}};
  ASSERT_TRUE(actions::PatchResource(alice, id, rename));
  EXPECT_EQ(JobsFor(id), 2) << "a metadata edit must not re-check the file";

  ASSERT_TRUE(actions::PatchResource(alice, id, {{"url", "https://example.gov.tw/new.csv"}}));
  EXPECT_EQ(JobsFor(id, JobState::kQueued), 2);
  // A dataset update that lists the resource unchanged adds nothing more.
  Dataset again = Must(actions::ShowDataset(alice, "changing"));
  again.title = LocalizedText::Zh("新標題");
  ASSERT_TRUE(actions::UpdateDataset(alice, again));
  EXPECT_EQ(JobsFor(id), 4);
}

TEST_F(ResourceCheckActionsTest, RejectedWriteLeavesNoJobsBehind) {
  auto bob = As("bob");  // not an editor of mohw
  Dataset d = MakeDataset("not-allowed", "mohw");
  EXPECT_FALSE(actions::CreateDataset(bob, d));
  auto sys = System();
  Dataset invalid = MakeDataset("bad-url", "mohw");
  invalid.resources[0].url = "not a url";
  EXPECT_FALSE(actions::CreateDataset(sys, invalid));
  EXPECT_EQ(store_->CountJobs({}).value(), 0);
}

TEST_F(ResourceCheckActionsTest, ImportEnqueuesChecksForImportedResources) {
  auto sys = System();
  formats::ImportBatch batch;
  batch.format = "jsonl";
  for (int i = 0; i < 3; ++i) {
    Dataset d = MakeDataset("imported-" + std::to_string(i), "mohw");
    d.resources[0].url = "https://example.gov.tw/" + std::to_string(i) + ".csv";
    formats::ImportRecord record;
    record.doc = DatasetToJson(d);
    record.source = "test:" + std::to_string(i);
    batch.records.push_back(std::move(record));
  }
  auto report = actions::ApplyImport(sys, batch);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->datasets_created, 3u);
  JobQuery links;
  links.kind = std::string(jobs::kCheckResourceLinks);
  EXPECT_EQ(store_->CountJobs(links).value(), 3);
  // Re-importing the catalog's own records (same resource ids and URLs, as an export
  // round trip does) enqueues nothing.
  RunAllChecks();
  formats::ImportBatch again;
  again.format = "jsonl";
  for (int i = 0; i < 3; ++i) {
    formats::ImportRecord record;
    record.doc = DatasetToJson(Must(store_->GetDataset("imported-" + std::to_string(i))));
    record.source = "again:" + std::to_string(i);
    again.records.push_back(std::move(record));
  }
  auto second = actions::ApplyImport(sys, again);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->datasets_updated, 3u);
  for (auto kind : {jobs::kCheckResourceLinks, jobs::kCheckResourceContents}) {
    JobQuery queued;
    queued.state = JobState::kQueued;
    queued.kind = std::string(kind);
    EXPECT_EQ(store_->CountJobs(queued).value(), 0) << kind;
  }
  // Each dataset write asks for a rescore; the waiting score job of each dataset absorbs it.
  JobQuery scores;
  scores.state = JobState::kQueued;
  scores.kind = std::string(jobs::kScoreDataset);
  EXPECT_EQ(store_->CountJobs(scores).value(), 3);
}

TEST_F(ResourceCheckActionsTest, RecheckMovesWaitingChecksToTheFront) {
  auto sys = System();
  Dataset created = Must(actions::CreateDataset(sys, MakeDataset("urgent", "mohw")));
  std::string id = created.resources[0].id;
  auto alice = As("alice");
  auto jobs_out = actions::RecheckResource(alice, id);
  ASSERT_TRUE(jobs_out) << jobs_out.error().message;
  ASSERT_EQ(jobs_out->size(), 2u);
  EXPECT_EQ((*jobs_out)[0].kind, jobs::kCheckResourceLinks);
  EXPECT_EQ((*jobs_out)[0].priority, kPriorityUserAsked);
  EXPECT_EQ(JobsFor(id), 2);
  auto carol = As("carol");
  EXPECT_EQ(actions::RecheckResource(carol, id).error().code, ErrorCode::kAuthorization);
}

}  // namespace
}  // namespace pintu::test
