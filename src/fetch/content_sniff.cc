#include "fetch/content_sniff.h"

#include <array>

#include "core/text.h"

namespace pintu::fetch {
namespace {

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (a != b) return false;
  }
  return true;
}

// WHATWG MIME sniffing "HTML" signatures (lower-case), each followed by a space or '>'.
bool StartsWithHtmlTag(std::string_view s) {
  static constexpr std::array<std::string_view, 17> kTags = {
      "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table",
      "<a",             "<style", "<title", "<b", "<body", "<br", "<p", "<!--"};
  for (std::string_view tag : kTags) {
    if (!StartsWithNoCase(s, tag)) continue;
    if (tag == "<!--") return true;
    if (s.size() == tag.size()) return true;  // the signature ends the sample
    char next = s[tag.size()];
    if (next == ' ' || next == '>' || IsWhitespace(next)) return true;
  }
  return false;
}

// "<?xml …?>" followed (after comments, doctype or whitespace) by an HTML root element.
bool XmlWithHtmlRoot(std::string_view s) {
  std::string lower = AsciiLower(s.substr(0, 4096));
  return lower.find("<!doctype html") != std::string::npos || lower.find("<html") != std::string::npos;
}

bool StartsWithBytes(std::string_view s, std::string_view magic) { return s.substr(0, magic.size()) == magic; }

}  // namespace

ContentKind SniffContent(std::string_view s) {
  if (s.empty()) return ContentKind::kEmpty;
  if (StartsWithBytes(s, "%PDF-")) return ContentKind::kPdf;
  if (StartsWithBytes(s, std::string_view("PK\x03\x04", 4)) || StartsWithBytes(s, std::string_view("PK\x05\x06", 4)))
    return ContentKind::kZip;
  if (StartsWithBytes(s, "\x1f\x8b")) return ContentKind::kGzip;
  if (StartsWithBytes(s, "\xd0\xcf\x11\xe0")) return ContentKind::kOle2;

  std::string_view t = s;
  if (StartsWithBytes(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
  while (!t.empty() && IsWhitespace(t.front())) t.remove_prefix(1);
  if (t.empty()) return ContentKind::kText;
  if (StartsWithNoCase(t, "<?xml")) return XmlWithHtmlRoot(t) ? ContentKind::kHtml : ContentKind::kXml;
  if (StartsWithHtmlTag(t)) return ContentKind::kHtml;
  if (t.front() == '{' || t.front() == '[') return ContentKind::kJson;
  for (char c : s)
    if (c == '\0') return ContentKind::kBinary;
  return ContentKind::kText;
}

std::string_view ContentKindName(ContentKind kind) {
  switch (kind) {
    case ContentKind::kEmpty: return "empty";
    case ContentKind::kHtml: return "html";
    case ContentKind::kPdf: return "pdf";
    case ContentKind::kZip: return "zip";
    case ContentKind::kGzip: return "gzip";
    case ContentKind::kOle2: return "ole2";
    case ContentKind::kXml: return "xml";
    case ContentKind::kJson: return "json";
    case ContentKind::kText: return "text";
    case ContentKind::kBinary: return "binary";
  }
  return "binary";
}

bool IsHtmlContentType(std::string_view content_type) {
  std::string_view media = content_type.substr(0, content_type.find(';'));
  std::string lower = AsciiLower(Trim(media));
  return lower == "text/html" || lower == "application/xhtml+xml";
}

}  // namespace pintu::fetch
