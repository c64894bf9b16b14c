// Characters that look like ordinary Chinese or ASCII text but are not: full-width
// forms (ＡＢＣ１２３, U+FF01–FF5E, and the ideographic space U+3000) and CJK radical,
// stroke and compatibility characters (⻑ U+2ED1 instead of 長), typical of text typed
// in full-width mode or extracted from PDFs.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace pintu::quality {

// What ScanCjkCharacters found in one cell.
struct CjkCharacterFindings {
  // Full-width characters worth a warning: full-width digits or Latin letters always;
  // full-width punctuation and U+3000 only in a cell without other CJK characters
  // (「臺北市（大安區）」 is correct Chinese typography, 「（０２）」 is not).
  bool full_width = false;
  // Up to 4 distinct radical, stroke or compatibility characters of the cell, in order
  // of appearance (0 = unused slot).
  std::array<char32_t, 4> compatibility{};
  bool has_compatibility() const { return compatibility[0] != 0; }
};

// Scans a cell. Only bytes that can start one of the characters above (0xE2, 0xE3, 0xEF,
// 0xF0) lead to decoding, so ordinary text costs one comparison per byte. Invalid UTF-8
// is skipped, never read out of bounds.
CjkCharacterFindings ScanCjkCharacters(std::string_view cell);

// True for a character that should not appear in running text: CJK Radicals Supplement
// (U+2E80–2EFF), Kangxi Radicals (U+2F00–2FDF), CJK Strokes (U+31C0–31EF), and the CJK
// compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F) that Unicode maps to a unified
// ideograph (twelve in U+FA0E–FA29 are unified ideographs themselves and are fine).
bool IsCjkCompatibilityCharacter(char32_t cp);

// The ordinary character `cp` stands for: ICU NFKC where it maps the character, else
// the radical table shared with search (core/cjk_variants.h); 0 when neither knows one.
char32_t CjkCompatibilityReplacement(char32_t cp);

// `text` with full-width forms U+FF01–FF5E replaced by their ASCII counterparts and
// U+3000 by a space; everything else unchanged.
std::string ToHalfWidth(std::string_view text);

// `text` with every compatibility character that has a replacement replaced.
std::string ReplaceCjkCompatibility(std::string_view text);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace pintu::quality
