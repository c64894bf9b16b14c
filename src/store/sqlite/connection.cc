#include "store/sqlite/connection.h"

#include "store/sqlite/sql_functions.h"

namespace pintu::sqlite {
namespace {

// Settings every connection gets. WAL itself is a property of the database file
// and is switched on by the migration step when the store opens.
constexpr std::string_view kConnectionPragmas =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA synchronous = NORMAL;"
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA cache_size = -8000;"        // 8 MB page cache per connection
    // No memory mapping: mapped pages count towards the server's RSS once per
    // connection; reads go through SQLite's page cache and the OS page cache instead.
    "PRAGMA mmap_size = 0;";

constexpr int kBusyTimeoutMs = 10000;
// Beyond this many cached statements new SQL texts are compiled per use.
constexpr size_t kMaxCachedStatements = 256;

}  // namespace

Error SqliteError(sqlite3* db, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : "out of memory";
  return Error::Internal(std::move(msg));
}

bool IsUniqueViolation(int code) {
  return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
}

bool IsForeignKeyViolation(int code) { return code == SQLITE_CONSTRAINT_FOREIGNKEY; }

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, Mode mode) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (mode == Mode::kReadWrite) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(db, "Cannot open database " + path);
    sqlite3_close_v2(db);
    return std::unexpected(std::move(e));
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  if (auto r = conn->Exec(kConnectionPragmas); !r) return std::unexpected(r.error());
  if (mode == Mode::kReadOnly) {
    if (auto r = conn->Exec("PRAGMA query_only = ON;"); !r) return std::unexpected(r.error());
  }
  if (auto r = RegisterSqlFunctions(db); !r) return std::unexpected(r.error());
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

Result<void> Connection::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = "SQL failed: ";
    msg += err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return std::unexpected(Error::Internal(std::move(msg)));
  }
  return Ok();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end() && !it->second.in_use) {
    it->second.in_use = true;
    return Statement(this, it->second.stmt, &it->second);
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return std::unexpected(SqliteError(db_, "Cannot prepare SQL"));
  }
  if (it == cache_.end() && cache_.size() < kMaxCachedStatements) {
    auto [slot, inserted] = cache_.emplace(std::string(sql), CachedStatement{stmt, true});
    return Statement(this, stmt, &slot->second);
  }
  return Statement(this, stmt, nullptr);
}

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

Statement::Statement(Statement&& other) noexcept
    : conn_(other.conn_), stmt_(other.stmt_), cached_(other.cached_), last_code_(other.last_code_) {
  other.stmt_ = nullptr;
  other.cached_ = nullptr;
}

Statement::~Statement() {
  if (!stmt_) return;
  if (cached_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    cached_->in_use = false;
  } else {
    sqlite3_finalize(stmt_);
  }
}

void Statement::BindAt(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::BindAt(int index, std::nullptr_t) { sqlite3_bind_null(stmt_, index); }

void Statement::BindAt(int index, const std::optional<std::string>& value) {
  if (value) BindAt(index, std::string_view(*value));
  else BindAt(index, nullptr);
}

void Statement::BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void Statement::BindAt(int index, double value) { sqlite3_bind_double(stmt_, index, value); }

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  last_code_ = rc;
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // The extended code of a failed step is the connection's last error code.
  last_code_ = sqlite3_extended_errcode(conn_->handle());
  Error e = SqliteError(conn_->handle(), "SQL failed");
  sqlite3_reset(stmt_);
  return std::unexpected(std::move(e));
}

Result<void> Statement::Run() {
  while (true) {
    auto r = Step();
    if (!r) return std::unexpected(r.error());
    if (!*r) return Ok();
  }
}

int64_t Statement::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::Double(int col) const { return sqlite3_column_double(stmt_, col); }

bool Statement::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::string_view Statement::View(int col) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!text) return {};
  return std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

}  // namespace pintu::sqlite
