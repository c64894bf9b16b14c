// `pintu publiccode validate` end to end: the real binary on small documents written here,
// as an agency's CI would call it (exit codes 0/1/2, the JSON of the interface contract).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json.hpp>

#include "formats/publiccode_fixture.h"
#include "integration/process.h"
#include "support/temp_dir.h"

namespace pintu::cli {
namespace {

using formats::publiccode::test::kMinimal;
using formats::publiccode::test::Replace;

class PubliccodeCommand : public testing::Test {
 protected:
  void SetUp() override { setenv("LANG", "C", 1), unsetenv("LC_ALL"), unsetenv("LC_MESSAGES"); }
  test::RunResult Validate(std::vector<std::string> args) {
    args.insert(args.begin(), {"publiccode", "validate"});
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

TEST_F(PubliccodeCommand, ValidFileExitsZeroWithContractJson) {
  auto r = Validate({Write("publiccode.yml", kMinimal), "--no-network", "--format", "json"});
  EXPECT_EQ(r.status.code, 0) << r.Describe();
  boost::json::value v = boost::json::parse(r.out);
  EXPECT_EQ(v, boost::json::parse(R"({"valid": true, "version": "0", "errors": [], "warnings": []})"));
  EXPECT_EQ(r.err, "");
}

TEST_F(PubliccodeCommand, InvalidFileExitsOneWithKeyPathsAndPositions) {
  std::string text = Replace(kMinimal, "until: \"2027-06-30\"", "until: tomorrow");
  auto r = Validate({Write("publiccode.yml", text), "--no-network", "--format", "json"});
  EXPECT_EQ(r.status.code, 1) << r.Describe();
  boost::json::value v = boost::json::parse(r.out);
  EXPECT_EQ(v.at("valid"), false);
  EXPECT_EQ(v.at("errors"), boost::json::parse(R"([{"key": "maintenance.contractors[0].until",
      "message": "until must be a date with format 'YYYY-MM-DD'", "line": 33, "column": 7}])"));
}

TEST_F(PubliccodeCommand, TextReportAndChineseLocale) {
  std::string path = Write("publiccode.yml", Replace(kMinimal, "type: contract", "type: sometimes"));
  auto en = Validate({path, "--no-network"});
  EXPECT_EQ(en.status.code, 1);
  EXPECT_NE(en.out.find("error maintenance.type (29:3): type must be one of the following"), std::string::npos) << en.out;
  // A bad type also makes the contractors list forbidden.
  EXPECT_NE(en.out.find("error maintenance.contractors (30:3): contractors must not be present"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("invalid: 2 error(s), 0 warning(s)"), std::string::npos) << en.out;
  setenv("LANG", "zh_TW.UTF-8", 1);
  auto zh = Validate({path, "--no-network"});
  EXPECT_NE(zh.out.find("錯誤 maintenance.type"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("無效"), std::string::npos) << zh.out;
}

TEST_F(PubliccodeCommand, LenientModeReadsTaiwanSectionAndHints) {
  std::string text = Replace(kMinimal, "MIT OR (Apache-2.0 WITH LLVM-exception)", "MIT License") +
                     "tw:\n  techStacks: [Go]\n";
  std::string path = Write("publiccode.yml", text);
  auto strict = Validate({path, "--no-network", "--strict", "--format", "json"});
  EXPECT_EQ(strict.status.code, 1);
  EXPECT_EQ(boost::json::parse(strict.out).at("errors").as_array().size(), 2u) << strict.out;  // licence, tw
  auto lenient = Validate({path, "--no-network", "--lenient", "--format", "json"});
  EXPECT_EQ(lenient.status.code, 1);
  auto errors = boost::json::parse(lenient.out).at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u) << lenient.out;
  EXPECT_NE(std::string(errors[0].at("message").as_string()).find("did you mean `MIT`?"), std::string::npos);
  auto both = Validate({path, "--strict", "--lenient"});
  EXPECT_NE(both.status.code, 0);
  EXPECT_NE(both.status.code, 1);
}

TEST_F(PubliccodeCommand, UnreadableFilesExitTwoAndBrokenYamlExitsOne) {
  auto missing = Validate({dir_.File("nope.yml"), "--no-network"});
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  auto url = Validate({"https://example.org/publiccode.yml", "--no-network"});
  EXPECT_EQ(url.status.code, 2) << url.Describe();
  EXPECT_NE(url.err.find("URL input is not supported yet"), std::string::npos) << url.err;
  auto broken = Validate({Write("broken.yml", "name: [unclosed\n"), "--no-network", "--format", "json"});
  EXPECT_EQ(broken.status.code, 1) << broken.Describe();
  EXPECT_EQ(boost::json::parse(broken.out).at("errors").at(0).at("key"), "");
}

TEST_F(PubliccodeCommand, WithoutNoNetworkItSaysChecksAreOffline) {
  auto r = Validate({Write("publiccode.yml", kMinimal)});
  EXPECT_EQ(r.status.code, 0) << r.Describe();
  EXPECT_NE(r.err.find("network checks are not implemented yet"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace pintu::cli
