// GET /dataset/{slug}/croissant.json on the shipped demo catalog, dispatched in-process
// through the Router the server uses: every published dataset's document passes Pintu's
// Croissant checker with no error, before any file check and after the contents check of
// every uploaded file (then FileObjects carry the checked SHA-256 and RecordSets typed
// fields). No network: only uploaded files are checked.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <boost/json.hpp>

#include "actions/check_handlers.h"
#include "actions/demo_catalog.h"
#include "actions/search_sync.h"
#include "core/text.h"
#include "formats/croissant_check.h"
#include "formats/croissant_export.h"
#include "http/metrics.h"
#include "http/site.h"
#include "jobs/kinds.h"
#include "search/builtin_synonyms.h"
#include "search/normalizer.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace pintu::test {
namespace {

namespace json = boost::json;

class CroissantRouteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { normalizer_ = search::Normalizer::Create().value().release(); }
  static void TearDownTestSuite() {
    delete normalizer_;
    normalizer_ = nullptr;
  }

  void SetUp() override {
    config_.data_dir = dir_.path();
    config_.site_url = "http://127.0.0.1:9";
    store_ = OpenStore("sqlite:" + dir_.File("pintu.db")).value();
    search_ = actions::SearchSync::Open(*store_, dir_.File("search"), normalizer_,
                                        search::ParseSynonyms(search::BuiltinSynonymsTsv()).value())
                  .value();
    actions::Context sys{*store_, Identity::System(), config_, search_.get()};
    auto loaded = actions::LoadDemoCatalog(sys, std::string(PINTU_SOURCE_DIR) + "/demo");
    ASSERT_TRUE(loaded) << loaded.error().message;
    site_ = std::make_unique<http::Site>(*store_, config_, metrics_, search_.get());
    router_ = site_->BuildRouter();
  }

  http::HttpResponse Get(const std::string& path) {
    http::HttpRequest r;
    r.method = "GET";
    r.target = path;
    r.path = PercentDecode(path, false);
    return router_.Dispatch(r);
  }

  std::vector<Dataset> AllDatasets() {
    std::vector<Dataset> out;
    std::vector<std::string> ids = store_->ListAllDatasetIds().value();
    for (const auto& id : ids) out.push_back(store_->GetDataset(id).value());
    return out;
  }

  static bool Published(const Dataset& d) { return !d.is_private && d.state == State::kActive; }

  // The document of `d`, checked: 200, JSON-LD, no checker error.
  json::object MustExport(const Dataset& d) {
    http::HttpResponse r = Get("/dataset/" + PercentEncodeSegment(d.slug) + "/croissant.json");
    EXPECT_EQ(r.status, 200) << d.slug << ": " << r.body;
    EXPECT_EQ(r.content_type, "application/ld+json;charset=utf-8");
    boost::system::error_code ec;
    json::value doc = json::parse(r.body, ec);
    EXPECT_FALSE(ec) << d.slug;
    if (ec || !doc.is_object()) return {};
    auto v = formats::ValidateCroissant(doc);
    EXPECT_EQ(v.errors, 0u) << d.slug << ":\n" << formats::CroissantReportText(v.report);
    return doc.get_object();
  }

  void CheckUploadedFiles() {
    for (const Dataset& d : AllDatasets())
      for (const Resource& r : d.resources) {
        if (!r.uploaded) continue;  // URL resources would be fetched: never in tests
        Job job;
        job.kind = std::string(jobs::kCheckResourceContents);
        job.subject = r.id;
        job.attempts = 1;
        auto c = actions::RunContentsCheckJob(*store_, config_, job, {});
        ASSERT_TRUE(c) << r.url << ": " << c.error().message;
      }
  }

  static const search::Normalizer* normalizer_;
  TempDir dir_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<actions::SearchSync> search_;
  http::Metrics metrics_;
  std::unique_ptr<http::Site> site_;
  http::Router router_;
};

const search::Normalizer* CroissantRouteTest::normalizer_ = nullptr;

TEST_F(CroissantRouteTest, EveryPublishedDemoDatasetPassesTheCheckerBeforeAnyFileCheck) {
  size_t published = 0, files = 0;
  for (const Dataset& d : AllDatasets()) {
    if (!Published(d)) continue;
    ++published;
    json::object doc = MustExport(d);
    EXPECT_EQ(std::string(doc["url"].as_string()), "http://127.0.0.1:9/dataset/" + PercentEncodeSegment(d.slug));
    // Uploaded files carry the checksum taken at upload; only a live dataset lists files without one.
    bool live = doc.contains("isLiveDataset");
    EXPECT_EQ(live, d.type == DatasetType::kRealTime) << d.slug;
    for (const auto& f : doc["distribution"].as_array()) {
      ++files;
      const json::value* sha = f.as_object().if_contains("sha256");
      if (sha) EXPECT_EQ(sha->as_string().size(), 64u) << d.slug;
      else EXPECT_TRUE(live) << d.slug << ": a FileObject without checksum";
    }
  }
  EXPECT_GE(published, 50u);
  EXPECT_GE(files, published);
  std::cout << "[croissant] demo without reports: " << published << " datasets, " << files
            << " FileObjects, 0 errors\n";
}

TEST_F(CroissantRouteTest, AfterContentsChecksFilesHaveCheckedDigestsAndTypedFields) {
  CheckUploadedFiles();
  size_t published = 0, record_sets = 0, typed = 0, fields = 0, keys = 0, limitations = 0, personal = 0;
  for (const Dataset& d : AllDatasets()) {
    if (!Published(d)) continue;
    ++published;
    json::object doc = MustExport(d);
    std::map<std::string, json::object> files;
    for (const auto& f : doc["distribution"].as_array()) files.emplace(f.at("@id").as_string(), f.as_object());
    for (const Resource& r : d.resources) {
      if (!r.uploaded) continue;
      auto check = store_->GetLatestResourceCheck(r.id, CheckKind::kContents).value();
      json::object report = json::parse(check.report).as_object();
      ASSERT_TRUE(files.contains(r.id)) << d.slug << " " << r.url;
      const json::object& f = files[r.id];
      // The digest and size the file check measured.
      EXPECT_EQ(f.at("sha256"), report.at("stats").at("sha256")) << r.url;
      uint64_t bytes = report.at("stats").at("bytes").to_number<uint64_t>();
      EXPECT_EQ(std::string(f.at("contentSize").as_string()), std::to_string(bytes) + " B");
    }
    if (doc.contains("recordSet"))
      for (const auto& rs : doc["recordSet"].as_array()) {
        ++record_sets;
        keys += rs.as_object().contains("key");
        for (const auto& field : rs.at("field").as_array()) {
          ++fields;
          typed += field.at("dataType") != "sc:Text";
        }
      }
    limitations += doc.contains("rai:dataLimitations");
    personal += doc.contains("rai:personalSensitiveInformation");
  }
  EXPECT_GE(record_sets, 40u);
  EXPECT_GT(typed, fields / 5) << "the inferred schema types many columns as numbers or dates";
  EXPECT_GT(keys, 0u);
  std::cout << "[croissant] demo with reports: " << published << " datasets, " << record_sets << " RecordSets, "
            << fields << " fields (" << typed << " typed other than sc:Text), " << keys << " keys, " << limitations
            << " with rai:dataLimitations, " << personal << " with rai:personalSensitiveInformation, 0 errors\n";
}

TEST_F(CroissantRouteTest, TheBig5FileSaysItsCharset) {
  CheckUploadedFiles();
  Dataset d = store_->GetDataset("taichung-ltc-home-care-agencies").value();
  json::object doc = MustExport(d);
  std::string format(doc["distribution"].at(0).at("encodingFormat").as_string());
  EXPECT_TRUE(format == "text/csv; charset=big5" || format == "text/csv; charset=cp950") << format;
}

TEST_F(CroissantRouteTest, PrivateDraftAndUnknownDatasetsAreNotFound) {
  size_t hidden = 0;
  for (const Dataset& d : AllDatasets()) {
    if (Published(d)) continue;
    ++hidden;
    http::HttpResponse r = Get("/dataset/" + PercentEncodeSegment(d.slug) + "/croissant.json");
    EXPECT_EQ(r.status, 404) << d.slug;
    EXPECT_EQ(r.body.find(d.title.Best(kLangZh)), std::string::npos) << "nothing of a hidden dataset leaks";
  }
  EXPECT_GE(hidden, 1u) << "the demo has private or draft datasets";
  // Their documents would be valid too; they are only not published.
  for (const Dataset& d : AllDatasets()) {
    if (Published(d)) continue;
    Organization org = store_->GetOrganization(d.organization_id).value();
    auto v = formats::ValidateCroissant(json::value(formats::ExportCroissant(d, org, config_.site_url, {})));
    EXPECT_EQ(v.errors, 0u) << d.slug << ":\n" << formats::CroissantReportText(v.report);
  }
  EXPECT_EQ(Get("/dataset/no-such-dataset/croissant.json").status, 404);
  EXPECT_EQ(Get("/dataset/%00%ff/croissant.json").status, 404);
}

TEST_F(CroissantRouteTest, TheDatasetPageLinksToTheDocumentInBothLanguages) {
  Dataset d;
  for (const Dataset& x : AllDatasets())
    if (Published(x)) {
      d = x;
      break;
    }
  std::string link = "href=\"/dataset/" + PercentEncodeSegment(d.slug) + "/croissant.json\"";
  http::HttpResponse zh = Get("/dataset/" + PercentEncodeSegment(d.slug));
  ASSERT_EQ(zh.status, 200);
  EXPECT_NE(zh.body.find(link), std::string::npos);
  EXPECT_NE(zh.body.find("機器學習詮釋資料"), std::string::npos);
  http::HttpRequest en;
  en.method = "GET";
  en.target = "/dataset/" + PercentEncodeSegment(d.slug) + "?lang=en";
  en.path = "/dataset/" + d.slug;
  en.query = http::ParseQueryString("lang=en");
  http::HttpResponse page = router_.Dispatch(en);
  EXPECT_NE(page.body.find("ML metadata"), std::string::npos);
}

}  // namespace
}  // namespace pintu::test
