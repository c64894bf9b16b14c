// The six data.gov.tw checks on the shipped demo catalog, whose quality fixtures are
// deliberate mistakes (demo/README.md): a Big5 file declared UTF-8, a broken link, a messy
// CSV with a blank header cell, and a file with the CJK radical ⻑. Every uploaded file is
// checked (no network); of the URL resources only the broken {site} link, which points at a
// loopback server standing in for the site. Agency URLs are never fetched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "actions/catalog_fixture.h"
#include "actions/check_handlers.h"
#include "actions/demo_catalog.h"
#include "actions/quality_scores.h"
#include "core/clock.h"
#include "actions/resource_checks.h"
#include "core/text.h"
#include "jobs/kinds.h"
#include "support/loopback_http_server.h"

namespace pintu::test {
namespace {

namespace json = boost::json;
using quality::DatagovCheckId;

class DemoChecksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = LoopbackHttpServer::Start([](const ReceivedRequest&) { return HttpReply{404, {}, "not here"}; });
    ASSERT_TRUE(site_);
    config_.data_dir = dir_.path();
    config_.site_url = site_->Url("");
    config_.fetch_allow_loopback = true;
    store_ = OpenStore("sqlite:" + dir_.File("pintu.db")).value();
    search_ = actions::SearchSync::Open(*store_, dir_.File("search"), CatalogTest::SharedNormalizer(),
                                        search::ParseSynonyms(search::BuiltinSynonymsTsv()).value())
                  .value();
    actions::Context sys{*store_, Identity::System(), config_, search_.get()};
    auto loaded = actions::LoadDemoCatalog(sys, std::string(PINTU_SOURCE_DIR) + "/demo");
    ASSERT_TRUE(loaded) << loaded.error().message;
  }

  void RunBoth(const Resource& r) {
    Job links;
    links.kind = std::string(jobs::kCheckResourceLinks);
    links.subject = r.id;
    links.attempts = 1;
    auto l = actions::RunLinkCheckJob(*store_, config_, links, {});
    ASSERT_TRUE(l) << r.url << ": " << l.error().message;
    Job contents = links;
    contents.kind = std::string(jobs::kCheckResourceContents);
    auto c = actions::RunContentsCheckJob(*store_, config_, contents, {});
    ASSERT_TRUE(c) << r.url << ": " << c.error().message;
  }
  quality::DatagovChecks Current(const std::string& resource_id) {
    // The system sees the private and draft demo datasets too.
    actions::Context sys{*store_, Identity::System(), config_, search_.get()};
    auto o = actions::ResourceCheckResults(sys, resource_id, std::nullopt, 0, 1);
    EXPECT_TRUE(o) << o.error().message;
    return o ? o->datagovtw : quality::DatagovChecks{};
  }
  static const quality::DatagovCheck& Check(const quality::DatagovChecks& c, DatagovCheckId id) {
    return c[static_cast<size_t>(id)];
  }
  Resource ResourceOf(const std::string& slug, size_t index) {
    auto d = store_->GetDataset(slug);
    EXPECT_TRUE(d) << slug;
    return d ? d->resources.at(index) : Resource{};
  }

  TempDir dir_;
  Config config_;
  std::unique_ptr<LoopbackHttpServer> site_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<actions::SearchSync> search_;
};

TEST_F(DemoChecksTest, FixturesFailExactlyTheChecksTheyAreMeantToFail) {
  // Every uploaded file, and the one broken {site} link.
  std::map<std::string, std::string> slug_of;
  auto ids = store_->ListAllDatasetIds().value();
  for (const auto& id : ids) {
    Dataset d = store_->GetDataset(id).value();
    for (const Resource& r : d.resources) {
      slug_of[r.id] = d.slug;
      if (r.uploaded || r.url.starts_with(config_.site_url + "/files/removed/")) RunBoth(r);
    }
  }
  ASSERT_GT(site_->requests(), 0) << "the broken link was requested";
  for (const auto& req : site_->received()) EXPECT_THAT(req.target, ::testing::StartsWith("/files/removed/"));

  // Big5 bytes declared UTF-8.
  Resource big5 = ResourceOf("taichung-ltc-home-care-agencies", 0);
  auto b = Current(big5.id);
  EXPECT_EQ(Check(b, DatagovCheckId::kEncodingMatch).pass, false);
  EXPECT_EQ(Check(b, DatagovCheckId::kEncodingMatch).evidence.at("declared"), "UTF-8");
  EXPECT_THAT(std::string(Check(b, DatagovCheckId::kEncodingMatch).evidence.at("detected").as_string()),
              ::testing::AnyOf("big5", "cp950"));
  EXPECT_EQ(Check(b, DatagovCheckId::kLinkable).pass, true);
  EXPECT_EQ(Check(b, DatagovCheckId::kStructure).pass, true);
  EXPECT_EQ(Check(b, DatagovCheckId::kDescMatch).pass, true) << "decoded as Big5 the header is right";

  // The broken link: a 404 from the site.
  Resource broken = ResourceOf("moenv-aqi-stations", 1);
  ASSERT_TRUE(broken.url.starts_with(config_.site_url + "/files/removed/")) << broken.url;
  auto k = Current(broken.id);
  EXPECT_EQ(Check(k, DatagovCheckId::kLinkable).pass, false);
  EXPECT_EQ(Check(k, DatagovCheckId::kLinkable).evidence.at("status"), 404);
  EXPECT_EQ(Check(k, DatagovCheckId::kDownloadable).pass, false);
  EXPECT_EQ(Check(k, DatagovCheckId::kStructure).pass, std::nullopt);
  EXPECT_EQ(Check(k, DatagovCheckId::kCsv).pass, true) << "its sibling, the station list, is a CSV";

  // The messy CSV: a blank 4th header cell declared as 村里別.
  Resource messy = ResourceOf("kcg-community-care-sites", 0);
  auto m = Current(messy.id);
  const auto& desc = Check(m, DatagovCheckId::kDescMatch);
  EXPECT_EQ(desc.pass, false);
  EXPECT_EQ(desc.evidence.at("missing_in_file"), (json::array{"村里別"}));
  EXPECT_EQ(desc.evidence.at("blank_label_positions"), (json::array{4}));
  auto messy_check = store_->GetLatestResourceCheck(messy.id, CheckKind::kContents).value();
  EXPECT_EQ(messy_check.valid, false);
  EXPECT_GT(messy_check.error_count, 0);

  // ⻑ instead of 長: the six checks pass, the report warns.
  Resource radical = ResourceOf("ntpc-ltc-institution-evaluations", 0);
  auto rad = Current(radical.id);
  for (auto id : quality::kDatagovCheckIds) EXPECT_EQ(Check(rad, id).pass, true) << quality::DatagovCheckName(id);
  auto rad_report = store_->GetLatestResourceCheck(radical.id, CheckKind::kContents).value().report;
  EXPECT_THAT(rad_report, ::testing::HasSubstr("cjk-compatibility-character"));

  // Every other uploaded demo file: linkable, structured, encoding and fields as declared
  // (demo/README.md: "Each one's header equals its declared field names").
  for (const auto& [id, slug] : slug_of) {
    auto r = store_->GetResource(id).value();
    if (!r.uploaded || id == big5.id || id == messy.id) continue;
    auto c = Current(id);
    EXPECT_EQ(Check(c, DatagovCheckId::kLinkable).pass, true) << slug;
    EXPECT_EQ(Check(c, DatagovCheckId::kDownloadable).pass, true) << slug;
    if (AsciiLower(r.format) == "pdf") {
      EXPECT_EQ(Check(c, DatagovCheckId::kStructure).pass, false) << slug;
      continue;
    }
    EXPECT_EQ(Check(c, DatagovCheckId::kStructure).pass, true) << slug;
    EXPECT_EQ(Check(c, DatagovCheckId::kEncodingMatch).pass, true)
        << slug << ": " << json::serialize(Check(c, DatagovCheckId::kEncodingMatch).evidence);
    if (AsciiLower(r.format) == "csv")
      EXPECT_EQ(Check(c, DatagovCheckId::kDescMatch).pass, true)
          << slug << ": " << json::serialize(Check(c, DatagovCheckId::kDescMatch).evidence);
  }
}


double Points(const ScoreCard& card, std::string_view id) {
  double p = 0;
  for (const auto& s : card.indicators)
    if (s.id == id) p += s.points;
  return p;
}

// After the files are checked, the scores see what the checks saw: the fixtures lose
// exactly the points their mistakes cost, and every check result asked for a rescore.
TEST_F(DemoChecksTest, ScoresFollowTheFileChecks) {
  auto ids = store_->ListAllDatasetIds().value();
  for (const auto& id : ids) {
    const Dataset d = store_->GetDataset(id).value();
    for (const Resource& r : d.resources)
      if (r.uploaded) RunBoth(r);
  }
  const int64_t now = SystemClock().NowMillis();
  auto stored = actions::RescoreAllDatasets(*store_, config_, now);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(*stored, ids.size());

  auto card = [&](const std::string& slug) {
    actions::Context sys{*store_, Identity::System(), config_, search_.get()};
    auto c = actions::ShowDatasetScore(sys, slug);
    EXPECT_TRUE(c && *c) << slug;
    return c && *c ? **c : ScoreCard{};
  };
  // Stored check results enqueued the dataset's rescore.
  auto big5_dataset = store_->GetDataset("taichung-ltc-home-care-agencies").value();
  EXPECT_TRUE(store_->GetActiveJob(jobs::kScoreDataset, big5_dataset.id));

  // Big5 bytes declared UTF-8: integrity and the encoding check fail, so no silver badge.
  ScoreCard big5 = card("taichung-ltc-home-care-agencies");
  EXPECT_LT(Points(big5, "ai.integrity"), 10);
  EXPECT_EQ(Points(big5, "datagovtw.encoding_match"), 0);
  EXPECT_EQ(big5.Total(kFrameworkDatagovtw)->rating, "bronze");
  // The messy CSV: structural errors cost validity, the blank header costs gold.
  ScoreCard messy = card("kcg-community-care-sites");
  EXPECT_LT(Points(messy, "ai.structural_validity"), 10);
  EXPECT_EQ(Points(messy, "datagovtw.desc_match"), 0);
  // The radical ⻑ file passes all six checks: at least gold.
  ScoreCard radical = card("ntpc-ltc-institution-evaluations");
  EXPECT_THAT(radical.Total(kFrameworkDatagovtw)->rating, ::testing::AnyOf("gold", "platinum"));
  // Every public demo dataset's Croissant export passes the checker.
  for (const auto& id : ids) {
    Dataset d = store_->GetDataset(id).value();
    if (d.is_private || d.state != State::kActive) continue;
    EXPECT_EQ(Points(card(d.slug), "ai.croissant_valid"), 5) << d.slug;
  }
  // Checked files earn file points that metadata alone cannot.
  EXPECT_GT(Points(radical, "ai.schema_coverage"), 0);
  EXPECT_GT(Points(radical, "ai.completeness"), 0);
  // A second pass with nothing changed stores nothing.
  EXPECT_EQ(actions::RescoreAllDatasets(*store_, config_, now + 60'000).value(), 0u);
}

}  // namespace
}  // namespace pintu::test
