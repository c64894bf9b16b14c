// The numbered schema migrations of the SQLite store and the code that applies them.
#pragma once

#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

// One schema step. Versions start at 1 and increase by one; a released
// migration is never edited, only followed by a new one.
struct Migration {
  int version;
  std::string_view sql;
};

// All migrations in version order.
const std::vector<Migration>& AllMigrations();

// The version the newest migration brings a database to.
int LatestSchemaVersion();

// Switches the database file to WAL and applies every migration newer than the
// version recorded in `schema_migrations`, all in one transaction together with
// their records. An up-to-date database costs one indexed read.
// A database newer than this program (unknown versions) is refused.
Result<void> ApplyMigrations(Connection& conn);

}  // namespace pintu::sqlite
