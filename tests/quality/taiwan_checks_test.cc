#include "quality/taiwan_checks.h"

#include <gtest/gtest.h>

#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/text.h"
#include "quality/cjk_characters.h"
#include "quality/date_shapes.h"
#include "quality/personal_data.h"
#include "quality/taiwan_checks_json.h"

namespace pintu::quality {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Runs the checks over rows (row numbers from 2: the header is row 1).
std::vector<TaiwanWarning> Check(std::vector<std::string> header, const Rows& rows,
                                 TaiwanCheckOptions options = {}) {
  TaiwanChecks checks(std::move(header), options);
  std::uint64_t row = 2;
  for (const auto& r : rows) {
    std::vector<std::string_view> cells(r.begin(), r.end());
    checks.AddRow(row++, cells);
  }
  return checks.Warnings();
}

// One column of values.
std::vector<TaiwanWarning> CheckColumn(const std::vector<std::string>& values, TaiwanCheckOptions options = {}) {
  Rows rows;
  for (const auto& v : values) rows.push_back({v});
  return Check({"欄位"}, rows, options);
}

const TaiwanWarning* Find(const std::vector<TaiwanWarning>& ws, std::string_view type, std::size_t field = 0) {
  for (const auto& w : ws) {
    if (w.type == type && (field == 0 || w.field_number == field)) return &w;
  }
  return nullptr;
}

std::vector<std::string> Types(const std::vector<TaiwanWarning>& ws) {
  std::vector<std::string> t;
  for (const auto& w : ws) t.push_back(w.type);
  return t;
}

// Rows shaped like the Taipei long-term-care lists (authored here, not copied):
// 序號, 機構名稱, 開放床數, 立案日期, 評鑑資訊, 地址, 電話, lat, lon.
const Rows kCareHomes = {
    {"1", "臺北市東區住宿長照機構", "46", "109.5.29", "110年度評鑑合格", "臺北市南港區南港路二段60巷17號2樓",
     "02-26519808", "25.0546551", "121.6042269"},
    {"2", "臺北市北區長青住宿長照機構", "43", "110.1.15", "111年度評鑑合格", "臺北市北投區三合街一段119號2-3樓",
     "02-28921033", "25.1263292", "121.5039805"},
    {"3", "臺北市私立安康老人長期照顧中心(養護型)", "1100", "110.12.1", "", "臺北市士林區天玉街38巷18弄18號1-6樓",
     "02-2872-0239", "25.1201739", "121.530293"},
    {"4", "松德長照事業有限公司附設居家長照機構", "120", "111.3.8", "112年度評鑑優等",
     "臺北市大同區西寧北路112號2樓之4", "02-2550-7869 轉108", "25.0561016", "121.5088671"},
};
const std::vector<std::string> kCareHeader = {"序號", "機構名稱", "開放床數", "立案日期", "評鑑資訊",
                                              "地址", "電話", "lat", "lon"};

TEST(TaiwanChecksTest, RealLookingListFlagsOnlyTheRocDates) {
  auto ws = Check(kCareHeader, kCareHomes);
  ASSERT_EQ(ws.size(), 1u) << ::testing::PrintToString(Types(ws));
  const TaiwanWarning& w = ws[0];
  EXPECT_EQ(w.type, "roc-date");
  EXPECT_EQ(w.field_number, 4u);
  EXPECT_EQ(w.field_name, "立案日期");
  EXPECT_EQ(w.count, 4u);
  EXPECT_EQ(w.row_numbers, (std::vector<std::uint64_t>{2, 3, 4, 5}));
  EXPECT_EQ(w.example, "109.5.29");
  EXPECT_EQ(w.suggestion, "2020-05-29");
  EXPECT_NE(w.message.en.find("2020-05-29"), std::string::npos);
  EXPECT_NE(w.message.zh_tw.find("西元 2020-05-29"), std::string::npos);
  EXPECT_FALSE(w.hint.en.empty());
  EXPECT_FALSE(w.hint.zh_tw.empty());
  EXPECT_EQ(w.severity, "warning");
}

TEST(TaiwanChecksTest, RocDateSpellings) {
  for (auto [cell, gregorian] : std::vector<std::pair<std::string, std::string>>{
           {"110/01/05", "2021-01-05"},
           {"110-1-5", "2021-01-05"},
           {"民國110年1月5日", "2021-01-05"},
           {"110年1月5日", "2021-01-05"},
           {"中華民國113年2月29日", "2024-02-29"},
           {"110年1月", "2021-01"}}) {
    auto ws = CheckColumn({cell});
    const TaiwanWarning* w = Find(ws, "roc-date");
    ASSERT_NE(w, nullptr) << cell;
    EXPECT_EQ(w->suggestion, gregorian) << cell;
    EXPECT_NE(w->message.en.find(gregorian), std::string::npos) << cell;
  }
}

TEST(TaiwanChecksTest, CountsAndIntegersAreNotRocDates) {
  // A count column that happens to contain 1100, 110 and even a date-valid 1100105.
  auto ws = CheckColumn({"1100", "110", "35", "1100105", "12000", "7"});
  EXPECT_EQ(Find(ws, "roc-date"), nullptr);
  EXPECT_EQ(Find(ws, "mixed-date-formats"), nullptr);
  // Gregorian dates are not ROC dates.
  EXPECT_TRUE(CheckColumn({"2021/01/05", "2018/08/31", "2012/01/03"}).empty());
  // Fiscal years, versions, ambiguous short dates, postal codes.
  EXPECT_TRUE(CheckColumn({"110年度評鑑合格", "10.1.2", "12/11/10", "11280", "105013"}).empty());
}

TEST(TaiwanChecksTest, CompactRocDatesOnlyInADateColumn) {
  auto ws = CheckColumn({"1100105", "1100212", "1091231", "1120301", ""});
  const TaiwanWarning* w = Find(ws, "roc-date");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 4u);
  EXPECT_EQ(w->suggestion, "2021-01-05");
  // Mostly numbers: the same values are numbers.
  EXPECT_EQ(Find(CheckColumn({"1100105", "1100212", "55", "1234567", "89", "100"}), "roc-date"), nullptr);
}

TEST(TaiwanChecksTest, MixedDateFormats) {
  auto ws = CheckColumn({"2021/01/05", "2021/02/11", "2021-1-5", "110/01/05", "2021/03/15"});
  const TaiwanWarning* w = Find(ws, "mixed-date-formats");
  ASSERT_NE(w, nullptr);
  ASSERT_EQ(w->formats.size(), 3u);
  EXPECT_EQ(w->formats[0].first, "YYYY/MM/DD");
  EXPECT_EQ(w->formats[0].second, 3u);
  EXPECT_EQ(w->count, 2u);  // the cells not in the main format
  EXPECT_EQ(w->row_numbers, (std::vector<std::uint64_t>{4, 5}));
  EXPECT_NE(w->message.en.find("ROC YYY/MM/DD (1)"), std::string::npos);
  EXPECT_NE(w->message.zh_tw.find("3 種格式"), std::string::npos);
  EXPECT_NE(Find(ws, "roc-date"), nullptr);  // the ROC cell is flagged too
}

TEST(TaiwanChecksTest, PaddingMixedOnlyWhenBothSpellingsOccur) {
  // 2021/12/25 is written the same way padded or not: one format.
  EXPECT_EQ(Find(CheckColumn({"2021/1/5", "2021/12/25", "2021/3/9"}), "mixed-date-formats"), nullptr);
  EXPECT_EQ(Find(CheckColumn({"2021/01/05", "2021/12/25"}), "mixed-date-formats"), nullptr);
  auto ws = CheckColumn({"2021/01/05", "2021/1/5", "2021/02/07"});
  const TaiwanWarning* w = Find(ws, "mixed-date-formats");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->formats[0].first, "YYYY/MM/DD");
  EXPECT_EQ(w->formats[1].first, "YYYY/M/D");
  EXPECT_EQ(w->row_numbers, (std::vector<std::uint64_t>{3}));
  EXPECT_EQ(w->example, "2021/1/5");
}

TEST(TaiwanChecksTest, FullWidthCharacters) {
  auto ws = CheckColumn({"ＡＢＣ１２３", "ok", "（０２）２３４５－６７８９"});
  const TaiwanWarning* w = Find(ws, "full-width-characters");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 2u);
  EXPECT_EQ(w->row_numbers, (std::vector<std::uint64_t>{2, 4}));
  EXPECT_EQ(w->suggestion, "ABC123");
  EXPECT_NE(w->message.en.find("ABC123"), std::string::npos);
  EXPECT_NE(w->message.zh_tw.find("半形"), std::string::npos);
}

TEST(TaiwanChecksTest, FullWidthPunctuationInChineseTextIsCorrect) {
  EXPECT_TRUE(CheckColumn({"臺北市（大安區）", "松山、信義", "服務：日間照顧", "臺北市　大安區"}).empty());
  // Full-width digits inside Chinese text are still flagged.
  EXPECT_NE(Find(CheckColumn({"南京東路５段"}), "full-width-characters"), nullptr);
  EXPECT_EQ(ToHalfWidth("（０２）　ＡＢ"), "(02) AB");
}

TEST(TaiwanChecksTest, CjkRadicalsAndCompatibilityCharacters) {
  // U+2ED1 CJK RADICAL LONG ONE, U+2FA7 KANGXI RADICAL LONG, U+2EC4 CJK RADICAL WEST TWO.
  auto ws = CheckColumn({"\u2ED1照服務", "長照服務", "\u2FA7期照顧", "臺北市\u2EC4區"});
  const TaiwanWarning* w = Find(ws, "cjk-compatibility-character");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 3u);
  EXPECT_EQ(w->row_numbers, (std::vector<std::uint64_t>{2, 4, 5}));
  EXPECT_EQ(w->suggestion, "長照服務");
  EXPECT_NE(w->message.en.find("\u2ED1 (U+2ED1) → 長"), std::string::npos) << w->message.en;
  EXPECT_NE(w->message.en.find("\u2FA7 (U+2FA7) → 長"), std::string::npos) << w->message.en;  // NFKC
  EXPECT_NE(w->message.en.find("\u2EC4 (U+2EC4) → 西"), std::string::npos) << w->message.en;  // table
  EXPECT_NE(w->message.zh_tw.find("部首"), std::string::npos);
}

TEST(TaiwanChecksTest, CompatibilityIdeographs) {
  EXPECT_EQ(CjkCompatibilityReplacement(U'\uF900'), U'\u8C48');  // 豈 → 豈 (NFKC)
  EXPECT_EQ(CjkCompatibilityReplacement(U'\u31D0'), U'\u4E00');  // ㇐ → 一 (table)
  EXPECT_TRUE(IsCjkCompatibilityCharacter(U'\uF900'));
  EXPECT_FALSE(IsCjkCompatibilityCharacter(U'\uFA0E'));  // 﨎 is a unified ideograph
  EXPECT_FALSE(IsCjkCompatibilityCharacter(U'\u9577'));  // 長
  EXPECT_TRUE(CheckColumn({"\uFA0E"}).empty());
  EXPECT_NE(Find(CheckColumn({"\U0002F800"}), "cjk-compatibility-character"), nullptr);
}

TEST(TaiwanChecksTest, NationalIdIsAnErrorAndNeverPrintedWhole) {
  auto ws = Check({"姓名", "身分證字號"}, {{"王小明", "A123456789"}, {"陳小華", "A800000014"}, {"林", "A123456788"}});
  const TaiwanWarning* w = Find(ws, "personal-data-national-id");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->severity, "error");
  EXPECT_EQ(w->field_number, 2u);
  EXPECT_EQ(w->count, 2u);  // the third has a wrong check digit
  EXPECT_EQ(w->example, "A12****789");
  std::string json = boost::json::serialize(TaiwanWarningsToJson(ws));
  EXPECT_EQ(json.find("A123456789"), std::string::npos);
  EXPECT_EQ(json.find("A800000014"), std::string::npos);
  EXPECT_NE(json.find("A12****789"), std::string::npos);
}

TEST(TaiwanChecksTest, PhonesVersusIdsVersusLandlines) {
  auto ws = Check({"電話", "聯絡人手機"}, {{"02-2828-1328", "0912-345-678"}, {"2761-6300", "0987654321"}});
  EXPECT_EQ(Find(ws, "personal-data-phone", 1), nullptr);
  EXPECT_EQ(Find(ws, "personal-data-national-id"), nullptr);
  const TaiwanWarning* w = Find(ws, "personal-data-phone", 2);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 2u);
  EXPECT_EQ(w->example, "0912-***-678");
}

TEST(TaiwanChecksTest, Emails) {
  auto ws = CheckColumn({"service@mail.taipei.gov.tw", "無", "wang@example.org"});
  const TaiwanWarning* w = Find(ws, "personal-data-email");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 2u);
  EXPECT_EQ(w->example, "s***@mail.taipei.gov.tw");
}

TEST(TaiwanChecksTest, LeadingAndTrailingSpaces) {
  auto ws = CheckColumn({" 松山", "信義 ", "\xE3\x80\x80大安", "中山"});
  const TaiwanWarning* w = Find(ws, "leading-trailing-whitespace");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 3u);
  EXPECT_EQ(w->suggestion, "松山");
}

TEST(TaiwanChecksTest, RowNumbersAreCappedButCountsAreNot) {
  std::vector<std::string> values(100, "110/1/5");
  auto ws = CheckColumn(values);
  const TaiwanWarning* w = Find(ws, "roc-date");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 100u);
  EXPECT_EQ(w->row_numbers, (std::vector<std::uint64_t>{2, 3, 4, 5, 6}));
}

TEST(TaiwanChecksTest, ColumnDateFamilyForSchemaInference) {
  TaiwanChecks checks({"a", "b", "c"});
  std::vector<std::vector<std::string>> rows = {
      {"2021/01/05", "2021-01-05", "x"}, {"2021/1/6", "110/01/05", "y"}, {"", "2021-02-01", "2021-02-01"}};
  std::uint64_t row = 2;
  for (const auto& r : rows) {
    std::vector<std::string_view> cells(r.begin(), r.end());
    checks.AddRow(row++, cells);
  }
  EXPECT_EQ(checks.ColumnDateFamily(0), std::optional<DateFamily>(DateFamily::kSlash));
  EXPECT_EQ(checks.ColumnDateFamily(1), std::nullopt);  // two families
  EXPECT_EQ(checks.ColumnDateFamily(2), std::nullopt);  // mostly not dates
}

TEST(TaiwanChecksTest, HostileCellsNeitherCrashNorBreakJson) {
  std::string huge_digits(1 << 20, '7');
  std::string huge_cjk;
  for (int i = 0; i < 100000; ++i) huge_cjk += "長\u2ED1Ａ";
  std::string nuls("110/1/5\0\0A123456789", 19);
  std::string invalid = "\xFF\xE2\xBB\xE3\x80\xEF\xBC\xF0\xAF\xA0";  // truncated sequences
  std::string lone_lead_at_end = "abc\xE2";
  auto ws = CheckColumn({huge_digits, huge_cjk, nuls, invalid, lone_lead_at_end, std::string(1 << 16, '@')});
  EXPECT_NE(Find(ws, "cjk-compatibility-character"), nullptr);
  EXPECT_NE(Find(ws, "full-width-characters"), nullptr);
  for (const TaiwanWarning& w : ws) EXPECT_LE(w.example.size(), 80u + 8u) << w.type;
  std::string json = boost::json::serialize(TaiwanWarningsToJson(ws));
  EXPECT_TRUE(IsValidUtf8(json));
}

TEST(TaiwanChecksTest, InvalidUtf8FieldNamesAndExamplesAreRepaired) {
  auto ws = Check({"\xFF\xFE"}, {{"\xFF 110/1/5"}, {"\xC0 "}});
  std::string json = boost::json::serialize(TaiwanWarningsToJson(ws));
  EXPECT_TRUE(IsValidUtf8(json));
  EXPECT_NE(Find(ws, "leading-trailing-whitespace"), nullptr);
}

TEST(TaiwanChecksTest, JsonShape) {
  auto ws = CheckColumn({"110/01/05", "2021/01/05"});
  boost::json::array a = TaiwanWarningsToJson(ws);
  ASSERT_FALSE(a.empty());
  const boost::json::object& roc = a[0].as_object();
  EXPECT_EQ(roc.at("type").as_string(), "roc-date");
  EXPECT_EQ(roc.at("fieldNumber").as_uint64(), 1u);
  EXPECT_EQ(roc.at("fieldName").as_string(), "欄位");
  EXPECT_EQ(roc.at("rowNumbers").as_array().size(), 1u);
  EXPECT_EQ(roc.at("count").as_uint64(), 1u);
  EXPECT_EQ(roc.at("suggestion").as_string(), "2021-01-05");
  for (const char* key : {"message", "messageZh", "hint", "hintZh", "severity", "example"}) {
    EXPECT_TRUE(roc.contains(key)) << key;
  }
  const boost::json::object& mixed = a[1].as_object();
  EXPECT_EQ(mixed.at("type").as_string(), "mixed-date-formats");
  EXPECT_EQ(mixed.at("formats").as_array().size(), 2u);
}

TEST(TaiwanChecksTest, MemoryDoesNotGrowWithRows) {
  TaiwanChecks checks({"日期", "名稱", "手機"});
  std::size_t after_warmup = 0;
  for (std::uint64_t i = 0; i < 200000; ++i) {
    std::string date = "110/" + std::to_string(1 + i % 12) + "/" + std::to_string(1 + i % 28);
    std::string name = (i % 2) ? "\u2ED1照站" : " ＡＢＣ";
    std::string phone = "09" + std::to_string(10000000 + i);
    std::string_view cells[3] = {date, name, phone};
    checks.AddRow(i + 2, cells);
    if (i == 1000) after_warmup = checks.MemoryBytes();
  }
  EXPECT_EQ(checks.MemoryBytes(), after_warmup);
  EXPECT_LT(after_warmup, std::size_t{64} << 10);
  auto ws = checks.Warnings();
  const TaiwanWarning* w = Find(ws, "personal-data-phone");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 200000u);
}

// The warning types a one-cell column must get, straight from the detectors (no
// prefilter): the prefilters of TaiwanChecks may skip work, never findings.
std::set<std::string> ExpectedTypes(std::string_view cell) {
  std::set<std::string> types;
  if (cell.empty()) return types;
  const bool spaced = cell.front() == ' ' || cell.front() == '\t' || cell.back() == ' ' || cell.back() == '\t' ||
                      cell.starts_with("\u3000") || cell.ends_with("\u3000");
  if (spaced) types.insert("leading-trailing-whitespace");
  if (cell.size() <= 60) {
    // One cell is the whole column, so compact ROC dates count too.
    if (auto d = ClassifyDateShape(cell); d && IsRocFamily(d->family)) types.insert("roc-date");
  }
  const CjkCharacterFindings cjk = ScanCjkCharacters(cell);
  if (cjk.full_width) types.insert("full-width-characters");
  if (cjk.has_compatibility()) types.insert("cjk-compatibility-character");
  if (FindTaiwanIdNumber(cell)) types.insert("personal-data-national-id");
  if (FindMobilePhone(cell)) types.insert("personal-data-phone");
  if (FindEmailAddress(cell)) types.insert("personal-data-email");
  return types;
}

std::set<std::string> ActualTypes(const std::string& cell) {
  const std::vector<std::string> t = Types(CheckColumn({cell}));
  return {t.begin(), t.end()};
}

TEST(TaiwanChecksTest, PrefiltersNeverHideAFinding) {
  // Findings placed at every offset around the 4-, 8- and 16-byte steps of the byte scan.
  const std::vector<std::string> findings = {
      "0912345678", "0912-345-678", "+886 912 345 678", "886912345678", "+886-912-345-678", "A123456789",
      "a@b.tw", "x.y@example.com.tw", "110/1/5", "110.01.05", "民國110年1月5日", "中華民國99年12月",
      "1100105", "\u3000110-1-5", " 2021/01/05", "１２３", "Ａ", "（０２）", "\u2ED1", "\uF967", "\U0002F800", "\u3000"};
  std::vector<std::string> cells;
  for (const std::string& f : findings) {
    for (std::size_t pad = 0; pad <= 18; ++pad) {
      cells.push_back(std::string(pad, 'x') + f);
      cells.push_back(std::string(pad, ' ') + f);
      cells.push_back(f + std::string(pad, '-'));
      std::string cjk;
      for (std::size_t i = 0; i < pad; ++i) cjk += "臺";
      cells.push_back(cjk + f);
      cells.push_back(f + cjk);
    }
  }
  // And random cells made of the pieces the detectors look for.
  static const char* kPieces[] = {"0", "9", "1", "2", "5", "6", "8", "886", "09", "+", "-", "/", ".", " ", "\t",
                                  "@", "a", "A", "x", "tw", "民國", "年", "月", "日", "臺", "\u3000", "１", "Ａ",
                                  "（", "\u2ED1", "\uF967", "é", "\xE2", "\xEF", "\xF0"};
  std::mt19937 rng(20261127);
  for (int i = 0; i < 4000; ++i) {
    std::string cell;
    const int parts = 1 + static_cast<int>(rng() % 14);
    for (int p = 0; p < parts; ++p) cell += kPieces[rng() % std::size(kPieces)];
    cells.push_back(std::move(cell));
  }
  std::size_t with_findings = 0;
  for (const std::string& cell : cells) {
    const std::set<std::string> expected = ExpectedTypes(cell);
    with_findings += !expected.empty();
    ASSERT_EQ(ActualTypes(cell), expected) << "cell \"" << cell << "\" (" << cell.size() << " bytes)";
  }
  EXPECT_GT(with_findings, cells.size() / 4);  // the corpus really exercises the detectors
}

TEST(TaiwanChecksTest, FindingsInTheLastBytesOfLongCells) {
  // The byte scan reads the tail of a cell with an overlapping load: findings there count.
  const std::string filler(37, 'y');
  EXPECT_EQ(ActualTypes(filler + " 0912345678"), (std::set<std::string>{"personal-data-phone"}));
  EXPECT_EQ(ActualTypes(filler + " a@b.tw"), (std::set<std::string>{"personal-data-email"}));
  EXPECT_EQ(ActualTypes(filler + "１"), (std::set<std::string>{"full-width-characters"}));
  EXPECT_EQ(ActualTypes(filler + " A123456789"), (std::set<std::string>{"personal-data-national-id"}));
  // Landlines and coordinates (digits, no mobile prefix) stay quiet.
  EXPECT_TRUE(ActualTypes("02-2345-6789").empty());
  EXPECT_TRUE(ActualTypes("25.0123456").empty());
  EXPECT_TRUE(ActualTypes("8869 1234 5678").empty());
}

}  // namespace
}  // namespace pintu::quality
