// Organisation actions: create, update, patch, delete (soft), show, list.
#pragma once

#include <boost/json.hpp>

#include "actions/context.h"

namespace pintu::actions {

// Creates an organisation (sysadmins only). Requires a valid unique slug and a title.
Result<Organization> CreateOrganization(Context& ctx, Organization input);
// Replaces an organisation's metadata (org admins). `input.id` or `input.slug` names it.
Result<Organization> UpdateOrganization(Context& ctx, Organization input);
// Changes only the keys present in `changes` (CKAN dict form).
Result<Organization> PatchOrganization(Context& ctx, std::string_view id_or_slug,
                                       const boost::json::object& changes);
// Marks the organisation deleted (sysadmins only). Its datasets stay as they are.
Result<void> DeleteOrganization(Context& ctx, std::string_view id_or_slug);
// An active organisation (deleted ones only for sysadmins).
Result<Organization> ShowOrganization(Context& ctx, std::string_view id_or_slug);
// Active organisations ordered by slug.
Result<std::vector<Organization>> ListOrganizations(Context& ctx);

// Finds an organisation by id, slug or exact title (any language); kNotFound if none.
Result<Organization> FindOrganization(StoreReader& store, std::string_view ref);

}  // namespace pintu::actions
