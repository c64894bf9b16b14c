#include "formats/csv_reader.h"

namespace pintu::formats {

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const CsvOptions& options) {
  std::vector<CsvRecord> out;
  size_t base = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
    base = 3;
  }
  const char delim = options.delimiter;
  size_t i = 0;
  size_t line = 1;
  const size_t n = text.size();

  // Consumes one line ending at i (CR, LF or CRLF); returns false if none.
  auto eat_newline = [&]() -> bool {
    if (i < n && text[i] == '\r') {
      ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      return true;
    }
    if (i < n && text[i] == '\n') {
      ++i;
      ++line;
      return true;
    }
    return false;
  };

  while (i < n) {
    if (eat_newline()) continue;  // blank line
    CsvRecord rec;
    rec.line = line;
    rec.offset = i + base;
    std::string field;
    bool done = false;
    while (!done) {
      field.clear();
      if (i < n && text[i] == '"') {
        size_t start_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\r' || c == '\n') {
            // Keep the line break as written, but count lines.
            if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {
              field.append("\r\n");
              i += 2;
            } else {
              field.push_back(c);
              ++i;
            }
            ++line;
            continue;
          }
          field.push_back(c);
          ++i;
        }
        if (!closed) {
          return std::unexpected(Error::BadRequest(
              "CSV: quoted field starting on line " + std::to_string(start_line) +
              " is never closed (missing '\"')"));
        }
        // Text after the closing quote up to the delimiter is kept.
        while (i < n && text[i] != delim && text[i] != '\r' && text[i] != '\n') field.push_back(text[i++]);
      } else {
        while (i < n && text[i] != delim && text[i] != '\r' && text[i] != '\n') field.push_back(text[i++]);
      }
      rec.fields.push_back(std::move(field));
      if (i < n && text[i] == delim) {
        ++i;
        continue;
      }
      eat_newline();
      done = true;
    }
    if (out.size() >= options.max_records) {
      return std::unexpected(Error::TooLarge("CSV has more than " + std::to_string(options.max_records) +
                                             " records (the limit)"));
    }
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace pintu::formats
