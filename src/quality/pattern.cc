#include "quality/pattern.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

namespace pintu::quality {

struct PatternMatcher::Impl {
  std::unique_ptr<icu::RegexPattern> pattern;
  std::unique_ptr<icu::RegexMatcher> matcher;
};

PatternMatcher::PatternMatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PatternMatcher::PatternMatcher(PatternMatcher&&) noexcept = default;
PatternMatcher& PatternMatcher::operator=(PatternMatcher&&) noexcept = default;
PatternMatcher::~PatternMatcher() = default;

Result<PatternMatcher> PatternMatcher::Compile(std::string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  auto impl = std::make_unique<Impl>();
  impl->pattern.reset(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))), 0,
      where, status));
  if (U_FAILURE(status) || !impl->pattern) {
    return std::unexpected(Error::Invalid(
        "pattern",
        fmt::format("not a valid regular expression ({} at offset {})", u_errorName(status), where.offset),
        fmt::format("不是有效的正規表示式（{}，位置 {}）", u_errorName(status), where.offset)));
  }
  impl->matcher.reset(impl->pattern->matcher(status));
  if (U_FAILURE(status) || !impl->matcher) {
    return std::unexpected(Error::Internal(fmt::format("regular expression matcher: {}", u_errorName(status))));
  }
  impl->matcher->setTimeLimit(200, status);  // steps of the match engine, about milliseconds
  return PatternMatcher(std::move(impl));
}

bool PatternMatcher::FullMatch(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString input =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  impl_->matcher->reset(input);
  const bool matched = impl_->matcher->matches(status);
  return U_SUCCESS(status) && matched;
}

}  // namespace pintu::quality
