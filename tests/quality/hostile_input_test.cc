// Hostile input end to end (CsvCheck): every case ends in a clear report within limits —
// never a crash, a hang or memory that grows with the input.
#include <gtest/gtest.h>

#include <random>

#include "quality/csv_check.h"
#include "quality/table_schema.h"

namespace pintu::quality {
namespace {

std::string Types(const Report& r) {
  std::string out;
  for (const ReportError& e : r.errors) out += (out.empty() ? "" : " ") + e.type;
  return out;
}

TEST(HostileInput, BinaryGarbageGivesAReportNotACrash) {
  std::mt19937 rng(7);
  std::string garbage(4 << 20, '\0');
  for (char& c : garbage) c = static_cast<char>(rng());
  CsvCheckOptions options;
  options.limits.max_record_bytes = 1 << 20;
  auto report = CheckCsvText(garbage, options);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->valid);
  EXPECT_LE(report->errors.size(), 1000u);  // the default error limit bounds the report
}

TEST(HostileInput, A64MegabyteLineEndsInASourceErrorWithALoweredLimit) {
  CsvCheckOptions options;
  options.limits.max_record_bytes = 4 << 20;
  auto check = CsvCheck::Create(options);
  ASSERT_TRUE(check);
  ASSERT_TRUE(check->Feed("id,name\n"));
  const std::string chunk(1 << 20, 'a');
  int fed = 0;
  while (fed < 64 && check->Feed(chunk)) ++fed;
  EXPECT_LT(fed, 8) << "reading must stop soon after the limit";
  const Report r = check->Finish(nullptr);
  EXPECT_EQ(Types(r), "source-error");
  EXPECT_NE(r.errors[0].note.find("row 2 (line 2) is longer than 4194304 bytes"), std::string::npos);
  EXPECT_NE(r.errors[0].message_zh.find("第 2 列"), std::string::npos);
}

TEST(HostileInput, AMillionColumnsEndInASourceError) {
  std::string line;
  for (int i = 0; i < 1'000'000; ++i) line += "x,";
  auto report = CheckCsvText(line + "\n1\n", {});
  ASSERT_TRUE(report);
  EXPECT_EQ(Types(*report), "source-error");
  EXPECT_NE(report->errors[0].note.find("more than 100000 columns"), std::string::npos);
}

TEST(HostileInput, UnterminatedQuoteAtEndOfFile) {
  auto report = CheckCsvText("id,note\n1,\"open\n2,x\n", {});
  ASSERT_TRUE(report);
  EXPECT_EQ(Types(*report), "source-error");
  EXPECT_NE(report->errors[0].note.find("not closed"), std::string::npos);
  EXPECT_EQ(report->stats.rows, 1u);
}

TEST(HostileInput, NulBytesAreDataNotTerminators) {
  const std::string text("a,b\n1,\0\n2,x\0y\n", 14);
  auto report = CheckCsvText(text, {});
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->valid) << Types(*report);
  EXPECT_EQ(report->stats.rows, 2u);
}

TEST(HostileInput, InvalidSchemasAreRefusedWithAReason) {
  auto utf8 = ParseTableSchema("{\"fields\": [{\"name\": \"\xc3\x28\"}]}");
  ASSERT_FALSE(utf8);
  EXPECT_NE(utf8.error().message.find("UTF-8"), std::string::npos);
  auto types = ParseTableSchema(R"({"fields": [{"name": 5}]})");
  ASSERT_FALSE(types);
  EXPECT_EQ(types.error().fields[0].field, "fields[0].name");
  // A pattern that backtracks catastrophically does not hang validation.
  auto schema = ParseTableSchema(R"({"fields": [{"name": "a", "constraints": {"pattern": "(a+)+b"}}]})");
  ASSERT_TRUE(schema);
  CsvCheckOptions options;
  options.validator.schema = *schema;
  auto report = CheckCsvText("a\n" + std::string(40, 'a') + "\n", options);
  ASSERT_TRUE(report);
  EXPECT_EQ(Types(*report), "constraint-error");
}

TEST(HostileInput, ManyErrorsStopAtTheLimit) {
  std::string text = "a\n";
  for (int i = 0; i < 100000; ++i) text += "1,2\n";
  auto report = CheckCsvText(text, {});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->errors.size(), 1000u);
  ASSERT_FALSE(report->warnings.empty());
  EXPECT_EQ(report->warnings[0].message, "reached error limit: 1000");
}

}  // namespace
}  // namespace pintu::quality
