#include "store/sqlite/sql_functions.h"

#include <cstring>

#include "store/sqlite/connection.h"

namespace pintu::sqlite {
namespace {

void Contains(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const void* haystack = sqlite3_value_text(argv[0]);
  if (!haystack) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  size_t haystack_len = static_cast<size_t>(sqlite3_value_bytes(argv[0]));
  const void* needle = sqlite3_value_text(argv[1]);
  size_t needle_len = needle ? static_cast<size_t>(sqlite3_value_bytes(argv[1])) : 0;
  if (needle_len == 0) {
    sqlite3_result_int(ctx, 1);
    return;
  }
  // glibc's memmem is a two-way search: far faster than instr() or LIKE on long text.
  sqlite3_result_int(ctx, memmem(haystack, haystack_len, needle, needle_len) != nullptr);
}

}  // namespace

Result<void> RegisterSqlFunctions(sqlite3* db) {
  int rc = sqlite3_create_function_v2(db, "pintu_contains", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, &Contains, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return std::unexpected(SqliteError(db, "Cannot register pintu_contains"));
  return Ok();
}

}  // namespace pintu::sqlite
