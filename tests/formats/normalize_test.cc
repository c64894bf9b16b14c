#include "formats/normalize.h"

#include <gtest/gtest.h>

#include "core/text.h"

namespace pintu::formats {
namespace {

TEST(Normalize, Counts) {
  EXPECT_EQ(ParseCount("7,472"), 7472);
  EXPECT_EQ(ParseCount("1,155,002"), 1155002);
  EXPECT_EQ(ParseCount(" 1"), 1);
  EXPECT_EQ(ParseCount(""), 0);
  EXPECT_EQ(ParseCount("abc"), std::nullopt);
  EXPECT_EQ(ParseCount("-3"), std::nullopt);
  EXPECT_EQ(ParseCount("1.5"), std::nullopt);
  EXPECT_EQ(ParseCount("99999999999999999999999"), std::nullopt);
  EXPECT_EQ(ParseCount(","), std::nullopt);
}

TEST(Normalize, Encodings) {
  EXPECT_EQ(NormalizeEncoding("UTF-8"), "UTF-8");
  EXPECT_EQ(NormalizeEncoding("utf8"), "UTF-8");
  EXPECT_EQ(NormalizeEncoding("utf-8-sig"), "UTF-8");
  EXPECT_EQ(NormalizeEncoding("BIG5"), "Big5");
  EXPECT_EQ(NormalizeEncoding("Big-5"), "Big5");
  EXPECT_EQ(NormalizeEncoding("CP950"), "Big5");
  EXPECT_EQ(NormalizeEncoding("其他"), "");
  EXPECT_EQ(NormalizeEncoding(""), "");
  EXPECT_EQ(NormalizeEncoding("gb2312"), "GB2312");
  EXPECT_EQ(NormalizeEncoding(" EBCDIC-037 "), "EBCDIC-037");
}

TEST(Normalize, AgencyContact) {
  Contact c = ParseAgencyContact("陳翼正 先生 (02-37073100)");
  EXPECT_EQ(c.name, "陳翼正 先生");
  EXPECT_EQ(c.phone, "02-37073100");
  c = ParseAgencyContact("黃先生 (81959022;0281959022)");
  EXPECT_EQ(c.name, "黃先生");
  EXPECT_EQ(c.phone, "81959022;0281959022");
  c = ParseAgencyContact("王小姐（02-2311-7722#2335）");
  EXPECT_EQ(c.name, "王小姐");
  EXPECT_EQ(c.phone, "02-2311-7722#2335");
  c = ParseAgencyContact("02-23491440");
  EXPECT_EQ(c.name, "");
  EXPECT_EQ(c.phone, "02-23491440");
  c = ParseAgencyContact("李小姐");
  EXPECT_EQ(c.name, "李小姐");
  EXPECT_EQ(c.phone, "");
}

TEST(Normalize, Licence) {
  EXPECT_EQ(NormalizeLicense("政府資料開放授權條款-第1版"), "OGDL-Taiwan-1.0");
  EXPECT_EQ(NormalizeLicense("cc-by"), "CC-BY-4.0");
  EXPECT_EQ(NormalizeLicense("ca-ogl-lgo"), "ca-ogl-lgo");
}

TEST(Normalize, StableSlugs) {
  // Fixed values: these slugs are permanent identifiers and must never change.
  EXPECT_EQ(StableHex("abc", 12), "ba7816bf8f01");
  std::string s = DatagovtwListingSlug("文化部", "蒙藏用語對照表");
  EXPECT_EQ(s.size(), 17u);
  EXPECT_TRUE(IsValidSlug(s));
  EXPECT_EQ(s, DatagovtwListingSlug(" 文化部 ", "蒙藏用語對照表\n"));
  EXPECT_NE(s, DatagovtwListingSlug("文化部", "西藏統計資料"));
  EXPECT_EQ(OrgSlugForName("文化部"), "org-" + StableHex("文化部", 10));
  EXPECT_EQ(OrgSlugForName("Geological Society"), "geological-society");
  EXPECT_TRUE(IsValidSlug(OrgSlugForName("文化部")));
}

TEST(Normalize, Slugify) {
  EXPECT_EQ(SlugifyAscii("Zimbabwe Regional Geochemical Survey."), "zimbabwe-regional-geochemical-survey");
  EXPECT_EQ(SlugifyAscii("中文"), "");
  EXPECT_EQ(SlugifyAscii("a"), "");
}

TEST(Normalize, OrgLevel) {
  EXPECT_EQ(GuessOrgLevel("行政院主計總處"), OrgLevel::kCentral);
  EXPECT_EQ(GuessOrgLevel("文化部"), OrgLevel::kCentral);
  EXPECT_EQ(GuessOrgLevel("經濟部水利署"), OrgLevel::kCentral);
  EXPECT_EQ(GuessOrgLevel("交通部中央氣象局"), OrgLevel::kCentral);
  EXPECT_EQ(GuessOrgLevel("行政院農業委員會"), OrgLevel::kCentral);
  EXPECT_EQ(GuessOrgLevel("國立臺灣科學教育館"), OrgLevel::kCentral);
  EXPECT_EQ(GuessOrgLevel("臺灣花蓮地方法院"), OrgLevel::kCentral);
  EXPECT_EQ(GuessOrgLevel("臺北市勞動檢查處"), OrgLevel::kLocal);
  EXPECT_EQ(GuessOrgLevel("台中市政府"), OrgLevel::kLocal);
  EXPECT_EQ(GuessOrgLevel("新北市政府地政局"), OrgLevel::kLocal);
  EXPECT_EQ(GuessOrgLevel("嘉義縣消防局"), OrgLevel::kLocal);
  EXPECT_EQ(GuessOrgLevel("連江縣政府"), OrgLevel::kLocal);
  EXPECT_EQ(GuessOrgLevel("臺東縣政府"), OrgLevel::kLocal);
  EXPECT_EQ(GuessOrgLevel("高雄市政府"), OrgLevel::kLocal);
  EXPECT_EQ(GuessOrgLevel("花蓮縣吉安鄉公所"), OrgLevel::kLocal);
  EXPECT_EQ(GuessOrgLevel("台灣電力股份有限公司"), std::nullopt);
  EXPECT_EQ(GuessOrgLevel("Statistics Canada"), std::nullopt);
  EXPECT_EQ(GuessOrgLevel(""), std::nullopt);
}

TEST(Normalize, TextHelpers) {
  EXPECT_EQ(CleanTitle("新北市自辦市地重劃成果-板橋區\n樹林區\r\n新莊區 "), "新北市自辦市地重劃成果-板橋區 樹林區 新莊區");
  EXPECT_EQ(CleanTitle("a\x01\x1b[31mb"), "a[31mb");
  EXPECT_EQ(SplitList("CSV;JSON; ;XML"), (std::vector<std::string>{"CSV", "JSON", "XML"}));
  EXPECT_EQ(SplitKeywords("空氣、品質,監測；PM2.5"), (std::vector<std::string>{"空氣", "品質", "監測", "PM2.5"}));
  std::string q = Quote(std::string(200, 'x'));
  EXPECT_LT(q.size(), 70u);
}

TEST(Normalize, Languages) {
  EXPECT_EQ(NormalizeLanguage("http://publications.europa.eu/resource/authority/language/ENG"), "en");
  EXPECT_EQ(NormalizeLanguage("http://id.loc.gov/vocabulary/iso639-1/es"), "es");
  EXPECT_EQ(NormalizeLanguage("zh_TW"), "zh-TW");
  EXPECT_EQ(NormalizeLanguage("ca"), "ca");
  EXPECT_EQ(NormalizeLanguage("not a language!"), "");
}

}  // namespace
}  // namespace pintu::formats
