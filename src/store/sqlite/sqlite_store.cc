#include "store/sqlite/sqlite_store.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "core/text.h"
#include "store/sqlite/backup.h"
#include "store/sqlite/connection_pool.h"
#include "store/sqlite/connection_reader.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/write_txn.h"

namespace pintu::sqlite {
namespace {

size_t ReadPoolSize() {
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::clamp<size_t>(cores * 2, 4, 16);
}

// Runs the cached statement `sql` (no parameters, no rows).
Result<void> RunSql(Connection& conn, std::string_view sql) {
  auto st = conn.Prepare(sql);
  if (!st) return std::unexpected(st.error());
  return st->Run();
}

void RollbackIfOpen(Connection& conn) {
  if (conn.InTransaction()) (void)RunSql(conn, "ROLLBACK");
}

Result<int64_t> CountRows(Connection& conn, std::string_view sql) {
  auto st = conn.Prepare(sql);
  if (!st) return std::unexpected(st.error());
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  return st->Int(0);
}

int64_t FileSize(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

class SqliteStore final : public ConnectionReader<Store> {
 public:
  SqliteStore(std::string path, std::unique_ptr<Connection> writer)
      : path_(std::move(path)), writer_(std::move(writer)), readers_(path_, ReadPoolSize()) {}

  Result<void> Write(const std::function<Result<void>(WriteTxn&)>& fn) override {
    return Transact([&](Connection& conn) {
      SqliteWriteTxn txn(conn);
      return fn(txn);
    });
  }

  Result<std::optional<Job>> ClaimJob(const ClaimRequest& request) override {
    return TransactValue<std::optional<Job>>([&](Connection& c) { return ClaimNextJob(c, request); });
  }
  Result<void> RenewJobLease(const JobLease& lease, int64_t lease_until) override {
    return Transact([&](Connection& c) { return ExtendJobLease(c, lease, lease_until); });
  }
  Result<void> CompleteJob(const JobLease& lease, int64_t now, std::string_view result) override {
    return Transact([&](Connection& c) { return MarkJobSucceeded(c, lease, now, result); });
  }
  Result<JobState> FailJob(const JobLease& lease, int64_t now, std::string_view error,
                           int64_t retry_at) override {
    return TransactValue<JobState>([&](Connection& c) { return MarkJobFailed(c, lease, now, error, retry_at); });
  }
  Result<void> ReleaseJob(const JobLease& lease, int64_t now) override {
    return Transact([&](Connection& c) { return GiveJobBack(c, lease, now); });
  }
  Result<int64_t> PruneFinishedJobs(int64_t finished_before, size_t limit) override {
    return TransactValue<int64_t>([&](Connection& c) { return DeleteFinishedJobs(c, finished_before, limit); });
  }
  Result<int64_t> PruneResourceChecks(size_t keep) override {
    return TransactValue<int64_t>([&](Connection& c) { return DeleteOldResourceChecks(c, keep); });
  }

  Result<void> Backup(const std::string& path) override {
    auto lease = readers_.Acquire();
    if (!lease) return std::unexpected(lease.error());
    return BackupDatabase(**lease, path);
  }

  Result<StoreStats> Stats() override {
    auto stats = Read<StoreStats>([](Connection& c) -> Result<StoreStats> {
      StoreStats s;
      auto datasets = CountRows(c, "SELECT count(*) FROM datasets WHERE state = 'active'");
      if (!datasets) return std::unexpected(datasets.error());
      auto orgs = CountRows(c, "SELECT count(*) FROM organizations WHERE state = 'active'");
      if (!orgs) return std::unexpected(orgs.error());
      // Active resources minus those of datasets that are not active (few), so
      // that no join over every resource is needed.
      auto resources = CountRows(
          c, "SELECT (SELECT count(*) FROM resources WHERE state = 'active') - "
             "(SELECT count(*) FROM datasets d CROSS JOIN resources r ON r.dataset_id = d.id "
             " WHERE d.state IN ('draft', 'deleted') AND +r.state = 'active')");
      if (!resources) return std::unexpected(resources.error());
      auto seq = ReadChangeSeq(c);
      if (!seq) return std::unexpected(seq.error());
      s.datasets = *datasets;
      s.organizations = *orgs;
      s.resources = *resources;
      s.change_seq = *seq;
      return s;
    });
    if (stats) stats->bytes = FileSize(path_) + FileSize(path_ + "-wal");
    return stats;
  }

  // Served from memory: refreshed by every local commit and, to notice writes by
  // other processes (e.g. `pintu import` beside a server), re-read at most once a second.
  int64_t ChangeSeq() override {
    int64_t now = NowNanos();
    if (now - seq_checked_.load(std::memory_order_relaxed) < kSeqRefreshNanos)
      return seq_.load(std::memory_order_acquire);
    auto seq = Read<int64_t>([](Connection& c) { return ReadChangeSeq(c); });
    if (!seq) return seq_.load(std::memory_order_acquire);
    if (auto score = Read<int64_t>([](Connection& c) { return ReadScoreSeq(c); })) RememberScoreSeq(*score);
    RememberSeq(*seq);
    return *seq;
  }

  // Refreshed together with ChangeSeq.
  int64_t ScoreSeq() override {
    ChangeSeq();
    return score_seq_.load(std::memory_order_acquire);
  }

 protected:
  Result<void> WithConnection(const std::function<void(Connection&)>& fn) override {
    auto lease = readers_.Acquire();
    if (!lease) return std::unexpected(lease.error());
    Connection& conn = **lease;
    if (auto r = RunSql(conn, "BEGIN"); !r) return r;
    fn(conn);
    if (auto r = RunSql(conn, "COMMIT"); !r) {
      RollbackIfOpen(conn);
      return r;
    }
    return Ok();
  }

 private:
  // Runs `fn` on the writer connection in one BEGIN IMMEDIATE transaction: commits when
  // it returns a value, rolls back when it returns an error or throws.
  Result<void> Transact(const std::function<Result<void>(Connection&)>& fn) {
    if (writing_thread_.load() == std::this_thread::get_id())
      return std::unexpected(Error::Internal("Store::Write called inside another Write"));
    std::lock_guard lock(write_mu_);
    writing_thread_.store(std::this_thread::get_id());
    struct ClearOwner {
      std::atomic<std::thread::id>& owner;
      ~ClearOwner() { owner.store(std::thread::id()); }
    } clear_owner{writing_thread_};

    if (auto r = RunSql(*writer_, "BEGIN IMMEDIATE"); !r) return r;
    Result<void> result;
    try {
      result = fn(*writer_);
    } catch (const std::exception& e) {
      result = std::unexpected(Error::Internal(std::string("Write failed: ") + e.what()));
    } catch (...) {
      result = std::unexpected(Error::Internal("Write failed with an unknown exception"));
    }
    if (!result) {
      RollbackIfOpen(*writer_);
      return result;
    }
    if (auto r = RunSql(*writer_, "COMMIT"); !r) {
      RollbackIfOpen(*writer_);
      return r;
    }
    if (auto score = ReadScoreSeq(*writer_)) RememberScoreSeq(*score);
    if (auto seq = ReadChangeSeq(*writer_)) RememberSeq(*seq);
    return Ok();
  }

  // Transact for functions that return a value.
  template <typename T, typename Fn>
  Result<T> TransactValue(Fn&& fn) {
    std::optional<T> out;
    auto r = Transact([&](Connection& c) -> Result<void> {
      auto v = fn(c);
      if (!v) return std::unexpected(v.error());
      out.emplace(std::move(*v));
      return Ok();
    });
    if (!r) return std::unexpected(r.error());
    return std::move(*out);
  }

  static constexpr int64_t kSeqRefreshNanos = 1'000'000'000;
  static int64_t NowNanos() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  void RememberScoreSeq(int64_t seq) {
    int64_t old = score_seq_.load(std::memory_order_relaxed);
    while (seq > old && !score_seq_.compare_exchange_weak(old, seq, std::memory_order_release)) {}
  }
  void RememberSeq(int64_t seq) {
    int64_t old = seq_.load(std::memory_order_relaxed);
    while (seq > old && !seq_.compare_exchange_weak(old, seq, std::memory_order_release)) {}
    seq_checked_.store(NowNanos(), std::memory_order_relaxed);
  }

  const std::string path_;
  std::atomic<int64_t> seq_{0};
  std::atomic<int64_t> score_seq_{0};
  std::atomic<int64_t> seq_checked_{INT64_MIN / 2};
  std::unique_ptr<Connection> writer_;
  std::mutex write_mu_;
  std::atomic<std::thread::id> writing_thread_{};
  ConnectionPool readers_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  if (path.empty()) return std::unexpected(Error::BadRequest("The store needs a database file path"));
  if (path == ":memory:" || StartsWith(path, "file:"))
    return std::unexpected(Error::BadRequest(
        "The SQLite store needs a plain database file path (not " + path + ")"));
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::filesystem::create_directories(parent, ec);
    if (ec)
      return std::unexpected(Error::Internal("Cannot create directory " + parent.string() + ": " +
                                             ec.message()));
  }
  auto writer = Connection::Open(path, Connection::Mode::kReadWrite);
  if (!writer) return std::unexpected(writer.error());
  if (auto r = ApplyMigrations(**writer); !r) return std::unexpected(r.error());
  return std::make_unique<SqliteStore>(path, std::move(*writer));
}

}  // namespace pintu::sqlite
