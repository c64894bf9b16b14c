// SQL functions Pintu adds to every connection.
#pragma once

#include <sqlite3.h>

#include "core/error.h"

namespace pintu::sqlite {

// Registers:
//   pintu_contains(haystack, needle) → 1 when `needle` occurs in `haystack` as a
//     byte substring, else 0 (NULL haystack → 0, empty needle → 1). Case is not
//     folded: the store keeps search columns lower-cased and lower-cases terms.
//     No wildcards: '%' and '_' match themselves.
Result<void> RegisterSqlFunctions(sqlite3* db);

}  // namespace pintu::sqlite
