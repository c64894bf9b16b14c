// What the search index knows of one software entry (publiccode.yml), and the query
// and result shapes of software search. Plain structs: no Xapian here.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"  // FacetCount

namespace pintu::search {

// One software entry as the index sees it.
struct SoftwareDocument {
  std::string id, slug;
  std::string name;
  std::map<std::string, std::string> descriptions;  // lang tag ("zh-TW","en",…) → short + long description text
  std::vector<std::string> features, keywords;      // searchable
  std::string organization_id, organization_title_zh, organization_title_en;
  std::string level;                     // publisher level: "central", "local", … (OrgLevel code)
  std::vector<std::string> categories;   // publiccode categories
  std::string piece_size;                // "module" | "system"
  std::string license;                   // SPDX expression as written
  std::string maintenance_status;        // "active" | "contract_ending" | "lapsed" | "unmaintained" | "unknown"
  std::string development_status;
  int64_t adopters = 0;                  // "used by N agencies" (for sorting)
  std::string modified;                  // ISO-8601
  bool visible = true;                   // false for deleted entries: indexed but never returned
};

// A software search. Filter and facet keys: category, piece_size, license,
// organization (organization_id values), level, maintenance_status,
// development_status. Filters: AND across keys, OR within one key's values.
struct SoftwareQuery {
  std::string q;  // free text: words, "quoted phrases"; empty = every visible entry
  std::map<std::string, std::vector<std::string>> filters;  // facet key → values
  // score (relevance, then newest) | name (A→Z) | modified (newest first) |
  // adopters (most first); ties are broken by slug.
  std::string sort = "score";
  int64_t offset = 0, limit = 20;
  std::vector<std::string> facets;  // facet keys to count over all matches
};

// A page of software search results: ids only (the caller loads entries from the store).
struct SoftwareHits {
  int64_t total = 0;              // visible matches before paging (exact)
  std::vector<std::string> ids;   // software ids of the requested page, in order
  // Per requested facet (in requested order): every value among the matches, most
  // frequent first, ties by value.
  std::vector<std::pair<std::string, std::vector<FacetCount>>> facets;
};

}  // namespace pintu::search
