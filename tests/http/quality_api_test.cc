// Quality scores on the faces: CKAN quality_show / quality_dashboard / quality_top_fixes,
// the read-only quality extras of package_show, and the portal's quality panel and
// dashboard — all from stored snapshots, with bad input refused naming the parameter.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "actions/quality_scores.h"
#include "core/clock.h"
#include "http/ckan_fixture.h"
#include "http/router.h"
#include "http/web/portal.h"

namespace pintu::test {
namespace {

using ::testing::HasSubstr;

class QualityApiTest : public CkanApiTest {
 protected:
  void ScoreEverything() { ASSERT_TRUE(actions::RescoreAllDatasets(*store_, config_, SystemClock().NowMillis())); }

  std::string Extra(const CkanReply& r, std::string_view key) {
    for (const auto& e : r.result().as_object().at("extras").as_array())
      if (e.as_object().at("key").as_string() == key) return std::string(e.as_object().at("value").as_string());
    return "";
  }

  http::HttpResponse Page(const std::string& target) {
    if (!router_) {
      router_ = std::make_unique<http::Router>();
      http::web::AddPortalRoutes(*router_, *store_, config_, search_.get());
    }
    http::HttpRequest req;
    req.method = "GET";
    req.target = target;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = http::ParseQueryString(target.substr(q + 1));
    return router_->Dispatch(req);
  }

  std::unique_ptr<http::Router> router_;
};

TEST_F(QualityApiTest, BeforeScoringTheAnswersSaySoWithoutScoringOnTheFly) {
  auto show = Get("quality_show", {{"id", "ltc-points"}});
  ASSERT_EQ(show.status, 200) << show;
  EXPECT_TRUE(show.result().is_null());
  auto dash = Get("quality_dashboard");
  ASSERT_EQ(dash.status, 200) << dash;
  EXPECT_EQ(dash.result().at("all").at("datasets").as_int64(), 0);
  EXPECT_EQ(Extra(Get("package_show", {{"id", "ltc-points"}}), "pintu_quality_mqa_points"), "");
  EXPECT_THAT(Page("/dataset/ltc-points").body, HasSubstr("尚未評分"));
  EXPECT_THAT(Page("/quality").body, HasSubstr("尚未有任何評分"));
}

TEST_F(QualityApiTest, QualityShowGivesEveryIndicatorWithNameEvidenceAndHint) {
  ScoreEverything();
  auto r = Get("quality_show", {{"id", "ltc-points"}});
  ASSERT_EQ(r.status, 200) << r;
  const auto& card = r.result().as_object();
  EXPECT_EQ(card.at("dataset_slug").as_string(), "ltc-points");
  std::set<std::string> frameworks;
  for (const auto& t : card.at("totals").as_array()) frameworks.insert(std::string(t.at("framework").as_string()));
  EXPECT_EQ(frameworks, (std::set<std::string>{"mqa", "datagovtw", "five-star", "fair", "ai"}));
  const auto& first = card.at("indicators").as_array().at(0).as_object();
  EXPECT_EQ(first.at("id").as_string(), "mqa.findability.keyword");
  EXPECT_FALSE(first.at("name").at("zh-TW").as_string().empty());
  EXPECT_FALSE(first.at("hint").at("en").as_string().empty());
  EXPECT_FALSE(first.at("evidence").at("en").as_string().empty());
}

TEST_F(QualityApiTest, PrivateAndUnknownDatasetsAreNotFoundAndBadParametersAreNamed) {
  ScoreEverything();
  EXPECT_EQ(Get("quality_show", {{"id", "taipei-private"}}).status, 404);
  EXPECT_EQ(Get("quality_show", {{"id", "taipei-private"}}, bob_).status, 200);  // bob edits for taipei-health
  EXPECT_EQ(Get("quality_show", {{"id", "no-such"}}).status, 404);
  EXPECT_EQ(Get("quality_show", {{"id", std::string(5000, 'x')}}).status, 404);
  EXPECT_EQ(Get("quality_show", {}).status, 409);
  for (const char* days : {"0", "367", "-1", "abc", "1e9"}) {
    auto r = Get("quality_dashboard", {{"days", days}});
    EXPECT_EQ(r.status, 409) << days << ": " << r;
    EXPECT_TRUE(r.NamesField("days")) << r;
  }
  auto no_org = Get("quality_top_fixes", {});
  EXPECT_EQ(no_org.status, 409);
  EXPECT_TRUE(no_org.NamesField("organization"));
  auto bad_fw = Get("quality_top_fixes", {{"organization", "mohw"}, {"framework", "<script>"}});
  EXPECT_EQ(bad_fw.status, 409);
  EXPECT_TRUE(bad_fw.NamesField("framework"));
  EXPECT_EQ(Get("quality_top_fixes", {{"organization", "nobody"}}).status, 404);
}

TEST_F(QualityApiTest, DashboardCountsPublishedDatasetsPerLevelAndAgency) {
  ScoreEverything();
  auto r = Get("quality_dashboard", {{"days", "3"}});
  ASSERT_EQ(r.status, 200) << r;
  const auto& d = r.result().as_object();
  EXPECT_EQ(d.at("all").at("datasets").as_int64(), 3);  // the private one is left out
  std::map<std::string, int64_t> levels;
  for (const auto& l : d.at("levels").as_array()) levels[std::string(l.at("key").as_string())] = l.at("datasets").as_int64();
  EXPECT_EQ(levels["central"], 2);
  EXPECT_EQ(levels["local"], 1);
  EXPECT_EQ(d.at("trend").as_array().size(), 3u);
  EXPECT_EQ(d.at("trend").as_array().back().at("datasets").as_int64(), 3);
  int64_t in_bins = 0;
  for (const auto& n : d.at("mqa_histogram").as_array()) in_bins += n.as_int64();
  EXPECT_EQ(in_bins, 3);
}

TEST_F(QualityApiTest, PackageShowCarriesTheNewestScoreAsReadOnlyExtras) {
  ScoreEverything();
  auto before = Get("package_show", {{"id", "ltc-points"}});  // fills the response cache
  std::string points = Extra(before, "pintu_quality_mqa_points");
  ASSERT_FALSE(points.empty()) << before;
  EXPECT_FALSE(Extra(before, "pintu_quality_datagovtw_badge").empty());
  // Removing the keywords lowers MQA by 30 once the dataset is rescored; the cached body
  // must not hide the new score.
  auto patched = Post("package_patch", boost::json::object{{"id", "ltc-points"}, {"tags", boost::json::array{}}}, alice_);
  ASSERT_TRUE(patched.success()) << patched;
  ASSERT_TRUE(actions::RescoreDataset(*store_, config_, "ltc-points", SystemClock().NowMillis()));
  auto after = Get("package_show", {{"id", "ltc-points"}});
  EXPECT_NEAR(std::stod(Extra(after, "pintu_quality_mqa_points")), std::stod(points) - 30, 0.05) << after;
  // Sending the dict back does not store the computed extras.
  boost::json::object dict = after.result().as_object();
  auto update = Post("package_update", dict, alice_);
  ASSERT_TRUE(update.success()) << update;
  auto stored = store_->GetDataset("ltc-points").value();
  for (const auto& e : stored.extras) EXPECT_FALSE(e.key.starts_with("pintu_quality_")) << e.key;
}

TEST_F(QualityApiTest, RescoringStoresASnapshotOnlyWhenTheScoreChanged) {
  auto first = actions::RescoreDataset(*store_, config_, "ltc-points", SystemClock().NowMillis());
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->stored);
  auto again = actions::RescoreDataset(*store_, config_, "ltc-points", SystemClock().NowMillis() + 1000);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->stored);
  EXPECT_EQ(store_->ListScoreSummaries(false, 0).value().size(), 1u);
}

TEST_F(QualityApiTest, DatasetPageShowsThePanelAndTheDashboardDrawsChartsWithoutScript) {
  ScoreEverything();
  auto page = Page("/dataset/ltc-points?lang=en");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("class=\"quality-panel\""));
  EXPECT_THAT(page.body, HasSubstr("EU metadata quality (MQA)"));
  EXPECT_THAT(page.body, HasSubstr("<summary>AI-readiness — "));
  auto dash = Page("/quality?lang=en");
  ASSERT_EQ(dash.status, 200);
  EXPECT_THAT(dash.body, HasSubstr("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-distribution-title"));
  EXPECT_THAT(dash.body, HasSubstr("id=\"chart-trend-title\""));
  EXPECT_THAT(dash.body, HasSubstr("衛生福利部"));  // the ranking names the agencies (no English title: zh-TW)
  auto zh = Page("/quality");
  EXPECT_THAT(zh.body, HasSubstr("資料品質儀表板"));
}

}  // namespace
}  // namespace pintu::test
