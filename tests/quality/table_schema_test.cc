// Tests of Table Schema parsing (src/quality/table_schema.h).
#include "quality/table_schema.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <boost/json.hpp>

namespace pintu::quality {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(PINTU_SOURCE_DIR) + "/tests/quality/fixtures/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The JSON path named by a failed parse.
std::string PathOf(std::string_view json) {
  auto r = ParseTableSchema(json);
  if (r) return "(parsed)";
  return r.error().fields.empty() ? "(no path)" : r.error().fields[0].field;
}

TEST(TableSchema, ParsesFieldsConstraintsKeysAndMissingValues) {
  auto schema = ParseTableSchema(Fixture("schema-errors.schema.json"));
  ASSERT_TRUE(schema) << schema.error().message;
  ASSERT_EQ(schema->fields.size(), 6u);
  EXPECT_EQ(schema->fields[0].format.type, FieldType::kInteger);
  EXPECT_TRUE(schema->fields[0].constraints.required);
  EXPECT_TRUE(schema->fields[0].constraints.unique);
  EXPECT_EQ(schema->fields[1].format.format, "email");
  EXPECT_EQ(schema->fields[2].name, "年齡");
  EXPECT_EQ(schema->fields[2].constraints.minimum, "0");
  EXPECT_EQ(schema->fields[2].constraints.maximum, "150");
  EXPECT_EQ(schema->fields[3].constraints.enum_values, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(schema->fields[5].constraints.pattern, "TW-[0-9]{3}");
  EXPECT_EQ(schema->fields[5].constraints.min_length, 6u);
  EXPECT_EQ(schema->missing_values, (std::vector<std::string>{"", "NA"}));
  EXPECT_EQ(schema->primary_key, std::vector<std::string>{"id"});
  EXPECT_EQ(schema->FieldIndex("日期"), 4u);
  EXPECT_FALSE(schema->FieldIndex("nope"));
}

TEST(TableSchema, ForeignKeysAcceptStringsOrLists) {
  auto schema = ParseTableSchema(R"({"fields":[{"name":"id","type":"integer"},{"name":"parent","type":"integer"}],
    "primaryKey":"id","foreignKeys":[{"fields":"parent","reference":{"resource":"","fields":"id"}},
    {"fields":["parent"],"reference":{"resource":"other","fields":["code"]}}]})");
  ASSERT_TRUE(schema) << schema.error().message;
  ASSERT_EQ(schema->foreign_keys.size(), 2u);
  EXPECT_EQ(schema->foreign_keys[0].reference_fields, std::vector<std::string>{"id"});
  EXPECT_EQ(schema->foreign_keys[1].reference_resource, "other");
}

TEST(TableSchema, EveryMistakeNamesItsJsonPath) {
  EXPECT_EQ(PathOf(Fixture("invalid-type.schema.json")), "fields[0].type");
  EXPECT_EQ(PathOf("[]"), "$");
  EXPECT_EQ(PathOf("{}"), "fields");
  EXPECT_EQ(PathOf(R"({"fields": {}})"), "fields");
  EXPECT_EQ(PathOf(R"({"fields": [1]})"), "fields[0]");
  EXPECT_EQ(PathOf(R"({"fields": [{"type": "string"}]})"), "fields[0].name");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": ""}]})"), "fields[0].name");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a"}, {"name": "a"}]})"), "fields[1].name");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a", "constraints": {"minLength": -1}}]})"), "fields[0].constraints.minLength");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a", "constraints": {"required": "yes"}}]})"), "fields[0].constraints.required");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a", "constraints": {"pattern": "(["}}]})"), "fields[0].constraints.pattern");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a", "type": "integer", "constraints": {"minimum": "x"}}]})"),
            "fields[0].constraints.minimum");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a", "type": "date", "constraints": {"enum": ["2024-01-01", "soon"]}}]})"),
            "fields[0].constraints.enum[1]");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a", "trueValues": [1]}]})"), "fields[0].trueValues[0]");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a"}], "primaryKey": "b"})"), "primaryKey");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a"}], "primaryKey": ["a", "b"]})"), "primaryKey[1]");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a"}], "missingValues": "NA"})"), "missingValues");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a"}], "foreignKeys": [{"fields": "a"}]})"), "foreignKeys[0].reference");
  EXPECT_EQ(PathOf(R"({"fields": [{"name": "a"}], "foreignKeys": [{"fields": "a", "reference": {"fields": ["a", "a"]}}]})"),
            "foreignKeys[0].reference.fields");
}

TEST(TableSchema, SyntaxErrorsAndInvalidUtf8SayWhere) {
  auto bad_json = ParseTableSchema("{\n  \"fields\": [\n    {\"name\": \"a\",}\n  ]\n}");
  ASSERT_FALSE(bad_json);
  EXPECT_EQ(bad_json.error().fields[0].field, "line 3, column 18");
  EXPECT_NE(bad_json.error().message.find("not valid JSON"), std::string::npos);
  EXPECT_FALSE(bad_json.error().fields[0].message_zh.empty());

  auto bad_utf8 = ParseTableSchema(Fixture("invalid-utf8.schema.json"));
  ASSERT_FALSE(bad_utf8);
  EXPECT_EQ(bad_utf8.error().fields[0].field, "byte 22");
  EXPECT_NE(bad_utf8.error().message.find("UTF-8"), std::string::npos);

  EXPECT_FALSE(ParseTableSchema(""));
  EXPECT_FALSE(ParseTableSchema(std::string(100000, '[')));  // too deep, not a crash
  auto huge = ParseTableSchema(std::string(kMaxSchemaBytes + 1, ' '));
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().code, ErrorCode::kTooLarge);
}

TEST(TableSchema, SerialisesBackToEquivalentJson) {
  auto schema = ParseTableSchema(Fixture("schema-errors.schema.json"));
  ASSERT_TRUE(schema);
  const boost::json::object json = TableSchemaToJson(*schema);
  auto again = TableSchemaFromJson(json);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(boost::json::serialize(TableSchemaToJson(*again)), boost::json::serialize(json));
  EXPECT_EQ(json.at("primaryKey").as_array().size(), 1u);
}

TEST(TableSchema, SchemaFromLabelsNamesBlankAndRepeatedLabelsLikeFrictionless) {
  const TableSchema s = SchemaFromLabels({"id", "name", "", "name"});
  ASSERT_EQ(s.fields.size(), 4u);
  EXPECT_EQ(s.fields[2].name, "field3");
  EXPECT_EQ(s.fields[3].name, "name2");
  EXPECT_EQ(s.fields[0].format.type, FieldType::kAny);
}

}  // namespace
}  // namespace pintu::quality
