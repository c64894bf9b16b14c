// data.gov.tw's six checks from stored measurements: each rule on its own table of
// cases (pass, fail, undecided), then missing and malformed inputs, the JSON round trip
// and the newest-wins merge of link-only and full verdicts.
#include "quality/datagov_checks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace pintu::quality {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

json::object Parse(std::string_view text) { return json::parse(text).as_object(); }

// A link result shaped like fetch::LinkCheckResult::ToJson.
json::object Link(bool linkable, bool downloadable, std::string reason, int status,
                  std::string content_type = "text/csv") {
  json::object o{{"url", "https://data.example.gov.tw/a.csv"},
                 {"linkable", linkable},
                 {"downloadable", downloadable},
                 {"reason", reason},
                 {"message_en", "Link message."},
                 {"message_zh", "連結訊息。"},
                 {"final_url", "https://data.example.gov.tw/a.csv"},
                 {"status", status == 0 ? json::value(nullptr) : json::value(status)},
                 {"chain", json::array{json::object{{"url", "u"}, {"status", status}}}},
                 {"content_type", content_type},
                 {"sniffed", "text"},
                 {"bytes_seen", 120},
                 {"error", nullptr}};
  if (!linkable && reason != "http-status")
    o["error"] = json::object{{"kind", reason}, {"message_en", "The connection was refused."},
                              {"message_zh", "連線遭拒。"}, {"detail", ""}};
  return o;
}

// A contents report shaped like ReportToJson, for a table with `labels`.
json::object Report(std::string format, std::optional<std::string> encoding, std::vector<std::string> labels,
                    std::optional<bool> machine_readable = std::nullopt) {
  json::array fields;
  for (auto& l : labels) fields.push_back(json::object{{"name", l}, {"type", "any"}});
  json::object fmt{{"detected", format}, {"declared", nullptr}};
  if (machine_readable) fmt["machineReadable"] = *machine_readable;
  return json::object{
      {"valid", true},
      {"encoding", json::object{{"detected", encoding ? json::value(*encoding) : json::value(nullptr)},
                                {"bom", false},
                                {"declared", nullptr},
                                {"matches", nullptr}}},
      {"format", fmt},
      {"dialect", json::object{{"delimiter", ","}, {"quoteChar", "\""}, {"header", true}}},
      {"errors", json::array{}},
      {"schema", json::object{{"fields", fields}}}};
}

DatagovDeclared Declared(std::string format, std::string encoding, std::vector<std::string> fields) {
  DatagovDeclared d;
  d.format = std::move(format);
  d.encoding = std::move(encoding);
  d.field_names = std::move(fields);
  return d;
}

const DatagovCheck& Get(const DatagovChecks& c, DatagovCheckId id) { return c[static_cast<size_t>(id)]; }

struct Case {
  std::string name;
  std::optional<bool> expected;
  std::string explanation_part;  // a piece of the English sentence
};

TEST(DatagovChecks, NamesRoundTripAndOrderIsDataGovTw) {
  std::vector<std::string> names;
  for (auto id : kDatagovCheckIds) {
    names.emplace_back(DatagovCheckName(id));
    EXPECT_EQ(ParseDatagovCheckName(DatagovCheckName(id)), id);
  }
  EXPECT_THAT(names, ::testing::ElementsAre("linkable", "downloadable", "structure", "encoding_match", "desc_match",
                                            "csv"));
  EXPECT_EQ(ParseDatagovCheckName("Linkable"), std::nullopt);
  EXPECT_EQ(ParseDatagovCheckName(""), std::nullopt);
}

TEST(DatagovChecks, LinkableAndDownloadableFollowTheLinkResult) {
  struct LinkCase {
    std::string name;
    json::object link;
    std::optional<bool> linkable, downloadable;
    std::string linkable_text, downloadable_text;
  };
  json::object uploaded = Link(true, true, "uploaded", 0, "");
  uploaded["uploaded"] = true;
  std::vector<LinkCase> cases = {
      {"file", Link(true, true, "file", 200), true, true, "HTTP 200", "(text/csv)"},
      {"404", Link(false, false, "http-status", 404), false, false, "HTTP 404", "link does not work"},
      {"refused", Link(false, false, "connect", 0), false, false, "connection was refused", "link does not work"},
      {"landing page", Link(true, false, "html-landing-page", 200, "text/html"), true, false, "HTTP 200", "web page"},
      {"empty", Link(true, false, "empty", 200), true, false, "HTTP 200", "empty file"},
      {"uploaded", uploaded, true, true, "served by this platform", "directly from this platform"},
  };
  for (const auto& c : cases) {
    DatagovInputs in;
    in.link = &c.link;
    in.link_checked_at = "2026-11-27T10:00:00.000Z";
    auto out = EvaluateDatagovChecks(in);
    const auto& l = Get(out, DatagovCheckId::kLinkable);
    const auto& d = Get(out, DatagovCheckId::kDownloadable);
    EXPECT_EQ(l.pass, c.linkable) << c.name;
    EXPECT_EQ(d.pass, c.downloadable) << c.name;
    EXPECT_THAT(l.explanation_en, HasSubstr(c.linkable_text)) << c.name;
    EXPECT_THAT(d.explanation_en, HasSubstr(c.downloadable_text)) << c.name;
    EXPECT_FALSE(l.explanation_zh.empty());
    EXPECT_EQ(l.checked_at, "2026-11-27T10:00:00.000Z");
    EXPECT_EQ(l.evidence.at("status"), c.link.at("status")) << c.name;
    // Without a report every contents check is undecided.
    for (auto id : {DatagovCheckId::kStructure, DatagovCheckId::kEncodingMatch, DatagovCheckId::kDescMatch,
                    DatagovCheckId::kCsv})
      EXPECT_EQ(Get(out, id).pass, std::nullopt) << c.name << " " << DatagovCheckName(id);
  }
}

TEST(DatagovChecks, StructureIsAMachineReadableFormat) {
  struct S {
    std::string format;
    std::optional<bool> machine_readable;
    std::optional<bool> expected;
  };
  std::vector<S> cases = {
      {"csv", true, true},   {"json", std::nullopt, true}, {"xlsx", std::nullopt, true}, {"xml", true, true},
      {"pdf", false, false}, {"pdf", std::nullopt, false},  {"html", false, false},     {"unknown", std::nullopt, false},
      {"", std::nullopt, std::nullopt},
  };
  for (const auto& c : cases) {
    auto report = Report(c.format, "utf-8", {"a"}, c.machine_readable);
    DatagovInputs in;
    in.contents = &report;
    in.contents_checked_at = "2026-11-27T11:00:00.000Z";
    const auto s = Get(EvaluateDatagovChecks(in), DatagovCheckId::kStructure);
    EXPECT_EQ(s.pass, c.expected) << c.format;
    EXPECT_EQ(s.checked_at, "2026-11-27T11:00:00.000Z");
  }
}

TEST(DatagovChecks, EncodingMatchComparesDeclaredWithDetected) {
  struct E {
    std::string declared, detected, format;
    std::optional<bool> expected;
    std::string text;
  };
  std::vector<E> cases = {
      {"UTF-8", "utf-8", "csv", true, "matches"},
      {"utf8", "utf-8", "csv", true, "matches"},
      {"UTF-8", "big5", "csv", false, "Declared as UTF-8, but the file is BIG5"},
      {"Big5", "cp950", "csv", true, "matches"},
      {"CP950", "big5", "csv", true, "matches"},
      {"Big5", "utf-8", "csv", false, "but the file is UTF-8"},
      {"", "utf-8", "csv", false, "No encoding is declared"},
      {"UTF-16", "utf-16le", "csv", true, "matches"},
      {"UTF-8", "unknown", "csv", std::nullopt, "could not be determined"},
      {"UTF-8", "", "xlsx", std::nullopt, "Not applicable"},
      {"UTF-8", "utf-8", "pdf", std::nullopt, "Not applicable"},
  };
  for (const auto& c : cases) {
    auto report = Report(c.format, c.detected.empty() ? std::nullopt : std::optional(c.detected), {"a"});
    DatagovInputs in;
    in.contents = &report;
    in.declared = Declared("CSV", c.declared, {"a"});
    const auto e = Get(EvaluateDatagovChecks(in), DatagovCheckId::kEncodingMatch);
    EXPECT_EQ(e.pass, c.expected) << c.declared << " vs " << c.detected;
    EXPECT_THAT(e.explanation_en, HasSubstr(c.text)) << c.declared << " vs " << c.detected;
    EXPECT_EQ(e.evidence.at("declared"), json::value(c.declared));
  }
}

TEST(DatagovChecks, EncodingMatchUsesTheReportsVerdictForTheSameDeclaration) {
  // The engine knows the sample was pure ASCII: "Big5" is then right for it.
  auto report = Report("csv", "utf-8", {"a"});
  report["encoding"].as_object()["declared"] = "big5";
  report["encoding"].as_object()["matches"] = true;
  DatagovInputs in;
  in.contents = &report;
  in.declared = Declared("CSV", "BIG5", {"a"});
  const auto e = Get(EvaluateDatagovChecks(in), DatagovCheckId::kEncodingMatch);
  EXPECT_EQ(e.pass, true);
  EXPECT_EQ(e.evidence.at("basis"), "report");
  // The declaration changed since the check: compared by name instead.
  in.declared.encoding = "GB2312";
  const auto again = Get(EvaluateDatagovChecks(in), DatagovCheckId::kEncodingMatch);
  EXPECT_EQ(again.pass, false);
  EXPECT_EQ(again.evidence.at("basis"), "names");
}

TEST(DatagovChecks, DescMatchComparesFieldNamesWithTheHeader) {
  struct D {
    std::string name;
    std::vector<std::string> declared, header;
    std::optional<bool> expected;
    std::string text;
  };
  std::vector<D> cases = {
      {"same", {"序號", "機構名稱", "電話"}, {"序號", "機構名稱", "電話"}, true, "3 declared field names match"},
      {"other order", {"電話", "序號"}, {"序號", "電話"}, true, "match"},
      {"spaces and case", {" Name ", "ID"}, {"name", "id\xE3\x80\x80"}, true, "match"},
      {"renamed", {"序號", "村里別"}, {"序號", "村里"}, false, "1 declared not in the file, 1 in the file not declared"},
      {"extra column", {"a"}, {"a", "b"}, false, "0 declared not in the file, 1 in the file not declared"},
      {"no dictionary", {}, {"a"}, false, "declares no field names"},
      {"duplicates count", {"a", "a"}, {"a", "b"}, false, "1 declared not in the file"},
  };
  for (const auto& c : cases) {
    auto report = Report("csv", "utf-8", c.header);
    DatagovInputs in;
    in.contents = &report;
    in.declared = Declared("CSV", "UTF-8", c.declared);
    const auto d = Get(EvaluateDatagovChecks(in), DatagovCheckId::kDescMatch);
    EXPECT_EQ(d.pass, c.expected) << c.name;
    EXPECT_THAT(d.explanation_en, HasSubstr(c.text)) << c.name;
  }
}

TEST(DatagovChecks, DescMatchSeesTheBlankLabelNotTheInferredName) {
  // As in the demo's messy CSV: the 4th header cell is blank; inference named it field4.
  auto report = Report("csv", "utf-8", {"序號", "名稱", "地址", "field4"});
  report["errors"] = json::array{json::object{{"type", "blank-label"}, {"rowNumber", nullptr}, {"fieldNumber", 4}}};
  DatagovInputs in;
  in.contents = &report;
  in.declared = Declared("CSV", "UTF-8", {"序號", "名稱", "地址", "村里別"});
  const auto d = Get(EvaluateDatagovChecks(in), DatagovCheckId::kDescMatch);
  EXPECT_EQ(d.pass, false);
  EXPECT_EQ(d.evidence.at("missing_in_file"), (json::array{"村里別"}));
  EXPECT_EQ(d.evidence.at("not_declared"), (json::array{""}));
  EXPECT_EQ(d.evidence.at("blank_label_positions"), (json::array{4}));
  EXPECT_EQ(d.evidence.at("header").as_array().at(3), "");
}

TEST(DatagovChecks, DescMatchDoesNotApplyToFilesWithoutAHeader) {
  for (std::string format : {"json", "pdf", "xml"}) {
    auto report = Report(format, "utf-8", {});
    DatagovInputs in;
    in.contents = &report;
    in.declared = Declared("CSV", "UTF-8", {"a"});
    const auto d = Get(EvaluateDatagovChecks(in), DatagovCheckId::kDescMatch);
    EXPECT_EQ(d.pass, std::nullopt) << format;
    EXPECT_EQ(d.evidence.at("reason"), "not-tabular");
  }
  auto report = Report("csv", "utf-8", {"field1"});
  report["dialect"].as_object()["header"] = false;
  DatagovInputs in;
  in.contents = &report;
  in.declared = Declared("CSV", "UTF-8", {"a"});
  EXPECT_EQ(Get(EvaluateDatagovChecks(in), DatagovCheckId::kDescMatch).evidence.at("reason"), "no-header");
}

TEST(DatagovChecks, CsvIsThisFileOrASiblingResource) {
  auto csv = Report("csv", "utf-8", {"a"});
  auto json_report = Report("json", "utf-8", {});
  struct C {
    std::string name;
    const json::object* report;
    std::vector<DatagovSibling> siblings;
    std::optional<bool> expected;
    std::string basis;
  };
  std::vector<C> cases = {
      {"this file", &csv, {}, true, "this-file"},
      {"json alone", &json_report, {}, false, "none"},
      {"json with checked csv sibling", &json_report, {{"s1", "JSON", ""}, {"s2", "CSV", "csv"}}, true, "sibling-checked"},
      {"json with declared csv sibling", &json_report, {{"s3", "text/csv", ""}}, true, "sibling-declared"},
      {"sibling declared csv but found pdf", &json_report, {{"s4", "CSV", "pdf"}}, false, "none"},
      {"no report, no sibling", nullptr, {}, std::nullopt, ""},
  };
  for (const auto& c : cases) {
    DatagovInputs in;
    in.contents = c.report;
    in.declared = Declared("JSON", "UTF-8", {"a"});
    in.declared.siblings = c.siblings;
    const auto r = Get(EvaluateDatagovChecks(in), DatagovCheckId::kCsv);
    EXPECT_EQ(r.pass, c.expected) << c.name;
    if (!c.basis.empty()) EXPECT_EQ(r.evidence.at("basis"), json::value(c.basis)) << c.name;
  }
}

TEST(DatagovChecks, NothingMeasuredMeansEveryCheckIsUnknownAndSaysWhy) {
  auto out = EvaluateDatagovChecks({});
  for (const auto& c : out) {
    EXPECT_EQ(c.pass, std::nullopt) << DatagovCheckName(c.id);
    EXPECT_THAT(c.explanation_en, HasSubstr("not been checked yet")) << DatagovCheckName(c.id);
    EXPECT_THAT(c.explanation_zh, HasSubstr("尚未檢測"));
    EXPECT_EQ(c.checked_at, "");
  }
}

TEST(DatagovChecks, AnUnreadableFileLeavesContentsChecksUndecidedWithTheFailure) {
  json::object failure{{"kind", "http-status"}, {"status", 404}};
  DatagovInputs in;
  in.contents_failure = &failure;
  in.contents_checked_at = "2026-11-27T12:00:00.000Z";
  auto out = EvaluateDatagovChecks(in);
  // The csv check still passes through a sibling, at the time of this (failed) check.
  in.declared.siblings = {{"s1", "CSV", "csv"}};
  auto with_sibling = EvaluateDatagovChecks(in);
  EXPECT_EQ(Get(with_sibling, DatagovCheckId::kCsv).pass, true);
  EXPECT_EQ(Get(with_sibling, DatagovCheckId::kCsv).checked_at, "2026-11-27T12:00:00.000Z");
  for (auto id : {DatagovCheckId::kStructure, DatagovCheckId::kEncodingMatch, DatagovCheckId::kDescMatch}) {
    const auto& c = Get(out, id);
    EXPECT_EQ(c.pass, std::nullopt);
    EXPECT_EQ(c.evidence.at("reason"), "file-unreadable");
    EXPECT_EQ(c.evidence.at("failure").at("status"), 404);
    EXPECT_EQ(c.checked_at, "2026-11-27T12:00:00.000Z");
    EXPECT_THAT(c.explanation_zh, HasSubstr("無法讀取檔案"));
  }
}

TEST(DatagovChecks, MalformedInputsAreUndecidedNotCrashes) {
  // Every field of the wrong JSON type.
  std::vector<json::object> bad_links = {
      Parse(R"({})"),
      Parse(R"({"linkable": "yes", "downloadable": 1, "status": "200", "chain": {}, "error": []})"),
      Parse(R"({"linkable": true})"),  // downloadable missing
      Parse(R"({"linkable": null, "downloadable": null, "status": 1e300, "reason": 7})"),
  };
  std::vector<json::object> bad_reports = {
      Parse(R"({})"),
      Parse(R"({"format": "csv", "encoding": [], "schema": 3, "errors": {}})"),
      Parse(R"({"format": {"detected": 5}, "encoding": {"detected": true}})"),
      Parse(R"({"format": {"detected": "csv"}, "schema": {"fields": [1, {"name": 2}]},
                "errors": [{"type": "blank-label", "fieldNumber": 99}, {"type": "blank-label", "fieldNumber": -1}, 7]})"),
      Parse(R"({"format": {"detected": "csv"}, "schema": {"fields": [{"name": "a"}]},
                "errors": [{"type": "blank-label", "fieldNumber": 18446744073709551615}]})"),
  };
  for (const auto& link : bad_links) {
    for (const auto& report : bad_reports) {
      DatagovInputs in;
      in.link = &link;
      in.contents = &report;
      in.declared = Declared("CSV", "UTF-8", {"a"});
      auto out = EvaluateDatagovChecks(in);
      for (const auto& c : out) {
        EXPECT_FALSE(c.explanation_en.empty());
        EXPECT_FALSE(c.explanation_zh.empty());
      }
      EXPECT_EQ(Get(out, DatagovCheckId::kLinkable).pass.has_value(), link.contains("linkable") &&
                                                                          link.at("linkable").is_bool());
    }
  }
  // The out-of-range label error is ignored; the one good label still matches.
  DatagovInputs in;
  in.contents = &bad_reports[4];
  in.declared = Declared("CSV", "UTF-8", {"a"});
  EXPECT_EQ(Get(EvaluateDatagovChecks(in), DatagovCheckId::kDescMatch).pass, true);
}

TEST(DatagovChecks, HugeHeadersKeepTheEvidenceSmall) {
  std::vector<std::string> header;
  for (int i = 0; i < 20'000; ++i) header.push_back("c" + std::to_string(i));
  auto report = Report("csv", "utf-8", header);
  DatagovInputs in;
  in.contents = &report;
  in.declared = Declared("CSV", "UTF-8", {"x"});
  const auto d = Get(EvaluateDatagovChecks(in), DatagovCheckId::kDescMatch);
  EXPECT_EQ(d.pass, false);
  EXPECT_LE(d.evidence.at("header").as_array().size(), 50u);
  EXPECT_EQ(d.evidence.at("header_count"), 20'000);
  EXPECT_LT(json::serialize(DatagovChecksToJson(EvaluateDatagovChecks(in))).size(), 20'000u);
}

TEST(DatagovChecks, JsonRoundTripAndDamagedEntries) {
  auto link = Link(true, true, "file", 200);
  auto report = Report("csv", "big5", {"a"});
  DatagovInputs in;
  in.link = &link;
  in.link_checked_at = "2026-11-27T10:00:00.000Z";
  in.contents = &report;
  in.contents_checked_at = "2026-11-27T11:00:00.000Z";
  in.declared = Declared("CSV", "UTF-8", {"a"});
  auto checks = EvaluateDatagovChecks(in);
  json::object j = DatagovChecksToJson(checks);
  EXPECT_EQ(j.at("encoding_match").at("pass"), false);
  EXPECT_EQ(j.at("linkable").at("checked_at"), "2026-11-27T10:00:00.000Z");
  EXPECT_EQ(j.at("csv").at("explanation").at("zh-TW"), "此資源為 CSV 檔案。");
  auto back = DatagovChecksFromJson(j);
  for (size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(back[i].pass, checks[i].pass);
    EXPECT_EQ(back[i].checked_at, checks[i].checked_at);
    EXPECT_EQ(back[i].explanation_en, checks[i].explanation_en);
    EXPECT_EQ(back[i].evidence, checks[i].evidence);
  }
  for (const char* damaged : {"null", "[]", "{\"linkable\": 5}", "{\"linkable\": {\"pass\": true}}"}) {
    auto parsed = DatagovChecksFromJson(json::parse(damaged));
    EXPECT_EQ(parsed[0].pass, std::nullopt) << damaged;
    EXPECT_THAT(parsed[0].explanation_en, HasSubstr("Unknown")) << damaged;
  }
}

TEST(DatagovChecks, NewestVerdictWinsPerCheck) {
  // A contents check made yesterday with yesterday's (working) link, and today's link
  // check that finds the link broken: the link verdicts come from today.
  auto old_link = Link(true, true, "file", 200);
  auto report = Report("csv", "utf-8", {"a"});
  DatagovInputs full;
  full.link = &old_link;
  full.link_checked_at = "2026-11-26T08:00:00.000Z";
  full.contents = &report;
  full.contents_checked_at = "2026-11-26T09:00:00.000Z";
  full.declared = Declared("CSV", "UTF-8", {"a"});
  auto new_link = Link(false, false, "http-status", 404);
  DatagovInputs link_only;
  link_only.link = &new_link;
  link_only.link_checked_at = "2026-11-27T08:00:00.000Z";
  auto merged = NewestDatagovChecks(EvaluateDatagovChecks(full), EvaluateDatagovChecks(link_only));
  EXPECT_EQ(Get(merged, DatagovCheckId::kLinkable).pass, false);
  EXPECT_EQ(Get(merged, DatagovCheckId::kLinkable).checked_at, "2026-11-27T08:00:00.000Z");
  EXPECT_EQ(Get(merged, DatagovCheckId::kStructure).pass, true);
  EXPECT_EQ(Get(merged, DatagovCheckId::kDescMatch).pass, true);
  // Order of arguments does not matter.
  auto other = NewestDatagovChecks(EvaluateDatagovChecks(link_only), EvaluateDatagovChecks(full));
  for (size_t i = 0; i < merged.size(); ++i) EXPECT_EQ(merged[i].pass, other[i].pass) << i;
}

}  // namespace
}  // namespace pintu::quality
