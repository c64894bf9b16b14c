// SQLite FTS5 (trigram) baseline; see fts5_engine.h for the query translation.
#include "search/fts5_engine.h"

#include <sqlite3.h>

#include <chrono>
#include <map>

#include "search/queries.h"

namespace pintu::bench {
namespace {

Error SqlError(sqlite3* db, const std::string& what) {
  return Error::Internal("SQLite " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Result<void> Exec(sqlite3* db, const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "unknown error";
    sqlite3_free(msg);
    return std::unexpected(Error::Internal(std::string("SQLite: ") + m + " in: " + sql));
  }
  return Ok();
}

// A query split into its MATCH expression and LIKE patterns.
struct Translated {
  std::string match;               // FTS5 expression, empty when no term has ≥ 3 characters
  std::vector<std::string> likes;  // '%term%' patterns (with \ escapes)
  std::string Shape() const {
    std::string s(match.empty() ? "L" : "M");
    s += std::to_string(likes.size());
    return s;
  }
};

Translated Translate(const std::string& query) {
  Translated t;
  for (const auto& term : SplitTerms(query)) {
    if (CodePoints(term) >= 3) {
      std::string phrase = "\"";
      for (char c : term) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
      t.match += (t.match.empty() ? "" : " AND ") + phrase + "\"";
    } else {
      std::string like = "%";
      for (char c : term) {
        if (c == '%' || c == '_' || c == '\\') like += '\\';
        like += c;
      }
      t.likes.push_back(like + "%");
    }
  }
  return t;
}

// SQL text for a query shape. kWindow: one statement returning the top 10 row ids and,
// on every row, count(*) OVER () (the total); kCount / kTop: the two separate statements.
enum class Stmt { kWindow, kCount, kTop };
std::string Sql(const Translated& t, Stmt kind) {
  std::vector<std::string> conditions;
  int param = 1;
  if (!t.match.empty()) conditions.push_back("docs MATCH ?" + std::to_string(param++));
  for (size_t i = 0; i < t.likes.size(); ++i, ++param) {
    std::string p = std::to_string(param);
    conditions.push_back("(+title LIKE ?" + p + " ESCAPE '\\' OR +agency LIKE ?" + p + " ESCAPE '\\')");
  }
  std::string sql = kind == Stmt::kCount    ? "SELECT count(*) FROM docs"
                    : kind == Stmt::kWindow ? "SELECT rowid, count(*) OVER () FROM docs"
                                            : "SELECT rowid FROM docs";
  for (size_t i = 0; i < conditions.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  if (kind != Stmt::kCount) sql += t.match.empty() ? " ORDER BY rowid LIMIT 10" : " ORDER BY rank LIMIT 10";
  return sql;
}

class Fts5Session : public Session {
 public:
  Fts5Session(sqlite3* db, Fts5Total total) : db_(db), total_(total) {}
  ~Fts5Session() override {
    for (auto& [k, s] : stmts_) sqlite3_finalize(s);
    sqlite3_close_v2(db_);
  }

  Result<Hits> Run(const std::string& query) override {
    Translated t = Translate(query);
    Hits h;
    if (total_ == Fts5Total::kWindow) {
      auto r = Step(t, Stmt::kWindow, query, [&](sqlite3_stmt* s) {
        h.top.push_back(sqlite3_column_int64(s, 0) - 1);
        h.total = sqlite3_column_int64(s, 1);
      });
      if (!r) return std::unexpected(r.error());
      return h;
    }
    auto r = Step(t, Stmt::kCount, query, [&](sqlite3_stmt* s) { h.total = sqlite3_column_int64(s, 0); });
    if (r) r = Step(t, Stmt::kTop, query, [&](sqlite3_stmt* s) { h.top.push_back(sqlite3_column_int64(s, 0) - 1); });
    if (!r) return std::unexpected(r.error());
    return h;
  }

 private:
  // Runs the (cached) statement of this shape and kind, calling on_row for each row.
  template <typename OnRow>
  Result<void> Step(const Translated& t, Stmt kind, const std::string& query, OnRow&& on_row) {
    auto s = Prepared(t, kind);
    if (!s) return std::unexpected(s.error());
    int param = 1;
    if (!t.match.empty()) sqlite3_bind_text(*s, param++, t.match.c_str(), -1, SQLITE_TRANSIENT);
    for (const auto& l : t.likes) sqlite3_bind_text(*s, param++, l.c_str(), -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(*s)) == SQLITE_ROW) on_row(*s);
    sqlite3_reset(*s);
    if (rc != SQLITE_DONE) return std::unexpected(SqlError(db_, "query \"" + query + "\""));
    return Ok();
  }
  Result<sqlite3_stmt*> Prepared(const Translated& t, Stmt kind) {
    std::string key = t.Shape() + std::to_string(static_cast<int>(kind));
    if (auto it = stmts_.find(key); it != stmts_.end()) return it->second;
    std::string sql = Sql(t, kind);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
      return std::unexpected(SqlError(db_, "prepare " + sql));
    stmts_.emplace(key, s);
    return s;
  }

  sqlite3* db_;
  Fts5Total total_;
  std::map<std::string, sqlite3_stmt*> stmts_;
};

}  // namespace

std::string Fts5Engine::PathOf(const std::string& query) {
  Translated t = Translate(query);
  if (t.match.empty()) return "like";
  return t.likes.empty() ? "match" : "match+like";
}

Result<std::unique_ptr<Fts5Engine>> Fts5Engine::Build(const Catalog& cat, const std::string& path,
                                                      const Fts5Options& options, BuildStats& stats) {
  // Process-wide, before SQLite's first use: without memory statistics sqlite3_malloc takes
  // no global mutex (with it, 32 threads spend ~30% of their time contending on it).
  if (options.memstatus_off) sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  std::unique_ptr<Fts5Engine> e(new Fts5Engine());
  e->path_ = path;
  e->options_ = options;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    Error err = SqlError(db, "open " + path);
    sqlite3_close_v2(db);
    return std::unexpected(err);
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> guard(db, &sqlite3_close_v2);
  auto t0 = std::chrono::steady_clock::now();
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                          "CREATE VIRTUAL TABLE docs USING fts5(title, agency, tokenize='trigram')",
                          "BEGIN"})
    if (auto r = Exec(db, sql); !r) return std::unexpected(r.error());
  sqlite3_stmt* ins = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, title, agency) VALUES (?1, ?2, ?3)", -1, &ins,
                         nullptr) != SQLITE_OK)
    return std::unexpected(SqlError(db, "prepare insert"));
  for (size_t i = 0; i < cat.rows.size(); ++i) {
    sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(i + 1));
    sqlite3_bind_text(ins, 2, cat.rows[i].title.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, cat.rows[i].agency.c_str(), -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) {
      sqlite3_finalize(ins);
      return std::unexpected(SqlError(db, "insert"));
    }
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  for (const char* sql : {"COMMIT", "INSERT INTO docs(docs) VALUES('optimize')", "PRAGMA wal_checkpoint(TRUNCATE)"})
    if (auto r = Exec(db, sql); !r) return std::unexpected(r.error());
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  stats.bytes_on_disk = DiskUsage(path);
  return e;
}

Result<std::unique_ptr<Session>> Fts5Engine::NewSession() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    Error err = SqlError(db, "open " + path_);
    sqlite3_close_v2(db);
    return std::unexpected(err);
  }
  std::unique_ptr<Session> s(new Fts5Session(db, options_.total));
  std::string pragmas = "PRAGMA cache_size=-" + std::to_string(options_.cache_mb * 1024) +
                        "; PRAGMA mmap_size=" + std::to_string(options_.mmap_mb * 1024 * 1024);
  if (auto r = Exec(db, pragmas.c_str()); !r) return std::unexpected(r.error());
  return s;
}

}  // namespace pintu::bench
