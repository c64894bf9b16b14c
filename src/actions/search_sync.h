// The dataset search index as the actions use it: a Xapian index (search/) that follows
// the store's change sequence.
//
// Promise: a search sees every store change committed before it started. Before each
// search the index applies the changes it has not seen yet (cheap when there are none:
// one comparison of two integers). The index records, in the same Xapian commit as the
// documents, the last change it applied, so a crash between a store commit and the index
// update is repaired on the next start; and an index rebuilt from scratch (Rebuild,
// `pintu reindex`) answers every query exactly like the one that followed the store.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/error.h"
#include "search/index.h"
#include "search/synonyms.h"
#include "store/store.h"

namespace pintu::search {
class Normalizer;
}

namespace pintu::actions {

class SearchSync {
 public:
  // Called after each applied batch with (changes applied so far, changes to apply).
  using Progress = std::function<void(int64_t done, int64_t total)>;

  // Opens (creating when missing) the index in `dir` for `store`. `normalizer` may be
  // null (no Simplified → Traditional conversion) and must outlive the result.
  static Result<std::unique_ptr<SearchSync>> Open(Store& store, const std::string& dir,
                                                  const search::Normalizer* normalizer,
                                                  std::vector<search::SynonymGroup> synonyms);
  // Opens the index of a data directory as configured: in `dir` (empty: <data_dir>/search),
  // with the OpenCC normaliser and the synonyms file (config.EffectiveSynonymsFile(),
  // written from the built-in list when missing). Errors name the file or folder at fault.
  static Result<std::unique_ptr<SearchSync>> OpenConfigured(Store& store, const Config& config,
                                                            const std::string& dir = "");
  ~SearchSync();

  // Applies every store change after the last one the index applied. Returns the
  // number of datasets (re)indexed. Thread-safe; concurrent callers wait.
  Result<size_t> CatchUp(const Progress& progress = {});
  // True when the store has committed changes the index has not applied.
  bool Behind();
  // The last store change the index has applied.
  int64_t AppliedSeq() const { return applied_.load(); }

  // Indexes every dataset of the store into this (normally empty, fresh) index and
  // records the store's change sequence; then catches up with changes made meanwhile.
  // Returns the number of datasets indexed.
  Result<size_t> Rebuild(const Progress& progress = {});

  // Searches after catching up (see SearchIndex::Search for the query contract).
  Result<search::DatasetHits> Search(const DatasetQuery& q);
  // Searches software entries after catching up (see SearchIndex::SearchSoftware).
  Result<search::SoftwareHits> SearchSoftware(const search::SoftwareQuery& q);
  // Type-ahead completions after catching up (see SearchIndex::Suggest).
  Result<std::vector<std::string>> Suggest(std::string_view prefix, size_t limit);

  // Copies views and downloads counters (which change without a store change sequence)
  // into the index for datasets whose counters moved since the last refresh. Returns
  // how many datasets were updated.
  Result<size_t> RefreshPopularity();

  search::SearchIndex& index() { return *index_; }

 private:
  SearchSync(Store& store, std::unique_ptr<search::SearchIndex> index);
  Result<size_t> Reindex(const std::vector<std::string>& dataset_ids);
  Result<size_t> ReindexSoftware(const std::vector<std::string>& software_ids);

  Store& store_;
  std::unique_ptr<search::SearchIndex> index_;
  std::unique_ptr<search::Normalizer> owned_normalizer_;  // OpenConfigured only
  std::mutex mu_;                                         // one writer at a time
  std::atomic<int64_t> applied_{0};                       // last applied change
};

// Rebuilds the index of a data directory from its store into a fresh folder and swaps
// it in (the old index stays usable until the swap). Fails with kConflict, before doing
// any work, when a running server holds the index.
Result<size_t> RebuildSearchIndex(Store& store, const Config& config,
                                  const SearchSync::Progress& progress = {});

}  // namespace pintu::actions
