#include "formats/publiccode/grapheme.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>

namespace pintu::formats::publiccode {
namespace {

struct BreakCloser {
  void operator()(UBreakIterator* b) const { ubrk_close(b); }
};

// One character break iterator per thread (ICU iterators are not thread-safe).
UBreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<UBreakIterator, BreakCloser> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator* b = ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &status);
    return std::unique_ptr<UBreakIterator, BreakCloser>(U_SUCCESS(status) ? b : nullptr);
  }();
  return iterator.get();
}

}  // namespace

std::size_t CountGraphemes(std::string_view text) {
  if (text.empty()) return 0;
  UBreakIterator* it = ThreadIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (it == nullptr || U_FAILURE(status)) {
    if (ut) utext_close(ut);
    return text.size();
  }
  ubrk_setUText(it, ut, &status);
  std::size_t count = 0;
  if (U_SUCCESS(status)) {
    ubrk_first(it);
    while (ubrk_next(it) != UBRK_DONE) ++count;
  } else {
    count = text.size();
  }
  utext_close(ut);
  return count;
}

}  // namespace pintu::formats::publiccode
