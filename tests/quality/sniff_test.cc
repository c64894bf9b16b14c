#include "quality/sniff.h"

#include <gtest/gtest.h>

#include <random>

#include "quality/archive_source.h"
#include "quality/byte_source.h"
#include "quality/fixtures.h"

namespace pintu::quality {
namespace {

SniffResult SniffFixture(const std::string& name, std::string_view content_type = {}) {
  std::string head = test::ReadFixture(name);
  SniffInput in{head, name, content_type, {}};
  if (head.starts_with("PK")) {
    auto source = MemorySource(head);
    if (auto members = ListZipMembers(*source)) {
      for (auto& m : *members) in.zip_members.push_back(m.name);
    }
  }
  return SniffFormat(in);
}

TEST(Sniff, RecognisesEachFixture) {
  struct Case {
    const char* file;
    FileFormat format;
    bool machine_readable;
  };
  const Case cases[] = {
      {"big5.csv", FileFormat::kCsv, true},          {"utf16le-bom.csv", FileFormat::kCsv, true},
      {"tabs.csv", FileFormat::kTsv, true},          {"one-line-zh.csv", FileFormat::kCsv, true},
      {"geo.json", FileFormat::kGeoJson, true},      {"plain.json", FileFormat::kJson, true},
      {"feed.xml", FileFormat::kXml, true},          {"page.html", FileFormat::kHtml, false},
      {"sheet.xlsx", FileFormat::kXlsx, true},       {"sheet.ods", FileFormat::kOds, true},
      {"ole2.xls", FileFormat::kXls, true},          {"pdf-renamed.csv", FileFormat::kPdf, false},
      {"big5-in.zip", FileFormat::kZip, false},      {"empty.csv", FileFormat::kEmpty, false},
      {"two-chars-big5.txt", FileFormat::kText, false},
  };
  for (const Case& c : cases) {
    SniffResult r = SniffFixture(c.file);
    EXPECT_EQ(r.format, c.format) << c.file << " sniffed as " << FileFormatName(r.format) << " (" << r.evidence << ")";
    EXPECT_EQ(r.machine_readable, c.machine_readable) << c.file;
    EXPECT_FALSE(r.evidence.empty()) << c.file;
  }
}

TEST(Sniff, ContentTypeAndNameOnlyDecideWhatBytesCannot) {
  std::string csv = "a;b\n1;2\n";
  EXPECT_EQ(SniffFormat({csv, "x.tsv", "", {}}).format, FileFormat::kTsv) << "delimited text named .tsv";
  EXPECT_EQ(SniffFormat({csv, "", "text/tab-separated-values", {}}).format, FileFormat::kTsv);
  EXPECT_EQ(SniffFormat({"\x89PNG\r\n\x1A\nrest", "data.csv", "text/csv", {}}).format, FileFormat::kPng)
      << "bytes win over names";
  EXPECT_EQ(SniffFormat({"single column\nvalue\n", "list.csv", "", {}}).format, FileFormat::kCsv);
  EXPECT_EQ(SniffFormat({"single column\nvalue\n", "notes", "", {}}).format, FileFormat::kText);
}

TEST(Sniff, PdfRenamedCsvIsADeclaredVsActualMismatch) {
  SniffResult r = SniffFixture("pdf-renamed.csv");
  FormatComparison c = CompareFormats("pdf-renamed.csv", r.format);
  EXPECT_EQ(c.declared, FileFormat::kCsv);
  EXPECT_EQ(c.actual, FileFormat::kPdf);
  EXPECT_EQ(c.agrees, false);
  EXPECT_EQ(CompareFormats("CSV", FileFormat::kTsv).agrees, true) << "delimited text either way";
  EXPECT_EQ(CompareFormats("application/json", FileFormat::kGeoJson).agrees, true);
  EXPECT_EQ(CompareFormats("text/csv; charset=big5", FileFormat::kXlsx).agrees, false);
  EXPECT_EQ(CompareFormats("https://data.example.gov.tw/dl/report.XLSX?x=1", FileFormat::kXlsx).agrees, true);
  EXPECT_EQ(CompareFormats("", FileFormat::kCsv).agrees, std::nullopt) << "nothing declared";
  EXPECT_EQ(CompareFormats("API", FileFormat::kJson).agrees, std::nullopt) << "not a format";
}

TEST(Sniff, BinaryGarbageAndNulsAreUnknownNotText) {
  std::mt19937 rng(99);
  for (int round = 0; round < 100; ++round) {
    std::string junk(64 + rng() % 4000, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    SniffResult r = SniffFormat({junk, "data.csv", "", {}});
    EXPECT_NE(r.format, FileFormat::kCsv) << "random bytes are not delimited text";
    EXPECT_FALSE(r.machine_readable && r.format == FileFormat::kCsv);
  }
  EXPECT_EQ(SniffFormat({std::string(300, '\0'), "x.csv", "", {}}).format, FileFormat::kUnknown);
}

}  // namespace
}  // namespace pintu::quality
