// The interface both benchmarked search engines implement.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"

namespace pintu::bench {

// Answer to one query: the exact number of matches and the best 10 (catalog row indices).
struct Hits {
  int64_t total = 0;
  std::vector<int64_t> top;
};

// One thread's handle on an engine (e.g. its own database connection). Not shared.
class Session {
 public:
  virtual ~Session() = default;
  // Answers a query string as typed (terms separated by spaces; every term must match).
  virtual Result<Hits> Run(const std::string& query) = 0;
};

// A built index that hands out per-thread sessions.
class Engine {
 public:
  virtual ~Engine() = default;
  // Short name used in reports ("pintu", "fts5").
  virtual std::string Name() const = 0;
  // A new session for one thread.
  virtual Result<std::unique_ptr<Session>> NewSession() = 0;
};

// What building an index cost.
struct BuildStats {
  double seconds = 0;        // wall time to add every row and commit
  int64_t bytes_on_disk = 0; // size of the index files afterwards
};

// Total size of the regular files under `path` (a file or a directory).
int64_t DiskUsage(const std::string& path);

}  // namespace pintu::bench
