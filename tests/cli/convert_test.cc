// `pintu convert` end to end: the real binary on the quality fixtures.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "integration/process.h"
#include "quality/fixtures.h"
#include "support/temp_dir.h"

namespace pintu::cli {
namespace {

using pintu::quality::test::FixturePath;
using pintu::quality::test::ReadFixture;

class ConvertCommand : public testing::Test {
 protected:
  void SetUp() override { setenv("LANG", "C", 1), unsetenv("LC_ALL"), unsetenv("LC_MESSAGES"); }
  test::RunResult Convert(std::vector<std::string> args) {
    args.insert(args.begin(), "convert");
    return test::Run(PINTU_BINARY, args, dir_.File("run" + std::to_string(runs_++)), std::chrono::seconds(60));
  }
  test::TempDir dir_;
  int runs_ = 0;
};

TEST_F(ConvertCommand, Big5ToUtf8OnStdoutKeepsCrlfAndSaysWhatItFound) {
  auto r = Convert({FixturePath("big5.csv")});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  EXPECT_EQ(r.out, pintu::quality::test::kTaipei) << "CRLF line endings are kept";
  EXPECT_NE(r.err.find("encoding: big5"), std::string::npos) << r.err;
}

TEST_F(ConvertCommand, WritesAFileWithoutBom) {
  for (const char* name : {"utf8-bom.csv", "utf16le-bom.csv", "utf16be-bom.csv"}) {
    std::string out = dir_.File(std::string(name) + ".utf8");
    auto r = Convert({FixturePath(name), "-o", out});
    ASSERT_EQ(r.status.code, 0) << name << r.Describe();
    EXPECT_EQ(test::ReadFile(out), pintu::quality::test::kUtf8Text) << name;
    EXPECT_NE(r.err.find("BOM removed"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
}

TEST_F(ConvertCommand, FromOverridesDetection) {
  auto r = Convert({FixturePath("gb18030.csv"), "--from", "GBK"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  EXPECT_EQ(r.out, pintu::quality::test::kSimplified);
  EXPECT_NE(r.err.find("gb18030 (--from)"), std::string::npos) << r.err;
}

TEST_F(ConvertCommand, InvalidBytesExitOneWithTheOffset) {
  std::string bad = dir_.File("bad.csv");
  ASSERT_TRUE(test::WriteFile(bad, "名稱,值\n臺北,1\n\xFF\xFE,2\n"));
  auto r = Convert({bad, "--from", "utf-8"});
  EXPECT_EQ(r.status.code, 1) << r.Describe();
  EXPECT_NE(r.err.find("offset 20"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 more"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "名稱,值\n臺北,1\n\xEF\xBF\xBD\xEF\xBF\xBD,2\n");

  auto truncated = Convert({FixturePath("truncated-big5.csv")});
  EXPECT_EQ(truncated.status.code, 1) << truncated.Describe();
  EXPECT_NE(truncated.err.find("truncated"), std::string::npos) << truncated.err;
}

TEST_F(ConvertCommand, CannotReadExitsTwoInEitherLanguage) {
  auto missing = Convert({dir_.File("nope.csv")});
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  EXPECT_NE(missing.err.find("nope.csv"), std::string::npos);
  auto unknown = Convert({FixturePath("big5.csv"), "--from", "klingon-8"});
  EXPECT_EQ(unknown.status.code, 2) << unknown.Describe();
  EXPECT_NE(unknown.err.find("unknown encoding"), std::string::npos) << unknown.err;
  setenv("LANG", "zh_TW.UTF-8", 1);
  auto zh = Convert({FixturePath("big5.csv"), "--from", "klingon-8"});
  EXPECT_EQ(zh.status.code, 2);
  EXPECT_NE(zh.err.find("不認得的編碼"), std::string::npos) << zh.err;
  auto zh_ok = Convert({FixturePath("big5.csv")});
  EXPECT_NE(zh_ok.err.find("編碼：big5"), std::string::npos) << zh_ok.err;
}

TEST_F(ConvertCommand, UnpacksAZipAndRefusesAPdf) {
  auto zipped = Convert({FixturePath("big5-in.zip")});
  ASSERT_EQ(zipped.status.code, 0) << zipped.Describe();
  EXPECT_EQ(zipped.out, pintu::quality::test::kTaipei);
  EXPECT_NE(zipped.err.find("data/人口.csv"), std::string::npos) << zipped.err;
  // A PDF is not text; whatever encoding is guessed, converting it must not crash.
  auto pdf = Convert({FixturePath("pdf-renamed.csv"), "-o", dir_.File("pdf.txt")});
  EXPECT_TRUE(pdf.status.exited) << pdf.Describe();
  EXPECT_LE(pdf.status.code, 2);
}

}  // namespace
}  // namespace pintu::cli
