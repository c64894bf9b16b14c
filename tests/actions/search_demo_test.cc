// Dataset search over the shipped demo catalog, as a person searching the portal meets
// it: Simplified Chinese, 台/臺, abbreviations, full-width letters, PDF radicals,
// English, every fq form, facets, "did you mean" and type-ahead (issue 3 acceptance).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "actions/catalog_fixture.h"
#include "actions/demo_catalog.h"
#include "actions/search.h"
#include "actions/search_sync.h"
#include "core/text.h"

namespace pintu::test {
namespace {

using ::testing::Contains;
using ::testing::IsSupersetOf;
using ::testing::Not;

// One demo catalog for the whole suite (loading it through the actions takes a moment).
class DemoSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    config_ = new Config();
    config_->data_dir = dir_->path();
    config_->site_url = "http://127.0.0.1:9";
    store_ = OpenStore("sqlite:" + dir_->File("pintu.db")).value().release();
    search_ = actions::SearchSync::Open(*store_, dir_->File("search"), CatalogTest::SharedNormalizer(),
                                        search::ParseSynonyms(search::BuiltinSynonymsTsv()).value())
                  .value()
                  .release();
    actions::Context sys{*store_, Identity::System(), *config_, search_};
    auto loaded = actions::LoadDemoCatalog(sys, std::string(PINTU_SOURCE_DIR) + "/demo");
    ASSERT_TRUE(loaded) << loaded.error().message;
  }
  static void TearDownTestSuite() {
    delete search_;
    delete store_;
    delete config_;
    delete dir_;
  }

  static actions::Context Anonymous() { return {*store_, Identity::Anonymous(), *config_, search_}; }

  static actions::SearchResult Search(actions::SearchRequest req) {
    auto ctx = Anonymous();
    auto r = actions::SearchDatasets(ctx, req);
    EXPECT_TRUE(r) << req.q << ": " << r.error().message;
    return r ? std::move(*r) : actions::SearchResult{};
  }
  // Slugs of every match (up to 1000), best first.
  static std::vector<std::string> Slugs(const std::string& q, std::vector<std::string> fq = {}) {
    actions::SearchRequest req;
    req.q = q;
    req.fq = std::move(fq);
    req.rows = 1000;
    auto r = Search(req);
    std::vector<std::string> out;
    for (const auto& d : r.results) out.push_back(d.slug);
    EXPECT_EQ(static_cast<int64_t>(out.size()), r.total) << q;
    return out;
  }
  static std::vector<std::string> Top(const std::string& q, size_t n) {
    auto all = Slugs(q);
    if (all.size() > n) all.resize(n);
    return all;
  }
  // Slugs of the public, active demo datasets for which `pred` holds.
  template <typename Pred>
  static std::set<std::string> Where(Pred pred) {
    std::set<std::string> out;
    auto all_ids = store_->ListAllDatasetIds().value();
    for (const auto& id : all_ids) {
      auto d = store_->GetDataset(id).value();
      if (d.state == State::kActive && !d.is_private && pred(d)) out.insert(d.slug);
    }
    return out;
  }
  static std::set<std::string> InTopic(const std::string& topic) {
    return Where([&](const Dataset& d) { return std::ranges::count(d.topics, topic) > 0; });
  }
  static std::set<std::string> AsSet(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }
  static int64_t FacetCount(const actions::SearchResult& r, const std::string& field, const std::string& value) {
    for (const auto& [f, counts] : r.facets)
      if (f == field)
        for (const auto& c : counts)
          if (c.value == value) return c.count;
    return -1;
  }

  static TempDir* dir_;
  static Config* config_;
  static Store* store_;
  static actions::SearchSync* search_;
};
TempDir* DemoSearchTest::dir_ = nullptr;
Config* DemoSearchTest::config_ = nullptr;
Store* DemoSearchTest::store_ = nullptr;
actions::SearchSync* DemoSearchTest::search_ = nullptr;

TEST_F(DemoSearchTest, LongTermCareInEverySpelling) {
  auto topic = InTopic("long-term-care");
  ASSERT_GE(topic.size(), 15u);
  // Traditional, Simplified (OpenCC), the full form (synonym), and ⻑ (U+2ED1) as PDFs spell it.
  for (const std::string q : {"長照", "长照", "長期照顧", "长期照顾", "\u2ED1照"}) {
    auto found = AsSet(Slugs(q));
    EXPECT_THAT(found, IsSupersetOf(topic)) << q;
    EXPECT_EQ(found, AsSet(Slugs("長照"))) << q << " finds something else than 長照";
  }
  // The facet counts a search page shows: the whole topic, split by organisation level.
  actions::SearchRequest req;
  req.q = "长照";
  req.facet_fields = {"groups", "organization_level"};
  auto r = Search(req);
  EXPECT_EQ(FacetCount(r, "groups", "long-term-care"), static_cast<int64_t>(topic.size()));
  EXPECT_GT(FacetCount(r, "organization_level", "local"), 0);
  EXPECT_GT(FacetCount(r, "organization_level", "central"), 0);
  EXPECT_EQ(FacetCount(r, "organization_level", "local") + FacetCount(r, "organization_level", "central"), r.total);
}

TEST_F(DemoSearchTest, TaipeiBusWithEitherTai) {
  const std::set<std::string> taipei_bus = {"tp-bus-routes", "tp-bus-stops", "tp-bus-realtime-arrival"};
  // 台 and 臺 are one character to the index; "台北市公車站位資訊" is found by 臺北市公車.
  EXPECT_EQ(AsSet(Top("台北 公車", 3)), taipei_bus);
  EXPECT_EQ(AsSet(Top("臺北市公車", 3)), taipei_bus);
  EXPECT_EQ(AsSet(Top("台北市 公車", 3)), taipei_bus);
  EXPECT_THAT(Slugs("台北 公車"), Not(Contains("motc-intercity-bus-ridership")));  // not in Taipei
  EXPECT_THAT(Slugs("北市 公車"), IsSupersetOf(taipei_bus));  // abbreviation
  EXPECT_EQ(AsSet(Top("Taipei bus", 3)), taipei_bus);  // English titles
}

TEST_F(DemoSearchTest, FullWidthLettersAndCase) {
  auto csv = Slugs("csv");
  EXPECT_GT(csv.size(), 30u);
  EXPECT_EQ(AsSet(Slugs("ＣＳＶ")), AsSet(csv));
  EXPECT_EQ(AsSet(Slugs("CSV")), AsSet(csv));
  EXPECT_EQ(AsSet(Slugs("ＰＭ２．５")), AsSet(Slugs("PM2.5")));
  EXPECT_THAT(Slugs("ＰＭ２．５"), Contains("moenv-pm25-daily"));
  EXPECT_THAT(Slugs("ＹｏｕＢｉｋｅ"), Contains("tp-youbike-stations"));
}

TEST_F(DemoSearchTest, EnglishStemmingAndPhrases) {
  EXPECT_THAT(Slugs("route"), Contains("tp-bus-routes"));     // routes → route
  EXPECT_THAT(Slugs("estimating"), Contains("mohw-ltc-need-estimates"));
  auto phrase = Slugs("\"air quality\"");
  EXPECT_THAT(phrase, Contains("moenv-aqi-realtime"));
  EXPECT_EQ(AsSet(Slugs("“air quality”")), AsSet(phrase));  // curly quotes from a phone
  EXPECT_THAT(Slugs("-bus Taipei"), Not(Contains("tp-bus-routes")));
}

TEST_F(DemoSearchTest, AbbreviationsFromTheSynonymList) {
  EXPECT_THAT(Slugs("健保"), Contains("nhia-insured-population"));  // title says 全民健康保險
  EXPECT_THAT(Slugs("全民健康保險"), Contains("nhia-contracted-providers"));  // title says 健保
  EXPECT_THAT(Slugs("身障"), IsSupersetOf({"mohw-disability-certificates", "ntpc-disability-welfare-institutions"}));
  EXPECT_THAT(Slugs("空汙"), Contains("moenv-aqi-realtime"));
  EXPECT_THAT(Slugs("北捷"), Contains("tp-mrt-station-ridership"));
}

TEST_F(DemoSearchTest, EveryFqForm) {
  auto org = Slugs("", {"organization:taipei-transport"});
  EXPECT_EQ(AsSet(org), Where([](const Dataset& d) { return d.organization_id == store_->GetOrganization("taipei-transport")->id; }));
  EXPECT_EQ(AsSet(Slugs("", {"owner_org:taipei-transport"})), AsSet(org));
  EXPECT_EQ(AsSet(Slugs("organization:taipei-transport")), AsSet(org));  // in q too
  EXPECT_EQ(AsSet(Slugs("", {"organization:\"taipei-transport\""})), AsSet(org));

  auto json = Where([](const Dataset& d) {
    return std::ranges::any_of(d.resources, [](const Resource& r) { return AsciiUpper(r.format) == "JSON"; });
  });
  ASSERT_FALSE(json.empty());
  EXPECT_EQ(AsSet(Slugs("", {"res_format:JSON"})), json);
  EXPECT_EQ(AsSet(Slugs("", {"res_format:json"})), json);

  EXPECT_EQ(AsSet(Slugs("", {"tags:公車"})), Where([](const Dataset& d) { return std::ranges::count(d.keywords, "公車") > 0; }));
  EXPECT_EQ(AsSet(Slugs("", {"groups:long-term-care"})), InTopic("long-term-care"));
  EXPECT_EQ(AsSet(Slugs("", {"organization_level:local"})), Where([](const Dataset& d) {
              return store_->GetOrganization(d.organization_id)->level == OrgLevel::kLocal;
            }));

  // + requires, - excludes; several clauses and several fq parameters combine with AND.
  auto ltc = InTopic("long-term-care");
  auto ltc_not_taipei = Slugs("", {"+groups:long-term-care -organization:taipei-health"});
  for (const auto& s : ltc_not_taipei) EXPECT_TRUE(ltc.count(s)) << s;
  EXPECT_THAT(ltc_not_taipei, Not(Contains("tp-ltc-a-units")));
  EXPECT_EQ(AsSet(Slugs("", {"groups:long-term-care", "organization:taipei-health"})),
            AsSet(Slugs("", {"groups:long-term-care organization:taipei-health"})));
  EXPECT_TRUE(Slugs("", {"organization:no-such-agency"}).empty());
}

TEST_F(DemoSearchTest, DraftsAndPrivateDatasetsStayHidden) {
  EXPECT_THAT(Slugs("噪音"), Not(Contains("moenv-noise-monitoring")));            // draft
  EXPECT_THAT(Slugs("數位服務盤點"), Not(Contains("moda-service-inventory-internal")));  // private
  EXPECT_THAT(Slugs(""), Not(Contains("moda-service-inventory-internal")));
}

TEST_F(DemoSearchTest, DidYouMeanForMisspeltEnglish) {
  actions::SearchRequest req;
  req.q = "hospitl";
  auto r = Search(req);
  EXPECT_EQ(r.total, 0);
  EXPECT_EQ(r.did_you_mean, "hospital");
  req.q = "Taipei librery";
  r = Search(req);
  EXPECT_EQ(r.did_you_mean, "Taipei library");
  req.q = "library";  // spelt right: nothing to suggest
  EXPECT_EQ(Search(req).did_you_mean, "");
  req.q = "內部";  // never suggests words that only private datasets contain
  EXPECT_EQ(Search(req).did_you_mean, "");
}

TEST_F(DemoSearchTest, TypeAheadCompletesTitlesAndKeywords) {
  auto ctx = Anonymous();
  auto s = actions::SuggestSearches(ctx, "臺北市公", 10);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_THAT(*s, Contains("臺北市公車路線資料"));
  auto simplified = actions::SuggestSearches(ctx, "台北市公", 10);
  ASSERT_TRUE(simplified);
  EXPECT_THAT(*simplified, Contains("臺北市公車路線資料"));
  auto none = actions::SuggestSearches(ctx, "數位服務盤點", 10);  // only the private dataset
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  EXPECT_FALSE(actions::SuggestSearches(ctx, std::string("a\x01", 2), 10));
  EXPECT_FALSE(actions::SuggestSearches(ctx, "長照", 51));
}

}  // namespace
}  // namespace pintu::test
