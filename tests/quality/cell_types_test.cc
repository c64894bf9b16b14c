// Tests of Table Schema cell types (src/quality/cell_types.h, temporal.h).
#include "quality/cell_types.h"

#include <gtest/gtest.h>

#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "quality/temporal.h"

namespace pintu::quality {
namespace {

FieldFormat Type(FieldType type, std::string format = "default") {
  FieldFormat f;
  f.type = type;
  f.format = std::move(format);
  return f;
}

bool Conforms(std::string_view cell, const FieldFormat& f) { return ParseCell(cell, f).has_value(); }

TEST(CellTypes, Integers) {
  const FieldFormat f = Type(FieldType::kInteger);
  EXPECT_EQ(ParseCell("42", f)->integer, 42);
  EXPECT_EQ(ParseCell("-7", f)->integer, -7);
  EXPECT_EQ(ParseCell("+7", f)->integer, 7);
  EXPECT_EQ(ParseCell(" 5 ", f)->integer, 5);  // Python int() strips whitespace
  EXPECT_FALSE(Conforms("4.2", f));
  EXPECT_FALSE(Conforms("1e3", f));
  EXPECT_FALSE(Conforms("abc", f));
  EXPECT_FALSE(Conforms("-", f));
  EXPECT_FALSE(Conforms("１２", f));  // full-width digits are not ASCII digits
  EXPECT_TRUE(Conforms("123456789012345678901234567890", f));  // beyond 64 bits still an integer
  FieldFormat money = f;
  money.bare_number = false;
  EXPECT_EQ(ParseCell("NT$1500", money)->integer, 1500);
  EXPECT_EQ(ParseCell("95%", money)->integer, 95);
}

TEST(CellTypes, Numbers) {
  const FieldFormat f = Type(FieldType::kNumber);
  EXPECT_DOUBLE_EQ(ParseCell("3.14", f)->real, 3.14);
  EXPECT_DOUBLE_EQ(ParseCell(".5", f)->real, 0.5);
  EXPECT_DOUBLE_EQ(ParseCell("1e3", f)->real, 1000.0);
  EXPECT_TRUE(Conforms("NaN", f));
  EXPECT_TRUE(Conforms("-inf", f));
  EXPECT_FALSE(Conforms("1,000", f));
  EXPECT_FALSE(Conforms("1.2.3", f));
  EXPECT_FALSE(Conforms("e5", f));
  FieldFormat european = f;
  european.group_char = ".";
  european.decimal_char = ',';
  EXPECT_DOUBLE_EQ(ParseCell("1.234.567,5", european)->real, 1234567.5);
}

TEST(CellTypes, Booleans) {
  FieldFormat f = Type(FieldType::kBoolean);
  EXPECT_EQ(ParseCell("true", f)->integer, 1);
  EXPECT_EQ(ParseCell("0", f)->integer, 0);
  EXPECT_FALSE(Conforms("yes", f));
  f.true_values = {"是"};
  f.false_values = {"否"};
  EXPECT_EQ(ParseCell("是", f)->integer, 1);
  EXPECT_EQ(ParseCell("否", f)->integer, 0);
  EXPECT_FALSE(Conforms("true", f));
}

TEST(CellTypes, DatesTimesAndDatetimes) {
  const FieldFormat date = Type(FieldType::kDate);
  EXPECT_EQ(ParseCell("1970-01-02", date)->integer, 1);
  EXPECT_TRUE(Conforms("2024-02-29", date));
  EXPECT_FALSE(Conforms("2023-02-29", date));
  EXPECT_FALSE(Conforms("2024/01/01", date));
  EXPECT_FALSE(Conforms("113-01-01", date));  // ROC dates are not ISO dates
  EXPECT_TRUE(Conforms("2024/01/31", Type(FieldType::kDate, "any")));
  EXPECT_TRUE(Conforms("31/01/2024", Type(FieldType::kDate, "%d/%m/%Y")));
  EXPECT_TRUE(Conforms("31 Jan 2024", Type(FieldType::kDate, "%d %b %Y")));
  EXPECT_FALSE(Conforms("31/13/2024", Type(FieldType::kDate, "%d/%m/%Y")));
  EXPECT_FALSE(Conforms("2024-01-01", Type(FieldType::kDate, "%Q")));

  const FieldFormat time = Type(FieldType::kTime);
  EXPECT_EQ(ParseCell("00:00:01", time)->integer, 1'000'000);
  EXPECT_FALSE(Conforms("24:00:00", time));
  EXPECT_TRUE(Conforms("2:30 PM", Type(FieldType::kTime, "%I:%M %p")));
  EXPECT_EQ(ParseCell("2:30 PM", Type(FieldType::kTime, "%I:%M %p"))->integer, (14 * 60 + 30) * 60'000'000LL);

  const FieldFormat dt = Type(FieldType::kDatetime);
  EXPECT_TRUE(Conforms("2016-08-29T06:57:34Z", dt));
  EXPECT_TRUE(Conforms("2016-08-29 06:57", dt));
  EXPECT_TRUE(Conforms("2016-08-29T06:57:34.123456+08:00", dt));
  EXPECT_TRUE(Conforms("20160829T065734", dt));
  EXPECT_FALSE(Conforms("2016-08-29T25:00:00", dt));
  EXPECT_FALSE(Conforms("yesterday", dt));
  // The same instant in two offsets is the same value.
  EXPECT_EQ(ParseCell("2024-01-01T08:00:00+08:00", dt)->integer, ParseCell("2024-01-01T00:00:00Z", dt)->integer);
}

TEST(CellTypes, YearsYearmonthsDurations) {
  EXPECT_EQ(ParseCell("2024", Type(FieldType::kYear))->integer, 2024);
  EXPECT_FALSE(Conforms("113", Type(FieldType::kYear)));
  EXPECT_TRUE(Conforms("2024-1", Type(FieldType::kYearmonth)));
  EXPECT_FALSE(Conforms("2024-13", Type(FieldType::kYearmonth)));
  const FieldFormat d = Type(FieldType::kDuration);
  EXPECT_DOUBLE_EQ(ParseCell("PT1H30M", d)->real, 5400.0);
  EXPECT_DOUBLE_EQ(ParseCell("P1W", d)->real, 7 * 86400.0);
  EXPECT_FALSE(Conforms("P", d));
  EXPECT_FALSE(Conforms("PT", d));
  EXPECT_FALSE(Conforms("P1H", d));
  EXPECT_FALSE(Conforms("PT1M1H", d));
}

TEST(CellTypes, GeoAndJsonTypes) {
  EXPECT_TRUE(Conforms("121.5, 25.03", Type(FieldType::kGeopoint)));
  EXPECT_FALSE(Conforms("250, 25", Type(FieldType::kGeopoint)));
  EXPECT_TRUE(Conforms("[121.5, 25.03]", Type(FieldType::kGeopoint, "array")));
  EXPECT_TRUE(Conforms("{\"lon\": 121.5, \"lat\": 25.03}", Type(FieldType::kGeopoint, "object")));
  EXPECT_TRUE(Conforms("{\"type\": \"Point\", \"coordinates\": [121.5, 25]}", Type(FieldType::kGeojson)));
  EXPECT_FALSE(Conforms("{\"type\": \"Circle\"}", Type(FieldType::kGeojson)));
  EXPECT_TRUE(Conforms("{\"a\": 1}", Type(FieldType::kObject)));
  EXPECT_FALSE(Conforms("[1]", Type(FieldType::kObject)));
  EXPECT_TRUE(Conforms("[1, 2]", Type(FieldType::kArray)));
  EXPECT_FALSE(Conforms("[1, 2", Type(FieldType::kArray)));
  // Deep nesting is refused, not a stack overflow.
  EXPECT_FALSE(Conforms(std::string(100000, '[') + std::string(100000, ']'), Type(FieldType::kArray)));
}

TEST(CellTypes, StringFormats) {
  EXPECT_TRUE(Conforms("service@gov.tw", Type(FieldType::kString, "email")));
  EXPECT_FALSE(Conforms("service at gov.tw", Type(FieldType::kString, "email")));
  EXPECT_TRUE(Conforms("https://data.gov.tw/dataset/1", Type(FieldType::kString, "uri")));
  EXPECT_FALSE(Conforms("data.gov.tw", Type(FieldType::kString, "uri")));
  EXPECT_TRUE(Conforms("123e4567-e89b-12d3-a456-426614174000", Type(FieldType::kString, "uuid")));
  EXPECT_FALSE(Conforms("123e4567-e89b-12d3-a456", Type(FieldType::kString, "uuid")));
  EXPECT_TRUE(Conforms("aGVsbG8=", Type(FieldType::kString, "binary")));
  EXPECT_FALSE(Conforms("aGVsbG8", Type(FieldType::kString, "binary")));
}

TEST(CellTypes, ConformingTypesGivesEveryMatchingTypeInOneCall) {
  auto has = [](TypeMask m, FieldType t) { return (m & TypeBit(t)) != 0; };
  const TypeMask n = ConformingTypes("2024");
  EXPECT_TRUE(has(n, FieldType::kInteger));
  EXPECT_TRUE(has(n, FieldType::kNumber));
  EXPECT_TRUE(has(n, FieldType::kYear));
  EXPECT_TRUE(has(n, FieldType::kString));
  EXPECT_FALSE(has(n, FieldType::kDate));
  EXPECT_FALSE(has(n, FieldType::kBoolean));
  const TypeMask d = ConformingTypes("2024-01-31");
  EXPECT_TRUE(has(d, FieldType::kDate));
  EXPECT_FALSE(has(d, FieldType::kDatetime)) << "a date alone is not a datetime (frictionless' guard)";
  EXPECT_TRUE(has(ConformingTypes("2024-01-31T08:00:00"), FieldType::kDatetime));
  EXPECT_TRUE(has(ConformingTypes("2024-01-31 08:00:00+08:00"), FieldType::kDatetime));
  EXPECT_FALSE(has(d, FieldType::kInteger));
  EXPECT_TRUE(has(ConformingTypes("1"), FieldType::kBoolean));
  EXPECT_TRUE(has(ConformingTypes("3.5"), FieldType::kNumber));
  EXPECT_FALSE(has(ConformingTypes("3.5"), FieldType::kInteger));
  EXPECT_TRUE(has(ConformingTypes("PT5M"), FieldType::kDuration));
  EXPECT_TRUE(has(ConformingTypes("121.5, 25.03"), FieldType::kGeopoint));
  EXPECT_TRUE(has(ConformingTypes("{}"), FieldType::kObject));
  EXPECT_TRUE(has(ConformingTypes("[]"), FieldType::kArray));
  EXPECT_TRUE(has(ConformingTypes("12:30:00"), FieldType::kTime));
  EXPECT_TRUE(has(ConformingTypes("2024-01"), FieldType::kYearmonth));
  const TypeMask text = ConformingTypes("臺北市");
  EXPECT_EQ(text, TypeBit(FieldType::kAny) | TypeBit(FieldType::kString) | TypeBit(FieldType::kList));
  // The mask agrees with ParseCell for every type on a set of cells.
  for (std::string_view cell : {"0", "-12", "1.5e3", "true", "2024-02-29", "2023-02-29", "2016-08-29T06:57:34Z", "08:00:00",
                                "2024", "2024-12", "P1D", "1, 2", "{\"type\":\"Point\"}", "[1]", "x", " 7 ", "nan"}) {
    const TypeMask m = ConformingTypes(cell);
    for (int t = 0; t <= static_cast<int>(FieldType::kList); ++t) {
      const auto type = static_cast<FieldType>(t);
      EXPECT_EQ((m & TypeBit(type)) != 0, Conforms(cell, Type(type))) << cell << " as " << FieldTypeName(type);
    }
  }
}

// Cells near every type's edges, to compare ConformingTypesWithin with ConformingTypes.
std::vector<std::string> TrickyCells() {
  std::vector<std::string> cells = {
      "", " ", "0", "1", "01", "-0", "+7", " 7 ", "7 ", "-", "+", ".", "1.", ".5", "1e3", "1E-3", "1e", "nan", "NaN",
      "inf", "-Infinity", "infinity", "n", "i", "true", "True", "TRUE", "false", "FALSE", "tRue", "2024", "0999",
      "12345", "2024-1", "2024-12", "2024-13", "2024-02-29", "2023-02-29", "2024-2-9", "2016-08-29T06:57:34Z",
      "2016-08-29T06:57:34+08:00", "2016-08-29 06:57", "08:00:00", "24:00:00", "8:00", "P1D", "PT5M", "-P1D", "P",
      "1, 2", "121.5,25.03", "200,100", "nan,nan", "{}", "[]", "[1, 2]", "{\"type\":\"Point\"}", "{\"type\":1}",
      "[", "{", "x", "臺北市", "１２", "110.1.5", "02-2345-6789", std::string(500, '9'), std::string(401, '1') + ".5",
      "9223372036854775808", "-9223372036854775809", "1,000", "\t5\n", "0000-02-29", "1900-02-29",
      "2024-04-31", "2024-00-10", "2024-01-00", "2024-1-10", "2024/01/10", "2024-01-10 ", " 2024-01-10", "20240-1-10",
      "2024-01-10T00:00:00", "-2024-01-10", "+2024-01-10", "2024-01-1a"};
  // Random strings over the characters the parsers care about.
  static const char* kPieces[] = {"0", "1", "2", "9", "-", "+", ".", ":", "T", "Z", " ", "e", "E", "P", "D", "H", "M",
                                  "S", "Y", ",", "{", "}", "[", "]", "\"", "t", "r", "u", "f", "a", "l", "s", "n", "i",
                                  "年", "/", "1970", "2024-", "12:30", "true", "null"};
  std::mt19937 rng(20261127);
  for (int i = 0; i < 20000; ++i) {
    std::string cell;
    const int parts = static_cast<int>(rng() % 9);
    for (int p = 0; p < parts; ++p) cell += kPieces[rng() % std::size(kPieces)];
    cells.push_back(std::move(cell));
  }
  return cells;
}

TEST(CellTypes, ConformingTypesWithinEqualsTheFullMaskRestricted) {
  constexpr int kTypes = static_cast<int>(FieldType::kList) + 1;
  std::mt19937 rng(5);
  for (const std::string& cell : TrickyCells()) {
    const TypeMask full = ConformingTypes(cell);
    // No candidate, every candidate, each single type, and random subsets.
    std::vector<TypeMask> masks = {0, ~TypeMask{0}};
    for (int t = 0; t < kTypes; ++t) masks.push_back(TypeBit(static_cast<FieldType>(t)));
    for (int k = 0; k < 4; ++k) masks.push_back(static_cast<TypeMask>(rng()) & ((TypeMask{1} << kTypes) - 1));
    for (TypeMask candidates : masks) {
      ASSERT_EQ(ConformingTypesWithin(cell, candidates), full & candidates)
          << "cell \"" << cell << "\" candidates " << std::hex << candidates;
    }
  }
}

TEST(CellTypes, ConformingTypesWithinFindsTheSurvivingTypes) {
  const TypeMask numeric = TypeBit(FieldType::kInteger) | TypeBit(FieldType::kNumber);
  EXPECT_EQ(ConformingTypesWithin("42", numeric), numeric);
  EXPECT_EQ(ConformingTypesWithin("4.2", numeric), TypeBit(FieldType::kNumber));
  EXPECT_EQ(ConformingTypesWithin("4.2", TypeBit(FieldType::kInteger)), 0u);
  EXPECT_EQ(ConformingTypesWithin("2024-01-31", TypeBit(FieldType::kDate) | numeric), TypeBit(FieldType::kDate));
  EXPECT_EQ(ConformingTypesWithin("{\"a\":1}", 0), 0u);
}

TEST(CellTypes, ValuesCompareAndHashByMeaning) {
  const FieldFormat i = Type(FieldType::kInteger);
  EXPECT_EQ(HashCellValue(*ParseCell("1", i)), HashCellValue(*ParseCell("01", i)));
  EXPECT_EQ(HashCellValue(*ParseCell("1", i)), HashCellValue(*ParseCell("1.0", Type(FieldType::kNumber))));
  EXPECT_NE(HashCellValue(*ParseCell("1", i)), HashCellValue(*ParseCell("2", i)));
  EXPECT_LT(CompareCellValues(*ParseCell("9", i), *ParseCell("10", i)), 0);
  const FieldFormat d = Type(FieldType::kDate);
  EXPECT_LT(CompareCellValues(*ParseCell("2023-12-31", d), *ParseCell("2024-01-01", d)), 0);
  EXPECT_EQ(CellLength("臺北市", Type(FieldType::kString)), 3u);
  EXPECT_EQ(CellLength("[1,2,3]", Type(FieldType::kArray)), 3u);
}

TEST(CellTypes, TypeNamesRoundTrip) {
  for (int t = 0; t <= static_cast<int>(FieldType::kList); ++t) {
    const auto type = static_cast<FieldType>(t);
    EXPECT_EQ(FieldTypeFromName(FieldTypeName(type)), type);
  }
  EXPECT_FALSE(FieldTypeFromName("integr"));
}

TEST(Temporal, StrptimeAndCivilDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  auto p = ParseStrptime("2024-060", "%Y-%j");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->month, 2);
  EXPECT_EQ(p->day, 29);
  EXPECT_TRUE(ParseStrptime("2024  01 02", "%Y %m %d"));
  EXPECT_FALSE(ParseStrptime("2024-01-02 extra", "%Y-%m-%d"));
  EXPECT_EQ(ParseStrptime("10:00 +0800", "%H:%M %z")->utc_offset_minutes, 480);
}

}  // namespace
}  // namespace pintu::quality
