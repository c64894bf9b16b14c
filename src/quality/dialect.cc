#include "quality/dialect.h"

#include <algorithm>
#include <array>
#include <map>

namespace pintu::quality {
namespace {

constexpr std::array<char, 4> kDelimiters = {',', '\t', ';', '|'};  // preference on ties
constexpr std::size_t kMaxSampleRecords = 1000;

bool IsBoundary(char c) {
  return c == '\n' || c == '\r' || std::find(kDelimiters.begin(), kDelimiters.end(), c) != kDelimiters.end();
}

// Quotes that open or close a cell: next to a delimiter candidate or a line edge.
std::size_t BoundaryQuotes(std::string_view s, char quote) {
  std::size_t hits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != quote) continue;
    const bool opens = i == 0 || IsBoundary(s[i - 1]);
    const bool closes = i + 1 == s.size() || IsBoundary(s[i + 1]);
    if (opens || closes) ++hits;
  }
  return hits;
}

struct Tally {
  std::size_t columns = 0;
  double consistency = 0.0;
  std::size_t records = 0;
};

Tally Measure(std::string_view sample, bool whole, CsvDialect dialect) {
  std::vector<std::size_t> counts;
  CsvLimits limits;
  limits.max_record_bytes = std::max<std::size_t>(sample.size() + 1, 1);
  auto scanner = CsvScanner::Create(dialect, limits, [&](const CsvRecord& r) {
    if (!r.cells.empty()) counts.push_back(r.cells.size());
    return counts.size() < kMaxSampleRecords;
  });
  if (!scanner) return {};
  if (!scanner->Feed(sample)) return {};
  // A cut sample's last record is never delivered (no line break after it).
  if (whole) (void)scanner->Finish();  // an unterminated quote still counts its record
  if (counts.empty()) return {};
  std::map<std::size_t, std::size_t> freq;
  for (std::size_t c : counts) ++freq[c];
  Tally t;
  std::size_t best = 0;
  for (const auto& [columns, n] : freq) {
    if (n > best || (n == best && columns > t.columns)) {
      best = n;
      t.columns = columns;
    }
  }
  t.records = counts.size();
  t.consistency = static_cast<double>(best) / static_cast<double>(counts.size());
  return t;
}

std::string_view Extension(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  return name.substr(dot + 1);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

}  // namespace

DialectGuess DetectDialect(std::string_view sample, bool sample_is_whole_file) {
  DialectGuess guess;
  const std::size_t double_quotes = BoundaryQuotes(sample, '"');
  const std::size_t single_quotes = BoundaryQuotes(sample, '\'');
  const char quote = single_quotes > double_quotes ? '\'' : '"';
  guess.dialect.quote_char = quote;

  double best_score = -1.0;
  for (char delimiter : kDelimiters) {
    CsvDialect dialect{delimiter, quote, true};
    const Tally t = Measure(sample, sample_is_whole_file, dialect);
    const double score = t.columns >= 2 ? t.consistency : 0.0;
    const bool better = score > best_score + 1e-9 ||
                        (score > best_score - 1e-9 && t.columns > guess.columns && score > 0.0);
    if (better) {
      best_score = score;
      guess.dialect.delimiter = delimiter;
      guess.columns = t.columns;
      guess.consistency = t.consistency;
      guess.sampled_records = t.records;
    }
  }
  if (best_score <= 0.0) {
    guess.dialect.delimiter = ',';
    const Tally t = Measure(sample, sample_is_whole_file, guess.dialect);
    guess.columns = t.columns;
    guess.consistency = t.consistency;
    guess.sampled_records = t.records;
  }
  guess.confident = guess.columns >= 2 && guess.consistency >= 0.9;
  return guess;
}

std::optional<DialectFinding> CompareDialectWithFileName(const DialectGuess& guess,
                                                         std::string_view file_name) {
  if (!guess.confident) return std::nullopt;
  const std::string_view ext = Extension(file_name);
  if (EqualsIgnoreCase(ext, "csv") && guess.dialect.delimiter == '\t') {
    return DialectFinding{"tab-separated-csv",
                          "the file is named .csv but its cells are separated by tabs; save it "
                          "comma-separated or name it .tsv",
                          "檔名為 .csv，但欄位以定位字元（Tab）分隔；請改存為逗號分隔，或將副檔名改為 .tsv"};
  }
  if (EqualsIgnoreCase(ext, "tsv") && guess.dialect.delimiter != '\t') {
    return DialectFinding{"comma-separated-tsv",
                          "the file is named .tsv but its cells are not separated by tabs",
                          "檔名為 .tsv，但欄位並非以定位字元（Tab）分隔"};
  }
  return std::nullopt;
}

}  // namespace pintu::quality
