#include "core/xml_escape.h"

namespace pintu {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is invalid
// (overlong forms, surrogates and values above U+10FFFF are invalid).
size_t Utf8Length(std::string_view s, size_t i, char32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len;
  char32_t v;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    v = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    v = (v << 6) | (cc & 0x3F);
  }
  if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF))) return 0;
  if (v >= 0xD800 && v <= 0xDFFF) return 0;
  *cp = v;
  return len;
}

}  // namespace

void AppendXmlEscaped(std::string& out, std::string_view text, bool attribute) {
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t len = Utf8Length(text, i, &cp);
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
