// The Croissant export of a dataset: what a data scientist's tool reads from it, and that
// Pintu's own checker (mlcroissant's rules) finds no error in it.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <boost/json.hpp>

#include "formats/croissant_check.h"
#include "formats/croissant_export.h"

namespace json = boost::json;

namespace pintu::formats {
namespace {

constexpr std::string_view kSite = "https://data.example.gov.tw";
const char* const kSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

Organization Org() {
  Organization o;
  o.id = "org-1";
  o.slug = "moenv";
  o.title = LocalizedText::Both("環境部", "Ministry of Environment");
  o.gov_oid = "2.16.886.101.20003.20065";
  return o;
}

Resource Csv(std::string id, std::string url) {
  Resource r;
  r.id = std::move(id);
  r.url = std::move(url);
  r.format = "CSV";
  r.name = LocalizedText::Both("測站清單", "Stations");
  r.fields = {{"站名", LocalizedText::Both("測站名稱", "Station name"), "string", ""},
              {"PM 2.5", LocalizedText::Zh("細懸浮微粒濃度"), "number", "μg/m3"}};
  return r;
}

Dataset Stations() {
  Dataset d;
  d.id = "ds-1";
  d.slug = "aqi-stations";
  d.title = LocalizedText::Both("空氣品質測站", "Air quality stations");
  d.description = LocalizedText::Both("全國空氣品質監測站。", "Air quality monitoring stations.");
  d.keywords = {"空氣品質", "AQI"};
  d.license_id = "OGDL-Taiwan-1.0";
  d.issued = "2020-01-15";
  d.modified = "2025-06-30";
  d.version = "2025.06";
  d.type = DatasetType::kStatistical;
  d.methodology.description = "各測站自動監測，每小時平均。";
  d.methodology.formula = "AQI = max(sub-indices)";
  d.methodology.source_datasets = {"aqi-hourly", "https://example.org/source"};
  d.resources = {Csv("res-1", "https://data.example.gov.tw/files/stations.csv")};
  Resource api;
  api.id = "res-2";
  api.url = "https://api.example.gov.tw/aqi";
  api.format = "API";
  d.resources.push_back(api);
  return d;
}

// A contents report shaped like quality::ReportToJson's.
json::object Report() {
  return json::parse(R"({
    "valid": true,
    "encoding": {"detected": "utf-8"},
    "format": {"detected": "csv"},
    "stats": {"rows": 3, "fields": 3, "bytes": 1234, "sha256": ")" + std::string(kSha) + R"(", "md5": "0cc175b9c0f1b6a831c399e269772661"},
    "schema": {"fields": [{"name": "站名", "type": "string"}, {"name": "PM 2.5", "type": "number"},
                          {"name": "設立日期", "type": "date"}, {"name": "負責人身分證", "type": "string"}]},
    "profile": {"fields": [{"name": "站名", "keyCandidate": true}, {"name": "PM 2.5", "keyCandidate": false}]},
    "warnings": [
      {"type": "roc-date", "fieldName": "設立日期", "count": 12, "example": "109/01/05"},
      {"type": "personal-data-national-id", "fieldName": "負責人身分證", "count": 3, "example": "A12****789"}
    ]})")
      .as_object();
}

const json::object& Obj(const json::value& v) { return v.as_object(); }

void ExpectNoErrors(const json::object& doc) {
  auto v = ValidateCroissant(json::value(doc));
  EXPECT_EQ(v.errors, 0u) << CroissantReportText(v.report) << "\n" << json::serialize(doc);
}

TEST(CroissantExport, DatasetLevelMetadataIsBilingualAndComplete) {
  json::object doc = ExportCroissant(Stations(), Org(), kSite, {});
  EXPECT_EQ(doc.at("conformsTo"), "http://mlcommons.org/croissant/1.1");
  EXPECT_EQ(doc.at("@type"), "sc:Dataset");
  EXPECT_EQ(doc.at("@context").at("@language"), "zh-TW");
  EXPECT_EQ(doc.at("name"), "空氣品質測站");
  EXPECT_EQ(doc.at("alternateName").at("@value"), "Air quality stations");
  EXPECT_EQ(doc.at("alternateName").at("@language"), "en");
  EXPECT_EQ(doc.at("workTranslation").at("description").at("@value"), "Air quality monitoring stations.");
  EXPECT_EQ(doc.at("description"), "全國空氣品質監測站。");
  EXPECT_EQ(doc.at("url"), "https://data.example.gov.tw/dataset/aqi-stations");
  EXPECT_EQ(doc.at("license"), "https://data.gov.tw/license");
  EXPECT_EQ(doc.at("creator").at("name"), "環境部");
  EXPECT_EQ(doc.at("creator").at("identifier"), "urn:oid:2.16.886.101.20003.20065");
  EXPECT_EQ(doc.at("publisher"), doc.at("creator"));
  EXPECT_EQ(doc.at("datePublished"), "2020-01-15");
  EXPECT_EQ(doc.at("dateModified"), "2025-06-30");
  EXPECT_EQ(doc.at("version"), "2025.06");
  EXPECT_EQ(doc.at("keywords").as_array().size(), 2u);
  std::string cite(doc.at("citeAs").as_string());
  EXPECT_TRUE(cite.starts_with("@misc{pintu-aqi-stations,")) << cite;
  EXPECT_NE(cite.find("year = {2020}"), std::string::npos);
  EXPECT_FALSE(doc.contains("isLiveDataset"));
  auto v = ValidateCroissant(json::value(doc));
  EXPECT_EQ(v.errors, 0u) << CroissantReportText(v.report);
  EXPECT_EQ(v.warnings, 0u) << CroissantReportText(v.report);
}

TEST(CroissantExport, WithoutReportsFilesNeedADeclaredChecksum) {
  Dataset d = Stations();
  json::object doc = ExportCroissant(d, Org(), kSite, {});
  // No checksum anywhere: Croissant refuses such a FileObject, so neither file is listed.
  EXPECT_TRUE(doc.at("distribution").as_array().empty());
  EXPECT_FALSE(doc.contains("recordSet"));
  ExpectNoErrors(doc);
  d.resources[0].checksum = std::string("sha256:") + kSha;
  d.resources[0].size_bytes = 99;
  doc = ExportCroissant(d, Org(), kSite, {});
  ASSERT_EQ(doc.at("distribution").as_array().size(), 1u);
  const json::object& file = Obj(doc.at("distribution").as_array()[0]);
  EXPECT_EQ(file.at("@type"), "cr:FileObject");
  EXPECT_EQ(file.at("@id"), "res-1");
  EXPECT_EQ(file.at("sha256"), kSha);
  EXPECT_EQ(file.at("contentSize"), "99 B");
  EXPECT_EQ(file.at("encodingFormat"), "text/csv");
  // The declared field dictionary gives the record set.
  const json::object& rs = Obj(doc.at("recordSet").as_array()[0]);
  const json::array& fields = rs.at("field").as_array();
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[1].at("name"), "PM 2.5");
  EXPECT_EQ(fields[1].at("@id"), "res-1/records/PM_2.5");
  EXPECT_EQ(fields[1].at("dataType"), "sc:Float");
  EXPECT_EQ(fields[1].at("unitText"), "μg/m3");
  EXPECT_EQ(fields[1].at("source").at("extract").at("column"), "PM 2.5");
  EXPECT_EQ(fields[1].at("source").at("fileObject").at("@id"), "res-1");
  ExpectNoErrors(doc);
}

TEST(CroissantExport, ReportsGiveChecksumsTypesKeysAndRaiFindings) {
  json::object doc = ExportCroissant(Stations(), Org(), kSite, {{"res-1", Report()}});
  ASSERT_EQ(doc.at("distribution").as_array().size(), 1u);  // the API has no checksum
  const json::object& file = Obj(doc.at("distribution").as_array()[0]);
  EXPECT_EQ(file.at("sha256"), kSha);
  EXPECT_EQ(file.at("md5"), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(file.at("contentSize"), "1234 B");
  const json::object& rs = Obj(doc.at("recordSet").as_array()[0]);
  const json::array& fields = rs.at("field").as_array();
  ASSERT_EQ(fields.size(), 4u);  // the report's columns, not only the declared ones
  EXPECT_EQ(fields[0].at("dataType"), "sc:Text");
  EXPECT_EQ(fields[0].at("description"), "測站名稱");
  EXPECT_EQ(fields[2].at("dataType"), "sc:Date");
  EXPECT_FALSE(fields[2].as_object().contains("description"));
  EXPECT_EQ(rs.at("key").at("@id"), "res-1/records/站名");
  // RAI: collection method, lineage, personal data (no values), limitations.
  const json::array& collection = doc.at("rai:dataCollection").as_array();
  EXPECT_EQ(collection[0], "各測站自動監測，每小時平均。");
  EXPECT_EQ(collection[1], "計算公式：AQI = max(sub-indices)");
  const json::array& derived = doc.at("prov:wasDerivedFrom").as_array();
  EXPECT_EQ(derived[0].at("@id"), "https://data.example.gov.tw/dataset/aqi-hourly");
  EXPECT_EQ(derived[1].at("@id"), "https://example.org/source");
  std::string personal = json::serialize(doc.at("rai:personalSensitiveInformation"));
  EXPECT_NE(personal.find("負責人身分證"), std::string::npos);
  EXPECT_NE(personal.find("national ID"), std::string::npos);
  EXPECT_EQ(personal.find("A12"), std::string::npos) << "no cell value may leak: " << personal;
  std::string limits = json::serialize(doc.at("rai:dataLimitations"));
  EXPECT_NE(limits.find("設立日期"), std::string::npos);
  EXPECT_NE(limits.find("ROC"), std::string::npos);
  EXPECT_NE(json::serialize(doc.at("rai:dataPreprocessingProtocol")).find("Statistical data"), std::string::npos);
  ExpectNoErrors(doc);
}

TEST(CroissantExport, NonUtf8CsvSaysItsCharset) {
  json::object report = Report();
  report["encoding"].as_object()["detected"] = "big5";
  json::object doc = ExportCroissant(Stations(), Org(), kSite, {{"res-1", report}});
  EXPECT_EQ(doc.at("distribution").at(0).at("encodingFormat"), "text/csv; charset=big5");
}

TEST(CroissantExport, ArchivesAreDescribedAsArchivesWithoutRecordSets) {
  json::object report = Report();
  report["format"].as_object()["compression"] = "zip";
  Dataset d = Stations();
  d.resources[0].checksum = std::string("sha256:") + kSha;
  json::object doc = ExportCroissant(d, Org(), kSite, {{"res-1", report}});
  EXPECT_EQ(doc.at("distribution").at(0).at("encodingFormat"), "application/zip");
  EXPECT_FALSE(doc.contains("recordSet"));
  ExpectNoErrors(doc);
}

TEST(CroissantExport, RealTimeDatasetsAreLiveAndListFilesWithoutChecksums) {
  Dataset d = Stations();
  d.type = DatasetType::kRealTime;
  json::object doc = ExportCroissant(d, Org(), kSite, {});
  EXPECT_EQ(doc.at("isLiveDataset"), true);
  EXPECT_EQ(doc.at("distribution").as_array().size(), 2u);
  EXPECT_EQ(doc.at("distribution").at(1).at("encodingFormat"), "API");  // declared, not invented
  ExpectNoErrors(doc);
}

TEST(CroissantExport, OnlyWhatTheMetadataHasIsWritten) {
  Dataset d;
  d.id = "x";
  d.slug = "bare";
  d.title = LocalizedText::Zh("最少的資料集");
  d.license_id = "";
  json::object doc = ExportCroissant(d, Org(), kSite, {});
  for (const char* absent : {"description", "alternateName", "workTranslation", "license", "version", "keywords",
                             "datePublished", "rai:dataCollection", "prov:wasDerivedFrom",
                             "rai:personalSensitiveInformation", "rai:dataLimitations", "recordSet"})
    EXPECT_FALSE(doc.contains(absent)) << absent;
  auto v = ValidateCroissant(json::value(doc));
  EXPECT_EQ(v.errors, 0u) << CroissantReportText(v.report);
  EXPECT_EQ(v.warnings, 3u) << CroissantReportText(v.report);  // datePublished, license, version
}

TEST(CroissantExport, ColumnIdsStayUniqueAndWithoutWhitespace) {
  Dataset d = Stations();
  d.resources[0].checksum = std::string("sha256:") + kSha;
  d.resources[0].fields = {{"a b", {}, "integer", ""}, {"a_b", {}, "integer", ""}, {"a/b", {}, "", ""}, {"", {}, "", ""}};
  json::object doc = ExportCroissant(d, Org(), kSite, {});
  const json::array& fields = doc.at("recordSet").at(0).at("field").as_array();
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0].at("@id"), "res-1/records/a_b");
  EXPECT_EQ(fields[1].at("@id"), "res-1/records/a_b-2");
  EXPECT_EQ(fields[2].at("@id"), "res-1/records/a_b-3");
  EXPECT_EQ(fields[3].at("@id"), "res-1/records/column");
  EXPECT_EQ(fields[0].at("dataType"), "sc:Integer");
  ExpectNoErrors(doc);
}

TEST(CroissantExport, DataTypesFollowTableSchemaTypes) {
  EXPECT_EQ(CroissantDataType("integer"), "sc:Integer");
  EXPECT_EQ(CroissantDataType("number"), "sc:Float");
  EXPECT_EQ(CroissantDataType("boolean"), "sc:Boolean");
  EXPECT_EQ(CroissantDataType("date"), "sc:Date");
  EXPECT_EQ(CroissantDataType("datetime"), "sc:DateTime");
  EXPECT_EQ(CroissantDataType("time"), "sc:Time");
  EXPECT_EQ(CroissantDataType("string"), "sc:Text");
  EXPECT_EQ(CroissantDataType("geopoint"), "sc:Text");
  EXPECT_EQ(CroissantDataType(""), "sc:Text");
}

TEST(CroissantExport, MalformedReportsAreIgnoredNotTrusted) {
  Dataset d = Stations();
  json::object report{{"format", "csv"}, {"stats", json::object{{"sha256", "not hex!"}, {"bytes", "many"}}},
                      {"schema", json::object{{"fields", 3}}}, {"warnings", json::object{}}};
  json::object doc = ExportCroissant(d, Org(), kSite, {{"res-1", report}});
  EXPECT_TRUE(doc.at("distribution").as_array().empty());  // no valid checksum
  d.resources[0].checksum = std::string("sha256:") + kSha;
  doc = ExportCroissant(d, Org(), kSite, {{"res-1", report}});
  EXPECT_EQ(doc.at("distribution").at(0).at("sha256"), kSha);
  ExpectNoErrors(doc);
}

}  // namespace
}  // namespace pintu::formats
