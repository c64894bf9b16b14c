#include "core/vocabulary.h"

#include <gtest/gtest.h>

#include "core/localized_text.h"
#include "core/text.h"

namespace pintu {
namespace {

TEST(Vocabulary, CostSpellings) {
  for (const char* free : {"免費", "無", "0", "free", "FREE", " 免費 "})
    EXPECT_EQ(ParseCostType(free), CostType::kFree) << free;
  EXPECT_EQ(ParseCostType("付費"), CostType::kPaid);
  EXPECT_EQ(ParseCostType("maybe"), std::nullopt);
}

TEST(Vocabulary, FrequencySpellings) {
  EXPECT_EQ(ParseFrequency("每月"), "MONTHLY");
  EXPECT_EQ(ParseFrequency("不定期"), "IRREG");
  EXPECT_EQ(ParseFrequency("即時"), "UPDATE_CONT");
  EXPECT_EQ(ParseFrequency("monthly"), "MONTHLY");
  EXPECT_EQ(ParseFrequency("http://publications.europa.eu/resource/authority/frequency/ANNUAL"), "ANNUAL");
  EXPECT_EQ(ParseFrequency("whenever"), std::nullopt);
}

TEST(Vocabulary, DatasetTypesFromDatagovtw) {
  EXPECT_EQ(ParseDatasetType("原始資料"), DatasetType::kRaw);
  EXPECT_EQ(ParseDatasetType("系統介接程式"), DatasetType::kRealTime);
  EXPECT_EQ(ParseDatasetType("統計資料"), DatasetType::kStatistical);
}

TEST(Vocabulary, LicensesAndThemes) {
  ASSERT_NE(FindLicense("政府資料開放授權條款-第1版"), nullptr);
  EXPECT_EQ(FindLicense("政府資料開放授權條款-第1版")->id, "OGDL-Taiwan-1.0");
  EXPECT_EQ(FindLicense("cc-by")->id, "CC-BY-4.0");
  EXPECT_EQ(FindLicense("no-such-licence"), nullptr);
  ASSERT_NE(FindTheme("老年安養"), nullptr);
  EXPECT_EQ(FindTheme("老年安養")->code, "elderly-care");
  EXPECT_EQ(FindTheme("elderly-care")->eu_theme, "SOCI");
}

TEST(LocalizedText, FallsBackVisibly) {
  LocalizedText t = LocalizedText::Zh("長照");
  std::string used;
  EXPECT_EQ(t.Best("en", &used), "長照");
  EXPECT_EQ(used, "zh-TW");
  t.Set("en", "Long-term care");
  EXPECT_EQ(t.Best("en", &used), "Long-term care");
  EXPECT_EQ(used, "en");
  t.Set("zh_TW", "");
  EXPECT_FALSE(t.Has("zh-TW"));
}

TEST(Text, Utf8AndSlugs) {
  EXPECT_TRUE(IsValidUtf8("長照 ok"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));        // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));    // surrogate
  EXPECT_EQ(FirstInvalidUtf8("ab\xff"), 2u);
  EXPECT_TRUE(IsValidSlug("ltc-2024_a"));
  EXPECT_FALSE(IsValidSlug("Has Space"));
  EXPECT_FALSE(IsValidSlug("a"));
  EXPECT_FALSE(IsValidSlug("'; drop table--"));
  EXPECT_EQ(Trim("\xE3\x80\x80 x \xE3\x80\x80"), "x");
  EXPECT_EQ(PercentDecode(PercentEncodeSegment("長照 a/b.csv")), "長照 a/b.csv");
  EXPECT_TRUE(ContainsHan("care 長照"));
  EXPECT_TRUE(ContainsHan("\xF0\xA0\x80\x80"));  // U+20000, extension B
  EXPECT_FALSE(ContainsHan("care ＣＳＶ かな 한"));  // full-width Latin, kana, hangul
  EXPECT_FALSE(ContainsHan("\xE4\xB8"));           // truncated 中
  EXPECT_FALSE(ContainsHan(""));
}

}  // namespace
}  // namespace pintu
