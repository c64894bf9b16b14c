#include "core/time.h"

#include <gtest/gtest.h>

namespace pintu {
namespace {

TEST(NormalizeDate, IsoAndSlashForms) {
  EXPECT_EQ(NormalizeDate("2018-07-09"), "2018-07-09");
  EXPECT_EQ(NormalizeDate("2018/7/9"), "2018-07-09");
  EXPECT_EQ(NormalizeDate("2017/05/22 20:26"), "2017-05-22T20:26:00");
  EXPECT_EQ(NormalizeDate("2017-05-22T20:26:01Z"), "2017-05-22T20:26:01");
  EXPECT_EQ(NormalizeDate("20180709"), "2018-07-09");
}

TEST(NormalizeDate, RocDates) {
  EXPECT_EQ(NormalizeDate("109.5.29"), "2020-05-29");
  EXPECT_EQ(NormalizeDate("107年7月9日"), "2018-07-09");
  EXPECT_EQ(NormalizeDate("民國107年7月9日"), "2018-07-09");
  EXPECT_EQ(NormalizeDate("1090529"), "2020-05-29");
  EXPECT_EQ(NormalizeDate("99/12/31"), "2010-12-31");
}

TEST(NormalizeDate, RejectsImpossibleAndGarbage) {
  EXPECT_EQ(NormalizeDate("2019-02-29"), std::nullopt);
  EXPECT_EQ(NormalizeDate("109.13.1"), std::nullopt);
  EXPECT_EQ(NormalizeDate(""), std::nullopt);
  EXPECT_EQ(NormalizeDate("next tuesday"), std::nullopt);
  EXPECT_EQ(NormalizeDate("'; DROP TABLE datasets; --"), std::nullopt);
  EXPECT_EQ(NormalizeDate("2018-07"), std::nullopt);
}

}  // namespace
}  // namespace pintu
