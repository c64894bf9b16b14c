// The query set both engines answer: what citizens type, plus random pieces of titles.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/catalog.h"

namespace pintu::bench {

// One query string as typed into a search box; terms are separated by spaces.
struct BenchQuery {
  std::string text;
  std::string kind;  // "curated" (hand-written) or "substring" (random piece of a title)
};

// ~30 hand-written queries (zh-TW words, two-word queries, a Simplified and an English one).
std::vector<BenchQuery> CuratedQueries();

// CuratedQueries() followed by `random_count` distinct random substrings of 2–4 CJK
// ideographs taken from random titles of `cat` (deterministic for a given seed).
std::vector<BenchQuery> BuildQuerySet(const Catalog& cat, size_t random_count, uint64_t seed);

// The terms of a query: split on ASCII white space and U+3000 (ideographic space).
std::vector<std::string> SplitTerms(std::string_view query);

// Number of Unicode code points in valid UTF-8 `s`.
size_t CodePoints(std::string_view s);

}  // namespace pintu::bench
