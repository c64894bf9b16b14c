#include "quality/csv_scanner.h"

#include <cstring>
#include <limits>

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pintu::quality {
namespace {

// First byte in [p, end) equal to a, b or c; end when there is none. 16 bytes per step.
inline const char* FindAny3(const char* p, const char* end, char a, char b, char c) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a);
  const __m128i vb = _mm_set1_epi8(b);
  const __m128i vc = _mm_set1_epi8(c);
  while (end - p >= 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                     _mm_cmpeq_epi8(x, vc));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    const char x = *p;
    if (x == a || x == b || x == c) return p;
  }
  return end;
}

constexpr std::size_t kMaxOffset = std::numeric_limits<std::uint32_t>::max() - 16;

}  // namespace

CsvScanner::CsvScanner(CsvDialect dialect, CsvLimits limits, RecordHandler on_record)
    : dialect_(dialect), limits_(limits), on_record_(std::move(on_record)) {}

Result<CsvScanner> CsvScanner::Create(CsvDialect dialect, CsvLimits limits,
                                      RecordHandler on_record) {
  auto is_break = [](char c) { return c == '\n' || c == '\r'; };
  if (is_break(dialect.delimiter)) {
    return std::unexpected(Error::Invalid("dialect.delimiter", "the delimiter cannot be a line break",
                                          "分隔字元不能是換行字元"));
  }
  if (dialect.quote_char && is_break(*dialect.quote_char)) {
    return std::unexpected(Error::Invalid("dialect.quoteChar", "the quote character cannot be a line break",
                                          "引號字元不能是換行字元"));
  }
  if (dialect.quote_char && *dialect.quote_char == dialect.delimiter) {
    return std::unexpected(Error::Invalid("dialect.quoteChar",
                                          "the quote character must differ from the delimiter",
                                          "引號字元必須與分隔字元不同"));
  }
  if (limits.max_record_bytes == 0 || limits.max_cell_bytes == 0 || limits.max_columns == 0 ||
      limits.max_record_bytes > kMaxOffset) {
    return std::unexpected(Error::Invalid("limits", "CSV limits must be between 1 and 4 GB",
                                          "CSV 限制必須介於 1 與 4 GB 之間"));
  }
  if (!on_record) {
    return std::unexpected(Error::Invalid("on_record", "a record handler is required"));
  }
  return CsvScanner(dialect, limits, std::move(on_record));
}

Result<void> CsvScanner::Fail(CsvScanProblem problem, std::string message, std::string message_zh) {
  failure_ = CsvScanFailure{problem, row_number_ + 1, record_line_, message, message_zh};
  carry_.clear();
  carry_.shrink_to_fit();
  spans_.clear();
  return std::unexpected(Error::Invalid(fmt::format("row {}", row_number_ + 1), std::move(message),
                                        std::move(message_zh)));
}

Result<void> CsvScanner::FailureResult() const {
  return std::unexpected(Error::Invalid(fmt::format("row {}", failure_->row_number), failure_->message,
                                        failure_->message_zh));
}

bool CsvScanner::FailCell(std::size_t begin, std::size_t end) {
  if (end > limits_.max_record_bytes) {
    (void)Fail(CsvScanProblem::kRecordTooLarge,
               fmt::format("row {} (line {}) is longer than {} bytes; is this really a CSV file?", row_number_ + 1,
                           record_line_, limits_.max_record_bytes),
               fmt::format("第 {} 列（第 {} 行）超過 {} 位元組；這真的是 CSV 檔嗎？", row_number_ + 1, record_line_,
                           limits_.max_record_bytes));
  } else if (end - begin > limits_.max_cell_bytes) {
    (void)Fail(CsvScanProblem::kCellTooLarge,
               fmt::format("cell {} of row {} (line {}) is longer than {} bytes", spans_.size() + 1, row_number_ + 1,
                           record_line_, limits_.max_cell_bytes),
               fmt::format("第 {} 列（第 {} 行）第 {} 欄超過 {} 位元組", row_number_ + 1, record_line_,
                           spans_.size() + 1, limits_.max_cell_bytes));
  } else {
    (void)Fail(CsvScanProblem::kTooManyColumns,
               fmt::format("row {} (line {}) has more than {} columns", row_number_ + 1, record_line_,
                           limits_.max_columns),
               fmt::format("第 {} 列（第 {} 行）超過 {} 欄", row_number_ + 1, record_line_, limits_.max_columns));
  }
  return false;
}

void CsvScanner::DecodeQuoted(std::string_view raw, std::string& out) const {
  const char quote = *dialect_.quote_char;
  bool in_quotes = false;
  std::size_t i = 0;
  if (!raw.empty() && raw[0] == quote) {
    in_quotes = true;
    i = 1;
  }
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    if (in_quotes && c == quote) {
      if (dialect_.double_quote && i + 1 < raw.size() && raw[i + 1] == quote) {
        out.push_back(quote);
        ++i;
      } else {
        in_quotes = false;
      }
      continue;
    }
    out.push_back(c);
  }
}

bool CsvScanner::EmitRecord(const char* base) {
  views_.clear();
  decoded_.clear();
  std::size_t decoded_bytes = 0;
  for (const CellSpan& s : spans_) {
    if (s.complex) decoded_bytes += s.end - s.begin;
  }
  decoded_.reserve(decoded_bytes);  // views into decoded_ stay valid while it is filled
  for (const CellSpan& s : spans_) {
    if (!s.quoted) {
      views_.emplace_back(base + s.begin, s.end - s.begin);
    } else if (!s.complex) {
      views_.emplace_back(base + s.begin + 1, s.end - s.begin - 2);
    } else {
      const std::size_t start = decoded_.size();
      DecodeQuoted(std::string_view(base + s.begin, s.end - s.begin), decoded_);
      views_.emplace_back(decoded_.data() + start, decoded_.size() - start);
    }
  }
  ++row_number_;
  CsvRecord record{row_number_, record_line_, std::span<const std::string_view>(views_)};
  spans_.clear();
  record_open_ = false;
  const bool go_on = on_record_(record);
  if (!go_on) stopped_ = true;
  return go_on;
}

void CsvScanner::CountQuotedLineBreaks(const char* p, const char* end) {
  while (p < end) {
    const char* q = FindAny3(p, end, '\n', '\r', '\n');
    if (q == end) {
      quoted_last_cr_ = false;
      return;
    }
    if (q != p) quoted_last_cr_ = false;
    if (*q == '\n') {
      if (!quoted_last_cr_) ++line_number_;
      quoted_last_cr_ = false;
    } else {
      ++line_number_;
      quoted_last_cr_ = true;
    }
    p = q + 1;
  }
}

Result<void> CsvScanner::Feed(std::string_view chunk) {
  if (failure_ && failure_->problem != CsvScanProblem::kUnterminatedQuote) {
    return std::unexpected(Error::Invalid("csv", failure_->message, failure_->message_zh));
  }
  if (stopped_ || chunk.empty()) return Ok();

  const char delim = dialect_.delimiter;
  const bool has_quote = dialect_.quote_char.has_value();
  const char quote = has_quote ? *dialect_.quote_char : '\0';
  const char* p = chunk.data();
  const char* const end = p + chunk.size();
  const char* rec_start = p;          // first byte of the current record in this chunk
  std::size_t bias = carry_.size();  // bytes of the current record before rec_start
  auto off = [&](const char* at) { return bias + static_cast<std::size_t>(at - rec_start); };

  // Ends the record whose line break is at q; false when the scan must stop.
  auto end_record = [&](const char* q) -> bool {
    ++line_number_;
    const char* base = rec_start;
    if (bias > 0) {
      carry_.append(rec_start, static_cast<std::size_t>(q - rec_start));
      base = carry_.data();
    }
    if (!EmitRecord(base)) return false;
    carry_.clear();
    bias = 0;
    mode_ = Mode::kCellStart;
    if (*q == '\r') {
      if (q + 1 == end) {
        mode_ = Mode::kAfterCr;  // a "\n" may start the next chunk
      } else if (q[1] == '\n') {
        ++q;
      }
    }
    p = q + 1;
    rec_start = p;
    record_line_ = line_number_ + 1;
    return true;
  };

  while (true) {
    switch (mode_) {
      case Mode::kAfterCr:
        if (p == end) goto segment_end;
        if (*p == '\n') ++p;
        rec_start = p;
        mode_ = Mode::kCellStart;
        continue;

      case Mode::kCellStart: {
        if (p == end) goto segment_end;
        const char c = *p;
        if (has_quote && c == quote) {
          record_open_ = true;
          cell_begin_ = off(p);
          cell_quoted_ = true;
          cell_complex_ = false;
          quoted_last_cr_ = false;
          mode_ = Mode::kQuoted;
          ++p;
          continue;
        }
        if (c == delim) {
          record_open_ = true;
          if (!AddCell(off(p), off(p), false, false)) return FailureResult();
          ++p;
          continue;
        }
        if (c == '\n' || c == '\r') {
          // After a delimiter the line ends with an empty cell; otherwise the line is blank.
          if (record_open_) {
            if (!AddCell(off(p), off(p), false, false)) return FailureResult();
          }
          if (!end_record(p)) return Ok();
          continue;
        }
        record_open_ = true;
        cell_begin_ = off(p);
        cell_quoted_ = false;
        cell_complex_ = false;
        mode_ = Mode::kUnquoted;
        [[fallthrough]];
      }

      case Mode::kUnquoted: {
        const char* q = FindAny3(p, end, delim, '\n', '\r');
        if (q == end) {
          p = end;
          goto segment_end;
        }
        if (!AddCell(cell_begin_, off(q), cell_quoted_, cell_complex_)) return FailureResult();
        if (*q == delim) {
          p = q + 1;
          mode_ = Mode::kCellStart;
          continue;
        }
        if (!end_record(q)) return Ok();
        continue;
      }

      case Mode::kQuoted: {
        const void* found = std::memchr(p, quote, static_cast<std::size_t>(end - p));
        if (found == nullptr) {
          CountQuotedLineBreaks(p, end);
          p = end;
          goto segment_end;
        }
        const char* q = static_cast<const char*>(found);
        CountQuotedLineBreaks(p, q);
        quoted_last_cr_ = false;
        p = q + 1;
        mode_ = Mode::kQuoteInQuoted;
        [[fallthrough]];
      }

      case Mode::kQuoteInQuoted: {
        if (p == end) goto segment_end;
        const char c = *p;
        if (c == quote && dialect_.double_quote) {
          cell_complex_ = true;
          mode_ = Mode::kQuoted;
          ++p;
          continue;
        }
        if (c == delim) {
          if (!AddCell(cell_begin_, off(p), true, cell_complex_)) return FailureResult();
          mode_ = Mode::kCellStart;
          ++p;
          continue;
        }
        if (c == '\n' || c == '\r') {
          if (!AddCell(cell_begin_, off(p), true, cell_complex_)) return FailureResult();
          if (!end_record(p)) return Ok();
          continue;
        }
        // Text after the closing quote is appended literally.
        cell_complex_ = true;
        mode_ = Mode::kUnquoted;
        continue;
      }
    }
  }

segment_end:
  if (record_open_) {  // keep the unfinished record's bytes for the next chunk
    const std::size_t tail = static_cast<std::size_t>(end - rec_start);
    if (carry_.size() + tail > limits_.max_record_bytes) {
      return Fail(CsvScanProblem::kRecordTooLarge,
                  fmt::format("row {} (line {}) is longer than {} bytes; is this really a CSV file?",
                              row_number_ + 1, record_line_, limits_.max_record_bytes),
                  fmt::format("第 {} 列（第 {} 行）超過 {} 位元組；這真的是 CSV 檔嗎？", row_number_ + 1,
                              record_line_, limits_.max_record_bytes));
    }
    carry_.append(rec_start, tail);
  }
  return Ok();
}

Result<void> CsvScanner::Finish() {
  if (failure_) return std::unexpected(Error::Invalid("csv", failure_->message, failure_->message_zh));
  if (stopped_) return Ok();
  const std::size_t size = carry_.size();
  bool unterminated = false;
  switch (mode_) {
    case Mode::kAfterCr:
      return Ok();
    case Mode::kCellStart:
      if (!record_open_) return Ok();
      if (!AddCell(size, size, false, false)) return FailureResult();
      break;
    case Mode::kUnquoted:
      if (!AddCell(cell_begin_, size, cell_quoted_, cell_complex_)) return FailureResult();
      break;
    case Mode::kQuoteInQuoted:
      if (!AddCell(cell_begin_, size, true, cell_complex_)) return FailureResult();
      break;
    case Mode::kQuoted:
      unterminated = true;
      if (!AddCell(cell_begin_, size, true, true)) return FailureResult();
      break;
  }
  ++line_number_;
  const std::uint64_t start_line = record_line_;
  const std::uint64_t row = row_number_ + 1;
  EmitRecord(carry_.data());
  carry_.clear();
  mode_ = Mode::kAfterCr;
  if (unterminated) {
    failure_ = CsvScanFailure{
        CsvScanProblem::kUnterminatedQuote, row, start_line,
        fmt::format("the quoted cell in row {} (line {}) is not closed at the end of the file", row,
                    start_line),
        fmt::format("第 {} 列（第 {} 行）的引號欄位到檔案結尾仍未結束", row, start_line)};
    return std::unexpected(Error::Invalid(fmt::format("row {}", row), failure_->message, failure_->message_zh));
  }
  return Ok();
}

}  // namespace pintu::quality
