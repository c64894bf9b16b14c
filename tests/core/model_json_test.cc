#include "core/model_json.h"

#include <gtest/gtest.h>

namespace pintu {
namespace {

namespace json = boost::json;

Dataset FullDataset() {
  Dataset d;
  d.id = "0b6f7c1e-1111-4222-8333-444455556666";
  d.slug = "ltc-service-points";
  d.title = LocalizedText::Both("長照服務據點", "Long-term care service points");
  d.description = LocalizedText::Both("全國長照據點。", "All long-term care service points.");
  d.organization_id = "org-1";
  d.contact = {"王小明", "ming@example.gov.tw", "02-1234-5678"};
  d.author = "衛生福利部";
  d.keywords = {"長照", "long-term care"};
  d.themes = {"elderly-care"};
  d.topics = {"long-term-care"};
  d.license_id = "CC-BY-4.0";
  d.access_rights = AccessRights::kRestricted;
  d.cost = {CostType::kPaid, "https://example.gov.tw/fee", "規費法第10條"};
  d.type = DatasetType::kStatistical;
  d.methodology = {"由各縣市彙報", "涵蓋率 = 使用人數 / 需要人數 × 100%", {"ltc-users", "ltc-needs"}};
  d.frequency = "MONTHLY";
  d.temporal_start = "2024-01-01";
  d.temporal_end = "2024-12-31";
  d.spatial = "臺灣";
  d.languages = {"zh-TW", "en"};
  d.issued = "2019-03-15";
  d.modified = "2025-07-02";
  d.version = "2025.07";
  d.related_urls = {"https://example.gov.tw/ltc"};
  d.conforms_to = {"https://schema.gov.tw/ltc"};
  d.landing_page = "https://example.gov.tw/";
  d.is_private = true;
  d.state = State::kDraft;
  d.extras = {{"custom_key", "custom value"}};
  d.metadata_created = "2025-01-01T00:00:00.000000Z";
  d.metadata_modified = "2025-07-02T00:00:00.000000Z";
  d.views = 12;
  d.downloads = 3;
  Resource r;
  r.id = "9a6f7c1e-1111-4222-8333-444455556666";
  r.dataset_id = d.id;
  r.name = LocalizedText::Both("據點清單", "List of points");
  r.url = "https://example.gov.tw/points.csv";
  r.format = "CSV";
  r.media_type = "text/csv";
  r.encoding = "UTF-8";
  r.size_bytes = 1234;
  r.checksum = "sha256:abc";
  r.fields = {{"機構名稱", LocalizedText::Both("機構名稱", "Name"), "string", ""},
              {"床數", LocalizedText::Zh("床位數"), "integer", "床"}};
  r.last_modified = "2025-07-01";
  r.created = "2025-01-01T00:00:00.000000Z";
  r.modified = "2025-07-02T00:00:00.000000Z";
  d.resources.push_back(r);
  return d;
}

TEST(ModelJson, DatasetRoundTripsEveryField) {
  Dataset d = FullDataset();
  auto parsed = DatasetFromJson(DatasetToJson(d));
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(*parsed, d);
}

TEST(ModelJson, CkanOutputHasCkanKeys) {
  json::object o = DatasetToJson(FullDataset());
  EXPECT_EQ(o["name"], "ltc-service-points");
  EXPECT_EQ(o["title"], "長照服務據點");
  EXPECT_EQ(o["num_resources"], 1);
  EXPECT_EQ(o["tags"].as_array()[0].as_object().at("name"), "長照");
  EXPECT_EQ(o["license_title"], "創用CC 姓名標示 4.0");
}

TEST(ModelJson, PlainTitleLanguageIsGuessed) {
  auto zh = DatasetFromJson(json::parse(R"({"name":"a1","title":"空氣品質"})"));
  ASSERT_TRUE(zh);
  EXPECT_EQ(zh->title.Get("zh-TW"), "空氣品質");
  auto en = DatasetFromJson(json::parse(R"({"name":"a1","title":"Air quality"})"));
  ASSERT_TRUE(en);
  EXPECT_EQ(en->title.Get("en"), "Air quality");
  EXPECT_TRUE(en->title.Get("zh-TW").empty());
}

TEST(ModelJson, WrongTypesNameTheField) {
  auto r = DatasetFromJson(json::parse(R"({"title": {"bad": [1]}, "tags": 5, "private": "maybe",
      "resources": [{"url": ["x"]}], "temporal_start": "2019-02-30", "frequency": "sometimes"})"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  for (const char* expected : {"title.bad", "tags", "private", "resources.0.url", "temporal_start", "frequency"})
    EXPECT_NE(std::find(fields.begin(), fields.end(), expected), fields.end()) << expected;
}

TEST(ModelJson, OversizedTitleIsRejectedWithItsField) {
  json::object o{{"name", "big"}, {"title", std::string(10 << 20, 'x')}};
  auto r = DatasetFromJson(o);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "title");
}

TEST(ModelJson, NotAnObject) {
  auto r = DatasetFromJson(json::parse("[1,2]"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].field, "__root__");
}

TEST(ModelJson, ParseJsonReportsPositionAndDepth) {
  auto bad = ParseJson(R"({"a": [1, 2,}")");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(bad.error().message.find("byte"), std::string::npos);
  std::string deep(200, '[');
  deep += std::string(200, ']');
  EXPECT_FALSE(ParseJson(deep, 64));
  std::string invalid_utf8 = "{\"title\": \"\xff\xfe\"}";
  auto r = ParseJson(invalid_utf8);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("UTF-8"), std::string::npos);
}

TEST(ModelJson, DiffListsOnlyChangedKeys) {
  json::object a{{"title", "x"}, {"notes", "same"}};
  json::object b{{"title", "y"}, {"notes", "same"}, {"version", "2"}};
  json::object diff = DiffObjects(a, b);
  EXPECT_EQ(diff.size(), 2u);
  EXPECT_EQ(diff["title"].as_object()["old"], "x");
  EXPECT_EQ(diff["version"].as_object()["old"], nullptr);
}

TEST(ModelJson, ContainsCjk) {
  EXPECT_TRUE(ContainsCjk("長照"));
  EXPECT_TRUE(ContainsCjk("abc ⻑"));
  EXPECT_FALSE(ContainsCjk("Long-term care"));
  EXPECT_FALSE(ContainsCjk(""));
}

}  // namespace
}  // namespace pintu
