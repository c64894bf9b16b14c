// Tests of CSV dialect detection (src/quality/dialect.h).
#include "quality/dialect.h"

#include <gtest/gtest.h>

namespace pintu::quality {
namespace {

TEST(Dialect, DetectsEachDelimiter) {
  EXPECT_EQ(DetectDialect("a,b,c\n1,2,3\n4,5,6\n", true).dialect.delimiter, ',');
  EXPECT_EQ(DetectDialect("a;b;c\n1;2;3\n4;5;6\n", true).dialect.delimiter, ';');
  EXPECT_EQ(DetectDialect("a\tb\tc\n1\t2\t3\n", true).dialect.delimiter, '\t');
  EXPECT_EQ(DetectDialect("a|b|c\n1|2|3\n", true).dialect.delimiter, '|');
}

TEST(Dialect, ChineseTextWithFullWidthPunctuationDoesNotConfuseIt) {
  const std::string sample =
      "機關名稱;地址;備註\n"
      "臺北市政府，秘書處;臺北市信義區市府路1號;含，逗號、頓號；分號\n"
      "新北市政府;新北市板橋區中山路一段161號;無\n";
  const DialectGuess g = DetectDialect(sample, true);
  EXPECT_EQ(g.dialect.delimiter, ';');
  EXPECT_EQ(g.columns, 3u);
  EXPECT_TRUE(g.confident);
}

TEST(Dialect, QuotedDelimitersDoNotCount) {
  const std::string sample = "id,note\n1,\"a;b;c\"\n2,\"d;e;f\"\n3,\"g;h;i\"\n";
  EXPECT_EQ(DetectDialect(sample, true).dialect.delimiter, ',');
}

TEST(Dialect, PrefersTheDelimiterThatGivesMoreColumnsWhenBothAreConsistent) {
  // Every row has exactly one comma inside its text but four tabs between cells.
  const std::string sample = "a\tb\tc\td\te\nTaipei, Taiwan\t1\t2\t3\t4\nTainan, Taiwan\t5\t6\t7\t8\n";
  EXPECT_EQ(DetectDialect(sample, true).dialect.delimiter, '\t');
}

TEST(Dialect, DetectsSingleQuotes) {
  const std::string sample = "id,name\n1,'Smith, J.'\n2,'Lee, K.'\n";
  const DialectGuess g = DetectDialect(sample, true);
  EXPECT_EQ(g.dialect.quote_char, '\'');
  EXPECT_EQ(g.columns, 2u);
}

TEST(Dialect, OneColumnAndEmptySamplesFallBackToCommaWithoutConfidence) {
  const DialectGuess one = DetectDialect("name\n甲\n乙\n", true);
  EXPECT_EQ(one.dialect.delimiter, ',');
  EXPECT_FALSE(one.confident);
  const DialectGuess empty = DetectDialect("", true);
  EXPECT_EQ(empty.dialect.delimiter, ',');
  EXPECT_FALSE(empty.confident);
}

TEST(Dialect, ACutSampleIgnoresItsLastPartialLine) {
  const std::string sample = "a;b;c\n1;2;3\n4;5;6\n7,8,9,10,11,12,13";  // cut in the middle of a line
  EXPECT_EQ(DetectDialect(sample, false).dialect.delimiter, ';');
  EXPECT_DOUBLE_EQ(DetectDialect(sample, false).consistency, 1.0);
}

TEST(Dialect, TabSeparatedCsvIsAFinding) {
  const DialectGuess g = DetectDialect("機關\t資料集\t筆數\n內政部\t人口統計\t12\n", true);
  auto finding = CompareDialectWithFileName(g, "/data/人口.CSV");
  ASSERT_TRUE(finding);
  EXPECT_EQ(finding->type, "tab-separated-csv");
  EXPECT_NE(finding->message_zh.find(".tsv"), std::string::npos);
  EXPECT_FALSE(CompareDialectWithFileName(g, "people.tsv"));
  const DialectGuess comma = DetectDialect("a,b\n1,2\n", true);
  EXPECT_FALSE(CompareDialectWithFileName(comma, "people.csv"));
  ASSERT_TRUE(CompareDialectWithFileName(comma, "people.tsv"));
  EXPECT_EQ(CompareDialectWithFileName(comma, "people.tsv")->type, "comma-separated-tsv");
}

}  // namespace
}  // namespace pintu::quality
