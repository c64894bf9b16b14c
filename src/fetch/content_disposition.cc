#include "fetch/content_disposition.h"

#include "core/text.h"

namespace pintu::fetch {
namespace {

bool IsTokenChar(char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes; nullopt when an escape is malformed.
std::optional<std::string> StrictPercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// RFC 8187 ext-value: charset'language'pct-encoded.
std::optional<std::string> DecodeExtValue(std::string_view v) {
  size_t q1 = v.find('\'');
  if (q1 == std::string_view::npos) return std::nullopt;
  size_t q2 = v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return std::nullopt;
  std::string charset = AsciiLower(v.substr(0, q1));
  auto decoded = StrictPercentDecode(v.substr(q2 + 1));
  if (!decoded) return std::nullopt;
  if (charset == "utf-8") return IsValidUtf8(*decoded) ? decoded : std::nullopt;
  if (charset == "iso-8859-1") return Latin1ToUtf8(*decoded);
  return std::nullopt;
}

bool HasPercentEscape(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i)
    if (s[i] == '%' && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) return true;
  return false;
}

bool HasNonAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return true;
  return false;
}

// A plain filename="..." value: raw UTF-8, or %XX-escaped UTF-8 as browsers accept it.
std::optional<std::string> DecodePlainFilename(std::string_view v) {
  if (HasPercentEscape(v)) {
    auto decoded = StrictPercentDecode(v);
    if (decoded && HasNonAscii(*decoded) && IsValidUtf8(*decoded)) return decoded;
  }
  if (!IsValidUtf8(v)) return std::nullopt;
  return std::string(v);
}

// Reads one parameter value at `i` (quoted-string or token), advancing `i`.
std::string ReadValue(std::string_view s, size_t& i) {
  std::string out;
  if (i < s.size() && s[i] == '"') {
    ++i;
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      out += s[i++];
    }
    if (i < s.size()) ++i;  // closing quote
    return out;
  }
  while (i < s.size() && s[i] != ';') out += s[i++];
  while (!out.empty() && IsSpace(out.back())) out.pop_back();
  return out;
}

// True for characters a shown or stored file name must not contain: C0 and C1 controls,
// DEL, and bidirectional overrides that disguise extensions (U+202A–U+202E, U+2066–U+2069).
size_t UnsafeSequenceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 || c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d >= 0x80 && d <= 0x9F) return 2;
  }
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x80 && e >= 0xAA && e <= 0xAE) return 3;
    if (d == 0x81 && e >= 0xA6 && e <= 0xA9) return 3;
  }
  return 0;
}

}  // namespace

std::optional<std::string> SanitizeFilename(std::string_view name) {
  if (!IsValidUtf8(name)) return std::nullopt;
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    if (size_t skip = UnsafeSequenceLength(name, i)) {
      i += skip;
      continue;
    }
    out += name[i++];
  }
  size_t begin = 0;
  while (begin < out.size() && (out[begin] == '.' || IsSpace(out[begin]))) ++begin;
  size_t end = out.size();
  while (end > begin && (out[end - 1] == '.' || IsSpace(out[end - 1]))) --end;
  out = out.substr(begin, end - begin);
  if (out.size() > 255) {
    size_t cut = 255;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<ContentDisposition> ParseContentDisposition(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  size_t type_begin = i;
  while (i < s.size() && IsTokenChar(s[i])) ++i;
  if (i == type_begin) return std::nullopt;
  ContentDisposition result;
  result.type = AsciiLower(s.substr(type_begin, i - type_begin));

  std::optional<std::string> plain, extended;
  bool saw_plain = false, saw_extended = false;
  while (i < s.size()) {
    // Skip to the next ';' (anything else between parameters is ignored).
    while (i < s.size() && s[i] != ';') ++i;
    if (i >= s.size()) break;
    ++i;
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t name_begin = i;
    while (i < s.size() && IsTokenChar(s[i])) ++i;
    std::string name = AsciiLower(s.substr(name_begin, i - name_begin));
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::string value = ReadValue(s, i);
    if (name == "filename" && !saw_plain) {
      saw_plain = true;
      plain = DecodePlainFilename(value);
    } else if (name == "filename*" && !saw_extended) {
      saw_extended = true;
      extended = DecodeExtValue(value);
    }
  }
  if (extended) result.filename = SanitizeFilename(*extended);
  if (!result.filename && plain) result.filename = SanitizeFilename(*plain);
  return result;
}

}  // namespace pintu::fetch
