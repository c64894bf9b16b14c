// The store's simple dataset search: substring terms over a folded search text,
// filters, visibility rules, sorting, paging and facet counts (see DatasetQuery in
// store/store.h for the contract). A real search engine replaces it later; this
// one needs no index beyond the datasets table and stays exact.
#pragma once

#include "core/error.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace pintu::sqlite {

// Runs `q` against the datasets visible through `conn` (call inside one read
// transaction so the count, page and facets agree). Unknown sort fields, facet
// keys or negated-filter keys → kBadRequest.
Result<DatasetPage> SearchDatasets(Connection& conn, const DatasetQuery& q);

}  // namespace pintu::sqlite
