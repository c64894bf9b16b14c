// CheckFile end to end on the authored fixtures: what a user of `pintu check` sees for
// each kind of file — encodings, formats, dialects, Taiwan findings, archives, hostile input.
#include "quality/check_file.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "quality/archive_writer.h"
#include "quality/fixtures.h"
#include "quality/hashing_source.h"
#include "quality/table_schema.h"
#include "support/temp_dir.h"

namespace pintu::quality {
namespace {

namespace json = boost::json;

Report MustCheck(const std::string& fixture, FileFacts facts = {}, CheckOptions options = {}) {
  auto report = CheckFile(test::FixturePath(fixture), facts, options);
  EXPECT_TRUE(report) << fixture << ": " << report.error().message;
  return report ? std::move(*report) : Report{};
}

bool HasError(const Report& r, std::string_view type) {
  return std::any_of(r.errors.begin(), r.errors.end(), [&](const ReportError& e) { return e.type == type; });
}

const ReportWarning* FindWarning(const Report& r, std::string_view type) {
  for (const ReportWarning& w : r.warnings) {
    if (w.type == type) return &w;
  }
  return nullptr;
}

std::string FieldType(const Report& r, std::size_t index) {
  if (!r.schema) return "(no schema)";
  return std::string(r.schema->at("fields").as_array().at(index).as_object().at("type").as_string());
}

std::string FieldName(const Report& r, std::size_t index) {
  if (!r.schema) return "(no schema)";
  return std::string(r.schema->at("fields").as_array().at(index).as_object().at("name").as_string());
}

TEST(CheckFile, Utf8CsvIsValidWithStatsProfileAndInferredSchema) {
  const Report r = MustCheck("utf8.csv");
  EXPECT_TRUE(r.valid);
  EXPECT_EQ(r.encoding.detected, "utf-8");
  EXPECT_FALSE(r.encoding.bom);
  EXPECT_EQ(r.format.detected, "csv");
  EXPECT_EQ(r.stats.rows, 2u);
  EXPECT_EQ(r.stats.fields, 2u);
  const std::string bytes = test::ReadFixture("utf8.csv");
  EXPECT_EQ(r.stats.bytes, bytes.size());
  EXPECT_EQ(r.stats.sha256, HashBytes(bytes).sha256);
  EXPECT_EQ(r.stats.md5, HashBytes(bytes).md5);
  ASSERT_TRUE(r.profile);
  EXPECT_EQ(r.profile->at("fields").as_array().size(), 2u);
  EXPECT_TRUE(r.schema_inferred);
  EXPECT_EQ(FieldName(r, 0), "名稱");
  EXPECT_EQ(FieldType(r, 0), "string");
}

TEST(CheckFile, ByteOrderMarkIsReportedAndNotPartOfTheFirstLabel) {
  const Report r = MustCheck("utf8-bom.csv");
  EXPECT_TRUE(r.valid);
  EXPECT_EQ(r.encoding.detected, "utf-8");
  EXPECT_TRUE(r.encoding.bom);
  EXPECT_EQ(r.encoding.method, "bom");
  EXPECT_EQ(FieldName(r, 0), "名稱");
}

TEST(CheckFile, LegacyEncodingsAreDetectedAndReadAsText) {
  struct Case {
    const char* fixture;
    const char* encoding;
    std::uint64_t rows;
    const char* first_label;
  };
  for (const Case& c : {Case{"big5.csv", "big5", 2, "縣市"}, Case{"cp950.csv", "cp950", 2, "名稱"},
                        Case{"big5-hkscs.csv", "big5-hkscs", 2, "地區"}, Case{"gb18030.csv", "gb18030", 5, "城市"},
                        Case{"utf16le-bom.csv", "utf-16le", 2, "名稱"}, Case{"utf16be-bom.csv", "utf-16be", 2, "名稱"}}) {
    const Report r = MustCheck(c.fixture);
    EXPECT_EQ(r.encoding.detected, c.encoding) << c.fixture;
    EXPECT_TRUE(r.valid) << c.fixture << ": " << (r.errors.empty() ? "" : r.errors[0].message);
    EXPECT_EQ(r.stats.rows, c.rows) << c.fixture;
    EXPECT_EQ(FieldName(r, 0), c.first_label) << c.fixture;
  }
}

TEST(CheckFile, Big5DeclaredAsUtf8IsAMismatchWithEvidence) {
  const Report r = MustCheck("big5.csv", FileFacts{.declared_encoding = "UTF-8"});
  EXPECT_EQ(r.encoding.detected, "big5");
  EXPECT_EQ(r.encoding.declared, "utf-8");
  EXPECT_EQ(r.encoding.matches, false);
  ASSERT_FALSE(r.encoding.rejected.empty());
  EXPECT_EQ(r.encoding.rejected[0].first, "utf-8");
  EXPECT_EQ(r.encoding.rejected[0].second, 0u) << "縣 is not UTF-8 from its first byte";
  const Report declared_right = MustCheck("big5.csv", FileFacts{.declared_encoding = "Big5"});
  EXPECT_EQ(declared_right.encoding.matches, true);
}

TEST(CheckFile, TwoBig5CharactersAreBig5NotWindows1252) {
  const Report r = MustCheck("two-chars-big5.txt");
  EXPECT_EQ(r.encoding.detected, "big5");
  EXPECT_EQ(r.stats.fields, 1u);
  const Report one_line = MustCheck("one-line-zh.csv");
  EXPECT_TRUE(one_line.valid);
  EXPECT_EQ(one_line.stats.rows, 0u);
  EXPECT_EQ(one_line.stats.fields, 3u);
}

TEST(CheckFile, CrlfAndQuotedNewlinesKeepFrictionlessRowNumbers) {
  // The fixture has an empty line (CRLF CRLF) after its first data row: Frictionless counts
  // it as row 3, a blank row.
  const Report crlf = MustCheck("crlf.csv");
  ASSERT_EQ(crlf.errors.size(), 1u);
  EXPECT_EQ(crlf.errors[0].type, "blank-row");
  EXPECT_EQ(crlf.errors[0].row_number, 3u);
  EXPECT_EQ(crlf.stats.rows, 3u);
  EXPECT_EQ(FieldName(crlf, 1), "name") << "no carriage return left in the last label";
  const Report quoted = MustCheck("quoted-newlines.csv");
  EXPECT_TRUE(quoted.valid) << (quoted.errors.empty() ? "" : quoted.errors[0].message);
  // Every data row of the fixture is one record, however many lines its cells span.
  const std::string text = test::ReadFixture("quoted-newlines.csv");
  EXPECT_LT(quoted.stats.rows, static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n')) - 1);
}

TEST(CheckFile, TabSeparatedCsvIsReadAsTsvAndFlagged) {
  const Report r = MustCheck("tab-separated.csv");
  EXPECT_TRUE(r.valid);
  EXPECT_EQ(r.dialect.delimiter, '\t');
  EXPECT_EQ(r.format.detected, "tsv");
  EXPECT_EQ(r.format.declared, "csv");
  EXPECT_NE(FindWarning(r, "tab-separated-csv"), nullptr);
  EXPECT_GE(r.stats.fields, 2u);
}

TEST(CheckFile, RocDatesAndFullWidthDigitsAreTaiwanWarnings) {
  const Report r = MustCheck("roc-dates.csv");
  const ReportWarning* roc = FindWarning(r, "roc-date");
  ASSERT_NE(roc, nullptr);
  EXPECT_EQ(roc->row_number, 2u);
  ASSERT_TRUE(roc->details);
  EXPECT_EQ(roc->details->at("fieldName").as_string(), "日期");
  EXPECT_TRUE(roc->details->contains("hintZh"));
  const ReportWarning* wide = FindWarning(r, "full-width-characters");
  ASSERT_NE(wide, nullptr);
  EXPECT_EQ(wide->details->at("fieldName").as_string(), "床數");
  EXPECT_EQ(FieldType(r, 0), "string") << "ROC dates are not ISO dates";
}

TEST(CheckFile, RadicalsWhereHanCharactersBelongAreFound) {
  const Report r = MustCheck("radicals.csv");
  const ReportWarning* w = FindWarning(r, "cjk-compatibility-character");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->row_number, 2u);
  EXPECT_NE(w->message_zh.find("長"), std::string::npos) << w->message_zh;
}

TEST(CheckFile, NationalIdNumbersAreFlaggedAndNeverEchoed) {
  const Report r = MustCheck("personal-data.csv");
  ASSERT_NE(FindWarning(r, "personal-data-national-id"), nullptr);
  ASSERT_NE(FindWarning(r, "personal-data-phone"), nullptr);
  const std::string text = json::serialize(ReportToJson(r));
  EXPECT_EQ(text.find("A123456789"), std::string::npos) << "the report must not repeat personal data";
  EXPECT_EQ(text.find("0912345678"), std::string::npos);
  const json::object& id_column = r.profile->at("fields").as_array()[1].as_object();
  EXPECT_EQ(id_column.at("redacted").as_string(), "personal-data");
  EXPECT_FALSE(id_column.contains("top"));
  EXPECT_EQ(r.profile->at("fields").as_array()[0].as_object().count("top"), 1u) << "other columns keep their values";
}

TEST(CheckFile, PdfRenamedCsvIsAFormatErrorAndAMismatch) {
  const Report r = MustCheck("pdf-renamed.csv");
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasError(r, "format-error"));
  EXPECT_EQ(r.format.detected, "pdf");
  EXPECT_EQ(r.format.declared, "csv");
  EXPECT_EQ(r.format.matches, false);
  EXPECT_EQ(r.format.machine_readable, false);
  EXPECT_NE(FindWarning(r, "format-mismatch"), nullptr);
  EXPECT_TRUE(r.stats.sha256.has_value());
}

TEST(CheckFile, OtherFormatsAreReportedForWhatTheyAre) {
  const Report page = MustCheck("page.html");
  EXPECT_FALSE(page.valid);
  EXPECT_EQ(page.format.detected, "html");
  EXPECT_NE(page.errors.at(0).note.find("HTML"), std::string::npos);

  const Report sheet = MustCheck("sheet.xlsx");
  EXPECT_TRUE(sheet.valid);
  EXPECT_EQ(sheet.format.detected, "xlsx");
  EXPECT_NE(FindWarning(sheet, "cells-not-read"), nullptr);

  const Report plain = MustCheck("plain.json");
  EXPECT_TRUE(plain.valid);
  EXPECT_EQ(plain.format.detected, "json");
  const Report geo = MustCheck("geo.json");
  EXPECT_TRUE(geo.valid);
  EXPECT_EQ(geo.format.detected, "geojson");
  const Report xml = MustCheck("feed.xml");
  EXPECT_TRUE(xml.valid);
  EXPECT_EQ(xml.format.detected, "xml");
}

TEST(CheckFile, BrokenJsonSaysWhere) {
  auto r = CheckBytes("[{\"id\": 1, \"name\": \"a\"}, {\"id\": 2,, }]", FileFacts{.file_name = "x.json"}, {});
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->valid);
  ASSERT_TRUE(HasError(*r, "format-error"));
  EXPECT_NE(r->errors[0].note.find("byte offset 34"), std::string::npos) << r->errors[0].note;
  EXPECT_FALSE(r->errors[0].message_zh.empty());

  auto deep = CheckBytes(std::string(100000, '[') + std::string(100000, ']'), FileFacts{.file_name = "deep.json"}, {});
  ASSERT_TRUE(deep);
  EXPECT_FALSE(deep->valid) << "nesting beyond the limit is refused, not followed";
}

TEST(CheckFile, EmptyFileIsReportedNotCrashed) {
  const Report r = MustCheck("empty.csv");
  EXPECT_EQ(r.stats.bytes, 0u);
  EXPECT_EQ(r.stats.rows, 0u);
  EXPECT_EQ(r.encoding.detected, "utf-8");
}

TEST(CheckFile, TruncatedBig5IsAnEncodingErrorWithItsOffset) {
  const Report r = MustCheck("truncated-big5.csv");
  EXPECT_EQ(r.encoding.detected, "big5");
  ASSERT_TRUE(HasError(r, "encoding-error"));
  const std::string size = std::to_string(test::ReadFixture("truncated-big5.csv").size() - 1);
  EXPECT_NE(r.errors[0].note.find("byte offset " + size), std::string::npos) << r.errors[0].note;
}

TEST(CheckFile, Utf8FileWithOneBadByteGetsAnEncodingErrorAtThatByte) {
  std::string text = "名稱,數量\n";
  for (int i = 0; i < 50; ++i) text += "長期照顧,1\n";
  const std::size_t at = text.size();
  text += "壞\xFF,2\n";
  auto r = CheckBytes(text, FileFacts{.file_name = "bad.csv"}, {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->encoding.detected, "utf-8");
  ASSERT_TRUE(HasError(*r, "encoding-error"));
  EXPECT_NE(r->errors[0].note.find("byte offset " + std::to_string(at + 3)), std::string::npos) << r->errors[0].note;
}

TEST(CheckFile, GzipAndZipAreUnpackedAndTheInnerNameCounts) {
  pintu::test::TempDir dir;
  const std::string csv = "縣市,人口\n臺北市,2494813\n";
  ASSERT_TRUE(test::WriteGzip(dir.File("people.csv.gz"), test::Bytes(csv)));
  auto gz = CheckFile(dir.File("people.csv.gz"), {}, {});
  ASSERT_TRUE(gz) << gz.error().message;
  EXPECT_TRUE(gz->valid);
  EXPECT_EQ(gz->format.compression, "gzip");
  EXPECT_EQ(gz->format.declared, "csv");
  EXPECT_EQ(gz->stats.rows, 1u);
  EXPECT_EQ(gz->stats.sha256, HashBytes(csv).sha256) << "digests are of the unpacked content";

  const Report zip = MustCheck("big5-in.zip");
  EXPECT_EQ(zip.format.compression, "zip");
  EXPECT_FALSE(zip.format.member.empty());
  EXPECT_EQ(zip.encoding.detected, "big5");
}

TEST(CheckFile, ZipBombIsRefusedNotUnpacked) {
  pintu::test::TempDir dir;
  ASSERT_TRUE(test::WriteZip(dir.File("bomb.zip"),
                             {{"zeros.csv", test::Repeat(std::string(1 << 20, '0'), 1ULL << 30)}}, 9));
  auto r = CheckFile(dir.File("bomb.zip"), {}, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
}

TEST(CheckFile, GivenSchemaIsUsedAndInferredSchemaValidatesItsOwnFile) {
  auto schema = ParseTableSchema(test::ReadFixture("schema-errors.schema.json"));
  ASSERT_TRUE(schema) << schema.error().message;
  CheckOptions with_schema;
  with_schema.validator.schema = *schema;
  const Report r = MustCheck("schema-errors.csv", {}, with_schema);
  EXPECT_FALSE(r.valid);
  EXPECT_FALSE(r.schema_inferred);

  // Inferring from the data and validating the same data with the result finds nothing.
  for (const char* fixture : {"roc-dates.csv", "utf8.csv", "big5.csv", "personal-data.csv"}) {
    const Report first = MustCheck(fixture);
    ASSERT_TRUE(first.schema) << fixture;
    auto inferred = TableSchemaFromJson(*first.schema);
    ASSERT_TRUE(inferred) << fixture << ": " << inferred.error().message;
    CheckOptions again;
    again.validator.schema = *inferred;
    const Report second = MustCheck(fixture, {}, again);
    EXPECT_TRUE(second.valid) << fixture << ": " << (second.errors.empty() ? "" : second.errors[0].message);
  }
}

TEST(CheckFile, NumbersAndDatesAreInferred) {
  std::string text = "id,金額,日期,備註\n";
  for (int i = 1; i <= 300; ++i) {
    text += std::to_string(i) + "," + std::to_string(i * 1.5) + ",2024-01-" + (i % 28 < 9 ? "0" : "") +
            std::to_string(i % 28 + 1) + "," + (i % 3 == 0 ? "" : "x") + "\n";
  }
  auto r = CheckBytes(text, FileFacts{.file_name = "t.csv"}, {});
  ASSERT_TRUE(r);
  EXPECT_EQ(FieldType(*r, 0), "integer");
  EXPECT_EQ(FieldType(*r, 1), "number");
  EXPECT_EQ(FieldType(*r, 2), "date");
  EXPECT_EQ(FieldType(*r, 3), "string");
  const json::object& id = r->schema->at("fields").as_array()[0].as_object();
  EXPECT_TRUE(id.at("constraints").at("unique").as_bool()) << "the id column is a key candidate";
  const json::object& note = r->schema->at("fields").as_array()[3].as_object();
  EXPECT_FALSE(note.contains("constraints")) << "a column with empty cells is not required";
}

// Profiling on a second thread (rows handed over in batches) gives exactly the same report
// as profiling in line, over many batches.
TEST(CheckFile, ThreadedProfileEqualsInlineProfile) {
  std::string text = "id,名稱,日期,金額,電話\n";
  for (int i = 1; i <= 60000; ++i) {
    text += std::to_string(i) + ",機構" + std::to_string(i % 977) + "," + (i % 5 ? "2024-02-03" : "113/02/03") + "," +
            std::to_string(i % 13 * 1.25) + "," + (i % 1000 == 0 ? "0912345678" : "02-2345-6789") + "\n";
  }
  CheckOptions threaded, inline_profile;
  inline_profile.profile_thread = false;
  auto a = CheckBytes(text, FileFacts{.file_name = "t.csv"}, threaded);
  auto b = CheckBytes(text, FileFacts{.file_name = "t.csv"}, inline_profile);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(json::serialize(ReportToJson(*a)), json::serialize(ReportToJson(*b)));
  EXPECT_EQ(a->profile->at("rows").to_number<std::int64_t>(), 60000);
  EXPECT_NE(FindWarning(*a, "roc-date"), nullptr);
}

TEST(CheckFile, ProgressReachesTheTotal) {
  pintu::test::TempDir dir;
  std::string text = "a,b\n";
  while (text.size() < (10u << 20)) text += "12345,長期照顧服務\n";
  {
    std::ofstream out(dir.File("big.csv"), std::ios::binary);
    out << text;
  }
  std::vector<std::uint64_t> seen;
  CheckOptions options;
  options.progress = [&](std::uint64_t done, std::optional<std::uint64_t> total) {
    EXPECT_EQ(total, text.size());
    seen.push_back(done);
  };
  auto r = CheckFile(dir.File("big.csv"), {}, options);
  ASSERT_TRUE(r);
  ASSERT_GE(seen.size(), 2u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(seen.back(), text.size());
  EXPECT_EQ(r->stats.bytes, text.size());
}

TEST(CheckFile, HostileInputEndsInAReport) {
  // Binary garbage.
  std::string garbage;
  for (int i = 0; i < 100000; ++i) garbage.push_back(static_cast<char>((i * 7919) & 0xFF));
  auto g = CheckBytes(garbage, FileFacts{.file_name = "g.csv"}, {});
  ASSERT_TRUE(g);
  EXPECT_FALSE(g->valid);

  // One record longer than the record limit.
  auto line = CheckBytes("a,b\n" + std::string(17u << 20, 'x'), FileFacts{.file_name = "line.csv"}, {});
  ASSERT_TRUE(line);
  EXPECT_FALSE(line->valid);
  EXPECT_TRUE(HasError(*line, "source-error"));

  // A million columns.
  std::string wide;
  for (int i = 0; i < 1000000; ++i) wide += "a,";
  auto w = CheckBytes(wide + "\n", FileFacts{.file_name = "wide.csv"}, {});
  ASSERT_TRUE(w);
  EXPECT_FALSE(w->valid);
  EXPECT_TRUE(HasError(*w, "source-error"));
}

TEST(CheckFile, MissingFileIsNotFound) {
  auto r = CheckFile("/nonexistent/pintu/none.csv", {}, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST(CheckFile, ForcedEncodingIsUsedAndSaidSo) {
  CheckOptions options;
  options.forced_encoding = "big5";
  const Report r = MustCheck("big5.csv", {}, options);
  EXPECT_EQ(r.encoding.detected, "big5");
  EXPECT_EQ(r.encoding.method, "forced");
  EXPECT_EQ(FieldName(r, 0), "縣市");
  CheckOptions bad;
  bad.forced_encoding = "no-such-encoding";
  const Report unknown = MustCheck("big5.csv", {}, bad);
  EXPECT_FALSE(unknown.valid);
  ASSERT_EQ(unknown.errors.size(), 1u);
  EXPECT_EQ(unknown.errors[0].type, "encoding-error");
  EXPECT_EQ(unknown.errors[0].note, "unknown encoding: no-such-encoding");
}

}  // namespace
}  // namespace pintu::quality
