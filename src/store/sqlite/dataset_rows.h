// Reading and writing datasets and their resources (tables datasets,
// dataset_texts, dataset_documents, resources, dataset_tags, dataset_topics,
// dataset_popularity).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/error.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace pintu::sqlite {

// The dataset whose id, else slug, is `id_or_slug`, with its non-deleted resources
// in position order and its popularity counters. kNotFound when there is none.
Result<Dataset> ReadDataset(Connection& conn, std::string_view id_or_slug);
// The same, by the datasets row key `rid` (used by search).
Result<Dataset> ReadDatasetByRid(Connection& conn, int64_t rid);

// Inserts or replaces the dataset (by id) and its resources; resources it no
// longer lists are kept with state = deleted. A slug used by another dataset →
// kConflict on "name". The first write of a dataset also seeds its popularity
// counters from d.views / d.downloads; later writes leave the counters alone
// (only AddPopularity changes them).
Result<void> WriteDataset(Connection& conn, const Dataset& d);

// Slugs of active datasets ordered by slug (private ones only when asked).
// Ids of all datasets in every state, in creation (rowid) order.
Result<std::vector<std::string>> ReadAllDatasetIds(Connection& conn);
Result<std::vector<std::string>> ReadDatasetSlugs(Connection& conn, bool include_private,
                                                  size_t offset, size_t limit);
// Slugs and metadata_modified of active datasets ordered by slug (private ones only when asked).
Result<std::vector<DatasetStamp>> ReadDatasetStamps(Connection& conn, bool include_private,
                                                    size_t offset, size_t limit);
// Active datasets with resources, newest metadata_modified first (ties by slug).
Result<std::vector<Dataset>> ReadDatasets(Connection& conn, bool include_private, size_t offset,
                                          size_t limit);
// Number of active datasets of the organisation with id `org_id`.
Result<int64_t> CountDatasetsOfOrganization(Connection& conn, std::string_view org_id,
                                            bool include_private);
// A resource by id, in any state.
Result<Resource> ReadResource(Connection& conn, std::string_view id);
// Distinct tags of active public datasets whose lower-cased form contains the
// lower-cased `contains` (all tags when empty), ordered by tag.
Result<std::vector<std::string>> ReadTags(Connection& conn, std::string_view contains,
                                          size_t limit);

// Clamps a size_t count into SQLite's signed 64-bit LIMIT/OFFSET range.
int64_t SqlCount(size_t n);

}  // namespace pintu::sqlite
