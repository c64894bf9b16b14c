// Runs every case of ../shared/conformance/tabular/expected.tsv (frictionless-py's own
// expectations) through the CSV check and compares the projected error list
// [rowNumber, fieldNumber, type] element by element, the notes where asserted and the
// warnings. Skipped, saying so, when the shared folder is absent.
//
// Decoding is done here by a small shim until the encoding detector is integrated: a
// pinned `encoding` option is honoured with ICU (utf-8 strictly validated, ascii,
// latin1), a UTF-8 BOM is left to CsvCheck, and without a pinned encoding invalid UTF-8
// is read as windows-1252 (issue-811.csv). The dialect comes from DetectDialect unless
// `delimiter` is given.
#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/text.h"
#include "quality/check_file.h"
#include "quality/csv_check.h"
#include "quality/dialect.h"
#include "quality/table_schema.h"

namespace pintu::quality {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::optional<fs::path> ConformanceDir() {
  const char* shared = std::getenv("PINTU_SHARED_DIR");
  if (shared == nullptr) return std::nullopt;
  fs::path dir = fs::path(shared) / "conformance" / "tabular";
  if (!fs::exists(dir / "expected.tsv")) return std::nullopt;
  return dir;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

// The decoded text, or the encoding-error note (Python codec wording).
struct Decoded {
  std::string text;
  std::optional<std::string> error;
};

std::string FromCharset(const std::string& raw, const char* charset) {
  icu::UnicodeString u(raw.data(), static_cast<int32_t>(raw.size()), charset);
  std::string out;
  u.toUTF8String(out);
  return out;
}

Decoded Decode(const std::string& raw, const std::optional<std::string>& encoding) {
  if (!encoding) {
    if (raw.starts_with("\xEF\xBB\xBF") || IsValidUtf8(raw)) return {raw, {}};
    return {FromCharset(raw, "windows-1252"), {}};
  }
  if (*encoding == "utf-8") {
    const std::size_t bad = FirstInvalidUtf8(raw);
    if (bad == std::string::npos) return {raw, {}};
    const auto byte = static_cast<unsigned char>(raw[bad]);
    const bool start = byte < 0xC2 || byte > 0xF4;
    return {"", fmt::format("'utf-8' codec can't decode byte 0x{:02x} in position {}: {}", byte, bad,
                            start ? "invalid start byte" : "invalid continuation byte")};
  }
  if (*encoding == "ascii") {
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (static_cast<unsigned char>(raw[i]) >= 0x80) {
        return {"", fmt::format("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                                static_cast<unsigned char>(raw[i]), i)};
      }
    }
    return {raw, {}};
  }
  if (*encoding == "latin1") return {FromCharset(raw, "ISO-8859-1"), {}};
  return {"", "unknown encoding: " + *encoding};
}

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& item : v.as_array()) out.emplace_back(item.as_string());
  return out;
}

std::string Project(const Report& report) {
  json::array out;
  for (const ReportError& e : report.errors) {
    out.push_back(json::array{e.row_number ? json::value(*e.row_number) : json::value(nullptr),
                              e.field_number ? json::value(*e.field_number) : json::value(nullptr),
                              json::value(e.type)});
  }
  return json::serialize(out);
}

struct CaseResult {
  Report report;
  std::string failure;  // set when the case could not run
};

// The validator options a case asks for; "" or the reason they cannot be built.
std::string BuildValidatorOptions(const fs::path& dir, const json::object& options, ValidatorOptions& v) {
  if (const auto* s = options.if_contains("schema")) {
    auto schema = ParseTableSchema(ReadFile(dir / std::string(s->as_string())));
    if (!schema) return "schema: " + schema.error().message;
    v.schema = std::move(*schema);
  }
  if (const auto* s = options.if_contains("schema_sync")) v.schema_sync = s->as_bool();
  if (const auto* p = options.if_contains("pick")) v.pick = Strings(*p);
  if (const auto* p = options.if_contains("skip")) v.skip = Strings(*p);
  if (const auto* l = options.if_contains("limit_errors")) v.limit_errors = static_cast<std::size_t>(l->to_number<std::int64_t>());
  if (const auto* h = options.if_contains("header")) v.header = h->as_bool();
  if (const auto* c = options.if_contains("checks")) {
    for (const auto& item : c->as_array()) {
      if (item.as_object().at("type").as_string() == "duplicate-row") v.check_duplicate_rows = true;
    }
  }
  if (const auto* h = options.if_contains("hash")) v.expected_hash = std::string(h->as_string());
  if (const auto* b = options.if_contains("bytes")) v.expected_bytes = b->to_number<std::uint64_t>();
  if (const auto* r = options.if_contains("rows")) v.expected_rows = r->to_number<std::uint64_t>();
  return "";
}

CaseResult RunCase(const fs::path& dir, const std::string& fixture, const json::object& options) {
  CsvCheckOptions check;
  if (std::string failure = BuildValidatorOptions(dir, options, check.validator); !failure.empty()) return {{}, failure};
  std::optional<std::string> encoding;
  if (const auto* e = options.if_contains("encoding")) encoding = std::string(e->as_string());

  const std::string raw = ReadFile(dir / fixture);
  FileDigest digest;
  digest.Update(raw);
  const FileDigests digests = digest.Finish();
  const Decoded decoded = Decode(raw, encoding);

  if (const auto* d = options.if_contains("delimiter")) {
    check.dialect.delimiter = d->as_string()[0];
  } else {
    const std::string_view sample = std::string_view(decoded.text).substr(0, 64 * 1024);
    check.dialect = DetectDialect(sample, sample.size() == decoded.text.size()).dialect;
  }
  auto csv = CsvCheck::Create(check);
  if (!csv) return {{}, "create: " + csv.error().message};
  if (decoded.error) {
    csv->AddEncodingError(*decoded.error);
  } else {
    // Feed in uneven chunks so that records cross chunk boundaries.
    std::string_view text = decoded.text;
    std::size_t step = 7;
    while (!text.empty() && csv->Feed(text.substr(0, step))) {
      text.remove_prefix(std::min(step, text.size()));
      step = step * 3 % 4093 + 1;
    }
  }
  return {csv->Finish(&digests), ""};
}

// One line of expected.tsv.
struct ExpectedCase {
  int number = 0;             // 1-based, for messages
  std::string fixture;
  std::string options_text;   // as written in the file
  json::object options;
  std::string expected;       // the error list, serialized canonically
  std::string note, note_match;
  std::vector<std::string> warnings;
};

// Every case of expected.tsv, in order (the header line skipped).
std::vector<ExpectedCase> ExpectedCases(const fs::path& dir) {
  std::vector<ExpectedCase> cases;
  std::istringstream lines(ReadFile(dir / "expected.tsv"));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const auto cols = SplitTabs(line);
    EXPECT_GE(cols.size(), 6u) << line;
    if (cols.size() < 6) continue;
    ExpectedCase c;
    c.number = static_cast<int>(cases.size()) + 1;
    c.fixture = cols[0];
    c.options_text = cols[1];
    c.options = json::parse(cols[1]).as_object();
    c.expected = json::serialize(json::parse(cols[2]));
    c.note = cols[3];
    c.note_match = cols[4];
    c.warnings = Strings(json::parse(cols[5]));
    cases.push_back(std::move(c));
  }
  return cases;
}

TEST(TabularConformance, EveryExpectedLineGivesExactlyTheExpectedErrors) {
  const auto dir = ConformanceDir();
  if (!dir) GTEST_SKIP() << "conformance/tabular not found (set PINTU_SHARED_DIR); suite skipped";
  const std::vector<ExpectedCase> cases = ExpectedCases(*dir);
  for (const ExpectedCase& c : cases) {
    SCOPED_TRACE(fmt::format("case {}: {} {}", c.number, c.fixture, c.options_text));
    const std::string& expected = c.expected;
    const std::string& note = c.note;
    const auto& warnings = c.warnings;
    const CaseResult result = RunCase(*dir, c.fixture, c.options);
    ASSERT_EQ(result.failure, "");
    const Report& report = result.report;
    EXPECT_EQ(Project(report), expected);
    EXPECT_EQ(report.valid, expected == "[]");
    if (!note.empty() && report.errors.size() == 1) {
      if (c.note_match == "prefix") {
        EXPECT_EQ(report.errors[0].note.substr(0, note.size()), note);
      } else {
        EXPECT_EQ(report.errors[0].note, note);
      }
    }
    for (const std::string& w : warnings) {
      const bool found = std::any_of(report.warnings.begin(), report.warnings.end(),
                                     [&](const ReportWarning& rw) { return rw.message == w; });
      EXPECT_TRUE(found) << "missing warning: " << w;
    }
    if (warnings.empty()) {
      for (const ReportWarning& rw : report.warnings) EXPECT_NE(rw.type, "error-limit") << rw.message;
    }
  }
  EXPECT_EQ(cases.size(), 45u);
}

// The same cases through the whole pipeline of `pintu check` (CheckFile: sniffing,
// encoding detection — or the pinned encoding — dialect detection, streaming decode,
// profile): the error lists must be the same. Notes are not compared here: decoding errors
// are worded by Pintu's decoder, not by Python's codecs.
TEST(TabularConformance, ThroughCheckFileTheErrorListsAreTheSame) {
  const auto dir = ConformanceDir();
  if (!dir) GTEST_SKIP() << "conformance/tabular not found (set PINTU_SHARED_DIR); suite skipped";
  const std::vector<ExpectedCase> cases = ExpectedCases(*dir);
  for (const ExpectedCase& c : cases) {
    SCOPED_TRACE(fmt::format("case {}: {} {}", c.number, c.fixture, c.options_text));
    CheckOptions check;
    ASSERT_EQ(BuildValidatorOptions(*dir, c.options, check.validator), "");
    if (const auto* e = c.options.if_contains("encoding")) check.forced_encoding = std::string(e->as_string());
    if (const auto* d = c.options.if_contains("delimiter")) check.delimiter = d->as_string()[0];
    auto report = CheckFile((*dir / c.fixture).string(), FileFacts{}, check);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(Project(*report), c.expected);
    EXPECT_EQ(report->valid, c.expected == "[]");
  }
  EXPECT_EQ(cases.size(), 45u);
}

// Facts the suite states beside the error lists (the `status` column).
TEST(TabularConformance, StatsAndLabelsStatedByTheSuite) {
  const auto dir = ConformanceDir();
  if (!dir) GTEST_SKIP() << "conformance/tabular not found (set PINTU_SHARED_DIR); suite skipped";
  {
    const auto r = RunCase(*dir, "without-headers.csv", json::parse(R"({"header": false})").as_object()).report;
    EXPECT_EQ(r.stats.rows, 3u);
    ASSERT_TRUE(r.schema);
    EXPECT_EQ(json::serialize(r.schema->at("fields").as_array()[0].at("name")), "\"field1\"");
    EXPECT_EQ(json::serialize(r.schema->at("fields").as_array()[1].at("name")), "\"field2\"");
  }
  {
    const auto r = RunCase(*dir, "delimiter.csv", json::parse(R"({"delimiter": ";"})").as_object()).report;
    EXPECT_EQ(r.stats.rows, 2u);
  }
  {
    const auto r = RunCase(*dir, "delimiter.csv", json::object{}).report;
    EXPECT_EQ(r.dialect.delimiter, ';') << "the ; delimiter is detected without the option";
  }
  {
    const auto r = RunCase(*dir, "table.csv", json::parse(R"({"schema": "table.schema-id-only.json"})").as_object()).report;
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.errors[0].cell, "name");
  }
  {
    const auto r = RunCase(*dir, "bom.csv", json::object{}).report;
    EXPECT_TRUE(r.encoding.bom);
    ASSERT_TRUE(r.schema);
    EXPECT_EQ(r.schema->at("fields").as_array()[0].at("name").as_string(), "id");
  }
  {
    const auto r = RunCase(*dir, "issue-811.csv", json::object{}).report;
    EXPECT_EQ(r.dialect.delimiter, ';');
    EXPECT_EQ(r.stats.rows, 7904u);
    EXPECT_EQ(r.stats.fields, 26u);
  }
  {
    const auto r = RunCase(*dir, "nested-invalid.csv", json::parse(R"({"schema": "nested-invalid.schema.json"})").as_object()).report;
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].note, "for \"cat\": values \"6\" not found in the lookup table \"\" as \"id\"");
  }
}

}  // namespace
}  // namespace pintu::quality
