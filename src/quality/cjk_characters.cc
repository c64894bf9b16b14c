#include "quality/cjk_characters.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/cjk_variants.h"

namespace pintu::quality {
namespace {

unsigned char Byte(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }
bool IsContinuation(std::string_view s, std::size_t i) { return i < s.size() && (Byte(s, i) & 0xC0) == 0x80; }

// Decodes the 3-byte sequence at s[i] (lead E0–EF), or 0 when malformed.
char32_t Decode3(std::string_view s, std::size_t i) {
  if (!IsContinuation(s, i + 1) || !IsContinuation(s, i + 2)) return 0;
  return (char32_t{Byte(s, i) & 0x0Fu} << 12) | (char32_t{Byte(s, i + 1) & 0x3Fu} << 6) | (Byte(s, i + 2) & 0x3Fu);
}

// Decodes the 4-byte sequence at s[i] (lead F0–F4), or 0 when malformed.
char32_t Decode4(std::string_view s, std::size_t i) {
  if (!IsContinuation(s, i + 1) || !IsContinuation(s, i + 2) || !IsContinuation(s, i + 3)) return 0;
  return (char32_t{Byte(s, i) & 0x07u} << 18) | (char32_t{Byte(s, i + 1) & 0x3Fu} << 12) |
         (char32_t{Byte(s, i + 2) & 0x3Fu} << 6) | (Byte(s, i + 3) & 0x3Fu);
}

bool IsFullWidthAlnum(char32_t cp) {
  return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

void Remember(CjkCharacterFindings& f, char32_t cp) {
  for (char32_t& slot : f.compatibility) {
    if (slot == cp) return;
    if (slot == 0) {
      slot = cp;
      return;
    }
  }
}

// NFKC of one code point when it is a single different code point, else 0.
char32_t NfkcSingle(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return 0;
  icu::UnicodeString in(static_cast<UChar32>(cp));
  icu::UnicodeString out = nfkc->normalize(in, status);
  if (U_FAILURE(status) || out == in || out.countChar32() != 1) return 0;
  return static_cast<char32_t>(out.char32At(0));
}

}  // namespace

bool IsCjkCompatibilityCharacter(char32_t cp) {
  if ((cp >= 0x2E80 && cp <= 0x2EFF) || (cp >= 0x2F00 && cp <= 0x2FDF) || (cp >= 0x31C0 && cp <= 0x31EF)) {
    return true;
  }
  if ((cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F)) return NfkcSingle(cp) != 0;
  return false;
}

char32_t CjkCompatibilityReplacement(char32_t cp) {
  if (char32_t n = NfkcSingle(cp)) return n;
  char32_t t = MapCjkVariant(cp);
  return t == cp ? 0 : t;
}

CjkCharacterFindings ScanCjkCharacters(std::string_view s) {
  CjkCharacterFindings f;
  bool full_width_alnum = false, full_width_other = false, other_cjk = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char b = Byte(s, i);
    if (b < 0xE2) continue;
    if (b >= 0xE4 && b <= 0xEE) {  // U+4000–EFFF: ideographs, Yi, Hangul …
      other_cjk = true;
      i += 2;
      continue;
    }
    if (b == 0xE2 || b == 0xE3 || b == 0xEF) {
      const char32_t cp = Decode3(s, i);
      if (cp == 0) continue;
      i += 2;
      if (cp == 0x3000) {
        full_width_other = true;
      } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
        (IsFullWidthAlnum(cp) ? full_width_alnum : full_width_other) = true;
      } else if (cp >= 0x2E80 && cp <= 0xFE4F) {
        other_cjk = true;
        if (IsCjkCompatibilityCharacter(cp)) Remember(f, cp);
      }
      continue;
    }
    if (b >= 0xF0 && b <= 0xF4) {
      const char32_t cp = Decode4(s, i);
      if (cp == 0) continue;
      i += 3;
      if (cp >= 0x20000 && cp <= 0x3FFFF) {
        other_cjk = true;
        if (cp >= 0x2F800 && cp <= 0x2FA1F && IsCjkCompatibilityCharacter(cp)) Remember(f, cp);
      }
    }
  }
  f.full_width = full_width_alnum || (full_width_other && !other_cjk);
  return f;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Rewrites `text`, mapping each well-formed 3- or 4-byte character through `map`
// (0 = keep). Other bytes are copied as they are.
template <typename Map>
std::string MapCharacters(std::string_view text, Map map) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char b = Byte(text, i);
    std::size_t n = (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
    char32_t cp = n == 3 ? Decode3(text, i) : n == 4 ? Decode4(text, i) : 0;
    if (cp != 0) {
      if (char32_t to = map(cp)) {
        AppendUtf8(out, to);
      } else {
        out.append(text.substr(i, n));
      }
      i += n;
    } else {
      out += text[i];
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string ToHalfWidth(std::string_view text) {
  return MapCharacters(text, [](char32_t cp) -> char32_t {
    if (cp == 0x3000) return U' ';
    if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
    return 0;
  });
}

std::string ReplaceCjkCompatibility(std::string_view text) {
  return MapCharacters(text, [](char32_t cp) -> char32_t {
    return IsCjkCompatibilityCharacter(cp) ? CjkCompatibilityReplacement(cp) : 0;
  });
}

}  // namespace pintu::quality
