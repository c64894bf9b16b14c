// A SQLite connection with a cache of prepared statements, and the statement
// handle used to bind parameters and read rows. This is the only file that
// touches sqlite3_stmt directly; everything else goes through Statement.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "core/error.h"

namespace pintu::sqlite {

// Error::Internal naming what failed, followed by SQLite's message for `db`.
Error SqliteError(sqlite3* db, std::string_view what);

// True when `code` (an extended result code) is a UNIQUE or PRIMARY KEY violation.
bool IsUniqueViolation(int code);
// True when `code` (an extended result code) is a FOREIGN KEY violation.
bool IsForeignKeyViolation(int code);

class Statement;

// One open database connection. Not thread-safe: one thread at a time uses it
// (the store hands connections out through a pool or a mutex).
class Connection {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens (creating when absent, in kReadWrite mode) the database file at `path`
  // and applies the per-connection settings: foreign keys on, busy timeout,
  // synchronous=NORMAL, memory-mapped reads and Pintu's SQL functions.
  // kReadOnly connections refuse writes (PRAGMA query_only).
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, Mode mode);

  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL text (one or more statements, no parameters, no rows wanted).
  Result<void> Exec(std::string_view sql);

  // A ready-to-bind statement for `sql`. Statements are compiled once per
  // connection and reused; if the cached one is already in use (nested use of
  // the same SQL) a private copy is compiled instead.
  Result<Statement> Prepare(std::string_view sql);

  // True while a transaction is open on this connection.
  bool InTransaction() const;

  sqlite3* handle() const { return db_; }

 private:
  friend class Statement;
  struct CachedStatement {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<std::string, CachedStatement> cache_;
};

// A prepared statement borrowed from a Connection. Destroying it resets the
// statement and clears its bindings so it can be reused.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Binds parameters 1..n in order. Accepts integers, bool, strings and
  // string_views (copied), std::nullopt / nullptr (NULL) and optional<string>.
  template <typename... Args>
  Statement& Bind(const Args&... args) {
    int index = 1;
    (BindAt(index++, args), ...);
    return *this;
  }
  // Binds one parameter by 1-based index.
  void BindAt(int index, std::string_view value);
  void BindAt(int index, const std::string& value) { BindAt(index, std::string_view(value)); }
  void BindAt(int index, const char* value) { BindAt(index, std::string_view(value)); }
  void BindAt(int index, std::nullptr_t);
  void BindAt(int index, std::nullopt_t) { BindAt(index, nullptr); }
  void BindAt(int index, const std::optional<std::string>& value);
  void BindAt(int index, double value);
  template <typename T>
    requires std::is_integral_v<T>
  void BindAt(int index, T value) {
    BindInt(index, static_cast<int64_t>(value));
  }

  // Advances to the next row: true when a row is available, false when done.
  Result<bool> Step();
  // Steps until done; for statements that return no rows.
  Result<void> Run();
  // SQLite's extended result code from the last Step()/Run().
  int last_code() const { return last_code_; }

  // Column readers for the current row (0-based columns).
  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;
  // Text of the column; valid until the next Step() or destruction.
  std::string_view View(int col) const;
  std::string Text(int col) const { return std::string(View(col)); }

 private:
  friend class Connection;
  Statement(Connection* conn, sqlite3_stmt* stmt, Connection::CachedStatement* cached)
      : conn_(conn), stmt_(stmt), cached_(cached) {}
  void BindInt(int index, int64_t value);

  Connection* conn_;
  sqlite3_stmt* stmt_;
  Connection::CachedStatement* cached_;  // null when the statement is private
  int last_code_ = SQLITE_OK;
};

// Runs `sql` with `args` bound and turns every row into a T with `convert(statement)`,
// which returns T or Result<T> (the first failed conversion stops the query).
template <typename T, typename Convert, typename... Args>
Result<std::vector<T>> QueryAll(Connection& conn, std::string_view sql, Convert convert,
                                const Args&... args) {
  auto st = conn.Prepare(sql);
  if (!st) return std::unexpected(st.error());
  if constexpr (sizeof...(Args) > 0) st->Bind(args...);
  std::vector<T> out;
  while (true) {
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    if constexpr (std::is_same_v<std::invoke_result_t<Convert, Statement&>, Result<T>>) {
      auto item = convert(*st);
      if (!item) return std::unexpected(item.error());
      out.push_back(std::move(*item));
    } else {
      out.push_back(convert(*st));
    }
  }
  return out;
}

}  // namespace pintu::sqlite
