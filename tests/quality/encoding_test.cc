#include "quality/encoding.h"

#include <gtest/gtest.h>

#include <random>

#include "quality/fixtures.h"

namespace pintu::quality {
namespace {

EncodingDetection DetectFixture(const std::string& name) { return DetectEncoding(test::ReadFixture(name), true); }

std::optional<uint64_t> RejectedAt(const EncodingDetection& d, std::string_view encoding) {
  for (const auto& r : d.rejected) {
    if (r.encoding == encoding) return r.first_invalid_offset;
  }
  return std::nullopt;
}

TEST(Encoding, DetectsEachFixture) {
  struct Case {
    const char* file;
    const char* encoding;
    DetectionMethod method;
    bool bom;
  };
  const Case cases[] = {
      {"big5.csv", "big5", DetectionMethod::kStrictDecode, false},
      {"cp950.csv", "cp950", DetectionMethod::kStrictDecode, false},
      {"big5-hkscs.csv", "big5-hkscs", DetectionMethod::kStrictDecode, false},
      {"utf8.csv", "utf-8", DetectionMethod::kUtf8Valid, false},
      {"utf8-bom.csv", "utf-8", DetectionMethod::kBom, true},
      {"utf16le-bom.csv", "utf-16le", DetectionMethod::kBom, true},
      {"utf16be-bom.csv", "utf-16be", DetectionMethod::kBom, true},
      {"one-line-zh.csv", "utf-8", DetectionMethod::kUtf8Valid, false},
      {"two-chars-utf8.txt", "utf-8", DetectionMethod::kUtf8Valid, false},
      {"empty.csv", "utf-8", DetectionMethod::kEmpty, false},
  };
  for (const Case& c : cases) {
    EncodingDetection d = DetectFixture(c.file);
    EXPECT_EQ(d.encoding, c.encoding) << c.file;
    EXPECT_EQ(d.method, c.method) << c.file << ": " << DetectionMethodName(d.method);
    EXPECT_EQ(d.bom, c.bom) << c.file;
  }
}

TEST(Encoding, GbkTextIsGb18030EvenThoughBig5BytesLookAlike) {
  EncodingDetection d = DetectFixture("gb18030.csv");
  EXPECT_EQ(d.encoding, "gb18030") << DetectionMethodName(d.method);
  EXPECT_TRUE(RejectedAt(d, "utf-8"));
  EXPECT_TRUE(RejectedAt(d, "cp950")) << "simplified characters such as 人 (C8CB) are user-defined in CP950";
}

TEST(Encoding, EveryByteOrderMarkIncludingThoseWithNuls) {
  using namespace std::string_literals;
  struct Case {
    std::string bytes;
    const char* encoding;
    size_t bom_length;
  };
  const Case cases[] = {
      {"\xFF\xFE\x00\x00" "a\x00\x00\x00"s, "utf-32le", 4}, {"\x00\x00\xFE\xFF\x00\x00\x00" "a"s, "utf-32be", 4},
      {"\xFF\xFE" "a\x00"s, "utf-16le", 2},                     {"\xFE\xFF\x00" "a"s, "utf-16be", 2},
      {"\xEF\xBB\xBF" "a"s, "utf-8", 3},
  };
  for (const Case& c : cases) {
    EncodingDetection d = DetectEncoding(c.bytes, true);
    EXPECT_EQ(d.encoding, c.encoding);
    EXPECT_EQ(d.bom_length, c.bom_length) << c.encoding;
  }
  EXPECT_FALSE(DetectEncoding(std::string(8, '\0'), true).bom) << "leading NULs are no UTF-32 BOM";
}

// 「你好」 in Big5 is four bytes, A7 41 A6 6E: too short for statistics, decided by order.
TEST(Encoding, FourByteBig5IsBig5NotWindows1252) {
  EncodingDetection d = DetectEncoding("\xA7\x41\xA6\x6E", true);
  EXPECT_EQ(d.encoding, "big5");
  EXPECT_EQ(d.method, DetectionMethod::kStrictDecode);
  ASSERT_EQ(d.rejected.size(), 1u);
  EXPECT_EQ(d.rejected[0].encoding, "utf-8");
  EXPECT_EQ(d.rejected[0].first_invalid_offset, 0u);
  EXPECT_EQ(DetectFixture("two-chars-big5.txt").encoding, "big5");
}

TEST(Encoding, EvidenceGivesTheFirstInvalidOffsetOfEachRejectedCandidate) {
  EncodingDetection d = DetectFixture("big5-hkscs.csv");
  std::string bytes = test::ReadFixture("big5-hkscs.csv");
  size_t hkscs_char = bytes.find("\x9D\xEF");  // 嘅
  ASSERT_NE(hkscs_char, std::string::npos);
  EXPECT_EQ(RejectedAt(d, "utf-8"), 0u) << "地 starts with a Big5 lead byte";
  EXPECT_EQ(RejectedAt(d, "cp950"), hkscs_char) << "嘅 is a user-defined code in CP950";
  EXPECT_FALSE(RejectedAt(d, "big5-hkscs"));
}

TEST(Encoding, TruncatedLastCharacterDoesNotChangeTheAnswer) {
  std::string bytes = test::ReadFixture("truncated-big5.csv");
  EncodingDetection d = DetectEncoding(bytes, true);
  EXPECT_EQ(d.encoding, "big5");
  ASSERT_TRUE(d.first_invalid_offset);
  EXPECT_EQ(*d.first_invalid_offset, bytes.size() - 1);
  EncodingDetection cut_utf8 = DetectEncoding("名稱\xE5\x90", true);
  EXPECT_EQ(cut_utf8.encoding, "utf-8");
  EXPECT_EQ(cut_utf8.first_invalid_offset, 6u);
}

TEST(Encoding, SampleEndingMidCharacterIsNotEvidence) {
  std::string sample = test::kUtf8Text.substr(0, test::kUtf8Text.find("長") + 1);  // 長 cut after 1 byte
  EncodingDetection d = DetectEncoding(sample, false);
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.method, DetectionMethod::kUtf8Valid);
  EXPECT_FALSE(d.first_invalid_offset);
}

TEST(Encoding, Utf8WithARareBadByteStaysUtf8) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "臺北市,資料,開放\n";
  text.insert(96, "\xFF");  // at the start of the fifth line
  EncodingDetection d = DetectEncoding(text, true);
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_EQ(d.method, DetectionMethod::kUtf8Mostly);
  EXPECT_EQ(d.first_invalid_offset, 96u);
}

TEST(Encoding, AsciiIsUtf8AndMatchesAnyAsciiCompatibleDeclaration) {
  EncodingDetection d = DetectEncoding("id,name\n1,a\n", true);
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_TRUE(d.ascii_only);
  EXPECT_EQ(EncodingMatches(d, "BIG5"), true);
  EXPECT_EQ(EncodingMatches(d, "utf-8"), true);
  EXPECT_EQ(EncodingMatches(d, "UTF-16"), false);
}

TEST(Encoding, DeclaredEncodingAliasesAreNormalised) {
  EXPECT_EQ(NormalizeEncodingName("UTF8"), "utf-8");
  EXPECT_EQ(NormalizeEncodingName("utf-8-sig"), "utf-8");
  EXPECT_EQ(NormalizeEncodingName(" BIG5 "), "big5");
  EXPECT_EQ(NormalizeEncodingName("MS950"), "cp950");
  EXPECT_EQ(NormalizeEncodingName("windows_950"), "cp950");
  EXPECT_EQ(NormalizeEncodingName("Big5-HKSCS"), "big5-hkscs");
  EXPECT_EQ(NormalizeEncodingName("GBK"), "gb18030");
  EXPECT_EQ(NormalizeEncodingName("gb2312"), "gb18030");
  EXPECT_EQ(NormalizeEncodingName("Shift_JIS"), "shift-jis");
}

TEST(Encoding, MatchesComparesDetectedWithDeclared) {
  EncodingDetection big5 = DetectFixture("big5.csv");
  EXPECT_EQ(EncodingMatches(big5, ""), std::nullopt) << "nothing declared";
  EXPECT_EQ(EncodingMatches(big5, "Big5"), true);
  EXPECT_EQ(EncodingMatches(big5, "CP950"), true) << "a Big5-only file decodes the same as CP950";
  EXPECT_EQ(EncodingMatches(big5, "UTF-8"), false) << "the data.gov.tw classic: Big5 declared as UTF-8";
  EncodingDetection cp950 = DetectFixture("cp950.csv");
  EXPECT_EQ(EncodingMatches(cp950, "big5"), true) << "agencies call CP950 Big5";
  EXPECT_EQ(EncodingMatches(cp950, "utf8"), false);
  EncodingDetection hkscs = DetectFixture("big5-hkscs.csv");
  EXPECT_EQ(EncodingMatches(hkscs, "big5"), false);
  EncodingDetection bom = DetectFixture("utf8-bom.csv");
  EXPECT_EQ(EncodingMatches(bom, "utf-8-sig"), true);
  EncodingDetection utf16 = DetectFixture("utf16le-bom.csv");
  EXPECT_EQ(EncodingMatches(utf16, "UTF-16"), true);
  EXPECT_EQ(EncodingMatches(utf16, "utf-8"), false);
}

TEST(Encoding, HostileInputNeverCrashesAndIsDeterministic) {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::string junk(1 + rng() % 3000, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    if (round % 3 == 0) std::fill(junk.begin(), junk.begin() + static_cast<long>(junk.size() / 2), '\0');
    EncodingDetection a = DetectEncoding(junk, true);
    EncodingDetection b = DetectEncoding(junk, true);
    EXPECT_EQ(a.encoding, b.encoding);
    EXPECT_FALSE(a.encoding.empty());
    for (const auto& r : a.rejected) EXPECT_LT(r.first_invalid_offset, junk.size());
  }
  // NULs alone are valid UTF-8 (U+0000): reported as such, not as a legacy encoding.
  EXPECT_EQ(DetectEncoding(std::string(100, '\0'), true).encoding, "utf-8");
}

}  // namespace
}  // namespace pintu::quality
