#include "search/normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/cjk_variants.h"

namespace pintu::search {
namespace {

// One shared instance: loading OpenCC's dictionaries is the slow part.
const Normalizer& N() {
  static const std::unique_ptr<Normalizer> n = [] {
    auto r = Normalizer::Create();
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
    return r ? std::move(*r) : nullptr;
  }();
  return *n;
}

// Step 1: NFKC.
TEST(NormalizerTest, NfkcFullWidthLatinAndDigits) {
  EXPECT_EQ(NormalizeWithoutConversion("ＣＳＶ"), "csv");
  EXPECT_EQ(NormalizeWithoutConversion("２０２４"), "2024");
  EXPECT_EQ(NormalizeWithoutConversion("ｶﾀｶﾅ"), "カタカナ");  // half-width kana
  EXPECT_EQ(NormalizeWithoutConversion("①"), "1");
}

TEST(NormalizerTest, NfkcMapsKangxiRadicals) {
  EXPECT_EQ(NormalizeWithoutConversion("\u2F00"), "一");  // ⼀ KANGXI RADICAL ONE
  EXPECT_EQ(NormalizeWithoutConversion("\u2FA7"), "長");  // ⾧ KANGXI RADICAL LONG
  EXPECT_EQ(NormalizeWithoutConversion("\u2F7B"), "羽");  // ⽻ KANGXI RADICAL FEATHER
}

// Step 2: the table.
TEST(NormalizerTest, RadicalSupplementTable) {
  EXPECT_EQ(NormalizeWithoutConversion("⻑照"), "長照");
  EXPECT_EQ(NormalizeWithoutConversion("⻄"), "西");
  EXPECT_EQ(NormalizeWithoutConversion("⻝"), "食");
  EXPECT_EQ(NormalizeWithoutConversion("⻞"), "食");
  EXPECT_EQ(NormalizeWithoutConversion("⻘"), "青");
  EXPECT_EQ(NormalizeWithoutConversion("⺟"), "母");  // NFKC already
}

TEST(NormalizerTest, StrokeTable) {
  EXPECT_EQ(NormalizeWithoutConversion("㇐"), "一");
  EXPECT_EQ(NormalizeWithoutConversion("㇑"), "丨");
}

TEST(NormalizerTest, TableDoesNotDuplicateNfkc) {
  for (char32_t cp = 0x2F00; cp <= 0x2FDF; ++cp) EXPECT_EQ(MapCjkVariant(cp), cp);
  EXPECT_EQ(MapCjkVariant(U'\u2E9F'), U'\u2E9F');  // NFKC maps ⺟
  EXPECT_EQ(MapCjkVariant(U'\u2EF3'), U'\u2EF3');  // NFKC maps ⻳
  EXPECT_EQ(MapCjkVariant(U'a'), U'a');
  EXPECT_EQ(MapCjkVariant(U'\u9577'), U'\u9577');
}

// Step 3: OpenCC s2twp.
TEST(NormalizerTest, SimplifiedToTaiwanTraditional) {
  EXPECT_EQ(N().Normalize("长期照顾"), "長期照顧");
  EXPECT_EQ(N().Normalize("软件"), "軟體");  // phrase conversion, not just characters
  EXPECT_EQ(N().Normalize("長期照顧"), "長期照顧");  // Traditional stays
}

TEST(NormalizerTest, WithoutConversionKeepsSimplified) {
  EXPECT_EQ(NormalizeWithoutConversion("长期照顾"), "长期照顾");
}

// Step 4: 台 → 臺.
TEST(NormalizerTest, TaiBecomesFormal) {
  EXPECT_EQ(NormalizeWithoutConversion("台北"), "臺北");
  EXPECT_EQ(NormalizeWithoutConversion("臺北"), "臺北");
  EXPECT_EQ(N().Normalize("台北"), "臺北");
  EXPECT_EQ(N().Normalize("臺北"), "臺北");
  EXPECT_EQ(N().Normalize("台中市台灣大道"), "臺中市臺灣大道");
  EXPECT_EQ(N().Normalize("台风"), "颱風");  // OpenCC runs first: typhoon is not 臺
}

// Step 5: case folding.
TEST(NormalizerTest, CaseFolding) {
  EXPECT_EQ(NormalizeWithoutConversion("ABC"), "abc");
  EXPECT_EQ(NormalizeWithoutConversion("Straße"), "strasse");  // full folding
  EXPECT_EQ(NormalizeWithoutConversion("ΣΊΣΥΦΟΣ"), "σίσυφοσ");
  EXPECT_EQ(N().Normalize("MRT"), "mrt");
}

// All steps together.
TEST(NormalizerTest, MixedStrings) {
  EXPECT_EQ(N().Normalize("台北市⻑照ＣＳＶ下载"), "臺北市長照csv下載");
  EXPECT_EQ(N().Normalize("长期照顾 Long-Term Care ２０２５"), "長期照顧 long-term care 2025");
  EXPECT_EQ(N().Normalize("台湾 ＡＱＩ 空气污染"), "臺灣 aqi 空氣汙染");
}

TEST(NormalizerTest, Idempotent) {
  for (const char* s : {"台北市⻑照ＣＳＶ下载", "长期照顾", "Straße", "臺北"}) {
    std::string once = N().Normalize(s);
    EXPECT_EQ(N().Normalize(once), once) << s;
  }
}

TEST(NormalizerTest, EmptyString) {
  EXPECT_EQ(N().Normalize(""), "");
  EXPECT_EQ(NormalizeWithoutConversion(""), "");
}

TEST(NormalizerTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(N().Normalize("a\xFF" "b"), "a\uFFFD" "b");
  EXPECT_EQ(N().Normalize("\xE9\x95"), "\uFFFD");  // truncated 3-byte sequence
  EXPECT_EQ(NormalizeWithoutConversion("\xC0\xAF"), "\uFFFD\uFFFD");  // overlong
  EXPECT_EQ(N().Normalize("台\x80"), "臺\uFFFD");
}

TEST(NormalizerTest, ControlCharactersAreKept) {
  EXPECT_EQ(N().Normalize("A\tB\nC"), "a\tb\nc");
  EXPECT_EQ(N().Normalize("x\x01y"), "x\x01y");
  // OpenCC stops at NUL; the normalizer converts around it.
  std::string with_nul("长照\0台北", 13);
  EXPECT_EQ(N().Normalize(with_nul), std::string("長照\0臺北", 13));
}

TEST(NormalizerTest, OneMegabyteString) {
  std::string big;
  while (big.size() < (1u << 20)) big += "台北市长期照顾ＣＳＶ ";
  std::string out = N().Normalize(big);
  std::string unit = "臺北市長期照顧csv ";
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.substr(0, unit.size()), unit);
  EXPECT_EQ(out.find("台"), std::string::npos);
  EXPECT_EQ(out.find("长"), std::string::npos);
}

TEST(NormalizerTest, ConcurrentUseGivesSameResults) {
  const Normalizer& n = N();
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&n, &ok, t] {
      for (int i = 0; i < 200; ++i) ok[t] += n.Normalize("长期照顾台北") == "長期照顧臺北";
    });
  }
  for (auto& th : threads) th.join();
  for (int v : ok) EXPECT_EQ(v, 200);
}

}  // namespace
}  // namespace pintu::search
