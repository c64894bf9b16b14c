// Full-text search index for datasets and software (Xapian), replacing the store's substring search
// for package_search. Xapian stays behind a pimpl so including this header is cheap.
//
// Visibility of changes: Upsert/Remove/SetLastAppliedSeq go to the writer; Search and
// Suggest see them only after Commit().
//
// Thread safety: any number of threads may call Search/Suggest/LastAppliedSeq while
// (at most) one thread at a time writes; writer calls are serialised by a mutex
// anyway. Each search borrows a read-only Xapian::Database from a small pool; a
// borrowed reader is reopen()ed when the writer has committed since it was last used
// (a generation counter), and a search that hits DatabaseModifiedError reopens and
// retries.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/error.h"
#include "core/organization.h"
#include "core/topic.h"
#include "search/software_document.h"
#include "search/synonyms.h"
#include "store/store.h"

namespace pintu::search {

class Normalizer;

// A page of search results: ids only (the caller loads documents from the store).
struct DatasetHits {
  int64_t total = 0;                     // matches before paging (exact)
  std::vector<std::string> ids;          // dataset ids of the requested page, in order
  std::vector<std::pair<std::string, std::vector<FacetCount>>> facets;  // requested order
  // When few datasets match an English query: the query with misspelt words replaced
  // by the closest words of visible datasets ("did you mean"); empty otherwise.
  std::string did_you_mean;
};

class SearchIndex {
 public:
  // Opens (creating when missing) the index in `dir`. `normalizer` may be null (then
  // NormalizeWithoutConversion is used) and must outlive the index. Synonym groups are
  // normalised and stored in the database; a query term (or a part of a CJK query
  // term) equal to one member also matches every other member of its group.
  // An index that another process has open for writing → ErrorCode::kConflict naming it.
  static Result<std::unique_ptr<SearchIndex>> Open(const std::string& dir,
                                                   const Normalizer* normalizer,
                                                   std::vector<SynonymGroup> synonyms);
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Adds or replaces the dataset `d` (any state; drafts, deleted and private datasets
  // are indexed but filtered at search time). `org` is d's organisation; `topics` are
  // the topics named in d.topics (their titles are searchable).
  Result<void> Upsert(const Dataset& d, const Organization& org, const std::vector<Topic>& topics);
  // Ids of indexed datasets (any state) owned by the organisation with this id, or
  // filed under the topic with this slug; they include uncommitted changes.
  Result<std::vector<std::string>> DatasetIdsOfOrganization(std::string_view org_id);
  Result<std::vector<std::string>> DatasetIdsInTopic(std::string_view topic_slug);
  // Sets the view and download counters of an indexed dataset (for sorting by
  // popularity). Returns true when they changed; false when equal or not indexed.
  Result<bool> SetPopularity(std::string_view id, int64_t views, int64_t downloads);
  // Removes the dataset with this id (no error when absent).
  Result<void> Remove(std::string_view id);
  Result<void> Commit();

  // The last store change sequence recorded with SetLastAppliedSeq and committed (0
  // when none). SetLastAppliedSeq takes effect with the next Commit().
  Result<int64_t> LastAppliedSeq();
  Result<void> SetLastAppliedSeq(int64_t seq);

  // Same contract as StoreReader::SearchDatasets (filters, visibility, sorts, facets;
  // unknown sort/facet/filter keys → kBadRequest), but terms are matched as words and
  // CJK n-grams with BM25 ranking for sort "score"; a term in double quotes is a phrase.
  Result<DatasetHits> Search(const DatasetQuery& q);

  // Up to `limit` titles and keywords of active public datasets that start with
  // `prefix` (after normalisation), most frequent first.
  Result<std::vector<std::string>> Suggest(std::string_view prefix, size_t limit);

  // Adds or replaces the software entry `doc` (visible or not; invisible entries are
  // indexed but never returned). Software lives beside datasets in the same index but
  // under its own id space: dataset calls never see it and software calls never see
  // datasets. Empty id → kInvalid.
  Result<void> UpsertSoftware(const SoftwareDocument& doc);
  // Removes the software entry with this id (no error when absent).
  Result<void> RemoveSoftware(std::string_view id);
  // Visible software matching q.q (same normaliser, CJK n-grams and synonyms as
  // dataset search; every word must match) and every filter. Unknown sort, facet or
  // filter key, negative offset or limit, a query over 2000 bytes or with more than
  // 32 terms → kBadRequest naming the problem. Control characters count as spaces and
  // invalid UTF-8 is replaced, so no query text can make it fail otherwise.
  Result<SoftwareHits> SearchSoftware(const SoftwareQuery& q);

  // Number of documents (any type, any state) in the committed index.
  Result<int64_t> DocumentCount();

 private:
  SearchIndex();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pintu::search
