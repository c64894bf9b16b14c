// The DCAT-AP 3.0.1 mapping (formats/dcat_ap.h) and its DQV part (formats/dqv.h), checked
// triple by triple on constructed datasets. SHACL validation of real exports is the
// conformance test (tests/conformance/shacl).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "formats/dcat_ap.h"
#include "formats/dqv.h"
#include "formats/rdf/vocab.h"
#include "formats/rdf/writers.h"

namespace pintu::dcat {
namespace {

namespace ns = rdf::ns;
using rdf::Term;
using ::testing::HasSubstr;

constexpr std::string_view kBase = "https://data.example.tw";
const std::string kDs = "https://data.example.tw/dataset/ltc-needs";

std::string I(std::string_view ns_iri, std::string_view local) { return std::string(ns_iri) + std::string(local); }

// The objects of (subject, predicate).
std::vector<Term> Objects(const rdf::Graph& g, std::string_view s, std::string_view p) {
  std::vector<Term> out;
  for (const auto& t : g.triples())
    if (t.subject.value == s && t.predicate.value == p) out.push_back(t.object);
  return out;
}
std::vector<std::string> Values(const rdf::Graph& g, std::string_view s, std::string_view p) {
  std::vector<std::string> out;
  for (const auto& t : Objects(g, s, p)) out.push_back(t.value);
  return out;
}
bool HasType(const rdf::Graph& g, std::string_view s, std::string_view type) {
  auto types = Values(g, s, I(ns::kRdf, "type"));
  return std::find(types.begin(), types.end(), type) != types.end();
}

Organization MakeOrg() {
  Organization o;
  o.id = "org-1";
  o.slug = "mohw";
  o.title = LocalizedText::Both("衛生福利部", "Ministry of Health and Welfare");
  o.gov_oid = "2.16.886.101.20003.20065";
  o.level = OrgLevel::kCentral;
  o.homepage = "https://www.mohw.gov.tw/";
  o.contacts = {{"長照司", "ltc@mohw.gov.tw", "02-8590-6666"}};
  return o;
}

Dataset MakeDataset() {
  Dataset d;
  d.id = "11111111-2222-3333-4444-555555555555";
  d.slug = "ltc-needs";
  d.title = LocalizedText::Both("長照需要人數推估", "Estimated people needing long-term care");
  d.description = LocalizedText::Both("依失能率推估。", "Estimated from disability rates.");
  d.organization_id = "org-1";
  d.keywords = {"長照", "long-term care", "  "};
  d.themes = {"elderly-care", "no-such-theme"};
  d.license_id = "OGDL-Taiwan-1.0";
  d.access_rights = AccessRights::kPublic;
  d.cost = {CostType::kPaid, "https://www.mohw.gov.tw/fees", "規費法第7條"};
  d.type = DatasetType::kStatistical;
  d.methodology = {"以年底戶籍人口乘以失能率。", "需要人數 = Σ(人口 × 失能率)",
                   {"moi-population", "private-or-unknown", "https://stat.example.tw/source"}};
  d.frequency = "ANNUAL";
  d.temporal_start = "2024-01-01";
  d.temporal_end = "2024-12-31";
  d.spatial = "臺灣";
  d.languages = {"zh-TW", "en", "xx-unknown"};
  d.issued = "2019-03-15";
  d.modified = "2025-07-02T08:00:00+08:00";
  d.version = "2025.1";
  d.conforms_to = {"https://schema.gov.tw/lists/ltc", "長照資料標準 第2版"};
  d.landing_page = "https://www.mohw.gov.tw/ltc";
  d.related_urls = {"javascript:alert(1)", "https://www.mohw.gov.tw/faq"};
  d.author = "長照司統計科";
  d.author_email = "stats@mohw.gov.tw";
  Resource csv;
  csv.id = "res-csv";
  csv.name = LocalizedText::Both("推估表", "Estimates");
  csv.url = "https://files.example.tw/ltc needs.csv";
  csv.format = "csv";
  csv.media_type = "Text/CSV; charset=Big5";
  csv.encoding = "Big5";
  csv.size_bytes = 2048;
  csv.checksum = "sha256:" + std::string(64, 'A');
  csv.last_modified = "2025-07-01";
  csv.fields = {{"縣市", LocalizedText::Both("縣市名稱", "County"), "string", ""}};
  Resource api;
  api.id = "res-api";
  api.name = LocalizedText::Zh("查詢服務");
  api.url = "";  // no URL: access through the dataset page
  api.format = "API";
  api.checksum = "md5:abc";
  d.resources = {csv, api};
  return d;
}

ExportContext Ctx() {
  ExportContext c;
  c.base_url = std::string(kBase);
  c.resolve_dataset = [](std::string_view ref) -> std::optional<std::string> {
    if (ref == "moi-population") return "moi-population";
    return std::nullopt;
  };
  return c;
}

TEST(DcatAp, DatasetHasItsMandatoryAndBilingualProperties) {
  auto g = DatasetGraph(MakeDataset(), MakeOrg(), Ctx());
  EXPECT_TRUE(HasType(g, kDs, I(ns::kDcat, "Dataset")));
  auto titles = Objects(g, kDs, I(ns::kDct, "title"));
  ASSERT_EQ(titles.size(), 2u);
  EXPECT_EQ(titles[0].value, "長照需要人數推估");
  EXPECT_EQ(titles[0].language, "zh-TW");
  EXPECT_EQ(titles[1].language, "en");
  EXPECT_EQ(Objects(g, kDs, I(ns::kDct, "description")).size(), 2u);
  auto keywords = Objects(g, kDs, I(ns::kDcat, "keyword"));
  ASSERT_EQ(keywords.size(), 2u);  // the blank keyword is dropped
  EXPECT_EQ(keywords[0].language, "zh-TW");
  EXPECT_EQ(keywords[1].language, "en");
  EXPECT_THAT(Values(g, kDs, I(ns::kDct, "identifier")), ::testing::ElementsAre(MakeDataset().id));
  EXPECT_THAT(Values(g, kDs, I(ns::kDcat, "version")), ::testing::ElementsAre("2025.1"));
  EXPECT_EQ(Objects(g, kDs, I(ns::kDct, "issued"))[0].datatype, I(ns::kXsd, "date"));
  EXPECT_EQ(Objects(g, kDs, I(ns::kDct, "modified"))[0].datatype, I(ns::kXsd, "dateTime"));
}

TEST(DcatAp, EveryObjectTheShapesCheckByClassIsTypedAndEveryConceptLabelled) {
  auto g = DatasetGraph(MakeDataset(), MakeOrg(), Ctx());
  // (predicate, the class range.ttl requires of its object)
  const std::pair<std::string, std::string> ranges[] = {
      {I(ns::kDct, "publisher"), I(ns::kFoaf, "Agent")},
      {I(ns::kDct, "license"), I(ns::kDct, "LicenseDocument")},
      {I(ns::kDcat, "theme"), I(ns::kSkos, "Concept")},
      {I(ns::kDct, "type"), I(ns::kSkos, "Concept")},
      {I(ns::kDct, "accrualPeriodicity"), I(ns::kDct, "Frequency")},
      {I(ns::kDct, "accessRights"), I(ns::kDct, "RightsStatement")},
      {I(ns::kDct, "rights"), I(ns::kDct, "RightsStatement")},
      {I(ns::kDcat, "mediaType"), I(ns::kDct, "MediaType")},
      {I(ns::kDct, "format"), I(ns::kDct, "MediaTypeOrExtent")},
      {I(ns::kDct, "language"), I(ns::kDct, "LinguisticSystem")},
      {I(ns::kDct, "spatial"), I(ns::kDct, "Location")},
      {I(ns::kDct, "temporal"), I(ns::kDct, "PeriodOfTime")},
      {I(ns::kDct, "conformsTo"), I(ns::kDct, "Standard")},
      {I(ns::kDcat, "landingPage"), I(ns::kFoaf, "Document")},
      {I(ns::kFoaf, "page"), I(ns::kFoaf, "Document")},
      {I(ns::kDcat, "contactPoint"), I(ns::kVcard, "Kind")},
      {I(ns::kDct, "provenance"), I(ns::kDct, "ProvenanceStatement")},
      {I(ns::kDcat, "distribution"), I(ns::kDcat, "Distribution")},
      {I(ns::kSpdx, "checksum"), I(ns::kSpdx, "Checksum")},
      {I(ns::kAdms, "identifier"), I(ns::kAdms, "Identifier")},
      {I(ns::kDct, "creator"), I(ns::kFoaf, "Agent")},
  };
  size_t checked = 0;
  for (const auto& t : g.triples()) {
    for (const auto& [p, cls] : ranges) {
      if (t.predicate.value != p) continue;
      // dct:type of an agent is an ADMS concept; of a dataset a Pintu concept: both skos:Concept.
      EXPECT_TRUE(HasType(g, t.object.value, cls)) << p << " → " << t.object.value << " lacks " << cls;
      ++checked;
    }
    if (t.predicate.value == I(ns::kRdf, "type") && t.object.value == I(ns::kSkos, "Concept")) {
      EXPECT_FALSE(Objects(g, t.subject.value, I(ns::kSkos, "prefLabel")).empty()) << t.subject.value;
    }
  }
  EXPECT_GE(checked, 25u);
}

TEST(DcatAp, TaiwaneseFieldsMapToEuVocabulariesAndPintuConcepts) {
  auto g = DatasetGraph(MakeDataset(), MakeOrg(), Ctx());
  auto themes = Values(g, kDs, I(ns::kDcat, "theme"));
  EXPECT_THAT(themes, ::testing::ElementsAre(I(ns::kEuTheme, "SOCI"), "https://data.example.tw/ns#category-elderly-care"));
  EXPECT_THAT(Values(g, "https://data.example.tw/ns#category-elderly-care", I(ns::kSkos, "prefLabel")),
              ::testing::ElementsAre("老年安養", "Elderly care"));
  EXPECT_THAT(Values(g, kDs, I(ns::kDct, "type")), ::testing::ElementsAre("https://data.example.tw/ns#type-statistical"));
  EXPECT_THAT(Values(g, kDs, I(ns::kDct, "accessRights")), ::testing::ElementsAre(I(ns::kEuAccessRight, "PUBLIC")));
  EXPECT_THAT(Values(g, kDs, I(ns::kDct, "accrualPeriodicity")), ::testing::ElementsAre(I(ns::kEuFrequency, "ANNUAL")));
  EXPECT_THAT(Values(g, kDs, I(ns::kDct, "language")),
              ::testing::ElementsAre(I(ns::kEuLanguage, "ZHO"), I(ns::kEuLanguage, "ENG")));
  // Publisher: typed, bilingual, with its government OID.
  const std::string org = "https://data.example.tw/organization/mohw";
  EXPECT_THAT(Values(g, kDs, I(ns::kDct, "publisher")), ::testing::ElementsAre(org));
  EXPECT_TRUE(HasType(g, org, I(ns::kFoaf, "Organization")));
  EXPECT_EQ(Objects(g, org, I(ns::kFoaf, "name")).size(), 2u);
  EXPECT_THAT(Values(g, org, I(ns::kDct, "identifier")), ::testing::ElementsAre("2.16.886.101.20003.20065"));
  EXPECT_THAT(Values(g, org, I(ns::kDct, "type")), ::testing::ElementsAre(I(ns::kAdmsPublisherType, "NationalAuthority")));
  // Contact falls back to the organisation's; e-mail and phone as IRIs.
  const std::string contact = kDs + "#contact";
  EXPECT_THAT(Values(g, contact, I(ns::kVcard, "hasEmail")), ::testing::ElementsAre("mailto:ltc@mohw.gov.tw"));
  EXPECT_THAT(Values(g, contact, I(ns::kVcard, "hasTelephone")), ::testing::ElementsAre("tel:02-8590-6666"));
  // Licence from vocabulary.h.
  EXPECT_THAT(Values(g, kDs, I(ns::kDct, "license")), ::testing::IsEmpty());  // on distributions
  EXPECT_TRUE(HasType(g, "https://data.gov.tw/license", I(ns::kDct, "LicenseDocument")));
  // Temporal coverage with xsd:date bounds; spatial as a labelled location.
  auto start = Objects(g, kDs + "#temporal", I(ns::kDcat, "startDate"));
  ASSERT_EQ(start.size(), 1u);
  EXPECT_EQ(start[0].datatype, I(ns::kXsd, "date"));
  EXPECT_THAT(Values(g, kDs + "#spatial", I(ns::kSkos, "prefLabel")), ::testing::ElementsAre("臺灣"));
  // Standards: a URL is the standard; a name becomes a titled node.
  EXPECT_THAT(Values(g, kDs, I(ns::kDct, "conformsTo")),
              ::testing::ElementsAre("https://schema.gov.tw/lists/ltc", kDs + "#standard-2"));
  // javascript: links are never emitted.
  EXPECT_THAT(Values(g, kDs, I(ns::kFoaf, "page")), ::testing::ElementsAre("https://www.mohw.gov.tw/faq"));
}

TEST(DcatAp, MethodologyBecomesProvenanceAndLineage) {
  auto g = DatasetGraph(MakeDataset(), MakeOrg(), Ctx());
  const std::string prov = kDs + "#provenance";
  EXPECT_TRUE(HasType(g, prov, I(ns::kDct, "ProvenanceStatement")));
  auto desc = Objects(g, prov, I(ns::kDct, "description"));
  ASSERT_EQ(desc.size(), 1u);
  EXPECT_EQ(desc[0].language, "zh-TW");
  EXPECT_THAT(Values(g, prov, "https://data.example.tw/ns#formula"), ::testing::ElementsAre("需要人數 = Σ(人口 × 失能率)"));
  EXPECT_EQ(Objects(g, prov, I(ns::kRdfs, "label")).size(), 2u);
  // A public source dataset resolves to its IRI, a URL is kept, an unknown one is left out.
  EXPECT_THAT(Values(g, kDs, I(ns::kProv, "wasDerivedFrom")),
              ::testing::ElementsAre("https://data.example.tw/dataset/moi-population", "https://stat.example.tw/source"));
}

TEST(DcatAp, DistributionsCarryUrlsFormatsChecksumAndSchema) {
  auto g = DatasetGraph(MakeDataset(), MakeOrg(), Ctx());
  const std::string csv = kDs + "/resource/res-csv";
  const std::string api = kDs + "/resource/res-api";
  EXPECT_THAT(Values(g, kDs, I(ns::kDcat, "distribution")), ::testing::ElementsAre(csv, api));
  EXPECT_THAT(Values(g, csv, I(ns::kDcat, "accessURL")), ::testing::ElementsAre("https://files.example.tw/ltc%20needs.csv"));
  EXPECT_THAT(Values(g, csv, I(ns::kDcat, "downloadURL")), ::testing::ElementsAre("https://files.example.tw/ltc%20needs.csv"));
  EXPECT_THAT(Values(g, csv, I(ns::kDct, "format")), ::testing::ElementsAre(I(ns::kEuFileType, "CSV")));
  EXPECT_THAT(Values(g, csv, I(ns::kDcat, "mediaType")), ::testing::ElementsAre(I(ns::kIanaMediaTypes, "text/csv")));
  EXPECT_THAT(Values(g, csv, I(ns::kCnt, "characterEncoding")), ::testing::ElementsAre("Big5"));
  auto size = Objects(g, csv, I(ns::kDcat, "byteSize"));
  ASSERT_EQ(size.size(), 1u);
  EXPECT_EQ(size[0].value, "2048");
  EXPECT_EQ(size[0].datatype, I(ns::kXsd, "nonNegativeInteger"));
  auto sum = Objects(g, csv + "#checksum", I(ns::kSpdx, "checksumValue"));
  ASSERT_EQ(sum.size(), 1u);
  EXPECT_EQ(sum[0].value, std::string(64, 'a'));
  EXPECT_EQ(sum[0].datatype, I(ns::kXsd, "hexBinary"));
  EXPECT_THAT(Values(g, csv + "#checksum", I(ns::kSpdx, "algorithm")),
              ::testing::ElementsAre(I(ns::kSpdx, "checksumAlgorithm_sha256")));
  EXPECT_THAT(Values(g, csv, I(ns::kDct, "conformsTo")), ::testing::ElementsAre(csv + "/schema.json"));
  EXPECT_THAT(Values(g, csv, I(ns::kDct, "license")), ::testing::ElementsAre("https://data.gov.tw/license"));
  EXPECT_THAT(Values(g, csv, I(ns::kDct, "rights")), ::testing::ElementsAre(kDs + "#cost"));
  EXPECT_THAT(Values(g, kDs + "#cost", I(ns::kRdfs, "seeAlso")), ::testing::ElementsAre("https://www.mohw.gov.tw/fees"));
  // The API has no URL: the dataset page gives access, nothing to download, no checksum.
  EXPECT_THAT(Values(g, api, I(ns::kDcat, "accessURL")), ::testing::ElementsAre(kDs));
  EXPECT_TRUE(Values(g, api, I(ns::kDcat, "downloadURL")).empty());
  EXPECT_TRUE(Values(g, api, I(ns::kSpdx, "checksum")).empty());
  EXPECT_TRUE(Values(g, api, I(ns::kDct, "conformsTo")).empty());
}

TEST(DcatAp, HostileAndMalformedValuesNeverBreakTheGraph) {
  Dataset d = MakeDataset();
  d.title = LocalizedText::Both("\"]]><script>alert(1)</script>\x01\xff", "");
  d.description = LocalizedText();
  d.issued = "113/07/02";  // ROC date: not an xsd date, left out
  d.modified = "2025-02-30";
  d.landing_page = "https://x.tw/a\"><b>";
  d.frequency = "every full moon";
  d.spatial = "{\"type\":\"Point\",\"coordinates\":[121.5,25.0]}";
  d.resources[0].size_bytes = -5;
  d.resources[0].checksum = "sha256:xyz";
  d.resources[0].media_type = "not a media type";
  Organization org = MakeOrg();
  org.homepage = "data:text/html,<script>";
  auto g = DatasetGraph(d, org, Ctx());
  auto titles = Objects(g, kDs, I(ns::kDct, "title"));
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_EQ(titles[0].value, "\"]]><script>alert(1)</script>\xEF\xBF\xBD");
  // No description: the title stands in for the mandatory property.
  EXPECT_EQ(Objects(g, kDs, I(ns::kDct, "description")).size(), 1u);
  EXPECT_TRUE(Objects(g, kDs, I(ns::kDct, "issued")).empty());
  EXPECT_TRUE(Objects(g, kDs, I(ns::kDct, "modified")).empty());
  EXPECT_TRUE(Objects(g, kDs, I(ns::kDct, "accrualPeriodicity")).empty());
  EXPECT_THAT(Values(g, kDs, I(ns::kDcat, "landingPage")), ::testing::ElementsAre("https://x.tw/a%22%3E%3Cb%3E"));
  EXPECT_EQ(Objects(g, kDs + "#spatial", I(ns::kLocn, "geometry"))[0].datatype, I(ns::kGsp, "geoJSONLiteral"));
  const std::string csv = kDs + "/resource/res-csv";
  EXPECT_TRUE(Objects(g, csv, I(ns::kDcat, "byteSize")).empty());
  EXPECT_TRUE(Objects(g, csv, I(ns::kSpdx, "checksum")).empty());
  EXPECT_TRUE(Objects(g, csv, I(ns::kDcat, "mediaType")).empty());
  EXPECT_TRUE(Objects(g, "https://data.example.tw/organization/mohw", I(ns::kFoaf, "homepage")).empty());
  // Every syntax writes it.
  EXPECT_THAT(rdf::WriteTurtle(g), HasSubstr("\\\"]]><script>"));
  EXPECT_TRUE(rdf::WriteRdfXml(g).has_value());
}

TEST(Dqv, ScoreCardBecomesQualityMeasurements) {
  Dataset d = MakeDataset();
  ScoreCard sc;
  sc.dataset_id = d.id;
  sc.dataset_slug = d.slug;
  sc.computed_at = 1764256732123;
  sc.indicators = {
      {"mqa.findability.keyword", "mqa", "findability", 30, 30, "", LocalizedText::Both("有關鍵字", "Has keywords")},
      {"five-star.open-format", "five-star", "format", 3, 5, "res-csv", {}},
      {"x.unknown-resource", "mqa", "x", 1, 1, "no-such-resource", {}},
      {"x.nan", "mqa", "x", std::numeric_limits<double>::quiet_NaN(), 1, "", {}},
  };
  sc.totals = {{"mqa", 310.5, 405, "good"}};
  auto g = DatasetGraph(d, MakeOrg(), Ctx(), &sc);
  auto measurements = Values(g, kDs, I(ns::kDqv, "hasQualityMeasurement"));
  ASSERT_EQ(measurements.size(), 3u);  // two indicators + one total; bad ones skipped
  const std::string& kw = measurements[0];
  EXPECT_TRUE(HasType(g, kw, I(ns::kDqv, "QualityMeasurement")));
  EXPECT_THAT(Values(g, kw, I(ns::kDqv, "computedOn")), ::testing::ElementsAre(kDs));
  const std::string metric = "https://data.example.tw/quality/indicators#mqa.findability.keyword";
  EXPECT_THAT(Values(g, kw, I(ns::kDqv, "isMeasurementOf")), ::testing::ElementsAre(metric));
  EXPECT_TRUE(HasType(g, metric, I(ns::kDqv, "Metric")));
  const std::string dim = "https://data.example.tw/quality/dimensions#mqa-findability";
  EXPECT_THAT(Values(g, metric, I(ns::kDqv, "inDimension")), ::testing::ElementsAre(dim));
  EXPECT_TRUE(HasType(g, dim, I(ns::kDqv, "Dimension")));
  auto value = Objects(g, kw, I(ns::kDqv, "value"));
  ASSERT_EQ(value.size(), 1u);
  EXPECT_EQ(value[0].value, "30");
  EXPECT_EQ(value[0].datatype, I(ns::kXsd, "decimal"));
  EXPECT_THAT(Values(g, kw, I(ns::kProv, "generatedAtTime")), ::testing::ElementsAre("2025-11-27T15:18:52.123Z"));
  EXPECT_EQ(Objects(g, kw, I(ns::kRdfs, "comment")).size(), 2u);
  // A resource-level indicator is computed on the distribution.
  EXPECT_THAT(Values(g, measurements[1], I(ns::kDqv, "computedOn")), ::testing::ElementsAre(kDs + "/resource/res-csv"));
  // The framework total, with its rating.
  EXPECT_THAT(Values(g, measurements[2], I(ns::kDqv, "value")), ::testing::ElementsAre("310.5"));
  EXPECT_THAT(Values(g, measurements[2], "https://data.example.tw/ns#rating"), ::testing::ElementsAre("good"));
  EXPECT_THAT(Values(g, measurements[2], "https://data.example.tw/ns#maxPoints"), ::testing::ElementsAre("405"));
  // Without a ScoreCard there are no measurements.
  EXPECT_TRUE(Values(DatasetGraph(d, MakeOrg(), Ctx()), kDs, I(ns::kDqv, "hasQualityMeasurement")).empty());
}

TEST(DcatCatalog, PagesLinkDatasetsRecordsAndHydraNeighbours) {
  Organization org = MakeOrg();
  std::vector<Dataset> page;
  for (std::string slug : {"a-one", "b-two"}) {
    Dataset d = MakeDataset();
    d.slug = slug;
    d.metadata_modified = "2025-07-02T01:02:03.456789Z";
    page.push_back(d);
  }
  page[1].organization_id = "unknown-org";  // its publisher cannot be described: skipped
  CatalogInfo info{LocalizedText::Both("拼圖", "Pintu"), {}, {}};
  auto of = [&org](std::string_view id) -> const Organization* { return id == org.id ? &org : nullptr; };
  auto g = CatalogGraph(info, {2, 2, 5}, page, of, Ctx());
  const std::string cat = "https://data.example.tw/catalog";
  EXPECT_TRUE(HasType(g, cat, I(ns::kDcat, "Catalog")));
  EXPECT_THAT(Values(g, cat, I(ns::kDcat, "dataset")), ::testing::ElementsAre("https://data.example.tw/dataset/a-one"));
  EXPECT_THAT(Values(g, cat, I(ns::kDcat, "record")), ::testing::ElementsAre("https://data.example.tw/dataset/a-one#record"));
  EXPECT_EQ(Objects(g, "https://data.example.tw/dataset/a-one#record", I(ns::kDct, "modified"))[0].datatype,
            I(ns::kXsd, "dateTime"));
  EXPECT_THAT(Values(g, "https://data.example.tw/dataset/a-one#record", I(ns::kDct, "conformsTo")),
              ::testing::ElementsAre("https://semiceu.github.io/DCAT-AP/releases/3.0.1/"));
  EXPECT_FALSE(Values(g, cat, I(ns::kDct, "publisher")).empty());
  EXPECT_THAT(Values(g, cat, I(ns::kHydra, "totalItems")), ::testing::ElementsAre("5"));
  const std::string view = cat + "?page=2&page_size=2";
  EXPECT_THAT(Values(g, cat, I(ns::kHydra, "view")), ::testing::ElementsAre(view));
  EXPECT_THAT(Values(g, view, I(ns::kHydra, "first")), ::testing::ElementsAre(cat + "?page=1&page_size=2"));
  EXPECT_THAT(Values(g, view, I(ns::kHydra, "previous")), ::testing::ElementsAre(cat + "?page=1&page_size=2"));
  EXPECT_THAT(Values(g, view, I(ns::kHydra, "next")), ::testing::ElementsAre(cat + "?page=3&page_size=2"));
  EXPECT_THAT(Values(g, view, I(ns::kHydra, "last")), ::testing::ElementsAre(cat + "?page=3&page_size=2"));
  // The default page size is not repeated in links; the only page has no neighbours.
  auto single = CatalogGraph(info, {1, kDefaultPageSize, 1}, std::span(page).first(1), of, Ctx());
  const std::string only = cat + "?page=1";
  EXPECT_THAT(Values(single, only, I(ns::kHydra, "last")), ::testing::ElementsAre(only));
  EXPECT_TRUE(Values(single, only, I(ns::kHydra, "next")).empty());
  EXPECT_TRUE(Values(single, only, I(ns::kHydra, "previous")).empty());
}

TEST(DcatAp, PintuVocabularyLabelsEveryConceptInBothLanguages) {
  auto g = PintuVocabularyGraph(kBase);
  size_t concepts = 0;
  for (const auto& t : g.triples()) {
    if (t.predicate.value != I(ns::kRdf, "type") || t.object.value != I(ns::kSkos, "Concept")) continue;
    if (t.subject.value.starts_with(ns::kEuTheme)) continue;  // EU themes carry their English label only
    ++concepts;
    auto labels = Objects(g, t.subject.value, I(ns::kSkos, "prefLabel"));
    ASSERT_EQ(labels.size(), 2u) << t.subject.value;
    EXPECT_EQ(labels[0].language, "zh-TW");
    EXPECT_EQ(labels[1].language, "en");
  }
  EXPECT_EQ(concepts, 4 + AllThemes().size());  // dataset types + service categories
  EXPECT_THAT(Values(g, "https://data.example.tw/ns#type-real-time", I(ns::kSkos, "prefLabel")),
              ::testing::ElementsAre("即時資料", "Real-time data"));
  EXPECT_TRUE(HasType(g, "https://data.example.tw/ns#formula", I(ns::kRdf, "Property")));
  EXPECT_TRUE(rdf::WriteRdfXml(g).has_value());
}

TEST(DcatCatalog, PageCount) {
  EXPECT_EQ(PageCount(0, 100), 1u);
  EXPECT_EQ(PageCount(100, 100), 1u);
  EXPECT_EQ(PageCount(101, 100), 2u);
  EXPECT_EQ(PageCount(-3, 100), 1u);
  EXPECT_EQ(PageCount(5, 0), 1u);
}

}  // namespace
}  // namespace pintu::dcat
