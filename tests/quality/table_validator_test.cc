// Tests of the Frictionless table validator through CsvCheck (src/quality/
// table_validator.h, csv_check.h) on fixtures authored for this project.
#include "quality/table_validator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "quality/csv_check.h"
#include "quality/dialect.h"

namespace pintu::quality {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(PINTU_SOURCE_DIR) + "/tests/quality/fixtures/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "[row,field,type]" triples in report order, e.g. "2,3,missing-cell 4,-,blank-row".
std::string Errors(const Report& r) {
  std::string out;
  for (const ReportError& e : r.errors) {
    if (!out.empty()) out += ' ';
    out += (e.row_number ? std::to_string(*e.row_number) : "-") + "," +
           (e.field_number ? std::to_string(*e.field_number) : "-") + "," + e.type;
  }
  return out;
}

Report Check(std::string_view text, ValidatorOptions v = {}, CsvDialect dialect = {}) {
  CsvCheckOptions options;
  options.dialect = dialect;
  options.validator = std::move(v);
  auto report = CheckCsvText(text, std::move(options));
  EXPECT_TRUE(report.has_value());
  return report ? std::move(*report) : Report{};
}

ValidatorOptions WithSchema(const std::string& file) {
  ValidatorOptions v;
  auto schema = ParseTableSchema(Fixture(file));
  EXPECT_TRUE(schema) << schema.error().message;
  if (schema) v.schema = std::move(*schema);
  return v;
}

TEST(TableValidator, RaggedRowsGiveMissingAndExtraCells) {
  const Report r = Check(Fixture("ragged.csv"));
  EXPECT_EQ(Errors(r), "3,3,missing-cell 4,4,extra-cell");
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.errors[0].field_name, "人口");
  EXPECT_EQ(r.errors[0].message, "Row at position \"3\" has a missing cell in field \"人口\" at position \"3\"");
  EXPECT_EQ(r.errors[0].message_zh, "第 3 列缺少第 3 欄「人口」的值");
  EXPECT_EQ(r.errors[1].cell, "多出來");
  EXPECT_EQ(r.stats.rows, 3u);
  EXPECT_EQ(r.stats.fields, 3u);
}

TEST(TableValidator, QuotedNewlinesAreOneRowEach) {
  const Report r = Check(Fixture("quoted-newlines.csv"));
  EXPECT_TRUE(r.valid) << Errors(r);
  EXPECT_EQ(r.stats.rows, 3u);
}

TEST(TableValidator, CrlfFileWithABlankLine) {
  const Report r = Check(Fixture("crlf.csv"));
  EXPECT_EQ(Errors(r), "3,-,blank-row");
  EXPECT_EQ(r.errors[0].message, "Row at position \"3\" is completely blank");
}

TEST(TableValidator, TabSeparatedCsvIsValidOnceTheDialectIsDetected) {
  const std::string text = Fixture("tab-separated.csv");
  const DialectGuess guess = DetectDialect(text, true);
  EXPECT_EQ(guess.dialect.delimiter, '\t');
  EXPECT_TRUE(CompareDialectWithFileName(guess, "tab-separated.csv"));
  const Report r = Check(text, {}, guess.dialect);
  EXPECT_TRUE(r.valid) << Errors(r);
  EXPECT_EQ(r.stats.fields, 3u);
  // Read as comma-separated, the same file is one column: still no error, but 1 field.
  EXPECT_EQ(Check(text).stats.fields, 1u);
}

TEST(TableValidator, OneLineTwoCharactersAndEmptyFiles) {
  const Report one = Check(Fixture("one-line.csv"));
  EXPECT_TRUE(one.valid);
  EXPECT_EQ(one.stats.rows, 0u);
  EXPECT_EQ(one.stats.fields, 3u);
  const Report two = Check(Fixture("two-chars.csv"));
  EXPECT_TRUE(two.valid);
  EXPECT_EQ(two.stats.fields, 1u);
  const Report empty = Check(Fixture("empty.csv"));
  EXPECT_EQ(Errors(empty), "-,-,source-error");
  EXPECT_EQ(empty.errors[0].note, "the source is empty");
  EXPECT_EQ(empty.errors[0].message_zh, "資料來源無法讀取或內容不一致：資料來源是空的");
}

TEST(TableValidator, BlankAndDuplicateHeaderCells) {
  const Report r = Check(Fixture("blank-header.csv"));
  EXPECT_EQ(Errors(r), "-,2,blank-label -,4,duplicate-label");
  EXPECT_EQ(r.errors[1].note, "at position \"3\"");
  EXPECT_EQ(r.errors[1].message, "Label \"名稱\" in the header at position \"4\" is duplicated to a label: at position \"3\"");
}

TEST(TableValidator, DuplicateRowsOnlyWhenAsked) {
  EXPECT_TRUE(Check(Fixture("duplicate-rows.csv")).valid);
  ValidatorOptions v;
  v.check_duplicate_rows = true;
  const Report r = Check(Fixture("duplicate-rows.csv"), v);
  EXPECT_EQ(Errors(r), "4,-,duplicate-row 5,-,duplicate-row");
  EXPECT_EQ(r.errors[0].note, "the same as row at position \"2\"");
  EXPECT_EQ(r.errors[1].note, "the same as row at position \"4\"");  // the latest earlier row, as frictionless
}

TEST(TableValidator, SchemaTypesConstraintsAndKeys) {
  const Report r = Check(Fixture("schema-errors.csv"), WithSchema("schema-errors.schema.json"));
  EXPECT_EQ(Errors(r),
            "3,2,type-error 3,3,type-error 3,5,type-error "
            "4,3,constraint-error 4,4,constraint-error 4,6,constraint-error 4,6,constraint-error "
            "5,3,constraint-error 5,5,type-error 5,1,unique-error 5,-,primary-key "
            "6,1,constraint-error 6,-,primary-key");
  EXPECT_EQ(r.errors[0].note, "type is \"string/email\"");
  EXPECT_EQ(r.errors[3].note, "constraint \"minimum\" is \"0\"");
  EXPECT_EQ(r.errors[4].note, "constraint \"enum\" is \"['A', 'B', 'C']\"");
  EXPECT_EQ(r.errors[5].note, "constraint \"minLength\" is \"6\"");
  EXPECT_EQ(r.errors[6].note, "constraint \"pattern\" is \"TW-[0-9]{3}\"");
  EXPECT_EQ(r.errors[9].note, "the same as in the row at position 2");
  EXPECT_EQ(r.errors[11].note, "constraint \"required\" is \"True\"");
  EXPECT_EQ(r.errors[12].note, "cells composing the primary keys are all \"None\"");
  EXPECT_EQ(r.errors[1].message,
            "Type error in the cell \"abc\" in row \"3\" and field \"年齡\" at position \"3\": type is \"integer/default\"");
  ASSERT_TRUE(r.schema);
  EXPECT_EQ(r.schema->at("fields").as_array().size(), 6u);
}

TEST(TableValidator, CustomMissingValuesAreNulls) {
  ValidatorOptions v = WithSchema("schema-errors.schema.json");
  const Report r = Check("id,email,年齡,等級,日期,代碼\n7,NA,NA,NA,NA,NA\n", v);
  EXPECT_TRUE(r.valid) << Errors(r);
}

TEST(TableValidator, LabelsAgainstASchema) {
  ValidatorOptions v = WithSchema("schema-errors.schema.json");
  const Report r = Check("id,mail,年齡,等級,日期\n1,a@b.tw,1,A,2024-01-01\n", v);
  EXPECT_EQ(Errors(r), "-,2,incorrect-label -,6,missing-label 2,6,missing-cell");
  ValidatorOptions sync = WithSchema("schema-errors.schema.json");
  sync.schema_sync = true;
  const Report s = Check("代碼,id\nTW-001,1\nTW-002,x\n", sync);
  EXPECT_EQ(Errors(s), "3,2,type-error 3,-,primary-key");  // a mistyped key cell is None, as in frictionless
}

TEST(TableValidator, SelfReferencingForeignKeysResolveLaterRows) {
  ValidatorOptions v;
  auto schema = ParseTableSchema(R"({"fields":[{"name":"id","type":"integer"},{"name":"parent","type":"integer"},
    {"name":"name"}],"foreignKeys":[{"fields":"parent","reference":{"resource":"","fields":"id"}}]})");
  ASSERT_TRUE(schema);
  v.schema = *schema;
  // Row 2 points to id 3, which comes later: fine. Row 4 points to 9: error, placed in row order.
  const Report r = Check("id,parent,name\n1,3,a\n2,,b\n3,9,c\nx,1,d\n", v);
  EXPECT_EQ(Errors(r), "4,-,foreign-key 5,1,type-error");
  EXPECT_EQ(r.errors[0].note, "for \"parent\": values \"9\" not found in the lookup table \"\" as \"id\"");
}

TEST(TableValidator, LimitPickAndSkip) {
  const std::string text = "a,b\n1\n2\n3\n4,5,6\n";
  ValidatorOptions limit;
  limit.limit_errors = 2;
  const Report r = Check(text, limit);
  EXPECT_EQ(Errors(r), "2,2,missing-cell 3,2,missing-cell");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].message, "reached error limit: 2");
  EXPECT_EQ(r.warnings[0].message_zh, "已達錯誤上限：2");
  EXPECT_EQ(r.stats.rows, 2u);  // reading stopped at the limit

  ValidatorOptions pick;
  pick.pick = {"extra-cell"};
  EXPECT_EQ(Errors(Check(text, pick)), "5,3,extra-cell");
  ValidatorOptions skip;
  skip.skip = {"#cell"};
  EXPECT_TRUE(Check(text, skip).valid);

  ValidatorOptions zero;
  zero.limit_errors = 0;
  EXPECT_FALSE(TableValidator::Create(zero));
}

TEST(TableValidator, IntegrityChecksStopAtTheMemoryBudgetWithAWarning) {
  std::string text = "id\n";
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + "\n";
  text += "5\n";  // a duplicate after the budget ran out: not reported
  ValidatorOptions v;
  auto schema = ParseTableSchema(R"({"fields":[{"name":"id","type":"integer","constraints":{"unique":true}}]})");
  ASSERT_TRUE(schema);
  v.schema = *schema;
  v.memory_budget_bytes = 64 * 1024;  // about 4 000 keys
  const Report r = Check(text, v);
  EXPECT_TRUE(r.valid) << Errors(r);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].type, "check-skipped");
  ASSERT_TRUE(r.warnings[0].row_number);
  EXPECT_GT(*r.warnings[0].row_number, 2000u);
  EXPECT_LT(*r.warnings[0].row_number, 20000u);
  EXPECT_NE(r.warnings[0].message.find("unique (id) check stopped at row"), std::string::npos);

  v.memory_budget_bytes = 16 << 20;
  EXPECT_EQ(Errors(Check(text, v)), "20002,1,unique-error");
}

TEST(TableValidator, DeclaredBytesHashAndRows) {
  ValidatorOptions v;
  v.expected_rows = 1;
  v.expected_bytes = 3;
  v.expected_hash = "sha256:00";
  const Report r = Check("a\n1\n2\n", v);
  EXPECT_EQ(Errors(r), "-,-,hash-count -,-,byte-count -,-,row-count");
  EXPECT_EQ(r.errors[1].note, "expected is \"3\" and actual is \"6\"");
  EXPECT_EQ(r.errors[2].note, "expected is \"1\" and actual is \"2\"");
  ASSERT_TRUE(r.stats.md5);
  EXPECT_EQ(r.stats.bytes, 6u);
}

TEST(TableValidator, HeaderlessTablesNameTheirFields) {
  ValidatorOptions v;
  v.header = false;
  const Report r = Check("1,a\n2,b,c\n", v);
  EXPECT_EQ(Errors(r), "2,3,extra-cell");
  ASSERT_TRUE(r.schema);
  EXPECT_EQ(r.schema->at("fields").as_array()[1].at("name").as_string(), "field2");
}

TEST(TableValidator, ReportJsonFollowsTheInterfaceContract) {
  const Report r = Check(Fixture("ragged.csv"));
  const boost::json::object j = ReportToJson(r);
  EXPECT_EQ(j.at("valid").as_bool(), false);
  for (const char* key : {"encoding", "format", "dialect", "stats", "errors", "warnings", "schema", "profile"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_TRUE(j.at("encoding").as_object().contains("detected"));
  EXPECT_TRUE(j.at("encoding").at("matches").is_null());
  EXPECT_EQ(j.at("dialect").at("delimiter").as_string(), ",");
  EXPECT_EQ(j.at("dialect").at("quoteChar").as_string(), "\"");
  EXPECT_EQ(j.at("stats").at("rows").to_number<std::int64_t>(), 3);
  EXPECT_EQ(j.at("stats").at("sha256").as_string().size(), 64u);
  const auto& e = j.at("errors").as_array()[0].as_object();
  EXPECT_EQ(e.at("type").as_string(), "missing-cell");
  EXPECT_EQ(e.at("rowNumber").to_number<std::int64_t>(), 3);
  EXPECT_EQ(e.at("fieldNumber").to_number<std::int64_t>(), 3);
  EXPECT_FALSE(e.at("message").as_string().empty());
  EXPECT_FALSE(e.at("messageZh").as_string().empty());
  EXPECT_EQ(e.at("tags").as_array().size(), 3u);
}

TEST(TableValidator, ErrorCellsAreShortenedWithoutBreakingUtf8) {
  const std::string long_cell(300, 'x');
  std::string zh;
  for (int i = 0; i < 100; ++i) zh += "長";
  const Report r = Check("a\n1," + long_cell + "\n2," + zh + "\n");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_LE(r.errors[0].cell.size(), 204u);
  EXPECT_TRUE(r.errors[1].cell.ends_with("…"));
  EXPECT_EQ((r.errors[1].cell.size() - 3) % 3, 0u);  // whole 3-byte characters only
}

}  // namespace
}  // namespace pintu::quality
