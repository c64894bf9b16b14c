// Incremental CSV tokenizer for UTF-8 text: feed chunks of any size, get each record's
// cells once, with bounded memory.
//
// Grammar (Python's csv module with strict=False, which frictionless uses):
//   - records end at "\n", "\r\n" or a lone "\r" outside quotes;
//   - an empty physical line is a record of zero cells (it still counts as a row);
//   - a cell that starts with the quote character is quoted: delimiters and line breaks
//     inside it are data, a doubled quote is one quote (when double_quote is on), and
//     characters after the closing quote are appended literally ("ab"c → abc);
//   - a quote inside an unquoted cell is an ordinary character.
// The scanner works on bytes; because the delimiter, quote and line breaks are ASCII,
// multi-byte UTF-8 sequences are never split into different cells.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pintu::quality {

// How the text is split into cells. Escape characters are not supported (frictionless'
// default dialect has none).
struct CsvDialect {
  char delimiter = ',';
  std::optional<char> quote_char = '"';  // nullopt: quotes are ordinary characters
  bool double_quote = true;              // "" inside a quoted cell means one "
};

// Limits that keep memory bounded on hostile input. Exceeding one stops the scan with
// an error naming the row and the limit.
struct CsvLimits {
  std::size_t max_record_bytes = 16u << 20;  // one record's bytes kept across chunks
  std::size_t max_cell_bytes = 16u << 20;    // one cell
  std::size_t max_columns = 100'000;         // cells in one record
};

// One record, valid only during the callback that receives it.
struct CsvRecord {
  std::uint64_t row_number = 0;   // 1-based record number; blank lines are records too
  std::uint64_t line_number = 0;  // 1-based physical line on which the record starts
  std::span<const std::string_view> cells;  // zero cells for an empty line
};

// What stopped a scan.
enum class CsvScanProblem {
  kRecordTooLarge,       // a record is longer than max_record_bytes
  kCellTooLarge,         // a cell is longer than max_cell_bytes
  kTooManyColumns,       // a record has more than max_columns cells
  kUnterminatedQuote,    // the input ended inside a quoted cell (the record is delivered)
};

// Details of a scan problem, for reports (the row is the record where it happened).
struct CsvScanFailure {
  CsvScanProblem problem = CsvScanProblem::kRecordTooLarge;
  std::uint64_t row_number = 0;
  std::uint64_t line_number = 0;
  std::string message;     // English
  std::string message_zh;  // zh-TW
};

class CsvScanner {
 public:
  // Receives each record. Returning false stops the scan (later Feed/Finish do nothing).
  using RecordHandler = std::function<bool(const CsvRecord&)>;

  // Fails when the dialect cannot be tokenized unambiguously (delimiter or quote is a
  // line break, delimiter equals quote) or a limit is zero.
  static Result<CsvScanner> Create(CsvDialect dialect, CsvLimits limits, RecordHandler on_record);

  CsvScanner(CsvScanner&&) noexcept = default;
  CsvScanner& operator=(CsvScanner&&) noexcept = default;

  // Scans the next chunk. A record may continue in later chunks. Fails (and stays failed)
  // when a limit is exceeded; failure() then has the details.
  Result<void> Feed(std::string_view chunk);

  // Ends the input: delivers a last record without a line break. Fails with
  // kUnterminatedQuote when the input ended inside a quoted cell — after delivering that
  // record with the text read so far, as Python's csv module does.
  Result<void> Finish();

  // Records delivered so far.
  std::uint64_t records() const { return row_number_; }
  // Physical lines seen so far (line breaks, plus a last line without one after Finish).
  std::uint64_t lines() const { return line_number_; }
  // True when the handler asked to stop.
  bool stopped() const { return stopped_; }
  // The problem that ended the scan, if any.
  const std::optional<CsvScanFailure>& failure() const { return failure_; }

 private:
  enum class Mode : std::uint8_t { kCellStart, kUnquoted, kQuoted, kQuoteInQuoted, kAfterCr };
  struct CellSpan {
    std::uint32_t begin;  // record-relative offset (of the opening quote when quoted)
    std::uint32_t end;    // record-relative offset one past the cell's last raw byte
    bool quoted;
    bool complex;  // quoted and not of the simple form "text" (needs decoding)
  };

  CsvScanner(CsvDialect dialect, CsvLimits limits, RecordHandler on_record);
  Result<void> Fail(CsvScanProblem problem, std::string message, std::string message_zh);
  Result<void> FailureResult() const;
  // Appends a cell; false (with failure_ set) when it breaks a limit. Inline: hot path.
  bool AddCell(std::size_t begin, std::size_t end, bool quoted, bool complex) {
    if (end > limits_.max_record_bytes || end - begin > limits_.max_cell_bytes ||
        spans_.size() >= limits_.max_columns) {
      return FailCell(begin, end);
    }
    spans_.push_back(CellSpan{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), quoted, complex});
    return true;
  }
  bool FailCell(std::size_t begin, std::size_t end);
  bool EmitRecord(const char* base);
  void DecodeQuoted(std::string_view raw, std::string& out) const;
  void CountQuotedLineBreaks(const char* begin, const char* end);

  CsvDialect dialect_;
  CsvLimits limits_;
  RecordHandler on_record_;
  Mode mode_ = Mode::kCellStart;
  std::string carry_;                  // bytes of a record that started in an earlier chunk
  std::vector<CellSpan> spans_;        // cells of the current record
  std::vector<std::string_view> views_;  // reused for each delivered record
  std::string decoded_;                // decoded complex cells of the current record
  std::size_t cell_begin_ = 0;
  bool cell_quoted_ = false;
  bool cell_complex_ = false;
  bool record_open_ = false;           // bytes of the current record have been consumed
  bool quoted_last_cr_ = false;        // last byte of quoted data so far was "\r"
  std::uint64_t row_number_ = 0;
  std::uint64_t line_number_ = 0;      // line breaks seen
  std::uint64_t record_line_ = 1;      // line on which the current record started
  bool stopped_ = false;
  std::optional<CsvScanFailure> failure_;
};

}  // namespace pintu::quality
