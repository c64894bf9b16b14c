// Dataset search (CKAN package_search semantics) over the search index (SearchSync).
// The query language: free words (all must match), "quoted phrases", -word to
// exclude, field:value filters in q or fq (organization, tags, res_format, groups,
// license_id, dataset_type, themes, organization_level), +/- prefixes in fq.
#pragma once

#include "actions/context.h"

namespace pintu::actions {

struct SearchRequest {
  std::string q;
  std::vector<std::string> fq;   // each element may hold several clauses
  size_t rows = 10;              // at most kMaxRows
  size_t start = 0;
  std::string sort;              // CKAN spelling: "score desc, metadata_modified desc"
  std::vector<std::string> facet_fields;
  size_t facet_limit = 50;
  bool include_private = false;  // include private datasets the caller may see
};
inline constexpr size_t kMaxRows = 1000;
inline constexpr size_t kMaxQueryBytes = 2000;

// One page of search results.
struct SearchResult {
  int64_t total = 0;             // matches before paging
  std::vector<Dataset> results;  // the requested page, with active resources
  std::vector<std::pair<std::string, std::vector<FacetCount>>> facets;  // in requested order
  std::string did_you_mean;      // a corrected query when few datasets match, else empty
};

// Translates a request into a store query, or a validation error naming the bad
// parameter ("q", "rows", "sort", "fq", "facet.field"): invalid UTF-8, control
// characters, an unbalanced quotation mark, more than kMaxQueryBytes, unknown fields.
Result<DatasetQuery> BuildQuery(const SearchRequest& req, const Identity& who);
// Runs the search with the caller's visibility.
Result<SearchResult> SearchDatasets(Context& ctx, const SearchRequest& req);
// Up to `limit` (≤ 50) completions of `prefix` for a search box's type-ahead: titles
// and keywords of public datasets, most common first. A bad prefix → validation error on "q".
Result<std::vector<std::string>> SuggestSearches(Context& ctx, std::string_view prefix, size_t limit);

}  // namespace pintu::actions
