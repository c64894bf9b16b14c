// What changed in the catalog and what is public in it, for feeds of recent changes and
// sitemaps. The caller's read rules (authz.h) are applied here, never by the faces.
#pragma once

#include "actions/context.h"

namespace pintu::actions {

// A dataset activity together with the dataset it is about, as the dataset is now.
struct DatasetChange {
  Activity activity;
  Dataset dataset;
};

// The most changes ListDatasetChanges returns at once.
inline constexpr size_t kMaxChanges = 200;

// The newest dataset activities the caller may see (CanReadDatasetActivity), newest first,
// at most `limit` (clamped to kMaxChanges): of the datasets now in `organization` (id or
// slug of an organisation the caller may see, else kNotFound) or, when it is empty, of the
// whole catalog. Private datasets' activities only reach their organisation's members.
Result<std::vector<DatasetChange>> ListDatasetChanges(Context& ctx, std::string_view organization,
                                                      size_t limit);

// Slugs and modification times of active public datasets, ordered by slug (sitemaps).
// Every caller gets the public list: a sitemap is for anonymous crawlers.
Result<std::vector<DatasetStamp>> ListPublicDatasetStamps(Context& ctx, size_t offset, size_t limit);

}  // namespace pintu::actions
