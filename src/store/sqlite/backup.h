// Online backup of a SQLite database into a new file.
#pragma once

#include <string>

#include "core/error.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

// Copies the database behind `source` into the new file `path` with SQLite's
// online backup API (a consistent snapshot; writers are not blocked). The copy is
// written next to `path` and moved into place only when complete. An existing
// `path` is never overwritten: kConflict.
Result<void> BackupDatabase(Connection& source, const std::string& path);

}  // namespace pintu::sqlite
