// The quality indicators: MQA's published points (405 with everything, each removal
// costs exactly its points), the data.gov.tw badge, 5-star, FAIR and AI-readiness.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <set>

#include <boost/json.hpp>

#include "quality/indicators/ai_readiness.h"
#include "quality/indicators/datagovtw_badge.h"
#include "quality/indicators/fair.h"
#include "quality/indicators/five_star.h"
#include "quality/indicators/indicator.h"
#include "quality/indicators/mqa.h"
#include "quality/indicators/resource_evidence.h"
#include "quality/indicators/rollup.h"
#include "quality/indicators/score_card_json.h"
#include "quality/indicators/score_dataset.h"

namespace pintu::quality {
namespace {

constexpr int64_t kNow = 1795000000000;  // 2026-11-18

// A dataset with every property MQA looks at, and one CSV distribution that answered.
struct Fixture {
  Dataset dataset;
  Organization org;
  ResourceEvidence evidence;
  Fixture() {
    org.id = "org-1";
    org.level = OrgLevel::kLocal;
    Dataset& d = dataset;
    d.id = "ds-1";
    d.slug = "ltc-institutions";
    d.title = LocalizedText::Both("長照機構", "Long-term care institutions");
    d.description = LocalizedText::Both("臺北市長照機構一覽", "Long-term care institutions in Taipei");
    d.organization_id = "org-1";
    d.keywords = {"長照"};
    d.themes = {"health"};
    d.spatial = "臺北市";
    d.temporal_start = "2025-01-01";
    d.temporal_end = "2025-12-31";
    d.access_rights = AccessRights::kPublic;
    d.license_id = "OGDL-Taiwan-1.0";
    d.contact = {"王小明", "ltc@example.gov.tw", "02-1234-5678"};
    d.issued = "2025-01-05";
    d.modified = "2026-11-01";
    d.frequency = "MONTHLY";
    d.languages = {"zh-TW"};
    Resource r;
    r.id = "res-1";
    r.dataset_id = d.id;
    r.name = LocalizedText::Both("機構清單", "Institutions");
    r.url = "https://data.example.gov.tw/ltc.csv";
    r.format = "CSV";
    r.media_type = "text/csv";
    r.encoding = "UTF-8";
    r.size_bytes = 2048;
    r.fields = {{"機構名稱", LocalizedText::Both("名稱", "Name"), "string", ""},
                {"床數", LocalizedText::Both("床數", "Beds"), "integer", "床"}};
    d.resources = {r};
    evidence.resource_id = "res-1";
    evidence.link_checked = true;
    evidence.http_status = 200;
    evidence.downloadable = true;
  }
  ScoringInput Input() const {
    ScoringInput in;
    in.dataset = &dataset;
    in.organization = &org;
    in.resources = {evidence};
    in.now_ms = kNow;
    in.base_url = "https://portal.example";
    return in;
  }
};

double Points(const ScoreCard& c, std::string_view id) {
  double p = 0;
  for (const auto& s : c.indicators)
    if (s.id == id) p += s.points;
  return p;
}

ScoreCard Mqa(const Fixture& f) {
  ScoreCard card;
  ScoreMqa(f.Input(), card);
  return card;
}

TEST(Mqa, EveryPropertyPresentEarnsAll405Points) {
  Fixture f;
  ScoreCard card = Mqa(f);
  ASSERT_EQ(card.totals.size(), 1u);
  EXPECT_DOUBLE_EQ(card.totals[0].points, 405);
  EXPECT_DOUBLE_EQ(card.totals[0].max_points, 405);
  EXPECT_EQ(card.totals[0].rating, "excellent");
  double sum = 0;
  for (const auto& d : MqaIndicators()) sum += d.max_points;
  EXPECT_DOUBLE_EQ(sum, kMqaMaxPoints);
  for (const auto& s : card.indicators) EXPECT_DOUBLE_EQ(s.points, s.max_points) << s.id;
}

TEST(Mqa, DimensionsHaveThePublishedPoints) {
  std::map<std::string, double> dims;
  for (const auto& d : MqaIndicators()) dims[std::string(d.dimension)] += d.max_points;
  EXPECT_EQ(dims["findability"], 100);
  EXPECT_EQ(dims["accessibility"], 100);
  EXPECT_EQ(dims["interoperability"], 110);
  EXPECT_EQ(dims["reusability"], 75);
  EXPECT_EQ(dims["contextuality"], 20);
}

// Each row removes one property; exactly the listed indicators lose all their points.
struct Removal {
  const char* what;
  std::function<void(Fixture&)> remove;
  std::set<std::string> indicators;
};

TEST(Mqa, RemovingOnePropertyRemovesExactlyItsPublishedPoints) {
  const std::vector<Removal> rows = {
      {"keywords", [](Fixture& f) { f.dataset.keywords.clear(); }, {"mqa.findability.keyword"}},
      {"themes", [](Fixture& f) { f.dataset.themes.clear(); }, {"mqa.findability.category"}},
      {"spatial", [](Fixture& f) { f.dataset.spatial.clear(); }, {"mqa.findability.spatial"}},
      {"temporal", [](Fixture& f) { f.dataset.temporal_start.clear(), f.dataset.temporal_end.clear(); },
       {"mqa.findability.temporal"}},
      {"access URL answers 404", [](Fixture& f) { f.evidence.http_status = 404; }, {"mqa.accessibility.access_url"}},
      {"download URL (a map service, not a file)", [](Fixture& f) { f.dataset.resources[0].format = "WMS"; },
       {"mqa.accessibility.download_url", "mqa.accessibility.download_url_status"}},
      {"download URL returns a web page", [](Fixture& f) { f.evidence.downloadable = false; },
       {"mqa.accessibility.download_url_status"}},
      {"format", [](Fixture& f) { f.dataset.resources[0].format.clear(); }, {"mqa.interoperability.format"}},
      {"media type", [](Fixture& f) { f.dataset.resources[0].media_type.clear(); }, {"mqa.interoperability.media_type"}},
      {"format outside every vocabulary",
       [](Fixture& f) {
         f.dataset.resources[0].format = "our own table";
         f.dataset.resources[0].media_type = "application/x-own";
       },
       {"mqa.interoperability.vocabulary", "mqa.interoperability.non_proprietary",
        "mqa.interoperability.machine_readable"}},
      {"open format (XLSX instead)",
       [](Fixture& f) {
         f.dataset.resources[0].format = "XLSX";
         f.dataset.resources[0].media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
       },
       {"mqa.interoperability.non_proprietary"}},
      {"machine-readable format (PDF instead)",
       [](Fixture& f) {
         f.dataset.resources[0].format = "PDF";
         f.dataset.resources[0].media_type = "application/pdf";
       },
       {"mqa.interoperability.machine_readable"}},
      {"description (DCAT-AP mandatory)", [](Fixture& f) { f.dataset.description = {}; },
       {"mqa.interoperability.dcat_ap"}},
      {"access rights", [](Fixture& f) { f.dataset.access_rights.reset(); },
       {"mqa.reusability.access_rights", "mqa.reusability.access_rights_vocabulary"}},
      {"licence", [](Fixture& f) { f.dataset.license_id.clear(); },
       {"mqa.reusability.license", "mqa.reusability.license_vocabulary", "mqa.contextuality.rights"}},
      {"licence from the vocabulary", [](Fixture& f) { f.dataset.license_id = "our own terms"; },
       {"mqa.reusability.license_vocabulary"}},
      {"contact point", [](Fixture& f) { f.dataset.contact = {}; }, {"mqa.reusability.contact_point"}},
      {"publisher", [](Fixture& f) { f.dataset.organization_id.clear(); }, {"mqa.reusability.publisher"}},
      {"byte size", [](Fixture& f) { f.dataset.resources[0].size_bytes.reset(); }, {"mqa.contextuality.byte_size"}},
      {"issued", [](Fixture& f) { f.dataset.issued.clear(); }, {"mqa.contextuality.issued"}},
      {"modified", [](Fixture& f) { f.dataset.modified.clear(); }, {"mqa.contextuality.modified"}},
  };
  std::set<std::string> covered;
  for (const auto& row : rows) {
    Fixture f;
    row.remove(f);
    ScoreCard card = Mqa(f);
    double expected_loss = 0;
    for (const auto& id : row.indicators) {
      const IndicatorDefinition* d = FindIndicator(id);
      ASSERT_NE(d, nullptr) << id;
      expected_loss += d->max_points;
      EXPECT_DOUBLE_EQ(Points(card, id), 0) << row.what << ": " << id;
      covered.insert(id);
    }
    EXPECT_DOUBLE_EQ(card.totals[0].points, 405 - expected_loss) << row.what;
    for (const auto& s : card.indicators)
      if (!row.indicators.count(s.id)) EXPECT_DOUBLE_EQ(s.points, s.max_points) << row.what << " also cost " << s.id;
  }
  for (const auto& d : MqaIndicators()) EXPECT_TRUE(covered.count(std::string(d.id))) << d.id << " has no row";
}

TEST(Mqa, DistributionIndicatorsEarnTheShareOfDistributionsThatMeetThem) {
  Fixture f;
  Resource pdf = f.dataset.resources[0];
  pdf.id = "res-2";
  pdf.format = "PDF";
  pdf.media_type = "application/pdf";
  f.dataset.resources.push_back(pdf);
  ScoringInput in = f.Input();
  ResourceEvidence e2 = f.evidence;
  e2.resource_id = "res-2";
  in.resources.push_back(e2);
  ScoreCard card;
  ScoreMqa(in, card);
  EXPECT_DOUBLE_EQ(Points(card, "mqa.interoperability.machine_readable"), 10);  // 1 of 2 of 20
}

TEST(Mqa, RatingBandsFollowThePublishedLimits) {
  EXPECT_EQ(MqaRating(405), "excellent");
  EXPECT_EQ(MqaRating(351), "excellent");
  EXPECT_EQ(MqaRating(350.9), "good");
  EXPECT_EQ(MqaRating(221), "good");
  EXPECT_EQ(MqaRating(220), "sufficient");
  EXPECT_EQ(MqaRating(121), "sufficient");
  EXPECT_EQ(MqaRating(120), "bad");
  EXPECT_EQ(MqaRating(0), "bad");
}

TEST(Mqa, ADatasetWithoutDistributionsSaysSoAndEarnsNoDistributionPoints) {
  Fixture f;
  f.dataset.resources.clear();
  ScoreCard card = Mqa(f);
  EXPECT_DOUBLE_EQ(Points(card, "mqa.accessibility.access_url"), 0);
  for (const auto& s : card.indicators)
    if (s.id == "mqa.interoperability.format") EXPECT_EQ(s.evidence.Get("en"), "the dataset has no distributions");
}

DatagovChecks AllPass() {
  DatagovChecks c;
  for (size_t i = 0; i < c.size(); ++i) {
    c[i].id = kDatagovCheckIds[i];
    c[i].pass = true;
    c[i].explanation_en = "ok";
    c[i].explanation_zh = "通過";
  }
  return c;
}

std::string Badge(Fixture& f) {
  ScoreCard card;
  ScoreDatagovBadge(f.Input(), card);
  return card.totals.at(0).rating;
}

TEST(DatagovBadge, EachLevelNeedsTheChecksOfTheLevelsBelow) {
  Fixture f;
  f.evidence.contents_readable = true;
  f.evidence.datagov = AllPass();
  EXPECT_EQ(Badge(f), "gold");  // no data standard named
  f.dataset.conforms_to = {"https://schema.gov.tw/ltc-institutions"};
  EXPECT_EQ(Badge(f), "platinum");
  f.evidence.datagov[4].pass = false;  // desc_match
  EXPECT_EQ(Badge(f), "silver");
  f.evidence.datagov[5].pass = false;  // csv
  EXPECT_EQ(Badge(f), "bronze");
  f.evidence.datagov[1].pass = false;  // downloadable
  EXPECT_EQ(Badge(f), "none");
}

TEST(DatagovBadge, UndecidedChecksFailUnlessTheyDoNotApplyToAFileThatWasRead) {
  Fixture f;
  f.evidence.datagov = AllPass();
  f.evidence.datagov[3].pass.reset();  // encoding_match: no encoding in an xlsx
  f.evidence.contents_readable = true;
  EXPECT_EQ(Badge(f), "gold");
  f.evidence.contents_readable = false;  // not read: undecided is not a pass
  EXPECT_EQ(Badge(f), "bronze");
  f.evidence.datagov[0].pass.reset();  // linkable never decided
  EXPECT_EQ(Badge(f), "none");
}

TEST(DatagovBadge, TheWeakestResourceDecidesAndNeverCheckedMeansNone) {
  Fixture f;
  f.evidence.contents_readable = true;
  f.evidence.datagov = AllPass();
  Resource second = f.dataset.resources[0];
  second.id = "res-2";
  f.dataset.resources.push_back(second);  // no evidence at all
  EXPECT_EQ(Badge(f), "none");
  ScoreCard card;
  ScoreDatagovBadge(f.Input(), card);
  EXPECT_DOUBLE_EQ(card.totals[0].max_points, 13);  // 6 per resource + the standard
}

int Stars(const Fixture& f) {
  ScoreCard card;
  ScoreFiveStar(f.Input(), card);
  return static_cast<int>(card.indicators.at(0).points);
}

TEST(FiveStar, StarsFollowLicenceFormatAndLinks) {
  Fixture f;
  EXPECT_EQ(Stars(f), 3);  // open licence, CSV: open and machine-readable
  f.dataset.resources[0].format = "XLSX";
  EXPECT_EQ(Stars(f), 2);
  f.dataset.resources[0].format = "PDF";
  EXPECT_EQ(Stars(f), 1);
  f.dataset.license_id = "CC-BY-NC-4.0";  // not an open licence
  EXPECT_EQ(Stars(f), 0);
  f.dataset.license_id = "OGDL-Taiwan-1.0";
  f.dataset.resources[0].format = "Turtle";
  EXPECT_EQ(Stars(f), 4);
  f.dataset.methodology.source_datasets = {"ltc-need-estimates"};
  EXPECT_EQ(Stars(f), 5);
}

TEST(FiveStar, TheDetectedFormatBeatsTheDeclaredOne) {
  Fixture f;
  f.evidence.contents_readable = true;
  f.evidence.detected_format = "pdf";  // declared CSV, really a PDF
  EXPECT_EQ(Stars(f), 1);
}

TEST(Fair, PointsPerDimensionAreF7A3I4R10) {
  std::map<std::string, double> dims;
  for (const auto& d : FairIndicators()) dims[std::string(d.dimension)] += d.max_points;
  EXPECT_EQ(dims["F"], 7);
  EXPECT_EQ(dims["A"], 3);
  EXPECT_EQ(dims["I"], 4);
  EXPECT_EQ(dims["R"], 10);
}

TEST(Fair, ACompleteDatasetMissesOnlyThePersistentIdentifierAndUncheckedContent) {
  Fixture f;
  f.dataset.methodology.source_datasets = {"x"};
  f.evidence.contents_readable = true;
  f.evidence.format_matches = true;
  f.evidence.datagov = AllPass();
  ScoringInput in = f.Input();
  ScoreCard card;
  ScoreFair(in, card);
  EXPECT_DOUBLE_EQ(Points(card, "fair.FsF-F1-02D"), 0);
  EXPECT_DOUBLE_EQ(card.totals[0].points, 23);
  f.dataset.related_urls = {"https://doi.org/10.1234/ltc"};
  ScoreCard with_doi;
  ScoreFair(f.Input(), with_doi);
  EXPECT_DOUBLE_EQ(with_doi.totals[0].points, 24);
  EXPECT_DOUBLE_EQ(FairDimensionPercent(with_doi, "F"), 100);
}

TEST(Fair, PrivateDatasetsCannotBeFoundOrRetrieved) {
  Fixture f;
  f.dataset.is_private = true;
  ScoreCard card;
  ScoreFair(f.Input(), card);
  EXPECT_DOUBLE_EQ(Points(card, "fair.FsF-F4-01M"), 0);
  EXPECT_DOUBLE_EQ(Points(card, "fair.FsF-A1-02M"), 0);
  EXPECT_DOUBLE_EQ(Points(card, "fair.FsF-I1-01M"), 0);
}

TEST(Fair, StatisticsWithoutAFormulaGetHalfTheProvenancePoints) {
  Fixture f;
  f.dataset.type = DatasetType::kStatistical;
  f.dataset.methodology.description = "以長照需要人數推估";
  ScoreCard card;
  ScoreFair(f.Input(), card);
  EXPECT_DOUBLE_EQ(Points(card, "fair.FsF-R1.2-01M"), 1);
}

// Evidence as the file engine would have it for a clean two-column CSV.
ResourceEvidence CheckedCsv(const Fixture& f) {
  ResourceEvidence e = f.evidence;
  e.contents_checked = e.contents_readable = true;
  e.valid = true;
  e.rows = 10;
  e.bytes = 2048;
  e.detected_format = "csv";
  e.format_matches = e.encoding_matches = true;
  e.columns = {"機構名稱", "床數"};
  e.inferred_types = {"string", "integer"};
  e.key_candidates = 1;
  return e;
}

ScoreCard Ai(const Fixture& f, std::optional<int> croissant_errors = 0) {
  ScoringInput in = f.Input();
  in.croissant_errors = croissant_errors;
  ScoreCard card;
  ScoreAiReadiness(in, card);
  return card;
}

TEST(AiReadiness, ACompleteCheckedDatasetEarnsAll100Points) {
  Fixture f;
  f.evidence = CheckedCsv(f);
  ScoreCard card = Ai(f);
  for (const auto& s : card.indicators) EXPECT_DOUBLE_EQ(s.points, s.max_points) << s.id << ": " << s.evidence.Get("en");
  EXPECT_DOUBLE_EQ(card.totals.at(0).points, 100);
  double sum = 0;
  for (const auto& d : AiReadinessIndicators()) sum += d.max_points;
  EXPECT_DOUBLE_EQ(sum, 100);
}

TEST(AiReadiness, EachMeasuredProblemCostsItsIndicator) {
  struct Row {
    const char* id;
    std::function<void(Fixture&)> change;
    double expected;
  };
  const std::vector<Row> rows = {
      {"ai.croissant_valid", [](Fixture&) {}, 0},  // run with croissant errors below
      {"ai.license_machine_readable", [](Fixture& f) { f.dataset.license_id = "CC-BY-NC-4.0"; }, 2.5},
      {"ai.integrity", [](Fixture& f) { f.evidence.sha256 = "ab", f.dataset.resources[0].checksum = "sha256:cd"; }, 0},
      {"ai.open_format", [](Fixture& f) { f.evidence.detected_format = "xlsx"; }, 0},
      {"ai.structural_validity", [](Fixture& f) { f.evidence.valid = false, f.evidence.rows_with_errors = 5; }, 5},
      {"ai.schema_coverage", [](Fixture& f) { f.dataset.resources[0].fields[1].description = {}; }, 5},
      {"ai.type_conformance", [](Fixture& f) { f.evidence.inferred_types[1] = "string"; }, 2.5},
      {"ai.completeness", [](Fixture& f) { f.evidence.mean_null_ratio = 0.2; }, 4},
      {"ai.keys", [](Fixture& f) { f.evidence.duplicate_rows = 2; }, 0},
      {"ai.freshness", [](Fixture& f) { f.dataset.modified = "2026-09-01"; }, 5},  // 78 days for a monthly: within 3 periods
      {"ai.personal_data", [](Fixture& f) { f.evidence.personal_data = {"national-id@身分證字號"}; }, 0},
  };
  for (const auto& row : rows) {
    Fixture f;
    f.evidence = CheckedCsv(f);
    row.change(f);
    ScoreCard card = Ai(f, std::string_view(row.id) == "ai.croissant_valid" ? std::optional<int>(3) : 0);
    EXPECT_NEAR(Points(card, row.id), row.expected, 1e-9) << row.id;
    EXPECT_NEAR(card.totals[0].points, 100 - FindIndicator(row.id)->max_points + row.expected, 1e-9) << row.id;
  }
}

TEST(AiReadiness, StatisticsNeedMethodFormulaAndSources) {
  Fixture f;
  f.evidence = CheckedCsv(f);
  f.dataset.type = DatasetType::kStatistical;
  EXPECT_DOUBLE_EQ(Points(Ai(f), "ai.provenance"), 0);
  f.dataset.methodology.description = "推估方法";
  f.dataset.methodology.source_datasets = {"mohw-ltc-need-estimates"};
  EXPECT_DOUBLE_EQ(Points(Ai(f), "ai.provenance"), 6);  // no formula: 40 % lost
  f.dataset.methodology.formula = "涵蓋率 = 使用人數 / 需要人數 × 100%";
  EXPECT_DOUBLE_EQ(Points(Ai(f), "ai.provenance"), 10);
}

TEST(AiReadiness, NothingCheckedMeansNoFilePointsAndSaysSo) {
  Fixture f;
  ScoreCard card = Ai(f, std::nullopt);
  EXPECT_DOUBLE_EQ(Points(card, "ai.croissant_valid"), 0);
  EXPECT_DOUBLE_EQ(Points(card, "ai.structural_validity"), 0);
  EXPECT_DOUBLE_EQ(Points(card, "ai.personal_data"), 0);
  for (const auto& s : card.indicators)
    if (s.id == "ai.personal_data") EXPECT_EQ(s.evidence.Get("en"), "no file checked yet");
}

TEST(AiReadiness, FreshnessFollowsTheDeclaredFrequency) {
  EXPECT_EQ(FrequencyPeriodDays("MONTHLY"), 31);
  EXPECT_EQ(FrequencyPeriodDays("ANNUAL"), 366);
  EXPECT_EQ(FrequencyPeriodDays("IRREG"), 0);
  Fixture f;
  f.evidence = CheckedCsv(f);
  f.dataset.modified = "2025-01-01";  // two years old, monthly
  EXPECT_DOUBLE_EQ(Points(Ai(f), "ai.freshness"), 0);
  f.dataset.frequency = "IRREG";
  EXPECT_DOUBLE_EQ(Points(Ai(f), "ai.freshness"), 10);
  f.dataset.frequency.clear();
  EXPECT_DOUBLE_EQ(Points(Ai(f), "ai.freshness"), 0);
}

TEST(Indicators, EveryDefinitionIsCompleteBilingualAndUnique) {
  std::set<std::string_view> ids;
  for (const auto& d : AllIndicators()) {
    EXPECT_TRUE(ids.insert(d.id).second) << d.id;
    EXPECT_GT(d.max_points, 0) << d.id;
    for (auto text : {d.name_zh, d.name_en, d.checks_zh, d.checks_en, d.hint_zh, d.hint_en})
      EXPECT_FALSE(text.empty()) << d.id;
    EXPECT_EQ(FindIndicator(d.id), &d);
  }
  EXPECT_EQ(FindIndicator("mqa.nonexistent"), nullptr);
}

TEST(ScoreDataset, EveryFrameworkHasATotalAndTheCardRoundTripsThroughJson) {
  Fixture f;
  f.evidence = CheckedCsv(f);
  ScoreCard card = ScoreDataset(f.Input());
  for (auto fw : {kFrameworkMqa, kFrameworkDatagovtw, kFrameworkFiveStar, kFrameworkFair, kFrameworkAiReady})
    EXPECT_NE(card.Total(fw), nullptr) << fw;
  EXPECT_EQ(card.level, OrgLevel::kLocal);
  EXPECT_TRUE(card.published);
  EXPECT_EQ(card.computed_at, kNow);
  auto back = ScoreCardFromJson(ScoreCardToJson(card));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->indicators.size(), card.indicators.size());
  EXPECT_EQ(back->computed_at, card.computed_at);
  EXPECT_EQ(back->Total(kFrameworkMqa)->points, card.Total(kFrameworkMqa)->points);
  auto with_defs = ScoreCardToJson(card, true);
  EXPECT_EQ(with_defs["indicators"].as_array()[0].as_object()["hint"].as_object()["zh-TW"].as_string(),
            "加上民眾會用來搜尋的關鍵字，例如「長照」");
}

TEST(ScoreCardJson, DamagedCardsAreRefusedNamingTheField) {
  namespace json = boost::json;
  EXPECT_FALSE(ScoreCardFromJson(json::parse("[]")));
  EXPECT_EQ(ScoreCardFromJson(json::parse(R"({"computed_at":"2026-01-01T00:00:00Z"})")).error().fields.at(0).field, "dataset_id");
  EXPECT_EQ(ScoreCardFromJson(json::parse(R"({"dataset_id":"x","computed_at":"yesterday"})")).error().fields.at(0).field,
            "computed_at");
  auto bad_indicator = json::parse(
      R"({"dataset_id":"x","computed_at":"2026-01-01T00:00:00Z","totals":[],"indicators":[{"id":"mqa.x","points":"many"}]})");
  EXPECT_EQ(ScoreCardFromJson(bad_indicator).error().fields.at(0).field, "indicators.0");
}

TEST(ResourceEvidence, ReadsAStoredContentsReportAndLinkCheck) {
  namespace json = boost::json;
  Fixture f;
  auto link = json::parse(R"({"linkable":true,"downloadable":true,"status":200})").as_object();
  auto contents = json::parse(R"({
    "datagovtw": {}, "valid": false,
    "encoding": {"detected": "big5", "matches": false},
    "format": {"detected": "csv", "matches": true, "machineReadable": true},
    "stats": {"rows": 4, "bytes": 120, "sha256": "abc"},
    "errors": [{"type": "duplicate-row", "rowNumber": 3}, {"type": "type-error", "rowNumber": 3},
               {"type": "extra-cell", "rowNumber": 4}],
    "warnings": [{"type": "personal-data-national-id", "fieldName": "身分證字號"},
                 {"type": "roc-date", "fieldName": "日期"}],
    "profile": {"fields": [{"name": "a", "type": "integer", "nullRatio": 0.5, "keyCandidate": true},
                           {"name": "b", "type": "string", "nullRatio": 0.0, "keyCandidate": false}]}
  })").as_object();
  ResourceEvidence e = EvidenceFromReports(f.dataset.resources[0], &link, &contents, AllPass());
  EXPECT_EQ(e.http_status, 200);
  EXPECT_TRUE(e.contents_readable);
  EXPECT_EQ(e.valid, false);
  EXPECT_EQ(e.rows_with_errors, 2);
  EXPECT_EQ(e.duplicate_rows, 1);
  EXPECT_EQ(e.encoding_matches, false);
  EXPECT_EQ(e.sha256, "abc");
  EXPECT_EQ(e.columns, (std::vector<std::string>{"a", "b"}));
  EXPECT_DOUBLE_EQ(e.mean_null_ratio, 0.25);
  EXPECT_EQ(e.key_candidates, 1);
  EXPECT_EQ(e.personal_data, (std::vector<std::string>{"national-id@身分證字號"}));
  EXPECT_EQ(e.limitations, (std::vector<std::string>{"roc-date"}));
}

TEST(ResourceEvidence, WrongShapesGiveEvidenceThatSaysNotRead) {
  namespace json = boost::json;
  Fixture f;
  auto garbage = json::parse(R"({"stats": "lots", "format": 7, "errors": {"no": 1}, "profile": []})").as_object();
  ResourceEvidence e = EvidenceFromReports(f.dataset.resources[0], nullptr, &garbage, DatagovChecks{});
  EXPECT_TRUE(e.contents_checked);
  EXPECT_FALSE(e.contents_readable);
  EXPECT_FALSE(e.link_checked);
}

ScoreSnapshotSummary Summary(std::string id, OrgLevel level, int64_t at, double mqa, bool published = true) {
  ScoreSnapshotSummary s;
  s.dataset_id = std::move(id);
  s.organization_id = level == OrgLevel::kCentral ? "moda" : "taipei";
  s.level = level;
  s.computed_at = at;
  s.mqa_points = mqa;
  s.mqa_rating = std::string(MqaRating(mqa));
  s.published = published;
  s.badge = "silver";
  s.five_star = 3;
  return s;
}

TEST(Rollup, AveragesAndDistributionsPerLevelSkipUnpublished) {
  std::vector<ScoreSnapshotSummary> latest = {Summary("a", OrgLevel::kCentral, 1, 400),
                                              Summary("b", OrgLevel::kCentral, 1, 200),
                                              Summary("c", OrgLevel::kLocal, 1, 100),
                                              Summary("d", OrgLevel::kLocal, 1, 405, false)};
  auto levels = RollupScores(latest, RollupKey::kLevel);
  ASSERT_EQ(levels.size(), 2u);
  EXPECT_EQ(levels[0].key, "central");
  EXPECT_DOUBLE_EQ(levels[0].mean_mqa_points, 300);
  EXPECT_EQ(levels[0].mqa_bands, (std::array<int, 4>{1, 0, 1, 0}));
  EXPECT_EQ(levels[1].datasets, 1);
  auto all = RollupScores(latest, RollupKey::kAll);
  EXPECT_EQ(all.at(0).datasets, 3);
  EXPECT_EQ(all[0].badges[2], 3);
  auto bins = MqaHistogram(latest);
  EXPECT_EQ(bins[8], 1);  // 400
  EXPECT_EQ(bins[4], 1);  // 200
  EXPECT_EQ(bins[2], 1);  // 100
  EXPECT_EQ(RollupScores({}, RollupKey::kAll).at(0).datasets, 0);
}

TEST(Rollup, TrendCarriesEachDatasetsNewestSnapshotForward) {
  constexpr int64_t day = 86'400'000;
  const int64_t d0 = 20000 * day;
  std::vector<ScoreSnapshotSummary> history = {
      Summary("a", OrgLevel::kCentral, d0 - 10 * day, 100),  // before the window
      Summary("b", OrgLevel::kLocal, d0 + 1 * day + 5, 300),
      Summary("a", OrgLevel::kCentral, d0 + 2 * day, 200),
      Summary("b", OrgLevel::kLocal, d0 + 3 * day, 300, false),  // made private
  };
  auto trend = ScoreTrend(history, d0 + 3 * day + 1000, 4);
  ASSERT_EQ(trend.size(), 4u);
  EXPECT_EQ(trend[0].day, "2024-10-04");
  EXPECT_EQ(trend[0].datasets, 1);
  EXPECT_DOUBLE_EQ(trend[0].mean_mqa_points, 100);
  EXPECT_DOUBLE_EQ(trend[1].mean_mqa_points, 200);  // 100 and 300
  EXPECT_DOUBLE_EQ(trend[1].mean_mqa_local, 300);
  EXPECT_DOUBLE_EQ(trend[2].mean_mqa_points, 250);  // 200 and 300
  EXPECT_EQ(trend[3].datasets, 1);
  EXPECT_TRUE(ScoreTrend(history, d0, 0).empty());
}

TEST(Rollup, TopFixesRankTheMissingPointsAcrossAnAgencysDatasets) {
  Fixture f;
  ScoreCard a = ScoreDataset(f.Input());
  f.dataset.keywords.clear();
  f.dataset.spatial.clear();
  ScoreCard b = ScoreDataset(f.Input());
  f.dataset.spatial = "臺北市";
  ScoreCard c = ScoreDataset(f.Input());
  std::vector<ScoreCard> cards = {a, b, c};
  auto fixes = TopFixes(cards, kFrameworkMqa, 10);
  ASSERT_EQ(fixes.size(), 2u);
  EXPECT_EQ(fixes[0].indicator_id, "mqa.findability.keyword");
  EXPECT_DOUBLE_EQ(fixes[0].points, 60);
  EXPECT_EQ(fixes[0].datasets, 2);
  EXPECT_EQ(fixes[1].indicator_id, "mqa.findability.spatial");
  EXPECT_EQ(TopFixes(cards, kFrameworkMqa, 1).size(), 1u);
}

}  // namespace
}  // namespace pintu::quality

namespace pintu::quality {
namespace {

// docs/quality.md documents every indicator by id.
TEST(Indicators, EveryIndicatorIsDocumented) {
  std::ifstream in(std::string(PINTU_SOURCE_DIR) + "/docs/quality.md");
  ASSERT_TRUE(in) << "docs/quality.md";
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& d : AllIndicators()) {
    std::string id(d.id);
    if (d.framework == kFrameworkDatagovtw && id != "datagovtw.linkable" && id != "datagovtw.standard")
      id = id.substr(std::string("datagovtw").size());  // written as `.downloadable` in one list
    EXPECT_NE(doc.find("`" + id + "`"), std::string::npos) << d.id;
  }
}

}  // namespace
}  // namespace pintu::quality
