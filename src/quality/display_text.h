// Cell text made safe to show: cut to a byte cap at a UTF-8 boundary, invalid bytes
// replaced, so that reports and JSON stay valid UTF-8 whatever the input was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pintu::quality {

// The length of the longest prefix of `text` that is at most `max_bytes` long and does
// not end inside a UTF-8 multi-byte sequence (invalid bytes count as one character).
std::size_t Utf8PrefixLength(std::string_view text, std::size_t max_bytes);

// `text` as valid UTF-8: each byte that does not start a well-formed sequence becomes
// U+FFFD. Text that is already valid comes back unchanged.
std::string ToValidUtf8(std::string_view text);

// Number of code points in `text`, counting every byte that is not a UTF-8 continuation
// byte (so invalid input still gets a sensible, bounded answer).
std::size_t CountCharacters(std::string_view text);

}  // namespace pintu::quality
