// The profile section of a check report as JSON (Boost.JSON).
//
// Shape (documented in docs/quality.md, "Profile"):
//   {"rows": N, "fields_count": N, "profiledFields": N,
//    "fields": [{"name", "type", "nonNull", "nullCount", "nullRatio",
//                "distinct", "distinctExact", "unique", "keyCandidate",
//                "min", "max", "minLength", "maxLength",
//                "top": [{"value", "count"}], "topExact", "sample": [...]}]}
// Texts are valid UTF-8 (invalid bytes become U+FFFD); a value cut at the cap ends
// with "…". Unknown values are null.
#pragma once

#include <boost/json/object.hpp>

#include "quality/column_profile.h"

namespace pintu::quality {

// The JSON object of one column summary.
boost::json::object ColumnSummaryToJson(const ColumnSummary& summary);

// The JSON profile of a whole table (every profiled column, in order).
boost::json::object ProfileToJson(const TableProfile& profile);

}  // namespace pintu::quality
