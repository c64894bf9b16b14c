#include "quality/date_shapes.h"

#include <gtest/gtest.h>

namespace pintu::quality {
namespace {

std::string Iso(std::string_view cell) {
  auto d = ClassifyDateShape(cell);
  return d ? GregorianIso(*d) : "none";
}

std::string Name(std::string_view cell) {
  auto d = ClassifyDateShape(cell);
  return d ? std::string(DateShapeName(d->family, d->padding)) : "none";
}

TEST(DateShapesTest, GregorianSpellings) {
  EXPECT_EQ(Name("2021-01-05"), "YYYY-MM-DD");
  EXPECT_EQ(Name("2021-1-5"), "YYYY-M-D");
  EXPECT_EQ(Name("2021/01/05"), "YYYY/MM/DD");
  EXPECT_EQ(Name("2012/01/03"), "YYYY/MM/DD");  // data.gov.tw 上架日
  EXPECT_EQ(Name("2021/1/5"), "YYYY/M/D");
  EXPECT_EQ(Name("2021.01.05"), "YYYY.MM.DD");
  EXPECT_EQ(Name("20210105"), "YYYYMMDD");
  EXPECT_EQ(Name("2021年1月5日"), "YYYY年M月D日");
  EXPECT_EQ(Name("2021年1月"), "YYYY年M月");
  EXPECT_EQ(Iso("2021/1/5"), "2021-01-05");
  EXPECT_EQ(Iso("2021年12月"), "2021-12");
}

TEST(DateShapesTest, RocSpellingsAndTheirGregorianDates) {
  EXPECT_EQ(Name("110/01/05"), "ROC YYY/MM/DD");
  EXPECT_EQ(Iso("110/01/05"), "2021-01-05");
  EXPECT_EQ(Name("110-1-5"), "ROC YYY-M-D");
  EXPECT_EQ(Iso("110-1-5"), "2021-01-05");
  EXPECT_EQ(Name("109.5.29"), "ROC YYY.M.D");  // as in 立案日期 of the Taipei lists
  EXPECT_EQ(Iso("109.5.29"), "2020-05-29");
  EXPECT_EQ(Name("1100105"), "ROC YYYMMDD");
  EXPECT_EQ(Iso("1100105"), "2021-01-05");
  EXPECT_EQ(Iso("民國110年1月5日"), "2021-01-05");
  EXPECT_EQ(Iso("中華民國110年1月5日"), "2021-01-05");
  EXPECT_EQ(Iso("110年1月5日"), "2021-01-05");
  EXPECT_EQ(Name("110年1月5日"), "民國YYY年M月D日");
  EXPECT_EQ(Iso("110年1月"), "2021-01");
  EXPECT_EQ(Iso("89/05/12"), "2000-05-12");  // a two-digit ROC year above 31
  EXPECT_EQ(Iso("99年12月31日"), "2010-12-31");
  EXPECT_TRUE(IsRocFamily(ClassifyDateShape("110/01/05")->family));
  EXPECT_FALSE(IsRocFamily(ClassifyDateShape("2021/01/05")->family));
}

TEST(DateShapesTest, TimesAndSurroundingSpaces) {
  auto d = ClassifyDateShape("2021-01-05T08:30:00+08:00");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->has_time);
  EXPECT_EQ(Iso("110/01/05 13:45"), "2021-01-05");
  EXPECT_EQ(Iso(" 2021-01-05\t"), "2021-01-05");
  EXPECT_EQ(Iso("\xE3\x80\x80" "110/1/5"), "2021-01-05");  // U+3000 around
  EXPECT_EQ(Iso("2021-01-05 25:00"), "none");
  EXPECT_EQ(Iso("2021/01/05T08:00"), "none");  // T only in ISO spelling
  EXPECT_EQ(Iso("2021-01-05 at noon"), "none");
}

TEST(DateShapesTest, NotDates) {
  // Counts, codes and identifiers.
  for (std::string_view s : {"1100", "110", "12345", "11280", "105013", "123456789", "2021", "0"}) {
    EXPECT_EQ(Iso(s), "none") << s;
  }
  // Phone numbers, addresses, coordinates, versions, fiscal years.
  for (std::string_view s : {"02-2828-1328", "2761-6300", "02-26519808", "25.0610058", "121.5874187",
                             "10.1.2", "1.2.3", "南京東路5段251巷46弄5號1樓", "110年度評鑑合格", "110年度"}) {
    EXPECT_EQ(Iso(s), "none") << s;
  }
  // Ambiguous day/month orders with two-digit years, invalid calendar dates, out of range.
  for (std::string_view s : {"12/11/10", "05/06/07", "2021-02-30", "110/13/01", "110/02/29", "2021/00/10",
                             "99999999", "12345678", "2300105", "0990105", "民國2021年1月5日", "200年1月1日"}) {
    EXPECT_EQ(Iso(s), "none") << s;
  }
  EXPECT_EQ(Iso("109/02/29"), "2020-02-29");  // 2020 is a leap year
}

TEST(DateShapesTest, PaddingIsSeparateFromFamily) {
  auto padded = ClassifyDateShape("2021/01/25");
  auto unpadded = ClassifyDateShape("2021/1/25");
  auto neutral = ClassifyDateShape("2021/12/25");
  ASSERT_TRUE(padded && unpadded && neutral);
  EXPECT_EQ(padded->family, unpadded->family);
  EXPECT_EQ(padded->padding, DatePadding::kZeroPadded);
  EXPECT_EQ(unpadded->padding, DatePadding::kUnpadded);
  EXPECT_EQ(neutral->padding, DatePadding::kNeutral);
}

TEST(DateShapesTest, StrptimeFormatsForSchemaInference) {
  EXPECT_EQ(StrptimeFormat(DateFamily::kSlash), std::optional<std::string_view>("%Y/%m/%d"));
  EXPECT_EQ(StrptimeFormat(DateFamily::kIsoDash), std::optional<std::string_view>("%Y-%m-%d"));
  EXPECT_FALSE(StrptimeFormat(DateFamily::kRocSlash).has_value());
}

TEST(DateShapesTest, HostileInputIsRejectedQuickly) {
  std::string long_digits(1 << 20, '1');
  EXPECT_EQ(Iso(long_digits), "none");
  EXPECT_EQ(Iso(std::string("2021\0-01-05", 11)), "none");
  EXPECT_EQ(Iso("\xFF\xFE" "2021-01-05"), "none");
  EXPECT_EQ(Iso("民國"), "none");
  EXPECT_EQ(Iso("110年"), "none");
  EXPECT_EQ(Iso("110年1月5"), "none");
  EXPECT_EQ(Iso("2021-01-"), "none");
  EXPECT_EQ(Iso("-"), "none");
  EXPECT_EQ(Iso(""), "none");
}

}  // namespace
}  // namespace pintu::quality
