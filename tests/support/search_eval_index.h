// Search indexes built the way production builds them, for relevance evaluation: shared by
// bench/search_eval.cc and tests/integration/search_relevance_test.cc. Header-only (the
// bench build has no test libraries); needs pintu_actions and pintu_search.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "actions/context.h"
#include "actions/demo_catalog.h"
#include "actions/search.h"
#include "actions/search_sync.h"
#include "core/config.h"
#include "search/index.h"
#include "search/normalizer.h"
#include "search/synonyms.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace pintu::relevance {

// A SearchIndex with the production normaliser (OpenCC s2twp …) and synonyms.
struct OpenedIndex {
  std::unique_ptr<search::Normalizer> normalizer;  // declared first: outlives `index`
  std::unique_ptr<search::SearchIndex> index;
};

// Opens (creating) an index in `dir` with the synonym groups of `synonyms_path`.
inline Result<OpenedIndex> OpenIndex(const std::string& dir, const std::string& synonyms_path) {
  OpenedIndex out;
  auto normalizer = search::Normalizer::Create();
  if (!normalizer) return std::unexpected(normalizer.error());
  out.normalizer = std::move(*normalizer);
  auto synonyms = search::LoadSynonyms(synonyms_path);
  if (!synonyms) return std::unexpected(synonyms.error());
  auto index = search::SearchIndex::Open(dir, out.normalizer.get(), std::move(*synonyms));
  if (!index) return std::unexpected(index.error());
  out.index = std::move(*index);
  return out;
}

// Runs `q` as an anonymous package_search does (actions::BuildQuery, default sort by
// score, then SearchIndex::Search) and returns the ids of the first `rows` hits.
inline Result<std::vector<std::string>> SearchIds(search::SearchIndex& index, const std::string& q, size_t rows) {
  auto query = actions::BuildQuery(actions::SearchRequest{.q = q, .rows = rows}, Identity::Anonymous());
  if (!query) return std::unexpected(query.error());
  auto hits = index.Search(*query);
  if (!hits) return std::unexpected(hits.error());
  return std::move(hits->ids);
}

// The demo catalog loaded into a fresh SQLite store in a temporary directory and indexed.
struct DemoSearch {
  test::TempDir dir;  // store, uploads and index; removed with the object
  Config config;
  std::unique_ptr<Store> store;
  std::unique_ptr<search::Normalizer> normalizer;  // outlives `search`
  std::unique_ptr<actions::SearchSync> search;     // rebuilt from the store, as `pintu reindex` does
  std::map<std::string, std::string> slug_of;  // dataset id → slug
  actions::DemoSummary loaded;

  // The slugs of the first `rows` hits of `q` (see SearchIds).
  Result<std::vector<std::string>> SearchSlugs(const std::string& q, size_t rows) {
    auto ids = SearchIds(search->index(), q, rows);
    if (!ids) return std::unexpected(ids.error());
    std::vector<std::string> slugs;
    for (const auto& id : *ids) slugs.push_back(slug_of.count(id) ? slug_of.at(id) : id);
    return slugs;
  }
};

// Loads `demo_dir` with actions::LoadDemoCatalog into a new store and indexes it with
// actions::SearchSync::Rebuild (the code path of `pintu reindex`).
inline Result<std::unique_ptr<DemoSearch>> BuildDemoSearch(const std::string& demo_dir,
                                                           const std::string& synonyms_path) {
  auto out = std::make_unique<DemoSearch>();
  if (out->dir.path().empty()) return std::unexpected(Error::Internal("Cannot create a temporary directory"));
  out->config.data_dir = out->dir.File("data");
  auto store = OpenStore("sqlite:" + out->dir.File("pintu.db"));
  if (!store) return std::unexpected(store.error());
  out->store = std::move(*store);
  actions::Context ctx{*out->store, Identity::System(), out->config};
  auto loaded = actions::LoadDemoCatalog(ctx, demo_dir);
  if (!loaded) return std::unexpected(loaded.error());
  out->loaded = *loaded;
  auto normalizer = search::Normalizer::Create();
  if (!normalizer) return std::unexpected(normalizer.error());
  out->normalizer = std::move(*normalizer);
  auto synonyms = search::LoadSynonyms(synonyms_path);
  if (!synonyms) return std::unexpected(synonyms.error());
  auto sync = actions::SearchSync::Open(*out->store, out->dir.File("index"), out->normalizer.get(), std::move(*synonyms));
  if (!sync) return std::unexpected(sync.error());
  out->search = std::move(*sync);
  auto indexed = out->search->Rebuild();
  if (!indexed) return std::unexpected(indexed.error());
  auto ids = out->store->ListAllDatasetIds();
  if (!ids) return std::unexpected(ids.error());
  for (const auto& id : *ids) {
    auto d = out->store->GetDataset(id);
    if (!d) return std::unexpected(d.error());
    out->slug_of[id] = d->slug;
  }
  return out;
}

}  // namespace pintu::relevance
