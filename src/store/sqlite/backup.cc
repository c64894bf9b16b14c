#include "store/sqlite/backup.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/ids.h"

namespace pintu::sqlite {
namespace {

Error TargetExists(const std::string& path) {
  return Error::Conflict("path", "Backup target " + path +
                                     " already exists; choose a new file name (backups never "
                                     "overwrite files)");
}

Result<void> CopyInto(Connection& source, const std::string& target) {
  sqlite3* dest = nullptr;
  int rc = sqlite3_open_v2(target.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                           nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(dest, "Cannot create backup file " + target);
    sqlite3_close_v2(dest);
    return std::unexpected(std::move(e));
  }
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source.handle(), "main");
  if (!backup) {
    Error e = SqliteError(dest, "Cannot start backup");
    sqlite3_close_v2(dest);
    return std::unexpected(std::move(e));
  }
  rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    Error e = Error::Internal(std::string("Backup failed: ") + sqlite3_errstr(rc));
    sqlite3_close_v2(dest);
    return std::unexpected(std::move(e));
  }
  rc = sqlite3_close_v2(dest);
  if (rc != SQLITE_OK)
    return std::unexpected(Error::Internal(std::string("Backup failed: ") + sqlite3_errstr(rc)));
  return Ok();
}

}  // namespace

Result<void> BackupDatabase(Connection& source, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path.empty()) return std::unexpected(Error::BadRequest("Backup needs a target file name"));
  if (fs::exists(path, ec)) return std::unexpected(TargetExists(path));
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec)
      return std::unexpected(Error::Internal("Cannot create directory " + parent.string() + ": " +
                                             ec.message()));
  }
  std::string partial = path + ".partial-" + RandomHex(6);
  auto copied = CopyInto(source, partial);
  if (!copied) {
    fs::remove(partial, ec);
    return copied;
  }
  // link() fails instead of replacing an existing file: no race with another writer.
  if (::link(partial.c_str(), path.c_str()) != 0) {
    int err = errno;
    if (err == EEXIST) {
      fs::remove(partial, ec);
      return std::unexpected(TargetExists(path));
    }
    // File systems without hard links: fall back to a checked rename.
    if (fs::exists(path, ec)) {
      fs::remove(partial, ec);
      return std::unexpected(TargetExists(path));
    }
    fs::rename(partial, path, ec);
    if (ec) {
      fs::remove(partial, ec);
      return std::unexpected(Error::Internal("Cannot move backup into place: " + ec.message()));
    }
    return Ok();
  }
  fs::remove(partial, ec);
  return Ok();
}

}  // namespace pintu::sqlite
