// Listing dataset activities across datasets (feeds) and dataset stamps (sitemaps):
// filters by organisation, privacy and state, newest first, with paging.
#include "store/store_test_support.h"

namespace pintu {
namespace {

using testing_support::MakeDataset;
using testing_support::MakeOrganization;

class DatasetActivityStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    MustWrite([](WriteTxn& t) -> Result<void> {
      if (auto r = t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); !r) return r;
      if (auto r = t.PutOrganization(MakeOrganization("org-2", "taipei", "臺北市")); !r) return r;
      Dataset pub = MakeDataset("d-pub", "b-public", "公開");
      pub.metadata_modified = "2024-03-05T10:00:00.000000Z";
      Dataset priv = MakeDataset("d-priv", "c-private", "私有");
      priv.is_private = true;
      Dataset draft = MakeDataset("d-draft", "d-draft", "草稿");
      draft.state = State::kDraft;
      Dataset gone = MakeDataset("d-gone", "e-gone", "已刪除");
      gone.state = State::kDeleted;
      Dataset other = MakeDataset("d-other", "a-other-org", "別的機關", "org-2");
      for (const Dataset* d : {&pub, &priv, &draft, &gone, &other})
        if (auto r = t.PutDataset(*d); !r) return r;
      // One activity per dataset in this order, then a second one on d-pub and an
      // organisation activity that is not about a dataset.
      int n = 0;
      for (const char* id : {"d-pub", "d-priv", "d-draft", "d-gone", "d-other", "d-pub", "org-1"}) {
        Activity a;
        a.id = "act-" + std::to_string(n++);
        a.timestamp = "2024-01-0" + std::to_string(n) + "T00:00:00Z";
        a.actor = "alice";
        a.object_type = std::string_view(id).starts_with("org") ? "organization" : "dataset";
        a.object_id = id;
        a.activity_type = "changed package";
        if (auto seq = t.AddActivity(a); !seq) return std::unexpected(seq.error());
      }
      return Ok();
    });
  }

  std::vector<std::string> Ids(const DatasetActivityQuery& q) {
    auto r = store_->ListDatasetActivities(q);
    EXPECT_TRUE(r) << r.error().message;
    std::vector<std::string> out;
    if (r)
      for (const auto& a : *r) out.push_back(a.id);
    return out;
  }
};

TEST_F(DatasetActivityStoreTest, PublicActiveDatasetsByDefaultNewestFirst) {
  DatasetActivityQuery q;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"act-5", "act-4", "act-0"}));
}

TEST_F(DatasetActivityStoreTest, FiltersWidenTheSet) {
  DatasetActivityQuery q;
  q.include_private = true;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"act-5", "act-4", "act-1", "act-0"}));
  q.include_drafts = true;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"act-5", "act-4", "act-2", "act-1", "act-0"}));
  q.include_deleted = true;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"act-5", "act-4", "act-3", "act-2", "act-1", "act-0"}));
}

TEST_F(DatasetActivityStoreTest, OneOrganisationAndPaging) {
  DatasetActivityQuery q;
  q.organization_id = "org-1";
  q.include_deleted = true;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"act-5", "act-3", "act-0"}));
  q.offset = 1;
  q.limit = 1;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"act-3"}));
  q.organization_id = "org-2";
  q.offset = 0;
  q.limit = 10;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"act-4"}));
  q.organization_id = "no-such-org";
  EXPECT_TRUE(Ids(q).empty());
}

TEST_F(DatasetActivityStoreTest, StampsOfActiveDatasetsBySlug) {
  auto pub = store_->ListDatasetStamps(false, 0, 10);
  ASSERT_TRUE(pub);
  ASSERT_EQ(pub->size(), 2u);
  EXPECT_EQ((*pub)[0].slug, "a-other-org");
  EXPECT_EQ((*pub)[1].slug, "b-public");
  EXPECT_EQ((*pub)[1].metadata_modified, "2024-03-05T10:00:00.000000Z");
  auto all = store_->ListDatasetStamps(true, 1, 10);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].slug, "b-public");
  EXPECT_EQ((*all)[1].slug, "c-private");
}

}  // namespace
}  // namespace pintu
