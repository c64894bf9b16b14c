// The Croissant checker on small documents written here: each rule, the ways JSON-LD can
// spell the same property, and hostile input.
#include <gtest/gtest.h>

#include <string>

#include <boost/json.hpp>

#include "formats/croissant_check.h"

namespace json = boost::json;

namespace pintu::formats {
namespace {

const char* kMinimal = R"({
  "@context": {"@vocab": "https://schema.org/", "sc": "https://schema.org/",
               "cr": "http://mlcommons.org/croissant/", "dct": "http://purl.org/dc/terms/",
               "conformsTo": "dct:conformsTo", "citeAs": "cr:citeAs", "recordSet": "cr:recordSet",
               "field": "cr:field", "source": "cr:source", "extract": "cr:extract", "column": "cr:column",
               "fileObject": "cr:fileObject", "fileSet": "cr:fileSet", "includes": "cr:includes",
               "containedIn": "cr:containedIn", "references": "cr:references", "md5": "cr:md5",
               "isLiveDataset": "cr:isLiveDataset", "isArray": "cr:isArray", "arrayShape": "cr:arrayShape",
               "dataType": {"@id": "cr:dataType", "@type": "@vocab"}, "data": {"@id": "cr:data", "@type": "@json"}},
  "@type": "sc:Dataset",
  "conformsTo": "http://mlcommons.org/croissant/1.1",
  "name": "bus-stops", "description": "Bus stops.", "citeAs": "Bus stops, 2025.",
  "datePublished": "2025-01-01", "license": "https://example.org/licence", "url": "https://example.org/d",
  "version": "1.0.0",
  "distribution": [{"@type": "cr:FileObject", "@id": "stops.csv", "name": "stops.csv",
                    "contentUrl": "https://example.org/stops.csv", "encodingFormat": "text/csv",
                    "sha256": "00ff"}],
  "recordSet": [{"@type": "cr:RecordSet", "@id": "stops", "name": "stops",
                 "field": [{"@type": "cr:Field", "@id": "stops/name", "name": "name", "dataType": "sc:Text",
                            "source": {"fileObject": {"@id": "stops.csv"}, "extract": {"column": "name"}}}]}]
})";

json::object Minimal() { return json::parse(kMinimal).as_object(); }

json::object& FirstDistribution(json::object& d) { return d["distribution"].as_array()[0].as_object(); }
json::object& FirstRecordSet(json::object& d) { return d["recordSet"].as_array()[0].as_object(); }
json::object& FirstField(json::object& d) { return FirstRecordSet(d)["field"].as_array()[0].as_object(); }

CroissantValidity Check(const json::object& d) { return ValidateCroissant(json::value(d)); }

// True when the report has an error of `kind` (on `node`, when given).
bool HasError(const CroissantValidity& v, std::string_view kind, std::string_view node = {}) {
  for (const auto& i : v.report.issues)
    if (i.severity == CroissantSeverity::kError && i.kind == kind && (node.empty() || i.node_path == node))
      return true;
  return false;
}

TEST(CroissantCheck, MinimalDocumentIsValidWithoutWarnings) {
  auto v = Check(Minimal());
  EXPECT_EQ(v.errors, 0u) << CroissantReportText(v.report);
  EXPECT_EQ(v.warnings, 0u) << CroissantReportText(v.report);
  EXPECT_TRUE(v.Valid());
  EXPECT_EQ(v.report.conforms_to, "http://mlcommons.org/croissant/1.1");
  EXPECT_EQ(CroissantReportText(v.report), "No errors or warnings found.\n");
}

TEST(CroissantCheck, MissingRecommendedPropertiesAreWarningsWithTheirIri) {
  json::object d = Minimal();
  d.erase("citeAs");
  d.erase("version");
  auto v = Check(d);
  EXPECT_EQ(v.errors, 0u);
  ASSERT_EQ(v.warnings, 2u);
  EXPECT_EQ(CroissantReportText(v.report),
            "Found the following 2 warning(s) during the validation:\n"
            "  -  [Metadata(bus-stops)] Property \"http://mlcommons.org/croissant/citeAs\" is recommended, but does "
            "not exist. (missing-recommended)\n"
            "  -  [Metadata(bus-stops)] Property \"https://schema.org/version\" is recommended, but does not exist. "
            "(missing-recommended)\n");
}

TEST(CroissantCheck, TheSamePropertyIsRecognisedWhateverTheCompaction) {
  // Full IRIs, a different prefix name and no term definitions at all.
  std::string text = R"({
    "@context": {"ml": "http://mlcommons.org/croissant/", "s": "http://schema.org/"},
    "@type": "s:Dataset", "s:name": "x", "ml:citeAs": "x", "s:datePublished": "2025", "s:license": "l",
    "s:version": "1",
    "s:distribution": {"@type": "ml:FileObject", "@id": "f", "s:contentUrl": "u", "s:encodingFormat": "text/csv",
                       "ml:md5": "ab"},
    "http://mlcommons.org/croissant/recordSet": {"@type": "http://mlcommons.org/croissant/RecordSet", "@id": "r",
      "ml:field": {"@type": "ml:Field", "@id": "r/a", "ml:dataType": "s:Integer",
                   "ml:source": {"ml:fileObject": {"@id": "f"}, "ml:extract": {"ml:column": "a"}}}}})";
  auto v = ValidateCroissantText(text);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->errors, 0u) << CroissantReportText(v->report);
  EXPECT_EQ(v->warnings, 0u) << CroissantReportText(v->report);
}

TEST(CroissantCheck, DataTypeWithoutItsTermIsASchemaOrgPropertyAndDoesNotCount) {
  json::object d = Minimal();
  d["@context"].as_object().erase("dataType");
  auto v = Check(d);
  EXPECT_TRUE(HasError(v, "data-type-unresolved", "Metadata(bus-stops) > RecordSet(stops) > Field(name)"))
      << CroissantReportText(v.report);
  EXPECT_EQ(v.errors, 1u);
}

TEST(CroissantCheck, DataTypeOfTheRecordSetIsInherited) {
  json::object d = Minimal();
  FirstField(d).erase("dataType");
  EXPECT_TRUE(HasError(Check(d), "data-type-unresolved"));
  FirstRecordSet(d)["dataType"] = "sc:Enumeration";
  EXPECT_EQ(Check(d).errors, 0u);
}

TEST(CroissantCheck, RootMustBeADataset) {
  json::object d = Minimal();
  d["@type"] = "sc:CreativeWork";
  auto v = Check(d);
  EXPECT_TRUE(HasError(v, "root-type", ""));
  EXPECT_EQ(v.errors, 1u);  // nothing below a wrong root is checked
  EXPECT_TRUE(HasError(ValidateCroissant(json::value(42)), "root-type"));
  EXPECT_TRUE(HasError(ValidateCroissant(json::array{1, 2}), "root-type"));
}

TEST(CroissantCheck, FileObjectNeedsEncodingFormatContentUrlAndAChecksum) {
  json::object d = Minimal();
  FirstDistribution(d).erase("encodingFormat");
  FirstDistribution(d).erase("contentUrl");
  FirstDistribution(d).erase("sha256");
  auto v = Check(d);
  const char* node = "Metadata(bus-stops) > FileObject(stops.csv)";
  EXPECT_TRUE(HasError(v, "missing-property", node));
  EXPECT_TRUE(HasError(v, "missing-checksum", node));
  EXPECT_EQ(v.errors, 3u) << CroissantReportText(v.report);
  // A live dataset's files change: no checksum is needed.
  d["isLiveDataset"] = true;
  EXPECT_FALSE(HasError(Check(d), "missing-checksum"));
}

TEST(CroissantCheck, ContainedFileObjectNeedsNoUrlButItsContainerMustExist) {
  json::object d = Minimal();
  json::object& f = FirstDistribution(d);
  f.erase("contentUrl");
  f.erase("sha256");
  f["containedIn"] = json::object{{"@id", "archive.zip"}};
  auto v = Check(d);
  EXPECT_TRUE(HasError(v, "dangling-reference", "Metadata(bus-stops) > FileObject(stops.csv)"));
  EXPECT_EQ(v.errors, 1u) << CroissantReportText(v.report);
  d["distribution"].as_array().push_back(json::object{{"@type", "cr:FileObject"}, {"@id", "archive.zip"},
                                                      {"contentUrl", "a.zip"}, {"encodingFormat", "application/zip"},
                                                      {"md5", "ab"}});
  EXPECT_EQ(Check(d).errors, 0u);
}

TEST(CroissantCheck, FileSetNeedsIncludes) {
  json::object d = Minimal();
  d["distribution"].as_array().push_back(
      json::object{{"@type", "cr:FileSet"}, {"@id", "images"}, {"encodingFormat", "image/png"}});
  auto v = Check(d);
  EXPECT_TRUE(HasError(v, "missing-property", "Metadata(bus-stops) > FileSet(images)"));
  ASSERT_EQ(v.errors, 1u);
  EXPECT_EQ(v.report.issues[0].property, "http://mlcommons.org/croissant/includes");
}

TEST(CroissantCheck, WrongTypesAreReportedAndTheirChildrenSkipped) {
  json::object d = Minimal();
  FirstDistribution(d)["@type"] = "sc:DataDownload";
  auto v = Check(d);
  EXPECT_TRUE(HasError(v, "wrong-type", ""));
  // The field's source now points at a node that is not built.
  EXPECT_TRUE(HasError(v, "unknown-source"));
  d = Minimal();
  FirstField(d)["@type"] = "sc:Thing";
  v = Check(d);
  EXPECT_TRUE(HasError(v, "wrong-type"));
  EXPECT_EQ(v.errors, 1u);
}

TEST(CroissantCheck, FieldNeedsExactlyOneOfSourceAndValue) {
  json::object d = Minimal();
  FirstField(d).erase("source");
  const char* node = "Metadata(bus-stops) > RecordSet(stops) > Field(name)";
  EXPECT_TRUE(HasError(Check(d), "source-or-value", node));
  // Inline data makes sources unnecessary.
  FirstRecordSet(d)["data"] = json::array{json::object{{"stops/name", "A"}}};
  EXPECT_EQ(Check(d).errors, 0u);
  d = Minimal();
  d["@context"].as_object()["value"] = "cr:value";
  FirstField(d)["value"] = "constant";
  EXPECT_TRUE(HasError(Check(d), "source-or-value", node));
}

TEST(CroissantCheck, SourcePointingNowhereIsReportedOnTheFieldAndTheRecordSet) {
  json::object d = Minimal();
  FirstField(d)["source"].as_object()["fileObject"] = json::object{{"@id", "missing.csv"}};
  auto v = Check(d);
  EXPECT_TRUE(HasError(v, "unknown-source", "Metadata(bus-stops) > RecordSet(stops) > Field(name)"));
  EXPECT_TRUE(HasError(v, "dangling-reference", "Metadata(bus-stops) > RecordSet(stops)"));
  // A source without fileObject, fileSet or field.
  FirstField(d)["source"].as_object().erase("fileObject");
  v = Check(d);
  EXPECT_TRUE(HasError(v, "source-without-origin", ""));
  EXPECT_TRUE(HasError(v, "source-or-value"));
}

TEST(CroissantCheck, IdsWithWhitespaceAreErrorsOnce) {
  json::object d = Minimal();
  FirstDistribution(d)["@id"] = "stops file.csv";
  FirstField(d)["source"].as_object()["fileObject"] = json::object{{"@id", "stops file.csv"}};
  auto v = Check(d);
  size_t n = 0;
  for (const auto& i : v.report.issues) n += i.kind == "id-whitespace";
  EXPECT_EQ(n, 1u) << CroissantReportText(v.report);
}

TEST(CroissantCheck, DuplicateIdsAreErrors) {
  json::object d = Minimal();
  FirstRecordSet(d)["@id"] = "stops.csv";
  EXPECT_TRUE(HasError(Check(d), "duplicate-id", ""));
}

TEST(CroissantCheck, SeveralSourcesNeedAJoin) {
  json::object d = Minimal();
  d["distribution"].as_array().push_back(json::object{{"@type", "cr:FileObject"}, {"@id", "times.csv"},
                                                      {"contentUrl", "t.csv"}, {"encodingFormat", "text/csv"},
                                                      {"sha256", "aa"}});
  FirstRecordSet(d)["field"].as_array().push_back(json::object{
      {"@type", "cr:Field"}, {"@id", "stops/time"}, {"dataType", "sc:Time"},
      {"source", json::object{{"fileObject", json::object{{"@id", "times.csv"}}}, {"extract", json::object{{"column", "t"}}}}}});
  auto v = Check(d);
  EXPECT_TRUE(HasError(v, "join-missing", "Metadata(bus-stops) > RecordSet(stops)")) << CroissantReportText(v.report);
  FirstField(d)["references"] = json::object{{"fileObject", json::object{{"@id", "times.csv"}}},
                                             {"extract", json::object{{"column", "stop"}}}};
  EXPECT_EQ(Check(d).errors, 0u) << CroissantReportText(Check(d).report);
}

TEST(CroissantCheck, PropertyTypesAndCardinality) {
  json::object d = Minimal();
  d["description"] = 3.5;
  auto v = Check(d);
  ASSERT_TRUE(HasError(v, "property-type", "Metadata(bus-stops)"));
  d = Minimal();
  d["name"] = json::array{"a", "b"};
  EXPECT_TRUE(HasError(Check(d), "property-cardinality"));
  d = Minimal();
  FirstField(d)["isArray"] = "yes";
  EXPECT_TRUE(HasError(Check(d), "property-type"));
  // A number is a fine version; {"@value": …} is text.
  d = Minimal();
  d["version"] = 2;
  d["description"] = json::object{{"@value", "公車站"}, {"@language", "zh-TW"}};
  EXPECT_EQ(Check(d).errors, 0u) << CroissantReportText(Check(d).report);
}

TEST(CroissantCheck, TextsInSeveralLanguagesAreOneValue) {
  // A language map …
  json::object d = Minimal();
  d["@context"].as_object()["description"] = json::object{{"@id", "sc:description"}, {"@container", "@language"}};
  d["description"] = json::object{{"zh-TW", "公車站"}, {"en", "Bus stops"}};
  EXPECT_EQ(Check(d).errors, 0u) << CroissantReportText(Check(d).report);
  // … or value objects in distinct languages; twice the same language is two values.
  d = Minimal();
  d["description"] = json::array{json::object{{"@value", "公車站"}, {"@language", "zh-TW"}},
                                 json::object{{"@value", "Bus stops"}, {"@language", "en"}}};
  EXPECT_EQ(Check(d).errors, 0u);
  d["description"].as_array()[1].as_object()["@language"] = "zh-TW";
  EXPECT_TRUE(HasError(Check(d), "property-cardinality"));
}

TEST(CroissantCheck, ArrayShapeNeedsIsArrayAndIntegers) {
  json::object d = Minimal();
  FirstField(d)["arrayShape"] = "28,28";
  EXPECT_TRUE(HasError(Check(d), "array-definition"));
  FirstField(d)["isArray"] = true;
  EXPECT_EQ(Check(d).errors, 0u);
  FirstField(d)["arrayShape"] = "-1, 3";
  EXPECT_EQ(Check(d).errors, 0u);
  for (const char* bad : {"a,b", "", "1,,2", "1.5", "3x"}) {
    FirstField(d)["arrayShape"] = bad;
    EXPECT_TRUE(HasError(Check(d), "array-shape")) << bad;
  }
}

TEST(CroissantCheck, JsonReportCarriesCountsAndKinds) {
  json::object d = Minimal();
  FirstDistribution(d).erase("encodingFormat");
  d.erase("version");
  json::object r = CroissantReportToJson(Check(d).report);
  EXPECT_EQ(r.at("valid"), false);
  EXPECT_EQ(r.at("errorCount").to_number<int>(), 1);
  EXPECT_EQ(r.at("warningCount").to_number<int>(), 1);
  const json::object& first = r.at("issues").as_array()[0].as_object();
  EXPECT_EQ(first.at("kind"), "missing-property");
  EXPECT_EQ(first.at("node"), "Metadata(bus-stops) > FileObject(stops.csv)");
  EXPECT_EQ(first.at("property"), "https://schema.org/encodingFormat");
  EXPECT_FALSE(first.at("messageZh").as_string().empty());
}

TEST(CroissantCheck, MalformedJsonIsAClearError) {
  for (const char* bad : {"", "{", "{\"@type\": }", "\xff\xfe{}", "[1,2", "nul"}) {
    auto v = ValidateCroissantText(bad);
    ASSERT_FALSE(v.has_value()) << bad;
    EXPECT_EQ(v.error().code, ErrorCode::kBadRequest);
    EXPECT_NE(v.error().message.find("not valid JSON"), std::string::npos);
  }
}

TEST(CroissantCheck, HostileInputIsBounded) {
  // Too deep for the parser.
  std::string deep(100000, '[');
  auto v = ValidateCroissantText(deep);
  ASSERT_FALSE(v.has_value());
  EXPECT_EQ(v.error().code, ErrorCode::kBadRequest);
  // Too big.
  CroissantLimits small;
  small.max_bytes = 100;
  auto big = ValidateCroissantText(std::string(kMinimal), small);
  ASSERT_FALSE(big.has_value());
  EXPECT_EQ(big.error().code, ErrorCode::kTooLarge);
  // Too many nodes: the check stops with an error instead of walking them all.
  json::object d = Minimal();
  json::array many;
  for (int i = 0; i < 5000; ++i) many.push_back(json::object{{"@type", "cr:FileSet"}, {"includes", "*.csv"}});
  d["distribution"] = many;
  CroissantLimits few;
  few.max_nodes = 100;
  few.max_issues = 50;
  auto limited = ValidateCroissant(json::value(d), few);
  EXPECT_TRUE(HasError(limited, "too-large"));
  EXPECT_LE(limited.report.issues.size(), 51u);
  // A deep tree built in memory (not parsed) is cut at max_depth too.
  json::value nested = json::object{};
  for (int i = 0; i < 500; ++i) nested = json::object{{"@type", "Dataset"}, {"hasPart", nested}};
  nested.as_object()["@context"] = json::object{{"@vocab", "https://schema.org/"}};
  EXPECT_TRUE(HasError(ValidateCroissant(nested), "too-large"));
}

TEST(CroissantCheck, EveryTruncationAndByteFlipIsHandled) {
  // Cut or damaged documents either fail to parse or give a report; nothing crashes.
  std::string text = kMinimal;
  size_t parsed = 0;
  for (size_t n = 0; n < text.size(); ++n) {
    parsed += ValidateCroissantText(std::string_view(text).substr(0, n)).has_value();
    std::string flipped = text;
    flipped[n] = static_cast<char>(flipped[n] ^ 0x20);
    if (auto v = ValidateCroissantText(flipped)) {
      ++parsed;
      EXPECT_EQ(v->errors, v->report.ErrorCount());
    }
  }
  EXPECT_GT(parsed, 0u);
}

TEST(CroissantCheck, ContextTermLoopsDoNotHang) {
  std::string text = R"({"@context": {"a": "b:x", "b": "a:y", "@vocab": "https://schema.org/"},
                         "@type": "Dataset", "a": 1, "name": "n"})";
  auto v = ValidateCroissantText(text);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->errors, 0u) << CroissantReportText(v->report);
}

}  // namespace
}  // namespace pintu::formats
