#include "formats/csv_reader.h"

#include <gtest/gtest.h>

namespace pintu::formats {
namespace {

std::vector<std::vector<std::string>> Fields(std::string_view text) {
  auto r = ParseCsv(text);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  std::vector<std::vector<std::string>> out;
  if (r)
    for (auto& rec : *r) out.push_back(rec.fields);
  return out;
}

TEST(CsvReader, PlainRecords) {
  auto f = Fields("a,b,c\n1,2,3\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1], (std::vector<std::string>{"1", "2", "3"}));
}

TEST(CsvReader, QuotesDelimitersAndDoubledQuotes) {
  auto f = Fields("x,\"7,472\",\"say \"\"hi\"\"\"\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0], (std::vector<std::string>{"x", "7,472", "say \"hi\""}));
}

TEST(CsvReader, EmbeddedNewlineKeepsLineNumbers) {
  auto r = ParseCsv("h1,h2\n\"a\nb\",c\nd,e\n");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].fields[0], "a\nb");
  EXPECT_EQ((*r)[1].line, 2u);
  EXPECT_EQ((*r)[2].line, 4u);
}

TEST(CsvReader, CrlfAndBom) {
  auto r = ParseCsv("\xEF\xBB\xBF" "編號,名稱\r\n1,甲\r\n2,乙\r\n");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].fields[0], "編號");
  EXPECT_EQ((*r)[2].fields[1], "乙");
  EXPECT_EQ((*r)[2].line, 3u);
}

TEST(CsvReader, EmptyFieldsTrailingDelimiterAndNoFinalNewline) {
  auto f = Fields("a,,c,\n,,\nlast");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0], (std::vector<std::string>{"a", "", "c", ""}));
  EXPECT_EQ(f[1], (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(f[2], (std::vector<std::string>{"last"}));
}

TEST(CsvReader, RaggedRowsAreReturnedAsIs) {
  auto f = Fields("a,b,c\n1\n1,2,3,4\n");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[1].size(), 1u);
  EXPECT_EQ(f[2].size(), 4u);
}

TEST(CsvReader, BlankLinesSkippedButQuotedEmptyKept) {
  auto f = Fields("a\n\n\r\n\"\"\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1], (std::vector<std::string>{""}));
}

TEST(CsvReader, UnterminatedQuoteNamesLine) {
  auto r = ParseCsv("a,b\n1,2\n3,\"never closed\n4,5\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(r.error().message.find("line 3"), std::string::npos) << r.error().message;
}

TEST(CsvReader, LenientAboutStrayQuotes) {
  auto f = Fields("ab\"c,\"d\"e\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0], (std::vector<std::string>{"ab\"c", "de"}));
}

TEST(CsvReader, RecordLimit) {
  CsvOptions o;
  o.max_records = 2;
  auto r = ParseCsv("a\nb\nc\n", o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
}

TEST(CsvReader, LoneCarriageReturnEndsRecord) {
  auto f = Fields("a,b\rc,d\r");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1][1], "d");
}

}  // namespace
}  // namespace pintu::formats
