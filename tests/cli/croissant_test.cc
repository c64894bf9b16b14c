// `pintu croissant validate` end to end: the real binary on small documents written here.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json.hpp>

#include "integration/process.h"
#include "support/temp_dir.h"

namespace pintu::cli {
namespace {

constexpr const char* kValid = R"({
  "@context": {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/",
               "citeAs": "cr:citeAs", "dataType": {"@id": "cr:dataType", "@type": "@vocab"}},
  "@type": "Dataset", "name": "tiny", "citeAs": "tiny", "datePublished": "2025", "license": "l",
  "version": "1.0.0",
  "distribution": [{"@type": "cr:FileObject", "@id": "a.csv", "contentUrl": "a.csv", "encodingFormat": "text/csv",
                    "sha256": "ab"}]})";

class CroissantCommand : public testing::Test {
 protected:
  void SetUp() override { setenv("LANG", "C", 1), unsetenv("LC_ALL"), unsetenv("LC_MESSAGES"); }
  test::RunResult Validate(std::vector<std::string> args) {
    args.insert(args.begin(), {"croissant", "validate"});
    return test::Run(PINTU_BINARY, args, dir_.File("run" + std::to_string(runs_++)), std::chrono::seconds(60));
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_.File(name);
    EXPECT_TRUE(test::WriteFile(path, text));
    return path;
  }
  test::TempDir dir_;
  int runs_ = 0;
};

TEST_F(CroissantCommand, ValidFileExitsZero) {
  auto r = Validate({Write("ok.json", kValid)});
  EXPECT_EQ(r.status.code, 0) << r.Describe();
  EXPECT_EQ(r.out, "No errors or warnings found.\n");
}

TEST_F(CroissantCommand, ErrorsExitOneInMlcroissantsFormat) {
  std::string text = kValid;
  text.replace(text.find("\"encodingFormat\": \"text/csv\","), 29, "");
  auto r = Validate({Write("bad.json", text)});
  EXPECT_EQ(r.status.code, 1) << r.Describe();
  EXPECT_EQ(r.out,
            "Found the following 1 error(s) during the validation:\n"
            "  -  [Metadata(tiny) > FileObject(a.csv)] Property \"https://schema.org/encodingFormat\" is mandatory, "
            "but does not exist. (missing-property)\n");
}

TEST_F(CroissantCommand, JsonFormatCarriesCountsAndIssues) {
  std::string text = kValid;
  text.replace(text.find("\"version\": \"1.0.0\","), 19, "");
  auto r = Validate({Write("warn.json", text), "--format", "json"});
  EXPECT_EQ(r.status.code, 0) << r.Describe();  // warnings do not fail
  boost::json::value v = boost::json::parse(r.out);
  EXPECT_EQ(v.at("valid"), true);
  EXPECT_EQ(v.at("warningCount").to_number<int>(), 1);
  EXPECT_EQ(v.at("issues").at(0).at("kind"), "missing-recommended");
}

TEST_F(CroissantCommand, UnreadableOrNotJsonExitsTwo) {
  auto missing = Validate({dir_.File("nope.json")});
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  EXPECT_NE(missing.err.find("No such file"), std::string::npos) << missing.err;
  auto garbage = Validate({Write("garbage.json", "{\"@type\": \xff")});
  EXPECT_EQ(garbage.status.code, 2) << garbage.Describe();
  EXPECT_NE(garbage.err.find("not valid JSON"), std::string::npos) << garbage.err;
  auto deep = Validate({Write("deep.json", std::string(5000, '['))});
  EXPECT_EQ(deep.status.code, 2) << deep.Describe();
}

TEST_F(CroissantCommand, ChineseLocaleGetsChineseErrors) {
  setenv("LANG", "zh_TW.UTF-8", 1);
  auto r = Validate({dir_.File("nope.json")});
  EXPECT_EQ(r.status.code, 2);
  EXPECT_NE(r.err.find("找不到檔案"), std::string::npos) << r.err;
}

TEST_F(CroissantCommand, UnknownFormatIsAUsageError) {
  auto r = Validate({Write("ok.json", kValid), "--format", "xml"});
  EXPECT_NE(r.status.code, 0);
  EXPECT_NE(r.status.code, 1);
}

}  // namespace
}  // namespace pintu::cli
