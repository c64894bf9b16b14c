// Reading the audit trail.
#pragma once

#include "actions/context.h"

namespace pintu::actions {

// Activities about a dataset the caller may read, newest first (package_activity_list).
Result<std::vector<Activity>> ListDatasetActivity(Context& ctx, std::string_view id_or_slug,
                                                  size_t offset, size_t limit);

}  // namespace pintu::actions
