#include "quality/sniff.h"

#include <algorithm>
#include <cctype>

#include "quality/encoding.h"
#include "quality/transcode.h"

namespace pintu::quality {
namespace {

struct Name {
  FileFormat format;
  std::string_view name;
};
constexpr Name kNames[] = {
    {FileFormat::kUnknown, "unknown"}, {FileFormat::kEmpty, "empty"}, {FileFormat::kCsv, "csv"},
    {FileFormat::kTsv, "tsv"},         {FileFormat::kJson, "json"},   {FileFormat::kGeoJson, "geojson"},
    {FileFormat::kXml, "xml"},         {FileFormat::kHtml, "html"},   {FileFormat::kText, "txt"},
    {FileFormat::kXlsx, "xlsx"},       {FileFormat::kDocx, "docx"},   {FileFormat::kPptx, "pptx"},
    {FileFormat::kOds, "ods"},         {FileFormat::kOdt, "odt"},     {FileFormat::kOdp, "odp"},
    {FileFormat::kXls, "xls"},         {FileFormat::kDoc, "doc"},     {FileFormat::kPdf, "pdf"},
    {FileFormat::kZip, "zip"},         {FileFormat::kGzip, "gz"},     {FileFormat::kPng, "png"},
    {FileFormat::kJpeg, "jpeg"},       {FileFormat::kGif, "gif"},     {FileFormat::kTiff, "tiff"},
    {FileFormat::kWebp, "webp"},       {FileFormat::kBmp, "bmp"},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Content types and extensions (both lower case) with their format.
struct Declared {
  std::string_view key;
  FileFormat format;
};
constexpr Declared kContentTypes[] = {
    {"text/csv", FileFormat::kCsv},
    {"application/csv", FileFormat::kCsv},
    {"text/tab-separated-values", FileFormat::kTsv},
    {"application/json", FileFormat::kJson},
    {"text/json", FileFormat::kJson},
    {"application/geo+json", FileFormat::kGeoJson},
    {"application/vnd.geo+json", FileFormat::kGeoJson},
    {"application/xml", FileFormat::kXml},
    {"text/xml", FileFormat::kXml},
    {"text/html", FileFormat::kHtml},
    {"application/xhtml+xml", FileFormat::kHtml},
    {"text/plain", FileFormat::kText},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileFormat::kXlsx},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileFormat::kDocx},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", FileFormat::kPptx},
    {"application/vnd.oasis.opendocument.spreadsheet", FileFormat::kOds},
    {"application/vnd.oasis.opendocument.text", FileFormat::kOdt},
    {"application/vnd.oasis.opendocument.presentation", FileFormat::kOdp},
    {"application/vnd.ms-excel", FileFormat::kXls},
    {"application/msword", FileFormat::kDoc},
    {"application/pdf", FileFormat::kPdf},
    {"application/zip", FileFormat::kZip},
    {"application/x-zip-compressed", FileFormat::kZip},
    {"application/gzip", FileFormat::kGzip},
    {"application/x-gzip", FileFormat::kGzip},
    {"image/png", FileFormat::kPng},
    {"image/jpeg", FileFormat::kJpeg},
    {"image/gif", FileFormat::kGif},
    {"image/tiff", FileFormat::kTiff},
    {"image/webp", FileFormat::kWebp},
    {"image/bmp", FileFormat::kBmp},
};
constexpr Declared kExtensions[] = {
    {"csv", FileFormat::kCsv},   {"tsv", FileFormat::kTsv},   {"tab", FileFormat::kTsv},
    {"json", FileFormat::kJson}, {"geojson", FileFormat::kGeoJson}, {"xml", FileFormat::kXml},
    {"html", FileFormat::kHtml}, {"htm", FileFormat::kHtml},  {"txt", FileFormat::kText},
    {"xlsx", FileFormat::kXlsx}, {"docx", FileFormat::kDocx}, {"pptx", FileFormat::kPptx},
    {"ods", FileFormat::kOds},   {"odt", FileFormat::kOdt},   {"odp", FileFormat::kOdp},
    {"xls", FileFormat::kXls},   {"doc", FileFormat::kDoc},   {"ppt", FileFormat::kDoc},
    {"pdf", FileFormat::kPdf},   {"zip", FileFormat::kZip},   {"gz", FileFormat::kGzip},
    {"gzip", FileFormat::kGzip}, {"png", FileFormat::kPng},   {"jpg", FileFormat::kJpeg},
    {"jpeg", FileFormat::kJpeg}, {"gif", FileFormat::kGif},   {"tif", FileFormat::kTiff},
    {"tiff", FileFormat::kTiff}, {"webp", FileFormat::kWebp}, {"bmp", FileFormat::kBmp},
};

std::optional<FileFormat> FromContentType(std::string_view content_type) {
  std::string type = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  for (const Declared& d : kContentTypes) {
    if (type == d.key) return d.format;
  }
  return std::nullopt;
}

std::optional<FileFormat> FromNameOrExtension(std::string_view name) {
  name = name.substr(0, name.find_first_of("?#"));
  if (size_t slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (size_t dot = name.find_last_of('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
  std::string ext = Lower(Trim(name));
  for (const Declared& d : kExtensions) {
    if (ext == d.key) return d.format;
  }
  return std::nullopt;
}

// The format the file name or the content type names (content type first).
std::optional<FileFormat> Hint(const SniffInput& in) {
  if (auto f = FromContentType(in.content_type)) return f;
  if (!in.file_name.empty()) return FromNameOrExtension(in.file_name);
  return std::nullopt;
}

SniffResult Found(FileFormat format, std::string evidence) {
  return {format, IsMachineReadable(format), std::move(evidence)};
}

SniffResult SniffZip(const SniffInput& in) {
  static constexpr std::pair<std::string_view, FileFormat> kOdf[] = {
      {"mimetypeapplication/vnd.oasis.opendocument.spreadsheet", FileFormat::kOds},
      {"mimetypeapplication/vnd.oasis.opendocument.text", FileFormat::kOdt},
      {"mimetypeapplication/vnd.oasis.opendocument.presentation", FileFormat::kOdp},
  };
  for (const auto& [marker, format] : kOdf) {
    if (Contains(in.head, marker)) return Found(format, "zip with OpenDocument mimetype member");
  }
  static constexpr std::pair<std::string_view, FileFormat> kMembers[] = {
      {"xl/workbook.xml", FileFormat::kXlsx},
      {"word/document.xml", FileFormat::kDocx},
      {"ppt/presentation.xml", FileFormat::kPptx},
  };
  for (const auto& [member, format] : kMembers) {
    bool listed = std::find(in.zip_members.begin(), in.zip_members.end(), member) != in.zip_members.end();
    if (listed || Contains(in.head, member)) return Found(format, "zip member " + std::string(member));
  }
  // An OpenDocument file whose mimetype member was not first: look at the member list.
  if (std::find(in.zip_members.begin(), in.zip_members.end(), "content.xml") != in.zip_members.end()) {
    if (auto hint = Hint(in); hint == FileFormat::kOds || hint == FileFormat::kOdt || hint == FileFormat::kOdp) {
      return Found(*hint, "zip with content.xml and an OpenDocument name");
    }
  }
  return Found(FileFormat::kZip, "magic PK\\x03\\x04 (zip)");
}

SniffResult SniffOle2(const SniffInput& in) {
  auto hint = Hint(in);
  if (hint == FileFormat::kXls) return Found(FileFormat::kXls, "OLE2 compound file named as Excel");
  if (hint == FileFormat::kDoc) return Found(FileFormat::kDoc, "OLE2 compound file named as Word");
  // Directory entries are UTF-16LE names; they are in the head only for small files.
  if (Contains(in.head, std::string_view("W\0o\0r\0k\0b\0o\0o\0k", 16))) {
    return Found(FileFormat::kXls, "OLE2 compound file with a Workbook stream");
  }
  return Found(FileFormat::kDoc, "OLE2 compound file (Office 97-2003 document)");
}

// True when decoded text looks like text: no NUL, few other control characters.
bool LooksLikeText(std::string_view text) {
  size_t controls = 0;
  for (char c : text) {
    auto b = static_cast<unsigned char>(c);
    if (b == 0) return false;
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') ++controls;
  }
  return controls * 100 <= text.size();
}

bool LooksLikeJsonStart(std::string_view t) {
  if (t.empty() || (t[0] != '{' && t[0] != '[')) return false;
  std::string_view rest = Trim(t.substr(1));
  if (rest.empty()) return true;
  char c = rest[0];
  if (t[0] == '{') return c == '"' || c == '}';
  return c == '{' || c == '[' || c == '"' || c == ']' || c == '-' || std::isdigit(static_cast<unsigned char>(c)) ||
         c == 't' || c == 'f' || c == 'n';
}

bool LooksLikeGeoJson(std::string_view t) {
  // "type": "FeatureCollection" or "type": "Feature", whitespace allowed around the colon.
  for (std::string_view kind : {"\"FeatureCollection\"", "\"Feature\""}) {
    for (size_t at = t.find(kind); at != std::string_view::npos; at = t.find(kind, at + 1)) {
      std::string_view before = Trim(t.substr(0, at));
      if (before.ends_with(':') && Trim(before.substr(0, before.size() - 1)).ends_with("\"type\"")) return true;
    }
  }
  return false;
}

SniffResult SniffText(const SniffInput& in, std::string_view text) {
  std::string_view t = Trim(text);
  auto hint = Hint(in);
  if (LooksLikeJsonStart(t)) {
    if (LooksLikeGeoJson(t)) return Found(FileFormat::kGeoJson, "JSON with \"type\": \"Feature…\"");
    if (hint == FileFormat::kGeoJson) return Found(FileFormat::kGeoJson, "JSON named as GeoJSON");
    return Found(FileFormat::kJson, "text starting with a JSON value");
  }
  if (t.starts_with('<')) {
    std::string head = Lower(t.substr(0, 4096));
    if (head.starts_with("<!doctype html") || Contains(head, "<html") || Contains(head, "<body") ||
        Contains(head, "<head>")) {
      return Found(FileFormat::kHtml, "HTML markup");
    }
    if (head.starts_with("<?xml") || (head.size() > 1 && (std::isalpha(static_cast<unsigned char>(head[1])) ||
                                                           head[1] == '!' || head[1] == '_'))) {
      return Found(FileFormat::kXml, "XML markup");
    }
  }
  std::string_view first_line = t.substr(0, t.find('\n'));
  bool tabs = Contains(first_line, "\t"), commas = Contains(first_line, ",");
  if (hint == FileFormat::kTsv) return Found(FileFormat::kTsv, "delimited text named as TSV");
  if (tabs && !commas) return Found(FileFormat::kTsv, "delimited text with tabs on the first line");
  if (commas || Contains(first_line, ";") || Contains(first_line, "|") || tabs) {
    return Found(FileFormat::kCsv, "delimited text");
  }
  if (hint == FileFormat::kCsv) return Found(FileFormat::kCsv, "text with one column, named as CSV");
  return Found(FileFormat::kText, "text without a delimiter on the first line");
}

}  // namespace

std::string_view FileFormatName(FileFormat format) {
  for (const Name& n : kNames) {
    if (n.format == format) return n.name;
  }
  return "unknown";
}

bool IsMachineReadable(FileFormat format) {
  switch (format) {
    case FileFormat::kCsv:
    case FileFormat::kTsv:
    case FileFormat::kJson:
    case FileFormat::kGeoJson:
    case FileFormat::kXml:
    case FileFormat::kXlsx:
    case FileFormat::kOds:
    case FileFormat::kXls:
      return true;
    default:
      return false;
  }
}

SniffResult SniffFormat(const SniffInput& in) {
  std::string_view h = in.head;
  if (h.empty()) return Found(FileFormat::kEmpty, "no bytes");
  if (Contains(h.substr(0, 1024), "%PDF-")) return Found(FileFormat::kPdf, "magic %PDF-");
  if (h.starts_with("PK\x03\x04") || h.starts_with(std::string_view("PK\x05\x06", 4))) return SniffZip(in);
  if (h.starts_with("\x1F\x8B")) return Found(FileFormat::kGzip, "magic 1F 8B (gzip)");
  if (h.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return SniffOle2(in);
  if (h.starts_with("\x89PNG\r\n\x1A\n")) return Found(FileFormat::kPng, "magic \\x89PNG");
  if (h.starts_with("\xFF\xD8\xFF")) return Found(FileFormat::kJpeg, "magic FF D8 FF (JPEG)");
  if (h.starts_with("GIF87a") || h.starts_with("GIF89a")) return Found(FileFormat::kGif, "magic GIF8");
  if (h.starts_with(std::string_view("II*\0", 4)) || h.starts_with(std::string_view("MM\0*", 4))) {
    return Found(FileFormat::kTiff, "magic II*/MM* (TIFF)");
  }
  if (h.size() >= 12 && h.starts_with("RIFF") && h.substr(8, 4) == "WEBP") return Found(FileFormat::kWebp, "RIFF WEBP");
  if (h.size() >= 10 && h.starts_with("BM") && h.substr(6, 4) == std::string_view("\0\0\0\0", 4)) {
    return Found(FileFormat::kBmp, "magic BM (bitmap)");
  }
  // Text: decode the head with the detected encoding.
  EncodingDetection enc = DetectEncoding(h, false);
  if (enc.encoding != "unknown") {
    if (auto decoded = DecodeAll(h, enc.encoding, 0)) {
      bool mostly_decodable = decoded->invalid_count <= 1 + h.size() / 100;
      if (mostly_decodable && LooksLikeText(decoded->text)) return SniffText(in, decoded->text);
    }
  }
  return Found(FileFormat::kUnknown, "binary data of no known format");
}

std::optional<FileFormat> FormatFromDeclaration(std::string_view declared) {
  std::string_view d = Trim(declared);
  if (d.empty()) return std::nullopt;
  if (auto f = FromContentType(d)) return f;
  return FromNameOrExtension(d);
}

FormatComparison CompareFormats(std::string_view declared, FileFormat actual) {
  FormatComparison c;
  c.declared = FormatFromDeclaration(declared);
  c.actual = actual;
  if (!c.declared) return c;
  auto delimited = [](FileFormat f) { return f == FileFormat::kCsv || f == FileFormat::kTsv; };
  c.agrees = *c.declared == actual || (delimited(*c.declared) && delimited(actual)) ||
             (*c.declared == FileFormat::kJson && actual == FileFormat::kGeoJson);
  return c;
}

}  // namespace pintu::quality
