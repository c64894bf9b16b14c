// The JSON form of a ScoreCard: how snapshots are stored and what the API serves.
//   {"dataset_id", "dataset_slug", "organization_id", "level", "published", "computed_at" (ISO UTC),
//    "totals": [{"framework", "points", "max_points", "percent", "rating"}],
//    "indicators": [{"id", "framework", "dimension", "points", "max_points",
//                    "resource_id"?, "evidence": {"zh-TW", "en"}}]}
// With `with_definitions`, each indicator also carries "name", "checks" and "hint" in
// both languages from the indicator tables (for API readers; not stored).
#pragma once

#include <boost/json/fwd.hpp>

#include "core/error.h"
#include "core/score_card.h"

namespace pintu::quality {

// Serialises `card`.
boost::json::object ScoreCardToJson(const ScoreCard& card, bool with_definitions = false);

// Reads ScoreCardToJson's form back; a wrong shape is a validation error naming the field.
Result<ScoreCard> ScoreCardFromJson(const boost::json::value& json);

}  // namespace pintu::quality
