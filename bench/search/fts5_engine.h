// The embedded baseline: SQLite FTS5 with the trigram tokenizer over the same texts
// (title and agency), in a temporary file database in WAL mode.
//
// Query translation (every term must match, as in Pintu):
//   - a term of ≥ 3 characters → one FTS5 phrase in MATCH ('"空氣品質" AND "臺北市"'),
//     served by the trigram index and ranked by bm25 (ORDER BY rank);
//   - a shorter term (most 2-character Chinese words) cannot use the trigram index, so it
//     becomes (+title LIKE '%term%' OR +agency LIKE '%term%'), a scan of the FTS table.
//     The unary + keeps SQLite from handing the LIKE to FTS5: SQLite 3.40's trigram
//     tokenizer returns no rows at all for title LIKE '%公車%' (two CJK characters are six
//     bytes, so it wrongly treats the pattern as indexable);
//   - a query with no MATCH part has no bm25 score: its top 10 are in rowid order.
// The exact total and the top 10 come from one prepared statement,
//   SELECT rowid, count(*) OVER () FROM docs WHERE … ORDER BY rank LIMIT 10
// (one pass over the matches; measured faster than a separate SELECT count(*) plus the
// top-10 SELECT, which Fts5Total::kSeparate runs instead).
#pragma once

#include <memory>
#include <string>

#include "search/catalog.h"
#include "search/engine.h"

namespace pintu::bench {

// How the baseline gets the exact total (see above).
enum class Fts5Total { kWindow, kSeparate };

// Tuning of the baseline's connections.
struct Fts5Options {
  Fts5Total total = Fts5Total::kWindow;
  int64_t cache_mb = 64;  // PRAGMA cache_size per connection
  int64_t mmap_mb = 0;    // PRAGMA mmap_size per connection (0: read through the page cache)
  bool memstatus_off = true;  // sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) before first use
};

class Fts5Engine : public Engine {
 public:
  // Creates the database file `path` (WAL, synchronous=NORMAL), inserts every row of
  // `cat` in one transaction (rowid = row index + 1), runs FTS5 'optimize' and records
  // the time in `stats`.
  static Result<std::unique_ptr<Fts5Engine>> Build(const Catalog& cat, const std::string& path,
                                                   const Fts5Options& options, BuildStats& stats);
  std::string Name() const override { return "fts5"; }
  // A read-only connection of its own (page cache and mmap as in the options) with its
  // prepared statements.
  Result<std::unique_ptr<Session>> NewSession() override;
  // Which path a query takes: "match", "like" or "match+like".
  static std::string PathOf(const std::string& query);

 private:
  std::string path_;
  Fts5Options options_;
};

}  // namespace pintu::bench
