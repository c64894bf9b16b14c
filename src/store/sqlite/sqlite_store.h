// The SQLite implementation of Store: one writer connection behind a mutex for
// Write(), a pool of read-only connections for reads (WAL lets them run in
// parallel with each other and with the writer).
#pragma once

#include <memory>
#include <string>

#include "core/error.h"
#include "store/store.h"

namespace pintu::sqlite {

// Opens the store in the SQLite file `path`: creates the parent directory and the
// file when absent, switches the file to WAL and applies pending migrations.
// Opening an up-to-date database does no scans.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace pintu::sqlite
