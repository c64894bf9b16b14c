// ListDatasetChanges (feeds of recent changes) applies the read rules: private data only
// for its organisation's members, drafts hidden, a public dataset's deletion announced
// without its earlier history; ListPublicDatasetStamps lists public active datasets only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "actions/authz.h"
#include "actions/catalog_changes.h"
#include "catalog_fixture.h"

namespace pintu::test {
namespace {

using ::testing::ElementsAre;

class CatalogChangesTest : public CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    auto sys = System();
    Must(actions::CreateDataset(sys, MakeDataset("mohw-public", "mohw")));
    Dataset secret = MakeDataset("mohw-private", "mohw");
    secret.is_private = true;
    Must(actions::CreateDataset(sys, secret));
    Dataset draft = MakeDataset("mohw-draft", "mohw");
    draft.state = State::kDraft;
    Must(actions::CreateDataset(sys, draft));
    Must(actions::CreateDataset(sys, MakeDataset("taipei-public", "taipei-health")));
    Dataset tp_secret = MakeDataset("taipei-private", "taipei-health");
    tp_secret.is_private = true;
    Must(actions::CreateDataset(sys, tp_secret));
  }

  // "<slug>:<kind>" of each change, newest first.
  std::vector<std::string> Changes(actions::Context ctx, std::string_view org = "", size_t limit = 50) {
    auto r = actions::ListDatasetChanges(ctx, org, limit);
    EXPECT_TRUE(r) << r.error().message;
    std::vector<std::string> out;
    if (r)
      for (const auto& c : *r) out.push_back(c.dataset.slug + ":" + c.activity.activity_type);
    return out;
  }
};

TEST_F(CatalogChangesTest, AnonymousSeesPublicDatasetsOnly) {
  EXPECT_THAT(Changes(Anonymous()), ElementsAre("taipei-public:new package", "mohw-public:new package"));
  EXPECT_THAT(Changes(Anonymous(), "mohw"), ElementsAre("mohw-public:new package"));
  EXPECT_THAT(Changes(Anonymous(), "taipei-health"), ElementsAre("taipei-public:new package"));
}

TEST_F(CatalogChangesTest, MembersSeeTheirOrganisationsPrivateAndDraftDatasets) {
  EXPECT_THAT(Changes(As("carol")),
              ElementsAre("taipei-public:new package", "mohw-draft:new package", "mohw-private:new package",
                          "mohw-public:new package"));
  EXPECT_THAT(Changes(As("bob"), "mohw"), ElementsAre("mohw-public:new package"));
  EXPECT_EQ(Changes(System()).size(), 5u);
}

TEST_F(CatalogChangesTest, DeletionOfAPublicDatasetIsAnnouncedWithoutItsHistory) {
  auto sys = System();
  Must(actions::PatchDataset(sys, "mohw-public", boost::json::object{{"notes", "更新說明"}}));
  Must(actions::DeleteDataset(sys, "mohw-public"));
  // Deleting drafts and private datasets announces nothing.
  Must(actions::DeleteDataset(sys, "mohw-draft"));
  Must(actions::DeleteDataset(sys, "mohw-private"));
  EXPECT_THAT(Changes(Anonymous(), "mohw"), ElementsAre("mohw-public:deleted package"));
  EXPECT_THAT(Changes(As("carol"), "mohw"), ElementsAre("mohw-public:deleted package"));
  EXPECT_EQ(Changes(System(), "mohw").size(), 7u);  // sysadmins see everything
}

TEST_F(CatalogChangesTest, DeletionAfterMakingPrivateIsNotAnnounced) {
  auto sys = System();
  // Made private and deleted in one update: the dataset was not public just before.
  auto d = Must(actions::ShowDataset(sys, "taipei-public"));
  d.is_private = true;
  d.state = State::kDeleted;
  Must(actions::UpdateDataset(sys, d));
  EXPECT_TRUE(Changes(Anonymous(), "taipei-health").empty());
}

TEST_F(CatalogChangesTest, LimitAndUnknownOrganisation) {
  auto sys = System();
  for (int i = 0; i < 5; ++i)
    Must(actions::PatchDataset(sys, "taipei-public", boost::json::object{{"notes", "版本 " + std::to_string(i)}}));
  EXPECT_EQ(Changes(Anonymous(), "", 3).size(), 3u);
  EXPECT_EQ(Changes(Anonymous(), "", 0).size(), 0u);
  EXPECT_EQ(Changes(Anonymous(), "").size(), 7u);
  auto anon = Anonymous();
  auto missing = actions::ListDatasetChanges(anon, "no-such-org", 10);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(CatalogChangesTest, ManyHiddenActivitiesDoNotStarveTheFeed) {
  auto sys = System();
  Must(actions::PatchDataset(sys, "mohw-public", boost::json::object{{"notes", "公開的更新"}}));
  // A public dataset with a long history, then deleted: the store returns its history (the
  // dataset is public), the read rule hides all of it but the deletion.
  Must(actions::CreateDataset(sys, MakeDataset("churn", "mohw")));
  for (int i = 0; i < 70; ++i)
    Must(actions::PatchDataset(sys, "churn", boost::json::object{{"notes", "版本 " + std::to_string(i)}}));
  Must(actions::DeleteDataset(sys, "churn"));
  EXPECT_THAT(Changes(Anonymous(), "mohw", 2), ElementsAre("churn:deleted package", "mohw-public:changed package"));
  EXPECT_THAT(Changes(Anonymous(), "mohw", 3),
              ElementsAre("churn:deleted package", "mohw-public:changed package", "mohw-public:new package"));
}

TEST_F(CatalogChangesTest, ActivityRuleNeedsTheMatchingDataset) {
  auto sys = System();
  auto d = Must(actions::ShowDataset(sys, "mohw-public"));
  Activity a;
  a.object_id = d.id;
  a.activity_type = "changed package";
  EXPECT_TRUE(actions::CanReadDatasetActivity(Identity::Anonymous(), d, a));
  a.object_id = "another";
  EXPECT_FALSE(actions::CanReadDatasetActivity(Identity::Anonymous(), d, a));
  // A forged deletion notice with a broken diff is not shown.
  d.state = State::kDeleted;
  a.object_id = d.id;
  a.activity_type = "deleted package";
  a.diff_json = "not json";
  EXPECT_FALSE(actions::CanReadDatasetActivity(Identity::Anonymous(), d, a));
  a.diff_json = R"({"state":{"old":"active","new":"deleted"}})";
  EXPECT_TRUE(actions::CanReadDatasetActivity(Identity::Anonymous(), d, a));
  a.diff_json = R"({"state":{"old":"active","new":"deleted"},"private":{"old":true,"new":false}})";
  EXPECT_FALSE(actions::CanReadDatasetActivity(Identity::Anonymous(), d, a));
}

TEST_F(CatalogChangesTest, StampsArePublicActiveDatasetsForEveryCaller) {
  for (auto ctx : {Anonymous(), System()}) {
    auto s = actions::ListPublicDatasetStamps(ctx, 0, 100);
    ASSERT_TRUE(s);
    std::vector<std::string> slugs;
    for (const auto& x : *s) slugs.push_back(x.slug);
    EXPECT_THAT(slugs, ElementsAre("mohw-public", "taipei-public"));
  }
}

}  // namespace
}  // namespace pintu::test
