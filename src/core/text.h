// Small, allocation-light text helpers shared by every layer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pintu {

// `s` without leading and trailing ASCII whitespace and U+3000 (ideographic space).
std::string_view Trim(std::string_view s);
std::string AsciiLower(std::string_view s);
std::string AsciiUpper(std::string_view s);
// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool IsValidUtf8(std::string_view s);
// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FirstInvalidUtf8(std::string_view s);
// Length of the well-formed UTF-8 sequence at s[i] (its code point in *cp), or 0 when it is
// invalid (overlong forms, surrogates, values above U+10FFFF, truncation). i < s.size().
size_t Utf8SequenceAt(std::string_view s, size_t i, char32_t* cp);
// Number of Unicode code points in valid UTF-8 `s`.
size_t CountCodePoints(std::string_view s);
// True for a CKAN-style name: 2–100 chars of [a-z0-9_-].
bool IsValidSlug(std::string_view s);
// Splits on `sep`, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);
// Replaces ASCII control characters (except \t \n \r) — keeps text printable and safe to log.
std::string StripControlChars(std::string_view s);

// Percent-encodes everything but RFC 3986 unreserved characters (for one path segment).
std::string PercentEncodeSegment(std::string_view s);
// True when UTF-8 `s` contains a Han (CJK ideograph) character — e.g. to mark a Chinese
// keyword with lang="zh-TW" on an English page. Invalid bytes are skipped.
bool ContainsHan(std::string_view s);
// Decodes %XX escapes (and '+' as space when `plus_is_space`). Invalid escapes are kept.
std::string PercentDecode(std::string_view s, bool plus_is_space = false);

}  // namespace pintu
