// Reading and writing organisations (table organizations).
#pragma once

#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/organization.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

// The organisation whose id, else slug, is `id_or_slug`; kNotFound when none.
Result<Organization> ReadOrganization(Connection& conn, std::string_view id_or_slug);
// All organisations ordered by slug; deleted ones only when asked.
Result<std::vector<Organization>> ReadOrganizations(Connection& conn, bool include_deleted);
// Inserts or replaces by id. A slug used by another organisation → kConflict on "name".
Result<void> WriteOrganization(Connection& conn, const Organization& o);

}  // namespace pintu::sqlite
