// Taiwan-specific warnings as JSON for the report's "warnings" list (Boost.JSON).
//
// Each warning: {"type", "severity", "fieldNumber", "fieldName", "rowNumbers": [...],
// "count", "example", "suggestion"?, "message", "messageZh", "hint", "hintZh",
// "formats"?: [{"format", "count"}]} — "suggestion" only when there is a correction,
// "formats" only for mixed-date-formats.
#pragma once

#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "quality/taiwan_checks.h"

namespace pintu::quality {

// The JSON object of one warning.
boost::json::object TaiwanWarningToJson(const TaiwanWarning& warning);

// The JSON array of `warnings`, in order.
boost::json::array TaiwanWarningsToJson(const std::vector<TaiwanWarning>& warnings);

}  // namespace pintu::quality
