// A pool of read-only connections so that reads run in parallel with each other
// and with the single writer (WAL gives every read transaction its own snapshot).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

class ConnectionPool {
 public:
  // A borrowed connection; returns to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) noexcept = default;
    ~Lease();
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  // Connections to `path`, opened on demand, at most `max_connections` at once;
  // callers beyond that wait for one to come back.
  ConnectionPool(std::string path, size_t max_connections);

  // Borrows an idle connection (opening a new one while under the limit).
  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> conn);

  const std::string path_;
  const size_t max_connections_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  size_t open_ = 0;
};

}  // namespace pintu::sqlite
