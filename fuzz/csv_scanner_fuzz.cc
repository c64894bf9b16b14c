// libFuzzer target for the CSV tokenizer (src/quality/csv_scanner.h) and the validator
// behind it. The first bytes choose the dialect, the limits and how the input is cut
// into chunks; the rest is the CSV text. Besides sanitizer findings, it traps when
// feeding the same text in different chunk splits gives different records (the scanner
// must not depend on where chunks end) or when a record breaks a limit.
//
//   clang++-16 -std=c++2b -g -O1 -fsanitize=fuzzer,address,undefined -I src \
//     fuzz/csv_scanner_fuzz.cc src/quality/*.cc src/core/{text,hash,error}.cc \
//     $(pkg-config --cflags --libs icu-uc icu-i18n libsodium) -lboost_json -lfmt
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quality/csv_check.h"
#include "quality/csv_scanner.h"

namespace {

using pintu::quality::CsvDialect;
using pintu::quality::CsvLimits;
using pintu::quality::CsvRecord;
using pintu::quality::CsvScanner;

struct Outcome {
  std::vector<std::vector<std::string>> records;
  std::vector<std::uint64_t> lines;
  bool failed = false;
};

Outcome Scan(std::string_view text, const CsvDialect& dialect, const CsvLimits& limits,
             const std::vector<std::size_t>& cuts) {
  Outcome out;
  auto scanner = CsvScanner::Create(dialect, limits, [&](const CsvRecord& r) {
    if (r.cells.size() > limits.max_columns) __builtin_trap();
    std::size_t bytes = 0;
    std::vector<std::string> cells;
    for (std::string_view c : r.cells) {
      if (c.size() > limits.max_cell_bytes) __builtin_trap();
      bytes += c.size();
      cells.emplace_back(c);
    }
    if (bytes > limits.max_record_bytes) __builtin_trap();
    if (r.row_number != out.records.size() + 1) __builtin_trap();
    out.records.push_back(std::move(cells));
    out.lines.push_back(r.line_number);
    return true;
  });
  if (!scanner) return out;
  std::size_t at = 0;
  for (std::size_t cut : cuts) {
    if (cut <= at || cut > text.size()) continue;
    if (!scanner->Feed(text.substr(at, cut - at))) {
      out.failed = true;
      return out;
    }
    at = cut;
  }
  if (!scanner->Feed(text.substr(at))) {
    out.failed = true;
    return out;
  }
  out.failed = !scanner->Finish().has_value();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  static constexpr char kDelimiters[] = {',', ';', '\t', '|'};
  CsvDialect dialect;
  dialect.delimiter = kDelimiters[data[0] & 3];
  dialect.quote_char = (data[0] & 4) ? std::optional<char>('\'') : std::optional<char>('"');
  if (data[0] & 8) dialect.quote_char.reset();
  dialect.double_quote = (data[0] & 16) == 0;
  CsvLimits limits;
  limits.max_record_bytes = 64 + static_cast<std::size_t>(data[1]) * 64;
  limits.max_cell_bytes = 16 + static_cast<std::size_t>(data[2]) * 8;
  limits.max_columns = 1 + (data[3] & 63);
  const std::string_view text(reinterpret_cast<const char*>(data) + 4, size - 4);

  // Chunk boundaries derived from the text itself (deterministic per input).
  std::vector<std::size_t> cuts;
  std::size_t step = 1 + (data[1] & 15);
  for (std::size_t at = step; at < text.size(); at += step) {
    cuts.push_back(at);
    step = 1 + ((step * 7 + static_cast<unsigned char>(text[at])) % 37);
  }
  const Outcome whole = Scan(text, dialect, limits, {});
  const Outcome pieces = Scan(text, dialect, limits, cuts);
  if (whole.failed != pieces.failed) __builtin_trap();
  if (!whole.failed && (whole.records != pieces.records || whole.lines != pieces.lines)) __builtin_trap();
  if (whole.failed) {
    // Records delivered before the failure must agree as far as both got.
    const std::size_t n = std::min(whole.records.size(), pieces.records.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (whole.records[i] != pieces.records[i]) __builtin_trap();
    }
  }

  // The validator behind it never crashes and its report is bounded.
  pintu::quality::CsvCheckOptions options;
  options.dialect = dialect;
  options.limits = limits;
  options.validator.limit_errors = 50;
  options.validator.check_duplicate_rows = (data[0] & 32) != 0;
  options.validator.header = (data[0] & 64) == 0;
  options.validator.memory_budget_bytes = 32 * 1024;
  auto check = pintu::quality::CsvCheck::Create(options);
  if (!check) return 0;
  for (std::size_t at = 0, k = 0; at < text.size(); ++k) {
    const std::size_t next = k < cuts.size() ? cuts[k] : text.size();
    if (next <= at) continue;
    if (!check->Feed(text.substr(at, next - at))) break;
    at = next;
  }
  const auto report = check->Finish(nullptr);
  if (report.errors.size() > 50) __builtin_trap();
  return 0;
}
