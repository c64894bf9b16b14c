#include "search/normalizer.h"

#include <opencc/opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <exception>

#include "core/cjk_variants.h"

namespace pintu::search {
namespace {

constexpr char32_t kTai = U'\u53F0';  // 台
constexpr char32_t kTaiFormal = U'\u81FA';  // 臺

// Steps 1 and 2: NFKC, then the radical/stroke table. Invalid UTF-8 in `text`
// becomes U+FFFD (ICU's fromUTF8 substitutes it).
icu::UnicodeString NfkcAndVariants(std::string_view text) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString out = U_SUCCESS(status) ? nfkc->normalize(in, status) : in;
  if (U_FAILURE(status)) out = in;
  icu::UnicodeString mapped;
  for (int32_t i = 0; i < out.length(); i = out.moveIndex32(i, 1)) {
    mapped.append(static_cast<UChar32>(MapCjkVariant(static_cast<char32_t>(out.char32At(i)))));
  }
  return mapped;
}

// Steps 4 and 5: 台 → 臺, then full case folding.
std::string TaiAndFold(icu::UnicodeString s) {
  s.findAndReplace(icu::UnicodeString(static_cast<UChar32>(kTai)),
                   icu::UnicodeString(static_cast<UChar32>(kTaiFormal)));
  s.foldCase();
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

struct Normalizer::Impl {
  // SimpleConverter::Convert is const and only reads the loaded dictionaries, so
  // one instance is shared by all threads without a lock.
  std::unique_ptr<opencc::SimpleConverter> s2twp;

  // OpenCC stops at a NUL byte, so convert the pieces between NULs separately.
  std::string Convert(const std::string& utf8) const {
    std::string out;
    out.reserve(utf8.size());
    size_t start = 0;
    while (start <= utf8.size()) {
      size_t nul = utf8.find('\0', start);
      size_t end = nul == std::string::npos ? utf8.size() : nul;
      if (end > start) out += s2twp->Convert(utf8.data() + start, end - start);
      if (nul == std::string::npos) break;
      out.push_back('\0');
      start = nul + 1;
    }
    return out;
  }
};

Normalizer::Normalizer() : impl_(std::make_unique<Impl>()) {}
Normalizer::~Normalizer() = default;

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  std::unique_ptr<Normalizer> n(new Normalizer());
  try {
    n->impl_->s2twp = std::make_unique<opencc::SimpleConverter>("s2twp.json");
  } catch (const std::exception& e) {
    return std::unexpected(Error::Internal(
        std::string("cannot load OpenCC s2twp.json (install opencc-data / libopencc-dev; "
                    "expected in /usr/share/opencc/): ") + e.what()));
  } catch (...) {
    return std::unexpected(Error::Internal("cannot load OpenCC s2twp.json: unknown error"));
  }
  return n;
}

std::string Normalizer::Normalize(std::string_view text) const {
  std::string step2;
  NfkcAndVariants(text).toUTF8String(step2);
  std::string converted;
  try {
    converted = impl_->Convert(step2);
  } catch (...) {
    converted = std::move(step2);  // OpenCC failure: fall back to the unconverted text
  }
  return TaiAndFold(icu::UnicodeString::fromUTF8(converted));
}

std::string NormalizeWithoutConversion(std::string_view text) {
  return TaiAndFold(NfkcAndVariants(text));
}

}  // namespace pintu::search
