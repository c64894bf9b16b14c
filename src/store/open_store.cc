// OpenStore: picks the backend named by the store URL.
#include "store/store.h"

#include "core/text.h"
#include "store/sqlite/sqlite_store.h"

namespace pintu {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  std::string_view u = Trim(url);
  if (u.empty()) return std::unexpected(Error::BadRequest("The store URL is empty"));
  if (StartsWith(u, "sqlite:")) {
    std::string_view path = u.substr(7);
    // Accept "sqlite:///abs/path" and "sqlite://rel/path" like other tools do.
    if (StartsWith(path, "//")) path.remove_prefix(2);
    return sqlite::OpenSqliteStore(std::string(path));
  }
  if (StartsWith(u, "postgresql://") || StartsWith(u, "postgres://")) {
    return std::unexpected(Error::BadRequest(
        "PostgreSQL stores are not built yet; use a SQLite file (sqlite:PATH or a plain path)"));
  }
  if (auto scheme_end = u.find("://"); scheme_end != std::string_view::npos) {
    return std::unexpected(Error::BadRequest("Unknown store URL scheme \"" +
                                             std::string(u.substr(0, scheme_end)) +
                                             "\"; use sqlite:PATH or a plain path"));
  }
  return sqlite::OpenSqliteStore(std::string(u));
}

}  // namespace pintu
