#include "core/xml_escape.h"

#include "core/text.h"

namespace pintu {

void AppendXmlEscaped(std::string& out, std::string_view text, bool attribute) {
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t len = Utf8SequenceAt(text, i, &cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (len == 1) {
      char ch = text[i];
      switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += attribute ? "&quot;" : "\""; break;
        case '\'': out += attribute ? "&apos;" : "'"; break;
        case '\t': case '\n': case '\r':
          out += attribute ? (ch == '\t' ? "&#9;" : ch == '\n' ? "&#10;" : "&#13;") : std::string(1, ch);
          break;
        default:
          if (static_cast<unsigned char>(ch) >= 0x20) out += ch;  // other C0 controls are not XML
      }
    } else if (cp != 0xFFFE && cp != 0xFFFF) {
      out.append(text.substr(i, len));
    }
    i += len;
  }
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendXmlEscaped(out, text);
  return out;
}

}  // namespace pintu
