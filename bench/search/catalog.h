// The texts both search engines index: the data.gov.tw dataset listing (title and
// providing agency of 35,955 datasets) or, when that file is absent, a generated
// catalog of the same size.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace pintu::bench {

// One dataset as listed: what the engines index, plus popularity for Pintu's documents.
struct CatalogRow {
  std::string title;   // 資料集名稱, cleaned like the importer does (CleanTitle)
  std::string agency;  // 提供機關名稱
  int64_t views = 0;
  int64_t downloads = 0;
  std::string issued;  // ISO date (上架日), may be empty
};

// All rows, and where they came from (shown in every report).
struct Catalog {
  std::vector<CatalogRow> rows;
  std::string source;      // human label, e.g. "data.gov.tw listing 16-22_data_gov_download.csv"
  bool synthetic = false;  // true for a generated catalog
};

// Reads the data.gov.tw listing CSV (columns 提供機關名稱, 資料集名稱, 瀏覽人次, 下載次數,
// 上架日; quoted fields may span lines). Every row with a title is kept, duplicates
// included (the importer skips 9 exact duplicates; for a search benchmark they are just
// more text). Errors name the file and the problem.
Result<Catalog> LoadDatagovtwListing(const std::string& path);

// A generated catalog of `n` zh-TW titles ("<年><縣市><主題><類型>") from ~40 agencies,
// deterministic for a given seed.
Catalog SyntheticCatalog(size_t n, uint64_t seed);

}  // namespace pintu::bench
