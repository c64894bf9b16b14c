#include "fetch/content_disposition.h"

#include <gtest/gtest.h>

#include <string>

namespace pintu::fetch {
namespace {

std::string FilenameOf(std::string_view header) {
  auto cd = ParseContentDisposition(header);
  if (!cd || !cd->filename) return "<none>";
  return *cd->filename;
}

TEST(ContentDispositionTest, TypeAndQuotedFilename) {
  auto cd = ParseContentDisposition("attachment; filename=\"data.csv\"");
  ASSERT_TRUE(cd.has_value());
  EXPECT_EQ(cd->type, "attachment");
  EXPECT_EQ(cd->filename, "data.csv");
  EXPECT_EQ(ParseContentDisposition("INLINE")->type, "inline");
  EXPECT_FALSE(ParseContentDisposition("inline")->filename.has_value());
}

TEST(ContentDispositionTest, TokenFilenameAndSpacing) {
  EXPECT_EQ(FilenameOf("attachment;filename=report.xlsx"), "report.xlsx");
  EXPECT_EQ(FilenameOf("attachment ;  FileName = report.xlsx  "), "report.xlsx");
  EXPECT_EQ(FilenameOf("attachment; foo=\"a;b\"; filename=x.csv"), "x.csv");
}

TEST(ContentDispositionTest, QuotedStringEscapes) {
  EXPECT_EQ(FilenameOf(R"(attachment; filename="a \"quoted\" name.csv")"), "a \"quoted\" name.csv");
  EXPECT_EQ(FilenameOf(R"(attachment; filename="semi;colon.csv")"), "semi;colon.csv");
}

TEST(ContentDispositionTest, ExtendedUtf8FilenameWins) {
  EXPECT_EQ(FilenameOf("attachment; filename=\"fallback.csv\"; filename*=UTF-8''%E9%95%B7%E7%85%A7%E6%A9%9F%E6%A7%8B.csv"),
            "長照機構.csv");
  // Order does not matter.
  EXPECT_EQ(FilenameOf("attachment; filename*=utf-8'zh-TW'%E8%B3%87%E6%96%99.csv; filename=\"fallback.csv\""),
            "資料.csv");
}

TEST(ContentDispositionTest, ExtendedLatin1IsConverted) {
  EXPECT_EQ(FilenameOf("attachment; filename*=iso-8859-1'en'%A3%20rates.csv"), "£ rates.csv");
}

TEST(ContentDispositionTest, BrokenExtendedValueFallsBackToPlain) {
  EXPECT_EQ(FilenameOf("attachment; filename*=UTF-8''%E9%95; filename=\"ok.csv\""), "ok.csv");  // cut UTF-8
  EXPECT_EQ(FilenameOf("attachment; filename*=UTF-8''%ZZ.csv; filename=\"ok.csv\""), "ok.csv");  // bad escape
  EXPECT_EQ(FilenameOf("attachment; filename*=Big5''%AA%F8.csv; filename=\"ok.csv\""), "ok.csv");  // unsupported charset
  EXPECT_EQ(FilenameOf("attachment; filename*=no-quotes.csv; filename=\"ok.csv\""), "ok.csv");
  EXPECT_EQ(FilenameOf("attachment; filename*=UTF-8''%"), "<none>");
}

TEST(ContentDispositionTest, PlainFilenameInUtf8OrPercentEscapes) {
  EXPECT_EQ(FilenameOf("attachment; filename=\"臺北市.csv\""), "臺北市.csv");
  // Many servers put %XX-escaped UTF-8 in the plain parameter.
  EXPECT_EQ(FilenameOf("attachment; filename=\"%E8%87%BA%E5%8C%97.csv\""), "臺北.csv");
  // An ASCII name with a literal percent stays as written.
  EXPECT_EQ(FilenameOf("attachment; filename=\"100%25.csv\""), "100%25.csv");
}

TEST(ContentDispositionTest, RawBig5FilenameIsUnknownNotGarbled) {
  // 長照 in Big5: AA F8 B7 D3.
  auto cd = ParseContentDisposition("attachment; filename=\"\xAA\xF8\xB7\xD3.csv\"");
  ASSERT_TRUE(cd.has_value());
  EXPECT_EQ(cd->type, "attachment");
  EXPECT_FALSE(cd->filename.has_value());
}

TEST(ContentDispositionTest, PathTraversalIsStripped) {
  EXPECT_EQ(FilenameOf("attachment; filename=\"../../etc/passwd\""), "passwd");
  EXPECT_EQ(FilenameOf("attachment; filename=\"..\\\\..\\\\windows\\\\win.ini\""), "win.ini");
  EXPECT_EQ(FilenameOf("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fshadow"), "shadow");
  EXPECT_EQ(FilenameOf("attachment; filename=\"..\""), "<none>");
  EXPECT_EQ(FilenameOf("attachment; filename=\"/\""), "<none>");
  EXPECT_EQ(FilenameOf("attachment; filename=\".bashrc\""), "bashrc");
}

TEST(ContentDispositionTest, ControlAndBidiCharactersAreRemoved) {
  EXPECT_EQ(FilenameOf("attachment; filename*=UTF-8''a%0D%0Ab%00c.csv"), "abc.csv");
  // U+202E RIGHT-TO-LEFT OVERRIDE would show "evil\u202Ecsv.exe" as "evilexe.vsc".
  EXPECT_EQ(FilenameOf("attachment; filename*=UTF-8''evil%E2%80%AEcsv.exe"), "evilcsv.exe");
  EXPECT_EQ(FilenameOf("attachment; filename*=UTF-8''%C2%85x.csv"), "x.csv");  // C1 control NEL
}

TEST(ContentDispositionTest, LongNamesAreCutOnCharacterBoundaries) {
  std::string name;
  for (int i = 0; i < 200; ++i) name += "長";  // 600 bytes
  auto safe = SanitizeFilename(name + ".csv");
  ASSERT_TRUE(safe.has_value());
  EXPECT_LE(safe->size(), 255u);
  EXPECT_EQ(safe->size() % 3, 0u) << "cut inside a character";
}

TEST(ContentDispositionTest, MalformedHeadersNeverCrash) {
  EXPECT_FALSE(ParseContentDisposition("").has_value());
  EXPECT_FALSE(ParseContentDisposition("   ").has_value());
  EXPECT_FALSE(ParseContentDisposition("; filename=x").has_value());
  EXPECT_FALSE(ParseContentDisposition("\"attachment\"").has_value());
  EXPECT_EQ(FilenameOf("attachment; filename=\"unterminated.csv"), "unterminated.csv");
  EXPECT_EQ(FilenameOf("attachment; filename="), "<none>");
  EXPECT_EQ(FilenameOf("attachment; filename"), "<none>");
  EXPECT_EQ(FilenameOf("attachment; filename=\"x\\"), "<none>");  // x\ → cut at the backslash
  EXPECT_EQ(FilenameOf("attachment;;;; ;=; filename=ok.csv"), "ok.csv");
  // Hostile size: a megabyte of parameters is parsed in linear time without trouble.
  std::string huge = "attachment";
  for (int i = 0; i < 100000; ++i) huge += "; a=\"bcdefgh\"";
  huge += "; filename=last.csv";
  EXPECT_EQ(FilenameOf(huge), "last.csv");
  std::string endless_quote = "attachment; filename=\"" + std::string(1 << 20, 'a');
  auto cd = ParseContentDisposition(endless_quote);
  ASSERT_TRUE(cd.has_value());
  ASSERT_TRUE(cd->filename.has_value());
  EXPECT_EQ(cd->filename->size(), 255u);
}

TEST(ContentDispositionTest, FirstOfRepeatedParametersWins) {
  EXPECT_EQ(FilenameOf("attachment; filename=a.csv; filename=b.csv"), "a.csv");
}

}  // namespace
}  // namespace pintu::fetch
