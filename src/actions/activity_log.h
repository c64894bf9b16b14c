// Writes the Activity row that accompanies every write (who, when, what changed).
#pragma once

#include <boost/json.hpp>

#include "core/account.h"
#include "store/store.h"

namespace pintu::actions {

// Records `activity_type` (e.g. "new package") by `who` on (object_type, object_id)
// with the JSON diff between `before` and `after` (empty objects for create/delete).
Result<void> RecordActivity(WriteTxn& tx, const Identity& who, std::string_view activity_type,
                            std::string_view object_type, std::string_view object_id,
                            const boost::json::object& before, const boost::json::object& after);

}  // namespace pintu::actions
