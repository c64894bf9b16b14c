#include "formats/import.h"

#include <gtest/gtest.h>

#include "core/model_json.h"
#include "formats/normalize.h"
#include "formats/pintu_jsonl.h"

namespace json = boost::json;

namespace pintu::formats {
namespace {

ImportBatch MustParse(std::string_view bytes, std::string_view name, ImportFormat f = ImportFormat::kAuto) {
  auto r = ParseImportDocument(bytes, name, f);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message);
  return r ? std::move(*r) : ImportBatch{};
}

std::string Reasons(const ImportBatch& b) {
  std::string s;
  for (const auto& k : b.skipped) s += k.source + ": " + k.reason + "\n";
  return s;
}

const json::value* Extra(const json::object& doc, std::string_view key) {
  for (const auto& e : doc.at("extras").as_array())
    if (e.as_object().at("key").as_string() == key) return &e.as_object().at("value");
  return nullptr;
}

TEST(ImportFormatNames, ParseAndName) {
  EXPECT_EQ(ParseImportFormat("CKAN"), ImportFormat::kCkan);
  EXPECT_EQ(ParseImportFormat("datagovtw-csv"), ImportFormat::kDatagovtwCsv);
  EXPECT_EQ(ParseImportFormat("datagovtw-json"), ImportFormat::kDatagovtwJson);
  EXPECT_EQ(ParseImportFormat("jsonl"), ImportFormat::kJsonl);
  EXPECT_EQ(ParseImportFormat("auto"), ImportFormat::kAuto);
  EXPECT_EQ(ParseImportFormat("xml"), std::nullopt);
  EXPECT_EQ(ImportFormatName(ImportFormat::kDatagovtwJson), "datagovtw-json");
}

TEST(CkanImport, ExtrasArePromotedAndUnknownOnesKept) {
  const char* pkg = R"J({
    "id": "2988A6AA-2802-4f32-b846-d4520c79c4b7", "name": "zimbabwe", "title": "Zimbabwe survey",
    "license_id": null,
    "extras": [{"key": "dcat_issued", "value": "2012-05-10"},
               {"key": "dcat_modified", "value": "2012-05-10T21:04"},
               {"key": "language", "value": "en,es,ca"},
               {"key": "frequency", "value": "notPlanned"},
               {"key": "provenance", "value": "Field survey"},
               {"key": "contact_email", "value": "info@gs.org"},
               {"key": "theme", "value": "[\"交通及通訊\", \"https://x/theme\"]"},
               {"key": "guid", "value": "9df8df51"}],
    "organization": {"id": "DFDD27DD-1BE6-4735-A763-F3D3360A46FE", "name": "crtc", "title": "CRTC", "description": "Regulator"},
    "owner_org": "DFDD27DD-1BE6-4735-A763-F3D3360A46FE",
    "num_tags": 7, "tracking_summary": {"total": 0}
  })J";
  auto b = MustParse(pkg, "pkg.json");
  EXPECT_EQ(b.format, "ckan");
  ASSERT_EQ(b.records.size(), 1u) << Reasons(b);
  const auto& d = b.records[0].doc;
  EXPECT_EQ(d.at("id").as_string(), "2988a6aa-2802-4f32-b846-d4520c79c4b7");
  EXPECT_EQ(d.at("issued").as_string(), "2012-05-10");
  EXPECT_EQ(d.at("modified").as_string(), "2012-05-10T21:04:00");
  EXPECT_EQ(d.at("language").as_array().size(), 3u);
  EXPECT_EQ(d.at("methodology").as_object().at("description").as_string(), "Field survey");
  EXPECT_EQ(d.at("maintainer_email").as_string(), "info@gs.org");
  EXPECT_EQ(d.at("themes").as_array()[0].as_string(), "transport");
  EXPECT_EQ(d.at("license_id").as_string(), "notspecified");
  EXPECT_EQ(d.at("owner_org").as_string(), "");
  ASSERT_NE(Extra(d, "frequency"), nullptr);  // not understood → kept
  ASSERT_NE(Extra(d, "guid"), nullptr);
  EXPECT_EQ(Extra(d, "dcat_issued"), nullptr);  // promoted → removed
  EXPECT_EQ(Extra(d, "num_tags"), nullptr);
  ASSERT_TRUE(b.records[0].organization);
  EXPECT_EQ(b.records[0].organization->slug, "crtc");
  EXPECT_EQ(b.records[0].organization->id, "dfdd27dd-1be6-4735-a763-f3d3360a46fe");
  EXPECT_EQ(b.records[0].organization->title.Get("en"), "CRTC");
  auto org = OrganizationFromJson(OrganizationRefToJson(*b.records[0].organization));
  ASSERT_TRUE(org);
  EXPECT_EQ(org->slug, "crtc");
  EXPECT_FALSE(b.warnings.empty());
}

TEST(CkanImport, EnvelopesArraysAndJsonLines) {
  auto b = MustParse(R"J({"help": "x", "success": true, "result": {"count": 2, "results": [
      {"name": "a1", "title": "A"}, {"name": "b1", "title": "B"}]}})J", "search.json");
  EXPECT_EQ(b.records.size(), 2u);
  b = MustParse(R"J({"success": true, "result": {"name": "a1", "title": "A"}})J", "show.json");
  EXPECT_EQ(b.records.size(), 1u);
  b = MustParse(R"J([{"name": "a1", "title": "A"}, {"name": "a1", "title": "A again"}, 3])J", "list.json");
  EXPECT_EQ(b.records.size(), 1u);
  ASSERT_EQ(b.skipped.size(), 2u);
  EXPECT_NE(b.skipped[0].reason.find("duplicate of list.json:item 1"), std::string::npos) << Reasons(b);
  b = MustParse("{\"name\": \"a1\", \"title\": \"A\"}\n\n{\"name\": \"b2\", \"title\": \"B\"}\n{broken\n", "p.jsonl");
  EXPECT_EQ(b.records.size(), 2u);
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_EQ(b.skipped[0].source, "p.jsonl:line 4");
  auto err = ParseImportDocument(R"J({"success": false, "error": {"message": "Not found"}})J", "e.json", ImportFormat::kAuto);
  ASSERT_FALSE(err);
  EXPECT_NE(err.error().message.find("success"), std::string::npos);
}

TEST(CkanImport, MissingTitleAndBadFieldsAreSkippedWithField) {
  auto b = MustParse(R"J([{"name": "no-title"}, {"title": "T", "resources": "nope"},
                         {"title": "T2", "maintainer_email": "not-an-email"}])J", "x.json");
  ASSERT_EQ(b.skipped.size(), 1u) << Reasons(b);
  EXPECT_NE(b.skipped[0].reason.find("missing title"), std::string::npos);
  // Bad shapes are kept as extras rather than rejected.
  EXPECT_EQ(b.records.size(), 2u);
}

TEST(CkanImport, CanadaKeywordsAndOwnerOrgName) {
  auto b = MustParse(R"J({"name": "584a6090-187f-42ee-9f52-143ccdca574b", "id": "584a6090-187f-42ee-9f52-143ccdca574b",
      "title_translated": {"en": "Spending", "fr": "Dépenses"}, "owner_org": "statcan",
      "org_title_at_publication": {"en": "Statistics Canada", "fr": "Statistique Canada"},
      "keywords": {"en": ["stats"], "fr": ["statistiques"]}, "audience": ["general_public"], "type": "doc"})J", "c.json");
  ASSERT_EQ(b.records.size(), 1u) << Reasons(b);
  const auto& d = b.records[0].doc;
  EXPECT_EQ(d.at("title_translated").as_object().at("fr").as_string(), "Dépenses");
  EXPECT_EQ(d.at("tags").as_array().size(), 2u);
  ASSERT_NE(Extra(d, "audience"), nullptr);
  EXPECT_EQ(Extra(d, "ckan_type")->as_string(), "doc");
  ASSERT_TRUE(b.records[0].organization);
  EXPECT_EQ(b.records[0].organization->slug, "statcan");
  EXPECT_EQ(b.records[0].organization->title.Get("fr"), "Statistique Canada");
}

TEST(DatagovtwJson, ScrapeObject) {
  const char* doc = R"J({"TITLE": "空氣品質", "NODE": "6074", "DESC": "說明", "AGENCY": "行政院環境保護署",
    "AGENCY_CONTACT": "陳翼正 先生 (02-37073100)", "UPDATE_FREQ": "每小時", "LICENCE": "政府資料開放授權條款-第1版",
    "CHARGE": "免費", "DATE_PUBLISH": "2015/12/29", "DATA_TYPE": "系統介接程式", "DATE_UPDATE_META": "2016/03/03 18:44",
    "KEYWORDS": ["空氣", "AQI"], "CATEGORY": "其他", "SERVICE_TYPE": "生活安全及品質", "VIEWS": "7,472", "DOWNLOAD": "433",
    "相關網址": "http://taqm.epa.gov.tw/",
    "RESOURCE": [{"SCHEMA": "測站、時間、數值", "RES_FILETYPE": "CSV", "RES_ENCODE": "BIG5", "REC_COUNT": "30",
                  "RES_URL": "http://x/a.csv", "RES_DESC": "CSV 檔", "RES_DATE_UPDATE_META": "2017/11/20 14:48"},
                 {"RES_FILETYPE": "XML", "RES_ENCODE": "其他", "RES_URL": "http://x/a.xml", "RES_DESC": "XML"}]})J";
  auto b = MustParse(doc, "06074.json");
  EXPECT_EQ(b.format, "datagovtw-json");
  ASSERT_EQ(b.records.size(), 1u) << Reasons(b);
  const auto& d = b.records[0].doc;
  EXPECT_EQ(d.at("name").as_string(), "dgtw-6074");
  EXPECT_EQ(d.at("maintainer").as_string(), "陳翼正 先生");
  EXPECT_EQ(d.at("maintainer_phone").as_string(), "02-37073100");
  EXPECT_EQ(d.at("frequency").as_string(), "HOURLY");
  EXPECT_EQ(d.at("license_id").as_string(), "OGDL-Taiwan-1.0");
  EXPECT_EQ(d.at("cost").as_object().at("type").as_string(), "free");
  EXPECT_EQ(d.at("issued").as_string(), "2015-12-29");
  EXPECT_EQ(d.at("modified").as_string(), "2016-03-03T18:44:00");
  EXPECT_EQ(d.at("dataset_type").as_string(), "real-time");
  EXPECT_EQ(d.at("themes").as_array()[0].as_string(), "safety");
  EXPECT_EQ(d.at("views").as_int64(), 7472);
  EXPECT_EQ(d.at("related_urls").as_array().size(), 1u);
  const auto& res = d.at("resources").as_array();
  ASSERT_EQ(res.size(), 2u);
  EXPECT_EQ(res[0].as_object().at("encoding").as_string(), "Big5");
  EXPECT_EQ(res[0].as_object().at("fields").as_array().size(), 3u);
  EXPECT_EQ(res[0].as_object().at("last_modified").as_string(), "2017-11-20T14:48:00");
  EXPECT_EQ(res[1].as_object().at("encoding").as_string(), "");
  EXPECT_EQ(Extra(d, "resources.1.encoding")->as_string(), "其他");
  EXPECT_EQ(Extra(d, "resources.0.REC_COUNT")->as_string(), "30");
  EXPECT_EQ(Extra(d, "CATEGORY")->as_string(), "其他");
  ASSERT_TRUE(b.records[0].organization);
  EXPECT_EQ(b.records[0].organization->level, OrgLevel::kCentral);
  EXPECT_TRUE(b.records[0].organization->level_known);
}

TEST(DatagovtwCsv, ListingRowsDuplicatesDatesAndCounts) {
  std::string csv =
      "提供機關名稱,資料集名稱,瀏覽人次,下載次數,資料集評分,上架日\n"
      "文化部,蒙藏用語對照表,\"7,472\",\"1,099\",100,2013/03/18\n"
      "文化部,\"多行\n標題\",1,2,,\n"
      "文化部,\"多行\n標題 \",1,2,,\n"
      "文化部,蒙藏用語對照表,1,1,,2013/03/18\n"
      "文化部,壞日期,1,1,,2013/02/30\n"
      "文化部,壞數字,many,1,,\n"
      "文化部,,1,1,,\n"
      "文化部,太多欄,1,1,,,extra\n"
      "臺北市政府,民國日期,1,1,,109.5.29\n";
  auto b = MustParse(csv, "list.csv");
  EXPECT_EQ(b.format, "datagovtw-csv");
  EXPECT_EQ(b.records.size() + b.skipped.size(), 9u);
  ASSERT_EQ(b.records.size(), 5u) << Reasons(b);
  // A title that differs only in spacing is a separate dataset with its own slug.
  EXPECT_NE(b.records[1].doc.at("name"), b.records[2].doc.at("name"));
  const auto& d = b.records[0].doc;
  EXPECT_EQ(d.at("views").as_int64(), 7472);
  EXPECT_EQ(d.at("downloads").as_int64(), 1099);
  EXPECT_EQ(d.at("issued").as_string(), "2013-03-18");
  EXPECT_EQ(Extra(d, "資料集評分")->as_string(), "100");
  EXPECT_EQ(d.at("name").as_string(), DatagovtwListingSlug("文化部", "蒙藏用語對照表"));
  EXPECT_EQ(b.records[1].doc.at("title").as_string(), "多行 標題");
  EXPECT_EQ(b.records[1].source, "list.csv:line 3");
  EXPECT_EQ(b.records[3].doc.at("title").as_string(), "壞數字");  // a bad count is kept as an extra
  EXPECT_EQ(Extra(b.records[3].doc, "瀏覽人次")->as_string(), "many");
  EXPECT_EQ(b.records[4].doc.at("issued").as_string(), "2020-05-29");
  EXPECT_EQ(b.records[4].organization->level, OrgLevel::kLocal);
  std::string reasons = Reasons(b);
  EXPECT_NE(reasons.find("list.csv:line 7: duplicate of line 2"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("invalid date in field 上架日"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("missing title (field 資料集名稱)"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("7 fields but the header has 6"), std::string::npos) << reasons;
}

TEST(DatagovtwCsv, FullMetadataColumns) {
  std::string csv =
      "資料集識別碼,資料集名稱,資料集描述,提供機關,提供機關聯絡人姓名,提供機關聯絡人電話,更新頻率,授權方式,計費方式,"
      "上架日期,詮釋資料更新時間,資料集類型,檔案格式,編碼格式,資料下載網址,服務分類,品質檢測,關鍵字,備註,神秘欄\n"
      "6074,空氣品質指標,說明,行政院環境保護署,王小姐,02-1234,每月,政府資料開放授權條款-第1版,無,"
      "107年7月9日,2018/07/10 12:00,原始資料,CSV;JSON,UTF-8;utf8,http://a/1.csv;http://a/1.json,生活安全及品質,金標章,\"空氣,品質\",備註文字,?\n";
  auto b = MustParse(csv, "full.csv");
  ASSERT_EQ(b.records.size(), 1u) << Reasons(b);
  const auto& d = b.records[0].doc;
  EXPECT_EQ(d.at("name").as_string(), "dgtw-6074");
  EXPECT_EQ(d.at("notes").as_string(), "說明");
  EXPECT_EQ(d.at("maintainer").as_string(), "王小姐");
  EXPECT_EQ(d.at("maintainer_phone").as_string(), "02-1234");
  EXPECT_EQ(d.at("frequency").as_string(), "MONTHLY");
  EXPECT_EQ(d.at("issued").as_string(), "2018-07-09");
  EXPECT_EQ(d.at("dataset_type").as_string(), "raw");
  EXPECT_EQ(d.at("tags").as_array().size(), 2u);
  const auto& res = d.at("resources").as_array();
  ASSERT_EQ(res.size(), 2u);
  EXPECT_EQ(res[1].as_object().at("format").as_string(), "JSON");
  EXPECT_EQ(res[1].as_object().at("encoding").as_string(), "UTF-8");
  EXPECT_EQ(res[1].as_object().at("url").as_string(), "http://a/1.json");
  EXPECT_EQ(Extra(d, "品質檢測")->as_string(), "金標章");
  EXPECT_EQ(Extra(d, "神秘欄")->as_string(), "?");
  bool warned = false;
  for (const auto& w : b.warnings) warned |= w.message.find("神秘欄") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(PintuJsonl, ExportImportRoundTripIsLossless) {
  Organization org;
  org.id = "11111111-1111-4111-8111-111111111111";
  org.slug = "moc";
  org.title = LocalizedText::Both("文化部", "Ministry of Culture");
  org.level = OrgLevel::kCentral;
  org.contacts.push_back({"王小姐", "a@b.tw", "02-1"});
  Topic topic;
  topic.id = "22222222-2222-4222-8222-222222222222";
  topic.slug = "long-term-care";
  topic.title = LocalizedText::Both("長照", "Long-term care");
  Dataset d;
  d.id = "33333333-3333-4333-8333-333333333333";
  d.slug = "dgtw-6074";
  d.title = LocalizedText::Both("空氣品質", "Air quality");
  d.description = LocalizedText::Zh("說明");
  d.organization_id = org.id;
  d.keywords = {"空氣", "AQI"};
  d.themes = {"safety"};
  d.topics = {"long-term-care"};
  d.cost.type = CostType::kPaid;
  d.cost.fee_url = "https://fee";
  d.type = DatasetType::kStatistical;
  d.methodology = {"抽樣", "a/b", {"dgtw-1"}};
  d.frequency = "MONTHLY";
  d.temporal_start = "2020-01-01";
  d.temporal_end = "2020-12-31";
  d.languages = {"zh-TW", "en"};
  d.issued = "2015-12-29";
  d.state = State::kDeleted;
  d.extras = {{"CATEGORY", "其他"}};
  d.views = 7;
  d.metadata_created = "2024-01-01T00:00:00.000000Z";
  Resource r;
  r.id = "44444444-4444-4444-8444-444444444444";
  r.dataset_id = d.id;
  r.name = LocalizedText::Zh("CSV");
  r.url = "https://x/a.csv";
  r.format = "CSV";
  r.encoding = "Big5";
  r.size_bytes = 12;
  r.fields = {{"測站", LocalizedText::Zh("站名"), "string", ""}};
  r.last_modified = "2017-11-20T14:48:00";
  d.resources.push_back(r);

  std::string file = PintuJsonlHeader("2024-01-01T00:00:00Z", "pintu test") + "\n" +
                     PintuJsonlLine(ImportRecord::Kind::kDataset, DatasetToJson(d)) + "\r\n" +
                     PintuJsonlLine(ImportRecord::Kind::kTopic, TopicToJson(topic)) + "\n" +
                     PintuJsonlLine(ImportRecord::Kind::kOrganization, OrganizationToJson(org)) + "\n";
  auto b = MustParse(file, "export.jsonl");
  EXPECT_EQ(b.format, "jsonl");
  ASSERT_EQ(b.records.size(), 3u) << Reasons(b);
  EXPECT_EQ(b.records[0].kind, ImportRecord::Kind::kOrganization);
  EXPECT_EQ(b.records[1].kind, ImportRecord::Kind::kTopic);
  EXPECT_EQ(b.records[2].kind, ImportRecord::Kind::kDataset);
  EXPECT_FALSE(b.records[2].organization);
  EXPECT_EQ(OrganizationFromJson(b.records[0].doc).value(), org);
  EXPECT_EQ(TopicFromJson(b.records[1].doc).value(), topic);
  EXPECT_EQ(DatasetFromJson(b.records[2].doc).value(), d);
}

TEST(PintuJsonl, BadLinesAndVersions) {
  auto b = MustParse("{\"kind\":\"software\",\"doc\":{}}\n{\"kind\":\"dataset\"}\n[1]\n", "x.jsonl", ImportFormat::kJsonl);
  EXPECT_EQ(b.records.size(), 0u);
  EXPECT_EQ(b.skipped.size(), 3u);
  auto err = ParseImportDocument("{\"format\":\"pintu-jsonl\",\"version\":9}\n", "x.jsonl", ImportFormat::kJsonl);
  ASSERT_FALSE(err);
  EXPECT_NE(err.error().message.find("version"), std::string::npos);
}

TEST(BadInput, WholeFileErrorsAreClear) {
  auto r = ParseImportDocument("", "e.json", ImportFormat::kAuto);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("empty"), std::string::npos);
  r = ParseImportDocument("  \n\xEF\xBB\xBF", "e.csv", ImportFormat::kAuto);
  ASSERT_FALSE(r);

  r = ParseImportDocument("{\"title\": \"a\",\n \"name\": }", "m.json", ImportFormat::kAuto);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("invalid JSON at byte"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("line 2"), std::string::npos) << r.error().message;

  // Big5 bytes for 資料集名稱 → not UTF-8.
  r = ParseImportDocument("\xB8\xEA\xAE\xC6\xB6\xB0\xA6\x57\xBA\xD9,b\n1,2\n", "big5.csv", ImportFormat::kDatagovtwCsv);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("Big5"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("iconv"), std::string::npos);
  r = ParseImportDocument("{\"title\": \"\xB8\xEA\"}", "big5.json", ImportFormat::kAuto);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("offset 11"), std::string::npos) << r.error().message;

  r = ParseImportDocument("id,name,colour\n1,a,red\n", "other.csv", ImportFormat::kAuto);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("資料集名稱"), std::string::npos);
  EXPECT_NE(r.error().message.find("\"colour\""), std::string::npos) << r.error().message;

  r = ParseImportDocument("hello world", "x.txt", ImportFormat::kAuto);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("unknown format"), std::string::npos);

  r = ParseImportDocument("a,\"b\n", "x.csv", ImportFormat::kAuto);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("line 1"), std::string::npos);
}

TEST(BadInput, Limits) {
  ImportLimits limits;
  limits.max_bytes = 10;
  auto r = ParseImportDocument("{\"title\": \"long enough\"}", "x.json", ImportFormat::kAuto, limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  limits = {};
  limits.max_rows = 2;
  r = ParseImportDocument("資料集名稱\na\nb\nc\n", "x.csv", ImportFormat::kAuto, limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  r = ParseImportDocument(R"J([{"title":"a"},{"title":"b"},{"title":"c"}])J", "x.json", ImportFormat::kAuto, limits);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  std::string deep(10000, '[');
  r = ParseImportDocument(deep, "deep.json", ImportFormat::kAuto);
  ASSERT_FALSE(r);
}

TEST(BadInput, WrongTypesHugeTitlesHostileStrings) {
  auto b = MustParse(R"J([{"title": 5}, {"title": ["x"]}, {"title": {"en": 3}}, "str", null,
      {"title": "ok", "tags": 7, "extras": "x", "resources": [1, {"url": {"a": 1}}]}])J", "t.json");
  EXPECT_EQ(b.records.size() + b.skipped.size(), 6u);
  for (const auto& s : b.skipped) EXPECT_FALSE(s.reason.empty());

  std::string huge(10u << 20, 'x');
  std::string doc = "{\"title\": \"" + huge + "\", \"name\": \"big\"}";
  b = MustParse(doc, "huge.json");
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_NE(b.skipped[0].reason.find("field title"), std::string::npos) << b.skipped[0].reason;
  EXPECT_LT(b.skipped[0].reason.size(), 300u);

  std::string csv = "提供機關名稱,資料集名稱\n文化部,\"" + huge + "\"\n";
  b = MustParse(csv, "huge.csv");
  ASSERT_EQ(b.skipped.size(), 1u);
  EXPECT_LT(b.skipped[0].reason.size(), 300u);

  b = MustParse(R"J({"title": "<script>alert(1)</script>\u0000\u001b[2J'; DROP TABLE x;--", "name": "../../etc/passwd",
                    "extras": [{"key": "title", "value": "override"}]})J", "h.json");
  ASSERT_EQ(b.records.size(), 1u) << Reasons(b);
  EXPECT_EQ(b.records[0].doc.at("name").as_string(), "etc-passwd");
  EXPECT_EQ(b.records[0].doc.at("title").as_string().find("override"), std::string::npos);

  b = MustParse("資料集名稱,提供機關名稱\n\"=cmd|' /C calc'!A0\",\"\x01\x02\"\n", "f.csv");
  ASSERT_EQ(b.records.size(), 1u) << Reasons(b);
  EXPECT_FALSE(b.records[0].organization);  // control characters only → no agency
}

}  // namespace
}  // namespace pintu::formats
