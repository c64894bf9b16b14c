#include "quality/column_profile.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "core/text.h"
#include "quality/cell_types.h"
#include "quality/hyperloglog.h"
#include "quality/profile_json.h"
#include "quality/value_hash.h"

namespace pintu::quality {
namespace {

constexpr TypeMask kInt = kTypeInteger | kTypeNumber;
constexpr TypeMask kNum = kTypeNumber;

// Feeds rows of cells (row numbers from 2: the header is row 1) with per-cell masks.
void Feed(TableProfile& p, const std::vector<std::vector<std::string>>& rows,
          const std::vector<std::vector<TypeMask>>& masks = {}) {
  std::uint64_t row = 2;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string_view> cells(rows[r].begin(), rows[r].end());
    std::span<const TypeMask> m;
    if (r < masks.size()) m = masks[r];
    p.AddRow(row++, cells, m);
  }
}

// A small list shaped like the Taipei long-term-care lists (authored here).
TableProfile& CareHomes() {
  static TableProfile* p = [] {
    auto* t = new TableProfile({"序號", "機構名稱", "開放床數", "區別", "電話"});
    Feed(*t,
         {{"1", "松山老人日間照顧中心", "35", "松山", "2761-6300"},
          {"2", "信義老人服務暨日間照顧中心", "20", "信義", "8787-0300"},
          {"3", "大安老人日間照顧中心", "", "大安", "2709-1234"},
          {"4", "中山老人日間照顧中心", "9", "中山", "2511-0000"},
          {"5", "松山老人日間照顧中心", "120", "松山", ""},
          {"6", "萬華老人日間照顧中心", "10", "松山", "2302-1111"}},
         {{kInt, 0, kInt, 0, 0},
          {kInt, 0, kInt, 0, 0},
          {kInt, 0, 0, 0, 0},
          {kInt, 0, kInt, 0, 0},
          {kInt, 0, kInt, 0, 0},
          {kInt, 0, kInt, 0, 0}});
    return t;
  }();
  return *p;
}

TEST(TypeMaskTest, PreferredTypeFollowsFrictionlessOrder) {
  EXPECT_EQ(PreferredTypeName(kTypeInteger | kTypeNumber | kTypeYear | kTypeBoolean), "integer");
  EXPECT_EQ(PreferredTypeName(kTypeNumber), "number");
  EXPECT_EQ(PreferredTypeName(kTypeDate | kTypeDatetime), "datetime");
  EXPECT_EQ(PreferredTypeName(kTypeBoolean), "boolean");
  EXPECT_EQ(PreferredTypeName(kTypeYear), "year");
  EXPECT_EQ(PreferredTypeName(0), "string");
  EXPECT_EQ(TypeBitName(kTypeYearMonth), "yearmonth");
  EXPECT_EQ(TypeBitName(kTypeInteger | kTypeNumber), "string");  // not one bit
}

TEST(ColumnProfileTest, CountsRowsFieldsAndNulls) {
  const TableProfile& p = CareHomes();
  EXPECT_EQ(p.rows(), 6u);
  EXPECT_EQ(p.field_count(), 5u);
  ColumnSummary beds = p.Summarize(2);
  EXPECT_EQ(beds.name, "開放床數");
  EXPECT_EQ(beds.non_null, 5u);
  EXPECT_EQ(beds.null_count, 1u);
  EXPECT_NEAR(beds.null_ratio, 1.0 / 6.0, 1e-12);
  ColumnSummary id = p.Summarize(0);
  EXPECT_EQ(id.null_count, 0u);
  EXPECT_EQ(id.null_ratio, 0.0);
}

TEST(ColumnProfileTest, InfersNarrowestSharedType) {
  const TableProfile& p = CareHomes();
  EXPECT_EQ(p.Summarize(0).type, "integer");
  EXPECT_EQ(p.Summarize(2).type, "integer");  // the null cell's mask does not count
  EXPECT_EQ(p.Summarize(1).type, "string");

  TableProfile t({"a", "b", "c", "d"});
  Feed(t, {{"1", "1", "2021-01-05", ""}, {"1.5", "x", "2021-02-05", ""}},
       {{kInt, kInt, kTypeDate, 0}, {kNum, 0, kTypeDate, 0}});
  EXPECT_EQ(t.Summarize(0).type, "number");  // integer ∩ number
  EXPECT_EQ(t.Summarize(1).type, "string");  // one cell is text
  EXPECT_EQ(t.Summarize(2).type, "date");
  EXPECT_EQ(t.Summarize(3).type, "any");     // no value at all
}

TEST(ColumnProfileTest, NumericMinMaxWhenNumericElseBytewise) {
  const TableProfile& p = CareHomes();
  ColumnSummary beds = p.Summarize(2);
  ASSERT_TRUE(beds.min && beds.max);
  EXPECT_EQ(beds.min->kind, ProfileBound::Kind::kInteger);
  EXPECT_EQ(beds.min->integer, 9);    // numerically, not "10" < "9"
  EXPECT_EQ(beds.max->integer, 120);  // bytewise "35" would win
  ColumnSummary district = p.Summarize(3);
  ASSERT_TRUE(district.min && district.max);
  EXPECT_EQ(district.min->kind, ProfileBound::Kind::kText);
  EXPECT_EQ(district.min->text, "中山");  // U+4E2D is the smallest first byte sequence
  EXPECT_EQ(district.max->text, "松山");

  TableProfile t({"n"});
  Feed(t, {{"1,234.5"}, {"-0.25"}, {"+7"}}, {{kNum}, {kNum}, {kInt}});
  ColumnSummary n = t.Summarize(0);
  ASSERT_TRUE(n.min && n.max);
  EXPECT_EQ(n.type, "number");
  EXPECT_EQ(n.min->kind, ProfileBound::Kind::kNumber);
  EXPECT_DOUBLE_EQ(n.min->number, -0.25);
  EXPECT_DOUBLE_EQ(n.max->number, 1234.5);  // thousands separator understood
}

TEST(ColumnProfileTest, IntegersBeyondInt64FallBackToNumbers) {
  TableProfile t({"big"});
  Feed(t, {{"99999999999999999999"}, {"1"}}, {{kInt}, {kInt}});
  ColumnSummary s = t.Summarize(0);
  ASSERT_TRUE(s.max);
  EXPECT_EQ(s.type, "integer");
  EXPECT_EQ(s.max->kind, ProfileBound::Kind::kNumber);
  EXPECT_DOUBLE_EQ(s.max->number, 1e20);
}

TEST(ColumnProfileTest, DistinctUniqueAndKeyCandidates) {
  const TableProfile& p = CareHomes();
  ColumnSummary id = p.Summarize(0);
  EXPECT_EQ(id.distinct, 6u);
  EXPECT_TRUE(id.distinct_exact);
  EXPECT_EQ(id.unique, std::optional<bool>(true));
  EXPECT_EQ(id.key_candidate, std::optional<bool>(true));
  ColumnSummary name = p.Summarize(1);
  EXPECT_EQ(name.distinct, 5u);  // 松山老人日間照顧中心 twice
  EXPECT_EQ(name.unique, std::optional<bool>(false));
  EXPECT_EQ(name.key_candidate, std::optional<bool>(false));
  ColumnSummary phone = p.Summarize(4);
  EXPECT_EQ(phone.unique, std::optional<bool>(true));         // distinct among values
  EXPECT_EQ(phone.key_candidate, std::optional<bool>(false));  // but one is missing
}

TEST(ColumnProfileTest, TopValuesExactForFewDistinctValues) {
  ColumnSummary district = CareHomes().Summarize(3);
  EXPECT_TRUE(district.top_exact);
  ASSERT_EQ(district.top.size(), 4u);
  EXPECT_EQ(district.top[0].value, "松山");
  EXPECT_EQ(district.top[0].count, 3u);
  EXPECT_EQ(district.top[1].count, 1u);
  // Ties are ordered by value bytes, so reports are stable.
  EXPECT_LT(district.top[1].value, district.top[2].value);
}

TEST(ColumnProfileTest, TopValuesFindHeavyHitterInLongStream) {
  ProfileOptions o;
  o.top_counters = 16;
  TableProfile t({"v"}, o);
  std::uint64_t heavy = 0;
  for (int i = 0; i < 50000; ++i) {
    std::string v = (i % 7 == 0) ? "臺北市" : "v" + std::to_string(i);
    heavy += (i % 7 == 0);
    std::string_view cell = v;
    t.AddRow(i + 2, std::span<const std::string_view>(&cell, 1));
  }
  ColumnSummary s = t.Summarize(0);
  EXPECT_FALSE(s.top_exact);
  ASSERT_FALSE(s.top.empty());
  EXPECT_EQ(s.top[0].value, "臺北市");
  EXPECT_GE(s.top[0].count, heavy);  // Space-Saving overestimates, never under
  EXPECT_LE(s.top[0].count - s.top[0].error, heavy);
}

TEST(ColumnProfileTest, SampleIsDeterministicAndFromTheColumn) {
  auto run = [] {
    TableProfile t({"v"});
    for (int i = 0; i < 1000; ++i) {
      std::string v = "value-" + std::to_string(i);
      std::string_view cell = v;
      t.AddRow(i + 2, std::span<const std::string_view>(&cell, 1));
    }
    return t.Summarize(0).sample;
  };
  std::vector<SampledValue> a = run(), b = run();
  ASSERT_EQ(a.size(), 5u);
  ASSERT_EQ(b.size(), 5u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].value, b[i].value);
    EXPECT_EQ(a[i].value, "value-" + std::to_string(a[i].row_number - 2));
    if (i > 0) {
      EXPECT_LT(a[i - 1].row_number, a[i].row_number);
    }
  }
  // A uniform sample of 1000 values is not just the first five.
  EXPECT_GT(a.back().row_number, 7u);
}

TEST(ColumnProfileTest, LengthsCountCharactersNotBytes) {
  ColumnSummary name = CareHomes().Summarize(1);
  EXPECT_EQ(name.min_length, std::optional<std::size_t>(10));  // 松山老人日間照顧中心
  EXPECT_EQ(name.max_length, std::optional<std::size_t>(13));  // 信義老人服務暨日間照顧中心
}

TEST(ColumnProfileTest, MissingValuesAreConfigurable) {
  ProfileOptions o;
  o.missing_values = {"", "-", "NA"};
  TableProfile t({"v"}, o);
  EXPECT_TRUE(t.IsMissing("-"));
  EXPECT_FALSE(t.IsMissing("na"));
  Feed(t, {{"-"}, {"NA"}, {"3"}, {""}});
  ColumnSummary s = t.Summarize(0);
  EXPECT_EQ(s.null_count, 3u);
  EXPECT_EQ(s.non_null, 1u);
  // With the default, only the empty string is missing.
  TableProfile d({"v"});
  EXPECT_FALSE(d.IsMissing("-"));
  EXPECT_TRUE(d.IsMissing(""));
}

TEST(ColumnProfileTest, ShortRowsCountAsNullAndExtraCellsAreIgnored) {
  TableProfile t({"a", "b"});
  Feed(t, {{"1"}, {"1", "2", "3", "4"}});
  EXPECT_EQ(t.Summarize(1).null_count, 1u);
  EXPECT_EQ(t.Summarize(1).non_null, 1u);
  EXPECT_EQ(t.profiled_field_count(), 2u);
}

TEST(ColumnProfileTest, ColumnCountIsCapped) {
  ProfileOptions o;
  o.max_columns = 100;
  std::vector<std::string> names;
  for (int i = 0; i < 5000; ++i) names.push_back("c" + std::to_string(i));
  TableProfile t(names, o);
  std::vector<std::string_view> cells(5000, "x");
  t.AddRow(2, cells);
  EXPECT_EQ(t.field_count(), 5000u);
  EXPECT_EQ(t.profiled_field_count(), 100u);
  EXPECT_LT(t.MemoryBytes(), std::size_t{4} << 20);
}

TEST(ColumnProfileTest, HostileCellsAreCappedAndSafe) {
  ProfileOptions o;
  o.max_value_bytes = 16;
  TableProfile t({"v"}, o);
  std::string huge(1 << 20, 'a');
  std::string nul("a\0b", 3);
  std::string invalid = "\xFF\xFE\xE2\xBB";  // not UTF-8, ends inside a sequence
  std::string cjk_long = "長期照顧服務長期照顧服務";  // 36 bytes, cap falls inside a character
  Feed(t, {{huge}, {nul}, {invalid}, {cjk_long}}, {{kNum}, {kInt}, {kNum}, {0}});
  ColumnSummary s = t.Summarize(0);
  EXPECT_EQ(s.max_length, std::optional<std::size_t>(1 << 20));
  EXPECT_EQ(s.type, "string");
  for (const TopValue& v : s.top) EXPECT_LE(v.value.size(), 16u);
  for (const SampledValue& v : s.sample) EXPECT_LE(v.value.size(), 16u);
  ASSERT_TRUE(s.max);
  EXPECT_LE(s.max->text.size(), 16u);

  boost::json::object j = ProfileToJson(t);
  std::string out = boost::json::serialize(j);
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_NE(out.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD for the bad bytes
  EXPECT_NE(out.find("長期照顧服\xE2\x80\xA6"), std::string::npos);  // cut at a character
  EXPECT_NE(out.find("aaaaaaaaaaaaaaaa\xE2\x80\xA6"), std::string::npos);
}

TEST(ProfileJsonTest, ShapeOfTheProfileSection) {
  boost::json::object j = ProfileToJson(CareHomes());
  EXPECT_EQ(j.at("rows").as_uint64(), 6u);
  EXPECT_EQ(j.at("fields_count").as_uint64(), 5u);
  const boost::json::array& fields = j.at("fields").as_array();
  ASSERT_EQ(fields.size(), 5u);
  const boost::json::object& beds = fields[2].as_object();
  EXPECT_EQ(beds.at("name").as_string(), "開放床數");
  EXPECT_EQ(beds.at("type").as_string(), "integer");
  EXPECT_NEAR(beds.at("nullRatio").as_double(), 1.0 / 6.0, 1e-12);
  EXPECT_EQ(beds.at("min").as_int64(), 9);
  EXPECT_EQ(beds.at("max").as_int64(), 120);
  EXPECT_EQ(beds.at("distinct").as_uint64(), 5u);
  EXPECT_TRUE(beds.at("distinctExact").as_bool());
  EXPECT_EQ(beds.at("minLength").as_uint64(), 1u);
  const boost::json::object& district = fields[3].as_object();
  EXPECT_EQ(district.at("min").as_string(), "中山");
  const boost::json::array& top = district.at("top").as_array();
  ASSERT_FALSE(top.empty());
  EXPECT_EQ(top[0].at("value").as_string(), "松山");
  EXPECT_EQ(top[0].at("count").as_uint64(), 3u);
  EXPECT_TRUE(district.at("topExact").as_bool());
  EXPECT_EQ(district.at("sample").as_array().size(), 5u);
  EXPECT_TRUE(fields[0].at("keyCandidate").as_bool());
  EXPECT_FALSE(fields[1].at("unique").as_bool());
}

TEST(ProfileJsonTest, UnknownsAreNull) {
  TableProfile t({"empty"});
  Feed(t, {{""}});
  boost::json::object f = ProfileToJson(t).at("fields").as_array()[0].as_object();
  EXPECT_EQ(f.at("type").as_string(), "any");
  EXPECT_TRUE(f.at("min").is_null());
  EXPECT_TRUE(f.at("minLength").is_null());
  EXPECT_EQ(f.at("nullRatio").as_double(), 1.0);
  EXPECT_FALSE(f.at("keyCandidate").as_bool());  // no value cannot be a key
}

// HyperLogLog on its own: the relative error stays within ~3.5 standard errors
// (1.04/√16384 ≈ 0.8 %) across the small, transition and large ranges.
TEST(HyperLogLogTest, EstimateWithinThreePercent) {
  for (std::uint64_t n : {100u, 1000u, 10000u, 30000u, 60000u, 200000u, 1000000u}) {
    HyperLogLog h(14);
    for (std::uint64_t i = 0; i < n; ++i) h.Add(HashValue("id-" + std::to_string(i)));
    double err = std::abs(static_cast<double>(h.Estimate()) - static_cast<double>(n)) / static_cast<double>(n);
    EXPECT_LT(err, 0.03) << "n=" << n << " estimate=" << h.Estimate();
  }
  EXPECT_EQ(HyperLogLog(14).Estimate(), 0u);
}

TEST(HyperLogLogTest, DuplicatesDoNotCount) {
  HyperLogLog h(14);
  for (int round = 0; round < 20; ++round) {
    for (int i = 0; i < 5000; ++i) h.Add(HashValue("x" + std::to_string(i)));
  }
  EXPECT_NEAR(static_cast<double>(h.Estimate()), 5000.0, 5000 * 0.03);
}

// Millions of distinct values: the exact set gives up at its budget, the estimate takes
// over, the key-candidacy becomes unknown, and memory stays flat.
TEST(ColumnProfileTest, MemoryStaysWithinBudgetForMillionsOfDistinctValues) {
  ProfileOptions o;
  o.unique_budget_bytes = 256 << 10;  // 256 KiB for the exact set
  TableProfile t({"id", "district"}, o);
  const std::size_t budget = o.unique_budget_bytes / 2 + (std::size_t{1} << 14) /* HLL */ + (64 << 10);
  std::size_t after_first_million = 0;
  const std::uint64_t n = 3'000'000;
  std::string id;
  for (std::uint64_t i = 0; i < n; ++i) {
    id = "A" + std::to_string(i * 7919);
    std::string_view cells[2] = {id, (i % 3) ? "大安區" : "中正區"};
    t.AddRow(i + 2, cells);
    if (i % 500'000 == 0) {
      EXPECT_LE(t.MemoryBytes(), 2 * budget) << "after " << i << " rows";
    }
    if (i == 1'000'000) after_first_million = t.MemoryBytes();
  }
  EXPECT_EQ(t.MemoryBytes(), after_first_million);  // no growth with rows
  ColumnSummary s = t.Summarize(0);
  EXPECT_FALSE(s.distinct_exact);
  EXPECT_FALSE(s.unique.has_value());        // too many values to know for sure
  EXPECT_FALSE(s.key_candidate.has_value());
  EXPECT_NEAR(static_cast<double>(s.distinct), static_cast<double>(n), n * 0.04);
  ColumnSummary d = t.Summarize(1);
  EXPECT_EQ(d.distinct, 2u);
  EXPECT_TRUE(d.distinct_exact);
  EXPECT_EQ(d.unique, std::optional<bool>(false));
}

TEST(ColumnProfileTest, DuplicateBeforeOverflowIsStillKnown) {
  ProfileOptions o;
  o.unique_budget_bytes = 4096;
  TableProfile t({"v"}, o);
  std::vector<std::string> values = {"dup", "dup"};
  for (int i = 0; i < 10000; ++i) values.push_back(std::to_string(i));
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::string_view cell = values[i];
    t.AddRow(i + 2, std::span<const std::string_view>(&cell, 1));
  }
  ColumnSummary s = t.Summarize(0);
  EXPECT_FALSE(s.distinct_exact);
  EXPECT_EQ(s.unique, std::optional<bool>(false));
  EXPECT_NEAR(static_cast<double>(s.distinct), 10001.0, 10001 * 0.04);
}

void ExpectSameBound(const std::optional<ProfileBound>& a, const std::optional<ProfileBound>& b, const char* what) {
  ASSERT_EQ(a.has_value(), b.has_value()) << what;
  if (!a) return;
  EXPECT_EQ(a->kind, b->kind) << what;
  EXPECT_EQ(a->integer, b->integer) << what;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a->number), std::bit_cast<std::uint64_t>(b->number)) << what;
  EXPECT_EQ(a->text, b->text) << what;
  EXPECT_EQ(a->truncated, b->truncated) << what;
}

void ExpectSameSummary(const ColumnSummary& a, const ColumnSummary& b) {
  SCOPED_TRACE(a.name);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.shared_types, b.shared_types);
  EXPECT_EQ(a.non_null, b.non_null);
  EXPECT_EQ(a.null_count, b.null_count);
  EXPECT_EQ(a.distinct, b.distinct);
  EXPECT_EQ(a.distinct_exact, b.distinct_exact);
  EXPECT_EQ(a.unique, b.unique);
  EXPECT_EQ(a.key_candidate, b.key_candidate);
  ExpectSameBound(a.min, b.min, "min");
  ExpectSameBound(a.max, b.max, "max");
  EXPECT_EQ(a.min_length, b.min_length);
  EXPECT_EQ(a.max_length, b.max_length);
  ASSERT_EQ(a.top.size(), b.top.size());
  for (std::size_t i = 0; i < a.top.size(); ++i) {
    EXPECT_EQ(a.top[i].value, b.top[i].value);
    EXPECT_EQ(a.top[i].count, b.top[i].count);
    EXPECT_EQ(a.top[i].error, b.top[i].error);
  }
  EXPECT_EQ(a.top_exact, b.top_exact);
  ASSERT_EQ(a.sample.size(), b.sample.size());
  for (std::size_t i = 0; i < a.sample.size(); ++i) EXPECT_EQ(a.sample[i].value, b.sample[i].value);
}

// A table whose columns each hold one kind of value, with a few odd cells and nulls.
std::vector<std::vector<std::string>> MixedTable(std::size_t rows) {
  std::mt19937_64 rng(7);
  std::vector<std::vector<std::string>> t;
  for (std::size_t i = 0; i < rows; ++i) {
    auto pick = [&](std::initializer_list<const char*> v) { return std::string(v.begin()[rng() % v.size()]); };
    std::vector<std::string> r;
    r.push_back(std::to_string(i + 1));                                            // integer key
    r.push_back(std::to_string(static_cast<int>(rng() % 2000) - 1000) + "." + std::to_string(rng() % 100));  // number
    r.push_back(i == 700 ? "n/a" : std::to_string(rng() % 50));                      // integer, then one text cell
    r.push_back(pick({"true", "false", "1", "0", ""}));                             // boolean with nulls
    char date[16];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d", static_cast<int>(rng() % 25),
                  static_cast<int>(1 + rng() % 12), static_cast<int>(1 + rng() % 28));
    r.push_back(date);                                                               // date
    r.push_back(pick({"臺北市", "新北市", "高雄市", " 臺中市", "ＡＢＣ"}));               // text
    r.push_back(pick({"{\"a\":1}", "[1,2]", "{}", "-0", "99999999999999999999", "1e3", "PT5M", "2024-01"}));  // mixed
    r.push_back(pick({"2024-05", "1999-12", "2031-1", ""}));                         // yearmonth with nulls
    if (i % 13 == 0) r.resize(4);                                                    // short row
    if (i % 17 == 0 && r.size() == 8) r.push_back("extra");                        // long row
    t.push_back(std::move(r));
  }
  return t;
}

TEST(ColumnProfileTest, DetectingTypesEqualsFullMasks) {
  const std::vector<std::string> header = {"id", "x", "n", "flag", "day", "city", "mixed", "when"};
  for (std::size_t rows : {std::size_t{1}, std::size_t{50}, std::size_t{3000}}) {
    TableProfile given(header), detecting(header);
    std::uint64_t row = 2;
    for (const auto& r : MixedTable(rows)) {
      std::vector<std::string_view> cells(r.begin(), r.end());
      std::vector<TypeMask> masks;
      for (std::string_view c : cells) masks.push_back(ConformingTypes(c));
      given.AddRow(row, cells, masks);
      detecting.AddRowDetectingTypes(row, cells);
      ++row;
    }
    for (std::size_t c = 0; c < header.size(); ++c) ExpectSameSummary(given.Summarize(c), detecting.Summarize(c));
  }
  // The inferred types are the expected ones (the detection really ran).
  TableProfile t(header);
  std::uint64_t row = 2;
  for (const auto& r : MixedTable(800)) {
    std::vector<std::string_view> cells(r.begin(), r.end());
    t.AddRowDetectingTypes(row++, cells);
  }
  EXPECT_EQ(t.Summarize(0).type, "integer");
  EXPECT_EQ(t.Summarize(1).type, "number");
  EXPECT_EQ(t.Summarize(2).type, "string");  // "n/a" in row 702
  EXPECT_EQ(t.Summarize(3).type, "boolean");
  EXPECT_TRUE(t.Summarize(4).shared_types & kTypeDate);
  EXPECT_EQ(t.Summarize(5).type, "string");
  EXPECT_EQ(t.Summarize(6).type, "string");
  EXPECT_EQ(t.Summarize(7).type, "yearmonth");
}

TEST(ColumnProfileTest, TextBoundsAndLengthsMatchANaiveScan) {
  // Values sharing long prefixes, with NUL bytes, multi-byte characters and lengths
  // around the 8-byte steps of the fast paths.
  static const char* kPieces[] = {"a", "b", std::string_view("\0", 1).data(), "臺", "é", "𠀀", "zz", "aaaaaaaa"};
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    TableProfile t({"v"});
    std::string min, max;
    std::size_t min_len = SIZE_MAX, max_len = 0;
    for (int i = 0; i < 300; ++i) {
      std::string v;
      const int parts = 1 + static_cast<int>(rng() % 12);
      for (int p = 0; p < parts; ++p) {
        const std::size_t k = rng() % std::size(kPieces);
        v.append(kPieces[k], k == 2 ? 1 : std::strlen(kPieces[k]));
      }
      std::size_t chars = 0;
      for (unsigned char c : v) chars += (c & 0xC0) != 0x80;
      if (i == 0 || v < min) min = v;
      if (i == 0 || v > max) max = v;
      min_len = std::min(min_len, chars);
      max_len = std::max(max_len, chars);
      std::string_view cell = v;
      t.AddRow(i + 2, std::span<const std::string_view>(&cell, 1));
    }
    ColumnSummary s = t.Summarize(0);
    ASSERT_TRUE(s.min && s.max);
    EXPECT_EQ(s.min->text, min);
    EXPECT_EQ(s.max->text, max);
    EXPECT_EQ(s.min_length, std::optional<std::size_t>(min_len));
    EXPECT_EQ(s.max_length, std::optional<std::size_t>(max_len));
  }
}

TEST(ColumnProfileTest, TopValuesAreReproducibleAndNeverOvercountAfterAdmission) {
  // Zipf-like: a few frequent values over thousands of recurring ones.
  auto run = [](std::vector<std::uint64_t>& truth) {
    TableProfile t({"v"});
    std::mt19937 rng(3);
    truth.assign(5000, 0);
    for (int i = 0; i < 60000; ++i) {
      const std::uint32_t r = rng() % 100;
      const std::uint64_t k = r < 30 ? r % 3 : 3 + rng() % 4997;  // 3 heavy values: 10 % each
      ++truth[k];
      std::string v = "value-" + std::to_string(k);
      std::string_view cell = v;
      t.AddRow(i + 2, std::span<const std::string_view>(&cell, 1));
    }
    return t.Summarize(0).top;
  };
  std::vector<std::uint64_t> truth, truth2;
  const std::vector<TopValue> a = run(truth), b = run(truth2);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].value, b[i].value);
    EXPECT_EQ(a[i].count, b[i].count);
  }
  ASSERT_GE(a.size(), 3u);
  std::set<std::string> heavy;
  for (std::size_t i = 0; i < 3; ++i) heavy.insert(a[i].value);
  EXPECT_EQ(heavy, (std::set<std::string>{"value-0", "value-1", "value-2"}));
  for (const TopValue& v : a) {
    const std::uint64_t k = std::stoull(v.value.substr(6));
    EXPECT_LE(v.count - v.error, truth[k]) << v.value;  // what was counted really happened
  }
  for (std::size_t i = 0; i < 3; ++i) {
    const std::uint64_t k = std::stoull(a[i].value.substr(6));
    EXPECT_GE(a[i].count, truth[k] * 9 / 10) << a[i].value;  // and the heavy ones are nearly exact
  }
}

}  // namespace
}  // namespace pintu::quality
