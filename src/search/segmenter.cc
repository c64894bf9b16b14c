#include "search/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>

namespace pintu::search {
namespace {

// One word-break iterator per thread (creating one loads the dictionary rules).
icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createWordInstance(icu::Locale("zh", "TW"), status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return it.get();
}

bool IsWordChar(UChar32 c) { return u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC); }

}  // namespace

size_t CountHan(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  size_t n = 0;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(s.char32At(i), &status) == USCRIPT_HAN) ++n;
  }
  return n;
}

std::vector<std::string> SegmentWords(std::string_view text) {
  std::vector<std::string> out;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::BreakIterator* it = ThreadIterator();
  auto emit = [&](int32_t start, int32_t end) {
    icu::UnicodeString piece = s.tempSubStringBetween(start, end);
    bool word = false;
    for (int32_t i = 0; i < piece.length(); i = piece.moveIndex32(i, 1))
      if (IsWordChar(piece.char32At(i))) word = true;
    if (!word) return;
    std::string utf8;
    piece.toUTF8String(utf8);
    out.push_back(std::move(utf8));
  };
  if (!it) {  // no ICU break rules: whitespace words
    int32_t start = 0;
    for (int32_t i = 0; i <= s.length(); ++i) {
      if (i == s.length() || u_isUWhiteSpace(s.char32At(i))) {
        if (i > start) emit(start, i);
        start = i + 1;
      }
    }
    return out;
  }
  it->setText(s);
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) emit(start, end);
  return out;
}

}  // namespace pintu::search
