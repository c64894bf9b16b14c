#include "formats/import.h"

#include <cctype>

#include "core/model_json.h"
#include "core/text.h"
#include "formats/ckan_import.h"
#include "formats/datagovtw_import.h"
#include "formats/json_util.h"
#include "formats/normalize.h"
#include "formats/pintu_jsonl.h"
#include "formats/record_sink.h"

namespace json = boost::json;

namespace pintu::formats {
namespace {

std::string_view StripBom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

std::string_view Extension(std::string_view filename) {
  size_t slash = filename.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? filename : filename.substr(slash + 1);
  size_t dot = base.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : base.substr(dot + 1);
}

std::string_view FirstLine(std::string_view s) {
  size_t nl = s.find('\n');
  return nl == std::string_view::npos ? s : s.substr(0, nl);
}

// The first non-blank line.
std::string_view FirstNonBlankLine(std::string_view s) {
  while (!s.empty()) {
    std::string_view line = FirstLine(s);
    if (!Trim(line).empty()) return line;
    s.remove_prefix(std::min(s.size(), line.size() + 1));
  }
  return {};
}

bool IsPintuLine(const json::object& o) {
  if (const json::value* f = Member(o, "format"); f && f->is_string() && f->get_string() == kPintuJsonlFormat)
    return true;
  return o.contains("kind") && o.contains("doc");
}

ImportFormat FormatOfJson(const json::value& v) {
  const json::value* first = &v;
  if (v.is_array()) {
    if (v.get_array().empty()) return ImportFormat::kCkan;
    first = &v.get_array()[0];
  }
  if (!first->is_object()) return ImportFormat::kCkan;
  const auto& o = first->get_object();
  if (IsPintuLine(o)) return ImportFormat::kJsonl;
  if (LooksLikeDatagovtwJson(o)) return ImportFormat::kDatagovtwJson;
  return ImportFormat::kCkan;
}

// Parses JSON; on failure reports byte offset, line and column.
Result<json::value> ParseJsonDocument(std::string_view text, size_t max_depth, const std::string& filename) {
  auto v = ParseJson(text, max_depth);
  if (!v) {
    std::string msg = v.error().message;
    if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
    return std::unexpected(Error::BadRequest(filename + ": " + msg));
  }
  return v;
}

void ImportJsonValue(const json::value& v, const std::string& source, ImportFormat format,
                     RecordSink& sink) {
  if (format == ImportFormat::kDatagovtwJson) return ImportDatagovtwJson(v, source, sink);
  auto r = ImportCkanValue(v, source, sink);
  if (!r) sink.Skip(source, r.error().message);
}

Error NotUtf8(const std::string& filename, std::string_view bytes, size_t at) {
  size_t line = 1;
  for (size_t i = 0; i < at; ++i)
    if (bytes[i] == '\n') ++line;
  return Error::BadRequest(filename + ": the file is not valid UTF-8 (first invalid byte at offset " +
                           std::to_string(at) + ", line " + std::to_string(line) +
                           "). It may be in Big5 (common for Taiwanese government files); convert "
                           "it first with `pintu convert` or `iconv -f BIG5 -t UTF-8`");
}

Result<void> ImportJsonDocument(std::string_view bytes, const std::string& filename, ImportFormat format,
                                RecordSink& sink) {
  if (size_t bad = FirstInvalidUtf8(bytes); bad != std::string_view::npos)
    return std::unexpected(NotUtf8(filename, bytes, bad));
  auto whole = ParseJsonDocument(bytes, sink.limits().max_depth, filename);
  if (whole) {
    if (whole->is_array() && whole->get_array().size() > sink.limits().max_rows)
      return std::unexpected(Error::TooLarge(filename + ": the list has more than " +
                                             std::to_string(sink.limits().max_rows) + " items (the limit)"));
    if (whole->is_object() && whole->get_object().contains("success")) {
      auto r = ImportCkanValue(*whole, filename, sink);  // envelope failures are whole-file errors
      if (!r) {
        r.error().message = filename + ": " + r.error().message;
        return std::unexpected(r.error());
      }
      return Ok();
    }
    ImportJsonValue(*whole, filename, format, sink);
    return Ok();
  }
  // JSON lines: the first line must parse on its own.
  std::string_view first = FirstNonBlankLine(bytes);
  auto first_value = ParseJson(first, sink.limits().max_depth);
  if (!first_value || !first_value->is_object() || Trim(first).size() == Trim(bytes).size())
    return std::unexpected(whole.error());
  size_t pos = 0, line_no = 0, lines = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (Trim(line).empty()) continue;
    if (++lines > sink.limits().max_rows)
      return std::unexpected(Error::TooLarge(filename + ": more than " + std::to_string(sink.limits().max_rows) +
                                             " lines (the limit)"));
    std::string source = filename + ":line " + std::to_string(line_no);
    auto v = ParseJson(line, sink.limits().max_depth);
    if (!v) {
      sink.Skip(source, v.error().message + " (byte offset within the line)");
      continue;
    }
    ImportJsonValue(*v, source, format, sink);
  }
  return Ok();
}

}  // namespace

json::object OrganizationRefToJson(const OrganizationRef& ref) {
  Organization o;
  o.id = ref.id;
  o.slug = ref.slug;
  o.title = ref.title;
  o.description = ref.description;
  o.level = ref.level;
  o.contacts = ref.contacts;
  o.homepage = ref.homepage;
  return OrganizationToJson(o);
}

std::optional<ImportFormat> ParseImportFormat(std::string_view name) {
  std::string n = AsciiLower(Trim(name));
  if (n == "auto") return ImportFormat::kAuto;
  if (n == "ckan") return ImportFormat::kCkan;
  if (n == "datagovtw-csv") return ImportFormat::kDatagovtwCsv;
  if (n == "datagovtw-json") return ImportFormat::kDatagovtwJson;
  if (n == "jsonl" || n == "pintu-jsonl") return ImportFormat::kJsonl;
  return std::nullopt;
}

std::string_view ImportFormatName(ImportFormat format) {
  switch (format) {
    case ImportFormat::kAuto: return "auto";
    case ImportFormat::kCkan: return "ckan";
    case ImportFormat::kDatagovtwCsv: return "datagovtw-csv";
    case ImportFormat::kDatagovtwJson: return "datagovtw-json";
    case ImportFormat::kJsonl: return "jsonl";
  }
  return "auto";
}

ImportFormat DetectImportFormat(std::string_view raw, std::string_view filename) {
  std::string_view bytes = StripBom(raw);
  std::string ext = AsciiLower(Extension(filename));
  std::string_view trimmed = Trim(bytes);
  if (trimmed.empty()) return ImportFormat::kAuto;
  if (ext == "csv" || ext == "tsv") return ImportFormat::kDatagovtwCsv;
  if (trimmed.front() == '{' || trimmed.front() == '[') {
    if (ext != "jsonl" && ext != "ndjson") {
      json::parse_options opts;
      opts.max_depth = 64;
      boost::system::error_code ec;
      json::value v = json::parse(trimmed, ec, {}, opts);
      if (!ec) return FormatOfJson(v);
    }
    auto first = ParseJson(FirstNonBlankLine(bytes), 64);
    if (first) return FormatOfJson(*first);
    return ImportFormat::kCkan;  // malformed JSON: the parser reports where
  }
  if (FirstLine(trimmed).find("資料集名稱") != std::string_view::npos) return ImportFormat::kDatagovtwCsv;
  return ImportFormat::kAuto;
}

Result<ImportBatch> ParseImportDocument(std::string_view raw, std::string_view filename_view,
                                        ImportFormat format, const ImportLimits& limits) {
  std::string filename(filename_view.empty() ? "input" : filename_view);
  if (raw.size() > limits.max_bytes)
    return std::unexpected(Error::TooLarge(filename + ": the file has " + std::to_string(raw.size()) +
                                           " bytes; the limit is " + std::to_string(limits.max_bytes)));
  std::string_view bytes = StripBom(raw);
  if (Trim(bytes).empty()) return std::unexpected(Error::BadRequest(filename + ": the file is empty"));
  if (format == ImportFormat::kAuto) format = DetectImportFormat(raw, filename);
  if (format == ImportFormat::kAuto) {
    if (size_t bad = FirstInvalidUtf8(bytes.substr(0, 4096)); bad != std::string_view::npos)
      return std::unexpected(NotUtf8(filename, bytes, bad));
    return std::unexpected(Error::BadRequest(
        filename + ": unknown format: not JSON, and not a CSV with a 資料集名稱 column. "
        "Name the format with --format (ckan, datagovtw-csv, datagovtw-json, jsonl)"));
  }
  ImportBatch batch;
  batch.format = std::string(ImportFormatName(format));
  RecordSink sink(batch, limits);
  Result<void> r;
  switch (format) {
    case ImportFormat::kDatagovtwCsv: r = ImportDatagovtwCsv(raw, filename, sink); break;
    case ImportFormat::kJsonl: r = ImportPintuJsonl(bytes, filename, sink); break;
    case ImportFormat::kCkan:
    case ImportFormat::kDatagovtwJson: r = ImportJsonDocument(bytes, filename, format, sink); break;
    case ImportFormat::kAuto: break;
  }
  if (!r) return std::unexpected(r.error());
  return batch;
}

}  // namespace pintu::formats
