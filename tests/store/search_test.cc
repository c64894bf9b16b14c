// The store's simple search: terms, filters, visibility, sorting, paging, facets.
#include <algorithm>

#include "store/store_test_support.h"

namespace pintu {
namespace {

using testing_support::MakeDataset;
using testing_support::MakeOrganization;
using testing_support::MakeResource;

class SearchTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Organization taipei = MakeOrganization("org-2", "taipei", "臺北市政府", OrgLevel::kLocal);
    taipei.title.Set("en", "Taipei City Government");

    Dataset ltc = MakeDataset("d-ltc", "ltc-points", "長照2.0服務據點", "org-1");
    ltc.title.Set("en", "Long-term Care Points");
    ltc.keywords = {"長照", "elderly"};
    ltc.themes = {"elderly-care"};
    ltc.topics = {"long-term-care"};
    ltc.metadata_modified = "2021-03-01T00:00:00.000000Z";
    ltc.resources = {MakeResource("r-1", "d-ltc", "CSV"), MakeResource("r-2", "d-ltc", "JSON")};
    ltc.views = 5;
    ltc.downloads = 9;

    Dataset air = MakeDataset("d-air", "air-quality", "空氣品質監測", "org-2");
    air.title.Set("en", "Air Quality");
    air.description = LocalizedText::Both("每小時", "PM2.5 hourly, 100% coverage");
    air.keywords = {"air"};
    air.themes = {"health"};
    air.type = DatasetType::kRealTime;
    air.metadata_modified = "2022-01-01T00:00:00.000000Z";
    air.resources = {MakeResource("r-3", "d-air", "csv")};
    air.views = 50;
    air.downloads = 2;

    Dataset bus = MakeDataset("d-bus", "bus-routes", "公車路線", "org-2");
    bus.description = LocalizedText::Zh("含長照交通接送路線");
    bus.keywords = {"transport", "長照"};
    bus.themes = {"transport"};
    bus.license_id = "CC-BY-4.0";
    bus.type = DatasetType::kStatistical;
    bus.metadata_modified = "2023-01-01T00:00:00.000000Z";
    bus.resources = {MakeResource("r-4", "d-bus", "XML")};
    bus.views = 1;
    bus.downloads = 3;

    Dataset sql = MakeDataset("d-sql", "little-bobby", "Robert'); DROP TABLE datasets;--", "org-1");
    sql.description = LocalizedText::Both("", "under_score 50%_off");
    sql.metadata_modified = "2020-01-01T00:00:00.000000Z";

    Dataset private1 = MakeDataset("d-p1", "private-moi", "長照私密資料", "org-1");
    private1.is_private = true;
    Dataset private2 = MakeDataset("d-p2", "private-taipei", "長照臺北私密", "org-2");
    private2.is_private = true;
    Dataset draft = MakeDataset("d-draft", "draft-one", "長照草稿", "org-1");
    draft.state = State::kDraft;
    Dataset deleted = MakeDataset("d-del", "deleted-one", "長照刪除", "org-1");
    deleted.state = State::kDeleted;
    deleted.is_private = true;

    MustWrite([&](WriteTxn& t) -> Result<void> {
      if (auto r = t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); !r) return r;
      if (auto r = t.PutOrganization(taipei); !r) return r;
      for (const Dataset* d : {&ltc, &air, &bus, &sql, &private1, &private2, &draft, &deleted})
        if (auto r = t.PutDataset(*d); !r) return r;
      return Ok();
    });
  }

  // Slugs of all matches in result order (limit lifted).
  std::vector<std::string> Slugs(DatasetQuery q) {
    q.limit = 100;
    auto page = store_->SearchDatasets(q);
    EXPECT_TRUE(page.has_value()) << (page ? "" : page.error().message);
    std::vector<std::string> out;
    if (!page) return out;
    for (const auto& d : page->results) out.push_back(d.slug);
    EXPECT_EQ(page->total, static_cast<int64_t>(out.size()));
    return out;
  }
  // Slugs of all matches, sorted (when the order does not matter).
  std::vector<std::string> SortedSlugs(DatasetQuery q) {
    auto out = Slugs(std::move(q));
    std::sort(out.begin(), out.end());
    return out;
  }
  using V = std::vector<std::string>;
};

TEST_F(SearchTest, EmptyQueryReturnsPublicActiveDatasetsOnly) {
  EXPECT_EQ(SortedSlugs({}), (V{"air-quality", "bus-routes", "little-bobby", "ltc-points"}));
}

TEST_F(SearchTest, ChineseSubstringsMatch) {
  EXPECT_EQ(SortedSlugs({.terms = {"長照"}}), (V{"bus-routes", "ltc-points"}));
  EXPECT_EQ(Slugs({.terms = {"2.0服務"}}), (V{"ltc-points"}));
  EXPECT_EQ(Slugs({.terms = {"品質"}}), (V{"air-quality"}));
  EXPECT_TRUE(Slugs({.terms = {"長照", "空氣"}}).empty());  // every term must occur
}

TEST_F(SearchTest, AsciiTermsIgnoreCaseAndMatchSlugsTagsAndDescriptions) {
  EXPECT_EQ(Slugs({.terms = {"AIR", "Quality"}}), (V{"air-quality"}));
  EXPECT_EQ(Slugs({.terms = {"long-TERM care"}}), (V{"ltc-points"}));
  EXPECT_EQ(Slugs({.terms = {"bus-rout"}}), (V{"bus-routes"}));    // slug
  EXPECT_EQ(Slugs({.terms = {"ELDERLY"}}), (V{"ltc-points"}));     // tag
  EXPECT_EQ(Slugs({.terms = {"pm2.5 hourly"}}), (V{"air-quality"}));  // English description
}

TEST_F(SearchTest, OrganizationTitlesAreSearched) {
  EXPECT_EQ(SortedSlugs({.terms = {"臺北市政府"}}), (V{"air-quality", "bus-routes"}));
  EXPECT_EQ(SortedSlugs({.terms = {"taipei city"}}), (V{"air-quality", "bus-routes"}));
}

TEST_F(SearchTest, ExcludedTermsRemoveMatches) {
  EXPECT_EQ(Slugs({.terms = {"長照"}, .excluded_terms = {"公車"}}), (V{"ltc-points"}));
  EXPECT_EQ(SortedSlugs({.excluded_terms = {"長照", "臺北"}}), (V{"little-bobby"}));
}

TEST_F(SearchTest, SqlLookingTermsAreJustText) {
  EXPECT_EQ(Slugs({.terms = {"'); DROP TABLE datasets;--"}}), (V{"little-bobby"}));
  EXPECT_TRUE(Slugs({.terms = {"' OR 1=1 --"}}).empty());
  EXPECT_TRUE(Slugs({.terms = {"\" OR \"\"=\""}}).empty());
  EXPECT_EQ(store_->Stats()->datasets, 6);  // nothing was dropped
}

TEST_F(SearchTest, LikeWildcardsMatchLiterally) {
  EXPECT_EQ(SortedSlugs({.terms = {"%"}}), (V{"air-quality", "little-bobby"}));
  EXPECT_EQ(Slugs({.terms = {"_"}}), (V{"little-bobby"}));
  EXPECT_EQ(Slugs({.terms = {"%_"}}), (V{"little-bobby"}));
  EXPECT_EQ(SortedSlugs({.terms = {"0%"}}), (V{"air-quality", "little-bobby"}));
  EXPECT_TRUE(Slugs({.terms = {"a%y"}}).empty());
  EXPECT_TRUE(Slugs({.terms = {"air_quality"}}).empty());  // "_" is not "any character"
  EXPECT_TRUE(Slugs({.terms = {"\\"}}).empty());
}

TEST_F(SearchTest, EachFilterNarrowsResults) {
  EXPECT_EQ(SortedSlugs({.organization_slugs = {"taipei"}}), (V{"air-quality", "bus-routes"}));
  EXPECT_EQ(SortedSlugs({.organization_slugs = {"taipei", "moi"}}).size(), 4u);  // any of
  EXPECT_EQ(Slugs({.tags = {"長照", "elderly"}}), (V{"ltc-points"}));             // every tag
  EXPECT_TRUE(Slugs({.tags = {"長照", "air"}}).empty());
  EXPECT_TRUE(Slugs({.tags = {"長"}}).empty());  // whole tags only
  EXPECT_EQ(SortedSlugs({.formats = {"csv"}}), (V{"air-quality", "ltc-points"}));  // case-insensitive
  EXPECT_EQ(Slugs({.formats = {"CSV", "Json"}}), (V{"ltc-points"}));
  EXPECT_EQ(Slugs({.topics = {"long-term-care"}}), (V{"ltc-points"}));
  EXPECT_EQ(Slugs({.licenses = {"CC-BY-4.0"}}), (V{"bus-routes"}));
  EXPECT_EQ(SortedSlugs({.dataset_types = {"real-time", "statistical"}}), (V{"air-quality", "bus-routes"}));
  EXPECT_EQ(Slugs({.themes = {"health"}}), (V{"air-quality"}));
  EXPECT_EQ(SortedSlugs({.org_levels = {"local"}}), (V{"air-quality", "bus-routes"}));
  EXPECT_EQ(SortedSlugs({.terms = {"長照"}, .organization_slugs = {"taipei"}}), (V{"bus-routes"}));
}

TEST_F(SearchTest, EachNegatedFilterExcludes) {
  auto without = [&](std::string key, std::string value) {
    return SortedSlugs({.excluded = {{std::move(key), std::move(value)}}});
  };
  EXPECT_EQ(without("organization", "taipei"), (V{"little-bobby", "ltc-points"}));
  EXPECT_EQ(without("tags", "長照"), (V{"air-quality", "little-bobby"}));
  EXPECT_EQ(without("res_format", "csv"), (V{"bus-routes", "little-bobby"}));
  EXPECT_EQ(without("groups", "long-term-care"), (V{"air-quality", "bus-routes", "little-bobby"}));
  EXPECT_EQ(without("license_id", "OGDL-Taiwan-1.0"), (V{"bus-routes"}));
  EXPECT_EQ(without("dataset_type", "raw"), (V{"air-quality", "bus-routes"}));
  EXPECT_EQ(without("themes", "health"), (V{"bus-routes", "little-bobby", "ltc-points"}));
  EXPECT_EQ(without("organization_level", "central"), (V{"air-quality", "bus-routes"}));
  auto bad = store_->SearchDatasets({.excluded = {{"no_such_field", "x"}}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
}

TEST_F(SearchTest, PrivateDatasetsOnlyForTheirOrganizationsOrSysadmins) {
  EXPECT_EQ(SortedSlugs({.terms = {"私密"}}), V{});
  EXPECT_EQ(SortedSlugs({.terms = {"私密"}, .include_private = true}), V{});  // no orgs given
  EXPECT_EQ(SortedSlugs({.terms = {"私密"}, .private_org_ids = {"org-1"}}), V{});  // not asked
  EXPECT_EQ(SortedSlugs({.terms = {"私密"}, .include_private = true, .private_org_ids = {"org-1"}}),
            (V{"private-moi"}));
  EXPECT_EQ(SortedSlugs({.terms = {"私密"}, .all_private = true}), (V{"private-moi", "private-taipei"}));
}

TEST_F(SearchTest, DraftsAndDeletedAreNeverReturned) {
  DatasetQuery q{.terms = {"長照"}, .include_private = true, .all_private = true,
                 .private_org_ids = {"org-1", "org-2"}};
  EXPECT_EQ(SortedSlugs(q), (V{"bus-routes", "ltc-points", "private-moi", "private-taipei"}));
  EXPECT_TRUE(Slugs({.terms = {"草稿"}, .all_private = true}).empty());
  EXPECT_TRUE(Slugs({.terms = {"刪除"}, .all_private = true}).empty());
}

TEST_F(SearchTest, ScoreSortPutsTitleMatchesFirstThenNewest) {
  // bus-routes is newer but mentions 長照 only in its description and tags.
  EXPECT_EQ(Slugs({.terms = {"長照"}}), (V{"ltc-points", "bus-routes"}));
  // Without terms, score is newest first.
  EXPECT_EQ(Slugs({}), (V{"bus-routes", "air-quality", "ltc-points", "little-bobby"}));
}

TEST_F(SearchTest, SortsByEveryField) {
  auto sorted = [&](std::string field, bool desc) {
    return Slugs({.sort_field = std::move(field), .sort_desc = desc});
  };
  EXPECT_EQ(sorted("metadata_modified", true), (V{"bus-routes", "air-quality", "ltc-points", "little-bobby"}));
  EXPECT_EQ(sorted("metadata_modified", false), (V{"little-bobby", "ltc-points", "air-quality", "bus-routes"}));
  EXPECT_EQ(sorted("name", false), (V{"air-quality", "bus-routes", "little-bobby", "ltc-points"}));
  EXPECT_EQ(sorted("name", true), (V{"ltc-points", "little-bobby", "bus-routes", "air-quality"}));
  // Latin before CJK; CJK by code point: 公 < 空 < 長.
  EXPECT_EQ(sorted("title", false), (V{"little-bobby", "bus-routes", "air-quality", "ltc-points"}));
  EXPECT_EQ(sorted("views", true), (V{"air-quality", "ltc-points", "bus-routes", "little-bobby"}));
  EXPECT_EQ(sorted("downloads", true), (V{"ltc-points", "bus-routes", "air-quality", "little-bobby"}));
  EXPECT_EQ(sorted("downloads", false), (V{"little-bobby", "air-quality", "bus-routes", "ltc-points"}));
  auto bad = store_->SearchDatasets({.sort_field = "relevance; DROP TABLE x"});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
}

TEST_F(SearchTest, PagesThroughResultsWithStableTotal) {
  DatasetQuery q{.sort_field = "name", .sort_desc = false, .offset = 0, .limit = 3};
  auto first = store_->SearchDatasets(q);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->total, 4);
  ASSERT_EQ(first->results.size(), 3u);
  EXPECT_EQ(first->results[0].slug, "air-quality");
  q.offset = 3;
  auto second = store_->SearchDatasets(q);
  EXPECT_EQ(second->total, 4);
  ASSERT_EQ(second->results.size(), 1u);
  EXPECT_EQ(second->results[0].slug, "ltc-points");
  // Results carry their active resources and popularity.
  EXPECT_EQ(second->results[0].resources.size(), 2u);
  EXPECT_EQ(second->results[0].views, 5);
  q.offset = 10;
  auto beyond = store_->SearchDatasets(q);
  EXPECT_EQ(beyond->total, 4);
  EXPECT_TRUE(beyond->results.empty());
  q.offset = 0;
  q.limit = 0;
  EXPECT_TRUE(store_->SearchDatasets(q)->results.empty());
}

TEST_F(SearchTest, FacetsCountAllMatchesNotJustThePage) {
  DatasetQuery q{.limit = 1,
                 .facet_fields = {"organization", "res_format", "tags", "groups", "license_id",
                                  "dataset_type", "themes", "organization_level"}};
  auto page = store_->SearchDatasets(q);
  ASSERT_TRUE(page.has_value()) << page.error().message;
  EXPECT_EQ(page->results.size(), 1u);
  ASSERT_EQ(page->facets.size(), 8u);
  auto facet = [&](size_t i) {
    std::vector<std::pair<std::string, int64_t>> out;
    for (const auto& f : page->facets[i].second) out.emplace_back(f.value, f.count);
    return out;
  };
  using F = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(page->facets[0].first, "organization");
  EXPECT_EQ(facet(0), (F{{"moi", 2}, {"taipei", 2}}));
  EXPECT_EQ(facet(1), (F{{"CSV", 2}, {"JSON", 1}, {"XML", 1}}));
  EXPECT_EQ(facet(2), (F{{"長照", 2}, {"air", 1}, {"elderly", 1}, {"transport", 1}}));
  EXPECT_EQ(facet(3), (F{{"long-term-care", 1}}));
  EXPECT_EQ(facet(4), (F{{"OGDL-Taiwan-1.0", 3}, {"CC-BY-4.0", 1}}));
  EXPECT_EQ(facet(5), (F{{"raw", 2}, {"real-time", 1}, {"statistical", 1}}));
  EXPECT_EQ(facet(6), (F{{"elderly-care", 1}, {"health", 1}, {"transport", 1}}));
  EXPECT_EQ(facet(7), (F{{"central", 2}, {"local", 2}}));

  auto limited = store_->SearchDatasets({.terms = {"長照"}, .facet_fields = {"tags"}, .facet_limit = 2});
  ASSERT_TRUE(limited.has_value());
  EXPECT_EQ(limited->facets[0].second.size(), 2u);
  EXPECT_EQ(limited->facets[0].second[0].value, "長照");
  EXPECT_EQ(limited->facets[0].second[0].count, 2);
  EXPECT_EQ(limited->facets[0].second[1].value, "elderly");
}

}  // namespace
}  // namespace pintu

namespace pintu {
namespace {

TEST_F(SearchTest, TopicTitlesAreSearched) {
  // "air-quality" is filed under a topic titled 長期照顧 / Long-term care services; the
  // words occur nowhere else in that dataset.
  MustWrite([&](WriteTxn& t) -> Result<void> {
    Topic topic;
    topic.id = "t-1";
    topic.slug = "ltc-topic";
    topic.title = LocalizedText::Both("長期照顧主題", "Caregiving Topic");
    if (auto r = t.PutTopic(topic); !r) return r;
    auto air = t.GetDataset("air-quality");
    if (!air) return std::unexpected(air.error());
    air->topics = {"ltc-topic"};
    return t.PutDataset(*air);
  });
  EXPECT_EQ(Slugs({.terms = {"長期照顧主題"}}), (V{"air-quality"}));
  EXPECT_EQ(Slugs({.terms = {"caregiving"}}), (V{"air-quality"}));
  EXPECT_TRUE(Slugs({.terms = {"zh-tw"}}).empty());  // language keys are not text
  EXPECT_EQ(SortedSlugs({.excluded_terms = {"caregiving"}}), (V{"bus-routes", "little-bobby", "ltc-points"}));
}

}  // namespace
}  // namespace pintu
