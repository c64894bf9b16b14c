// Reading and writing topics (CKAN groups; table topics).
#pragma once

#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/topic.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

// The topic whose id, else slug, is `id_or_slug`; kNotFound when none.
Result<Topic> ReadTopic(Connection& conn, std::string_view id_or_slug);
// All topics ordered by slug; deleted ones only when asked.
Result<std::vector<Topic>> ReadTopics(Connection& conn, bool include_deleted);
// Inserts or replaces by id. A slug used by another topic → kConflict on "name".
Result<void> WriteTopic(Connection& conn, const Topic& t);

}  // namespace pintu::sqlite
