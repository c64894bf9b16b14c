// A Table Schema inferred from a table's profile, for files checked without a schema:
// each column's type is the narrowest type every non-null cell conforms to (Frictionless'
// preference order), `required` when no cell is missing, `unique` when every value is
// distinct (exactly known). Validating the same file with it gives no type, required or
// unique errors.
#pragma once

#include <boost/json/object.hpp>

#include "quality/column_profile.h"

namespace pintu::quality {

// The inferred schema as Table Schema JSON: {"fields": [{"name", "type", "constraints"?}],
// "missingValues": [...]}. Columns beyond the profile's column cap are "any".
boost::json::object InferSchema(const TableProfile& profile);

}  // namespace pintu::quality
