// Splits a run of Chinese text into dictionary words (ICU's word break rules with its
// CJK dictionary), so that a long query such as 土石流警戒 can match 土石流紅黃警戒:
// the index stores character n-grams, and a query of n-grams only matches text that
// contains the whole run.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pintu::search {

// The words of `text` in order, without spaces and punctuation. Valid UTF-8 in and out;
// text without Chinese characters comes back as its whitespace-separated words.
// Thread-safe.
std::vector<std::string> SegmentWords(std::string_view text);

// The number of Han ideographs in `text`.
size_t CountHan(std::string_view text);

}  // namespace pintu::search
