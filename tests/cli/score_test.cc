// `pintu score` end to end: the real binary on a catalog imported with `pintu import`.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json.hpp>

#include "integration/process.h"
#include "support/temp_dir.h"

namespace pintu::cli {
namespace {

constexpr const char* kCatalog =
    R"({"name": "ltc-points", "title": "長照服務據點", "notes": "各縣市長照服務據點。", )"
    R"("organization": {"name": "mohw", "title": "衛生福利部"}, "tags": [{"name": "長照"}], )"
    R"("license_id": "OGDL-Taiwan-1.0", "resources": [{"url": "https://example.gov.tw/ltc.csv", "format": "CSV"}]})"
    "\n";

class ScoreCommand : public testing::Test {
 protected:
  void SetUp() override {
    setenv("LANG", "C", 1), unsetenv("LC_ALL"), unsetenv("LC_MESSAGES");
    test::WriteFile(dir_.File("catalog.jsonl"), kCatalog);
    auto r = Pintu({"import", "--format", "ckan", dir_.File("catalog.jsonl")});
    ASSERT_EQ(r.status.code, 0) << r.Describe();
  }
  test::RunResult Pintu(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_.File("data")});
    return test::Run(PINTU_BINARY, args, dir_.File("run" + std::to_string(runs_++)), std::chrono::seconds(120));
  }
  test::TempDir dir_;
  int runs_ = 0;
};

TEST_F(ScoreCommand, OneDatasetShowsEveryIndicatorWithEvidenceAndHints) {
  auto r = Pintu({"score", "--dataset", "ltc-points", "--lang", "en"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  EXPECT_NE(r.out.find("mqa"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("✓ Keyword usage"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("✗ Geo search"), std::string::npos) << r.out;  // no spatial coverage given
  EXPECT_NE(r.out.find("→ State the area the data covers"), std::string::npos) << r.out;
  auto zh = Pintu({"score", "--dataset", "ltc-points", "--lang", "zh-TW"});
  EXPECT_NE(zh.out.find("✗ 地理範圍"), std::string::npos) << zh.out;
}

TEST_F(ScoreCommand, JsonHasEveryFrameworkAndDefinitions) {
  auto r = Pintu({"score", "--dataset", "ltc-points", "--format", "json"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  auto card = boost::json::parse(r.out).as_object();
  EXPECT_EQ(card.at("dataset_slug").as_string(), "ltc-points");
  EXPECT_EQ(card.at("totals").as_array().size(), 5u);
  EXPECT_TRUE(card.at("indicators").as_array().at(0).as_object().contains("hint"));
}

TEST_F(ScoreCommand, AllPrintsOneLinePerDatasetAndSaveStoresOnlyChanges) {
  auto r = Pintu({"score", "--all", "--save", "--lang", "en"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  EXPECT_NE(r.out.find("ltc-points"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("datasets scored: 1, new snapshots stored: 1"), std::string::npos) << r.out;
  auto again = Pintu({"score", "--all", "--save", "--lang", "en"});
  EXPECT_NE(again.out.find("new snapshots stored: 0"), std::string::npos) << again.out;
}

TEST_F(ScoreCommand, BadUsageAndUnknownDatasetsExitTwoWithAMessage) {
  auto none = Pintu({"score", "--lang", "en"});
  EXPECT_EQ(none.status.code, 2);
  EXPECT_NE(none.err.find("--dataset SLUG or --all"), std::string::npos) << none.err;
  auto both = Pintu({"score", "--all", "--dataset", "x"});
  EXPECT_EQ(both.status.code, 2);
  auto format = Pintu({"score", "--all", "--format", "xml", "--lang", "en"});
  EXPECT_EQ(format.status.code, 2);
  EXPECT_NE(format.err.find("--format"), std::string::npos) << format.err;
  auto unknown = Pintu({"score", "--dataset", "no-such-dataset", "--lang", "en"});
  EXPECT_EQ(unknown.status.code, 2);
  EXPECT_FALSE(unknown.err.empty());
  auto hostile = Pintu({"score", "--dataset", std::string(5000, '\x01'), "--lang", "en"});
  EXPECT_EQ(hostile.status.code, 2);
}

}  // namespace
}  // namespace pintu::cli
