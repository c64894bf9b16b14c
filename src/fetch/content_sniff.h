// Tells from the first bytes of a response what it is, in the few kinds a link check
// needs: above all, whether a "file" is in fact an HTML page (a landing page, a login
// form, an error page served with status 200).
#pragma once

#include <string_view>

namespace pintu::fetch {

// What the first bytes of a response look like.
enum class ContentKind {
  kEmpty,   // no bytes
  kHtml,    // an HTML or XHTML document (WHATWG sniffing signatures)
  kPdf,     // %PDF-
  kZip,     // PK\3\4 — zip, and so XLSX, ODS, DOCX
  kGzip,    // 1f 8b
  kOle2,    // d0 cf 11 e0 — old Excel / Word
  kXml,     // <?xml without an HTML root
  kJson,    // starts with { or [
  kText,    // other text (any encoding without NUL bytes)
  kBinary,  // anything else
};

// Classifies `first_bytes` (any length; a few KiB is plenty). A UTF-8 BOM and leading
// whitespace are skipped before looking for markup. Never reads past the view.
ContentKind SniffContent(std::string_view first_bytes);

// Stable lower-case name of a kind ("html", "pdf", "zip" …) for stored evidence.
std::string_view ContentKindName(ContentKind kind);

// True when a Content-Type value names HTML (text/html or application/xhtml+xml),
// whatever its parameters and letter case.
bool IsHtmlContentType(std::string_view content_type);

}  // namespace pintu::fetch
