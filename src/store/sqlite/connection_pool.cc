#include "store/sqlite/connection_pool.h"

namespace pintu::sqlite {

ConnectionPool::Lease::~Lease() {
  if (conn_) pool_->Release(std::move(conn_));
}

ConnectionPool::ConnectionPool(std::string path, size_t max_connections)
    : path_(std::move(path)), max_connections_(max_connections) {}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  {
    std::unique_lock lock(mu_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < max_connections_; });
    if (!idle_.empty()) {
      std::unique_ptr<Connection> conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    ++open_;  // reserve a slot, open outside the lock
  }
  auto conn = Connection::Open(path_, Connection::Mode::kReadOnly);
  if (!conn) {
    std::lock_guard lock(mu_);
    --open_;
    available_.notify_one();
    return std::unexpected(conn.error());
  }
  return Lease(this, std::move(*conn));
}

void ConnectionPool::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mu_);
  if (conn->InTransaction()) {
    // A reader left a transaction open after an error: drop the connection.
    conn.reset();
    --open_;
  } else {
    idle_.push_back(std::move(conn));
  }
  available_.notify_one();
}

}  // namespace pintu::sqlite
