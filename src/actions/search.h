// Dataset search (CKAN package_search semantics) over the store's simple search.
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

// Translates a request into a store query, or a validation error naming the bad
// parameter ("rows", "sort", "fq", "facet.field").
Result<DatasetQuery> BuildQuery(const SearchRequest& req, const Identity& who);
// Runs the search with the caller's visibility.
Result<DatasetPage> SearchDatasets(Context& ctx, const SearchRequest& req);

}  // namespace pintu::actions
