// Text length as a reader sees it: Unicode extended grapheme clusters (ICU), the unit the
// reference validator (rivo/uniseg) uses for publiccode.yml length limits.
#pragma once

#include <cstddef>
#include <string_view>

namespace pintu::formats::publiccode {

// Number of extended grapheme clusters in UTF-8 `text` ("👩‍👩‍👧" and "é" written as e +
// combining accent each count 1). Invalid UTF-8 bytes count one each.
std::size_t CountGraphemes(std::string_view text);

}  // namespace pintu::formats::publiccode
