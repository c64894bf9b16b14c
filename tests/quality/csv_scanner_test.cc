// Tests of the incremental CSV tokenizer (src/quality/csv_scanner.h).
#include "quality/csv_scanner.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace pintu::quality {
namespace {

struct Row {
  std::uint64_t row;
  std::uint64_t line;
  std::vector<std::string> cells;
  bool operator==(const Row&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Row& r) {
  os << "{row " << r.row << " line " << r.line << ":";
  for (const auto& c : r.cells) os << " [" << c << "]";
  return os << "}";
}

struct Scan {
  std::vector<Row> rows;
  std::optional<CsvScanFailure> failure;
};

// Scans `text` fed in pieces of `chunk` bytes (0: all at once).
Scan ScanText(std::string_view text, std::size_t chunk = 0, CsvDialect dialect = {}, CsvLimits limits = {}) {
  Scan out;
  auto scanner = CsvScanner::Create(dialect, limits, [&](const CsvRecord& r) {
    out.rows.push_back(Row{r.row_number, r.line_number, {r.cells.begin(), r.cells.end()}});
    return true;
  });
  EXPECT_TRUE(scanner.has_value());
  bool ok = true;
  if (chunk == 0) {
    ok = scanner->Feed(text).has_value();
  } else {
    for (std::size_t i = 0; i < text.size() && ok; i += chunk) ok = scanner->Feed(text.substr(i, chunk)).has_value();
  }
  if (ok) (void)scanner->Finish();
  out.failure = scanner->failure();
  return out;
}

TEST(CsvScanner, SplitsSimpleRecordsAndNumbersThem) {
  const Scan s = ScanText("id,name\n1,english\n2,中国人\n");
  ASSERT_EQ(s.rows.size(), 3u);
  EXPECT_EQ(s.rows[0], (Row{1, 1, {"id", "name"}}));
  EXPECT_EQ(s.rows[2], (Row{3, 3, {"2", "中国人"}}));
  EXPECT_FALSE(s.failure);
}

TEST(CsvScanner, BlankLinesAreRecordsOfZeroCells) {
  const Scan s = ScanText("a,b\n\n,\n1,2");
  ASSERT_EQ(s.rows.size(), 4u);
  EXPECT_TRUE(s.rows[1].cells.empty());
  EXPECT_EQ(s.rows[1].row, 2u);
  EXPECT_EQ(s.rows[2].cells, (std::vector<std::string>{"", ""}));
  EXPECT_EQ(s.rows[3], (Row{4, 4, {"1", "2"}}));
}

TEST(CsvScanner, QuotedCellsKeepDelimitersNewlinesAndDoubledQuotes) {
  const Scan s = ScanText("id,note\n1,\"臺北市,中正區\n重慶南路\"\n2,\"他說：\"\"好\"\"\"\n3,x\n");
  ASSERT_EQ(s.rows.size(), 4u);
  EXPECT_EQ(s.rows[1].cells[1], "臺北市,中正區\n重慶南路");
  EXPECT_EQ(s.rows[2].cells[1], "他說：\"好\"");
  // Record numbers count records; line numbers count physical lines.
  EXPECT_EQ(s.rows[2].row, 3u);
  EXPECT_EQ(s.rows[2].line, 4u);
  EXPECT_EQ(s.rows[3].line, 5u);
}

TEST(CsvScanner, FollowsPythonForQuotesInOddPlaces) {
  const Scan s = ScanText("\"ab\"c,d\"e\"f,\"\"\n");
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(s.rows[0].cells, (std::vector<std::string>{"abc", "d\"e\"f", ""}));
}

TEST(CsvScanner, AcceptsCrLfLoneCrAndLf) {
  const Scan s = ScanText("a,b\r\n1,2\r3,4\n\r\n5,6");
  ASSERT_EQ(s.rows.size(), 5u);
  EXPECT_EQ(s.rows[1].cells, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(s.rows[2].cells, (std::vector<std::string>{"3", "4"}));
  EXPECT_TRUE(s.rows[3].cells.empty());
  EXPECT_EQ(s.rows[4], (Row{5, 5, {"5", "6"}}));
}

TEST(CsvScanner, EmptyInputHasNoRecordsAndTwoCharactersHaveOne) {
  EXPECT_TRUE(ScanText("").rows.empty());
  const Scan s = ScanText("a\n");
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(s.rows[0].cells, std::vector<std::string>{"a"});
  const Scan t = ScanText("a,");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells, (std::vector<std::string>{"a", ""}));
}

TEST(CsvScanner, EveryChunkSizeGivesTheSameRecords) {
  const std::string text =
      "id,\"地址\",備註\r\n1,\"臺北市\r\n中正區\",\"他說\"\"好\"\"\"\r\n\r\n2,\"x\"y,z\r3,,\n4,\"\",\"a,b\"\n5";
  const Scan whole = ScanText(text);
  ASSERT_EQ(whole.rows.size(), 7u);
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    const Scan pieces = ScanText(text, chunk);
    EXPECT_EQ(pieces.rows, whole.rows) << "chunk size " << chunk;
  }
}

TEST(CsvScanner, OtherDialects) {
  CsvDialect semicolon{';', '\'', true};
  const Scan s = ScanText("a;'b;c'\n", 0, semicolon);
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(s.rows[0].cells, (std::vector<std::string>{"a", "b;c"}));

  CsvDialect no_quotes{'\t', std::nullopt, true};
  const Scan t = ScanText("\"a\t\"b\n", 0, no_quotes);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells, (std::vector<std::string>{"\"a", "\"b"}));

  CsvDialect no_double{',', '"', false};
  const Scan u = ScanText("\"a\"\"b\"\n", 0, no_double);
  ASSERT_EQ(u.rows.size(), 1u);
  EXPECT_EQ(u.rows[0].cells, std::vector<std::string>{"a\"b\""});
}

TEST(CsvScanner, RefusesAmbiguousDialects) {
  auto sink = [](const CsvRecord&) { return true; };
  EXPECT_FALSE(CsvScanner::Create({'\n', '"', true}, {}, sink));
  EXPECT_FALSE(CsvScanner::Create({',', ',', true}, {}, sink));
  EXPECT_FALSE(CsvScanner::Create({',', '\r', true}, {}, sink));
  CsvLimits zero;
  zero.max_columns = 0;
  EXPECT_FALSE(CsvScanner::Create({}, zero, sink));
}

TEST(CsvScanner, HandlerCanStopTheScan) {
  int seen = 0;
  auto scanner = CsvScanner::Create({}, {}, [&](const CsvRecord&) { return ++seen < 2; });
  ASSERT_TRUE(scanner);
  EXPECT_TRUE(scanner->Feed("1\n2\n3\n4\n"));
  EXPECT_TRUE(scanner->stopped());
  EXPECT_TRUE(scanner->Finish());
  EXPECT_EQ(seen, 2);
}

TEST(CsvScanner, UnterminatedQuoteDeliversTheRecordAndFails) {
  const Scan s = ScanText("a,b\n1,\"never closed\nstill inside", 5);
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[1].cells[1], "never closed\nstill inside");
  ASSERT_TRUE(s.failure);
  EXPECT_EQ(s.failure->problem, CsvScanProblem::kUnterminatedQuote);
  EXPECT_EQ(s.failure->row_number, 2u);
  EXPECT_NE(s.failure->message.find("not closed"), std::string::npos);
  EXPECT_NE(s.failure->message_zh.find("未結束"), std::string::npos);
}

TEST(CsvScanner, ALongLineStopsAtTheRecordLimitWithoutGrowing) {
  CsvLimits limits;
  limits.max_record_bytes = 1 << 20;
  limits.max_cell_bytes = 1 << 20;
  std::size_t records = 0;
  auto scanner = CsvScanner::Create({}, limits, [&](const CsvRecord&) { return ++records > 0; });
  ASSERT_TRUE(scanner);
  ASSERT_TRUE(scanner->Feed("header\n"));
  const std::string chunk(64 * 1024, 'x');
  bool failed = false;
  std::size_t fed = 0;
  for (int i = 0; i < 1024 && !failed; ++i) {  // up to 64 MB on one line
    failed = !scanner->Feed(chunk);
    fed += chunk.size();
  }
  EXPECT_TRUE(failed);
  EXPECT_LE(fed, limits.max_record_bytes + chunk.size());
  ASSERT_TRUE(scanner->failure());
  EXPECT_EQ(scanner->failure()->problem, CsvScanProblem::kRecordTooLarge);
  EXPECT_EQ(scanner->failure()->row_number, 2u);
  EXPECT_FALSE(scanner->Feed("more\n"));  // stays failed
}

TEST(CsvScanner, AMillionColumnsEndInAClearError) {
  std::string line;
  line.reserve(2'000'000);
  for (int i = 0; i < 1'000'000; ++i) line += "1,";
  line += "\n";
  const Scan s = ScanText(line, 65536);
  ASSERT_TRUE(s.failure);
  EXPECT_EQ(s.failure->problem, CsvScanProblem::kTooManyColumns);
  EXPECT_NE(s.failure->message.find("more than 100000 columns"), std::string::npos);
}

TEST(CsvScanner, CellLimitIsEnforced) {
  CsvLimits limits;
  limits.max_cell_bytes = 4;
  const Scan s = ScanText("ab,abcd\nabcde,x\n", 0, {}, limits);
  ASSERT_EQ(s.rows.size(), 1u);
  ASSERT_TRUE(s.failure);
  EXPECT_EQ(s.failure->problem, CsvScanProblem::kCellTooLarge);
  EXPECT_EQ(s.failure->row_number, 2u);
}

TEST(CsvScanner, NulBytesAndBinaryGarbageNeverCrash) {
  const std::string nul("a\0b,c\n\0\0\0\n", 10);
  const Scan s = ScanText(nul);
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[0].cells[0], std::string("a\0b", 3));

  std::mt19937 rng(42);
  std::string garbage(1 << 20, '\0');
  for (char& c : garbage) c = static_cast<char>(rng());
  CsvLimits limits;
  limits.max_record_bytes = 64 * 1024;
  for (std::size_t chunk : {0u, 1u, 4093u}) {
    const Scan g = ScanText(garbage, chunk, {}, limits);
    // Either it tokenized (bytes are bytes) or it stopped at a limit; never more records
    // than line breaks + 1.
    const auto breaks = std::count(garbage.begin(), garbage.end(), '\n') + std::count(garbage.begin(), garbage.end(), '\r');
    EXPECT_LE(g.rows.size(), static_cast<std::size_t>(breaks) + 1);
  }
}

}  // namespace
}  // namespace pintu::quality
