// Datasets and resources: what goes in comes back, by id and by slug, and
// removed resources are soft-deleted.
#include "store/store_test_support.h"

namespace pintu {
namespace {

using testing_support::MakeDataset;
using testing_support::MakeFullDataset;
using testing_support::MakeOrganization;
using testing_support::MakeResource;

class DatasetStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    MustWrite([](WriteTxn& t) { return t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); });
  }
};

TEST_F(DatasetStoreTest, EveryModelledFieldRoundTrips) {
  Dataset d = MakeFullDataset();
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });
  auto got = store_->GetDataset(d.id);
  ASSERT_TRUE(got.has_value()) << got.error().message;
  EXPECT_EQ(*got, d);
}

TEST_F(DatasetStoreTest, FindsBySlugAndById) {
  Dataset d = MakeFullDataset();
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });
  auto by_slug = store_->GetDataset("long-term-care-stations");
  ASSERT_TRUE(by_slug.has_value());
  EXPECT_EQ(by_slug->id, d.id);
  auto by_id = store_->GetDataset(d.id);
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->slug, d.slug);
}

TEST_F(DatasetStoreTest, MissingDatasetIsNotFound) {
  auto got = store_->GetDataset("no-such-dataset");
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetResource("no-such-resource").error().code, ErrorCode::kNotFound);
}

TEST_F(DatasetStoreTest, RemovedResourceIsSoftDeleted) {
  Dataset d = MakeFullDataset();
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });
  std::string removed_id = d.resources[0].id;
  d.resources.erase(d.resources.begin());
  d.metadata_modified = "2022-01-01T00:00:00.000000Z";
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });

  auto got = store_->GetDataset(d.id);
  ASSERT_TRUE(got.has_value());
  ASSERT_EQ(got->resources.size(), 1u);
  EXPECT_EQ(got->resources[0].id, d.resources[0].id);

  auto removed = store_->GetResource(removed_id);
  ASSERT_TRUE(removed.has_value()) << removed.error().message;
  EXPECT_EQ(removed->state, State::kDeleted);
  EXPECT_EQ(removed->dataset_id, d.id);
  EXPECT_EQ(removed->modified, "2022-01-01T00:00:00.000000Z");
}

TEST_F(DatasetStoreTest, ResourcesComeBackInListedOrder) {
  Dataset d = MakeDataset("d-1", "ordered", "排序");
  d.resources = {MakeResource("r-a", "d-1", "CSV"), MakeResource("r-b", "d-1", "JSON"),
                 MakeResource("r-c", "d-1", "XML")};
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });
  std::swap(d.resources[0], d.resources[2]);
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });
  auto got = store_->GetDataset("ordered");
  ASSERT_TRUE(got.has_value());
  ASSERT_EQ(got->resources.size(), 3u);
  EXPECT_EQ(got->resources[0].id, "r-c");
  EXPECT_EQ(got->resources[1].id, "r-b");
  EXPECT_EQ(got->resources[2].id, "r-a");
}

TEST_F(DatasetStoreTest, DeletedResourceIsNotListedButDraftIs) {
  Dataset d = MakeDataset("d-1", "states", "狀態");
  d.resources = {MakeResource("r-a", "d-1", "CSV"), MakeResource("r-b", "d-1", "CSV")};
  d.resources[0].state = State::kDeleted;
  d.resources[1].state = State::kDraft;
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });
  auto got = store_->GetDataset("states");
  ASSERT_TRUE(got.has_value());
  ASSERT_EQ(got->resources.size(), 1u);
  EXPECT_EQ(got->resources[0].id, "r-b");
}

TEST_F(DatasetStoreTest, SlugTakenByAnotherDatasetIsConflict) {
  MustWrite([](WriteTxn& t) { return t.PutDataset(MakeDataset("d-1", "taken", "一")); });
  auto r = store_->Write([](WriteTxn& t) { return t.PutDataset(MakeDataset("d-2", "taken", "二")); });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "name");
  EXPECT_EQ(r.error().message, "That URL is already in use.");
  // The first dataset is untouched.
  EXPECT_EQ(store_->GetDataset("taken")->id, "d-1");
  EXPECT_EQ(store_->GetDataset("d-2").error().code, ErrorCode::kNotFound);
}

TEST_F(DatasetStoreTest, RenamingKeepsIdAndFreesOldSlug) {
  MustWrite([](WriteTxn& t) { return t.PutDataset(MakeDataset("d-1", "old-name", "一")); });
  MustWrite([](WriteTxn& t) { return t.PutDataset(MakeDataset("d-1", "new-name", "一")); });
  EXPECT_EQ(store_->GetDataset("new-name")->id, "d-1");
  EXPECT_EQ(store_->GetDataset("old-name").error().code, ErrorCode::kNotFound);
  MustWrite([](WriteTxn& t) { return t.PutDataset(MakeDataset("d-2", "old-name", "二")); });
}

TEST_F(DatasetStoreTest, ListsActiveDatasetsRespectingPrivacy) {
  MustWrite([](WriteTxn& t) -> Result<void> {
    Dataset a = MakeDataset("d-a", "a-public", "A");
    a.metadata_modified = "2021-01-01T00:00:00Z";
    Dataset b = MakeDataset("d-b", "b-private", "B");
    b.is_private = true;
    b.metadata_modified = "2023-01-01T00:00:00Z";
    Dataset c = MakeDataset("d-c", "c-deleted", "C");
    c.state = State::kDeleted;
    Dataset e = MakeDataset("d-e", "e-public", "E");
    e.metadata_modified = "2022-01-01T00:00:00Z";
    for (const Dataset* d : {&a, &b, &c, &e})
      if (auto r = t.PutDataset(*d); !r) return r;
    return Ok();
  });
  EXPECT_EQ(*store_->ListDatasetSlugs(false, 0, 10), (std::vector<std::string>{"a-public", "e-public"}));
  EXPECT_EQ(*store_->ListDatasetSlugs(true, 0, 10),
            (std::vector<std::string>{"a-public", "b-private", "e-public"}));
  EXPECT_EQ(*store_->ListDatasetSlugs(true, 1, 1), (std::vector<std::string>{"b-private"}));

  auto newest_first = store_->ListDatasets(true, 0, 10);
  ASSERT_TRUE(newest_first.has_value());
  ASSERT_EQ(newest_first->size(), 3u);
  EXPECT_EQ((*newest_first)[0].slug, "b-private");
  EXPECT_EQ((*newest_first)[1].slug, "e-public");
  EXPECT_EQ((*newest_first)[2].slug, "a-public");

  EXPECT_EQ(*store_->CountDatasetsOfOrganization("org-1", false), 2);
  EXPECT_EQ(*store_->CountDatasetsOfOrganization("org-1", true), 3);
  EXPECT_EQ(*store_->CountDatasetsOfOrganization("org-other", true), 0);
}

TEST_F(DatasetStoreTest, ListsTagsOfPublicActiveDatasets) {
  MustWrite([](WriteTxn& t) -> Result<void> {
    Dataset a = MakeDataset("d-a", "a", "A");
    a.keywords = {"Air Quality", "長照"};
    Dataset b = MakeDataset("d-b", "b", "B");
    b.keywords = {"secret-tag"};
    b.is_private = true;
    Dataset c = MakeDataset("d-c", "c", "C");
    c.keywords = {"air-traffic", "長照"};
    for (const Dataset* d : {&a, &b, &c})
      if (auto r = t.PutDataset(*d); !r) return r;
    return Ok();
  });
  EXPECT_EQ(*store_->ListTags("", 10), (std::vector<std::string>{"Air Quality", "air-traffic", "長照"}));
  EXPECT_EQ(*store_->ListTags("AIR", 10), (std::vector<std::string>{"Air Quality", "air-traffic"}));
  EXPECT_EQ(*store_->ListTags("", 1), (std::vector<std::string>{"Air Quality"}));
}

TEST_F(DatasetStoreTest, PopularityCountsAddUpAndSurviveUpdates) {
  Dataset d = MakeFullDataset();  // seeds views=12, downloads=3
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });
  MustWrite([&](WriteTxn& t) { return t.AddPopularity(d.id, 5, 1); });
  d.views = 0;  // a later edit does not reset the counters
  MustWrite([&](WriteTxn& t) { return t.PutDataset(d); });
  auto got = store_->GetDataset(d.id);
  EXPECT_EQ(got->views, 17);
  EXPECT_EQ(got->downloads, 4);

  auto missing = store_->Write([](WriteTxn& t) { return t.AddPopularity("nope", 1, 0); });
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(DatasetStoreTest, DatasetWithoutIdIsRejected) {
  auto r = store_->Write([](WriteTxn& t) { return t.PutDataset(MakeDataset("", "no-id", "無")); });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
}

}  // namespace
}  // namespace pintu
