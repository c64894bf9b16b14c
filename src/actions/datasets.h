// Dataset actions (CKAN package_*): create, update, patch, delete (soft), show, list.
#pragma once

#include <boost/json.hpp>

#include "actions/context.h"

namespace pintu::actions {

// Creates a dataset in `input.organization_id` (an id or slug). Requires editor rights
// there, a unique valid slug and a title. Resource ids are assigned. The internal
// system identity may keep given ids and metadata time stamps (lossless import).
Result<Dataset> CreateDataset(Context& ctx, Dataset input);
// Replaces the dataset named by input.id or input.slug. Fields not given get their
// defaults (CKAN package_update semantics); resources not listed are soft-deleted.
Result<Dataset> UpdateDataset(Context& ctx, Dataset input);
// Changes only the top-level keys present in `changes` (CKAN package_patch).
Result<Dataset> PatchDataset(Context& ctx, std::string_view id_or_slug,
                             const boost::json::object& changes);
// Marks the dataset deleted. It disappears from lists and search; sysadmins still see it.
Result<void> DeleteDataset(Context& ctx, std::string_view id_or_slug);
// The dataset when the caller may read it; otherwise kNotFound (private data stays invisible).
Result<Dataset> ShowDataset(Context& ctx, std::string_view id_or_slug);
// Slugs of active public datasets (CKAN package_list), ordered by slug.
Result<std::vector<std::string>> ListDatasetNames(Context& ctx, size_t offset, size_t limit);
// Active public datasets with resources, newest first (current_package_list_with_resources).
Result<std::vector<Dataset>> ListDatasetsWithResources(Context& ctx, size_t offset, size_t limit);
// One page of active public datasets (with resources) ordered by slug, and in `total` how
// many there are in all: the DCAT-AP catalog pages. Every caller gets the public list,
// since the pages are for anonymous harvesters.
Result<DatasetPage> ListPublicDatasetsBySlug(Context& ctx, size_t offset, size_t limit);

}  // namespace pintu::actions
