// The database file: opening by URL, reopening, migrations, backup, stats and
// concurrent use from several threads.
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "store/sqlite/migrations.h"
#include "store/store_test_support.h"

namespace pintu {
namespace {

using testing_support::MakeDataset;
using testing_support::MakeFullDataset;
using testing_support::MakeOrganization;
using testing_support::TempDir;

// Rows of schema_migrations as "version@applied_at", read with plain SQLite.
std::vector<std::string> MigrationRecords(const std::string& db_path) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return out;
  }
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT version, applied_at FROM schema_migrations ORDER BY version", -1,
                     &st, nullptr);
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    out.push_back(std::to_string(sqlite3_column_int(st, 0)) + "@" +
                  reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

class StoreFileTest : public testing_support::StoreTest {};

TEST_F(StoreFileTest, ReopeningKeepsDataAndDoesNotRerunMigrations) {
  Dataset d = MakeFullDataset();
  MustWrite([&](WriteTxn& t) -> Result<void> {
    if (auto r = t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); !r) return r;
    return t.PutDataset(d);
  });
  auto before = MigrationRecords(db_path());
  ASSERT_EQ(before.size(), static_cast<size_t>(sqlite::LatestSchemaVersion()));
  store_.reset();

  auto reopened = OpenStore(db_path());  // plain path works too
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message;
  EXPECT_EQ(*(*reopened)->GetDataset(d.slug), d);
  EXPECT_EQ(MigrationRecords(db_path()), before);  // same rows, same applied_at
}

TEST_F(StoreFileTest, DatabaseIsInWalMode) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db_path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(OpenStoreTest, CreatesParentDirectoriesAndAcceptsSqliteUrls) {
  TempDir dir;
  std::string nested = dir.File("a/b/c/pintu.db");
  auto store = OpenStore("sqlite:" + nested);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_TRUE(std::filesystem::exists(nested));
  auto triple_slash = OpenStore("sqlite://" + dir.File("other.db"));
  ASSERT_TRUE(triple_slash.has_value()) << triple_slash.error().message;
  EXPECT_TRUE(std::filesystem::exists(dir.File("other.db")));
}

TEST(OpenStoreTest, PostgresAndUnknownSchemesAreBadRequests) {
  auto pg = OpenStore("postgresql://user@db.example/pintu");
  ASSERT_FALSE(pg.has_value());
  EXPECT_EQ(pg.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(pg.error().message.find("PostgreSQL"), std::string::npos);
  auto other = OpenStore("mysql://db.example/pintu");
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(OpenStore("").error().code, ErrorCode::kBadRequest);
}

TEST_F(StoreFileTest, BackupOpensAsIdenticalStoreAndNeverOverwrites) {
  Dataset d = MakeFullDataset();
  MustWrite([&](WriteTxn& t) -> Result<void> {
    if (auto r = t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); !r) return r;
    if (auto r = t.PutDataset(d); !r) return r;
    auto seq = t.AddActivity({0, "a-1", "2020-01-01T00:00:00Z", "system", "dataset", d.id, "new package", "{}"});
    if (!seq) return std::unexpected(seq.error());
    return Ok();
  });
  std::string copy_path = dir_.File("backups/copy.db");
  auto made = store_->Backup(copy_path);
  ASSERT_TRUE(made.has_value()) << made.error().message;

  auto copy = OpenStore(copy_path);
  ASSERT_TRUE(copy.has_value()) << copy.error().message;
  EXPECT_EQ(*(*copy)->GetDataset(d.id), *store_->GetDataset(d.id));
  EXPECT_EQ(*(*copy)->GetOrganization("moi"), *store_->GetOrganization("moi"));
  EXPECT_EQ((*copy)->ChangeSeq(), store_->ChangeSeq());
  EXPECT_EQ((*copy)->SearchDatasets({.terms = {"長照"}})->total, 1);

  auto again = store_->Backup(copy_path);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
  // No partial files are left behind.
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_.File("backups"))) {
    (void)e;
    ++files;
  }
  EXPECT_LE(files, 3u);  // copy.db (+ -wal/-shm of the open copy)
  for (const auto& e : std::filesystem::directory_iterator(dir_.File("backups")))
    EXPECT_EQ(e.path().filename().string().find(".partial"), std::string::npos);
}

TEST_F(StoreFileTest, StatsCountActiveObjectsAndFileSize) {
  MustWrite([](WriteTxn& t) -> Result<void> {
    if (auto r = t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); !r) return r;
    Organization gone = MakeOrganization("org-2", "gone", "已裁撤");
    gone.state = State::kDeleted;
    if (auto r = t.PutOrganization(gone); !r) return r;
    Dataset d = MakeFullDataset();  // two resources
    if (auto r = t.PutDataset(d); !r) return r;
    Dataset priv = MakeDataset("d-p", "private", "私");
    priv.is_private = true;
    if (auto r = t.PutDataset(priv); !r) return r;
    Dataset deleted = MakeFullDataset();
    deleted.id = "d-del";
    deleted.slug = "deleted";
    for (auto& r : deleted.resources) r.id += "-del";
    deleted.state = State::kDeleted;
    if (auto r = t.PutDataset(deleted); !r) return r;
    auto seq = t.AddActivity({0, "", "", "system", "dataset", d.id, "new package", "{}"});
    if (!seq) return std::unexpected(seq.error());
    return Ok();
  });
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  EXPECT_EQ(stats->datasets, 2);
  EXPECT_EQ(stats->organizations, 1);
  EXPECT_EQ(stats->resources, 2);
  EXPECT_EQ(stats->change_seq, 1);
  EXPECT_GT(stats->bytes, 0);
}

TEST_F(StoreFileTest, ConcurrentReadersSeeCommittedStatesWhileWritesHappen) {
  MustWrite([](WriteTxn& t) { return t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); });
  constexpr int kWrites = 60;
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::atomic<int64_t> reads{0};

  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      int64_t last_total = 0;
      while (!done.load()) {
        auto page = store_->SearchDatasets({.terms = {"資料"}, .limit = 3, .facet_fields = {"tags"}});
        if (!page) { ++failures; continue; }
        // Each write adds one dataset and commits atomically: totals never go back.
        if (page->total < last_total) ++failures;
        last_total = page->total;
        for (const auto& d : page->results)
          if (d.resources.size() != 1) ++failures;  // never a half-written dataset
        if (!store_->GetDataset("d-0").has_value() && last_total > 0) ++failures;
        ++reads;
      }
    });
  }
  for (int i = 0; i < kWrites; ++i) {
    auto r = store_->Write([i](WriteTxn& t) -> Result<void> {
      Dataset d = MakeDataset("d-" + std::to_string(i), "set-" + std::to_string(i), "資料 " + std::to_string(i));
      d.keywords = {"tag-" + std::to_string(i % 3)};
      d.resources = {testing_support::MakeResource("r-" + std::to_string(i), d.id, "CSV")};
      if (auto put = t.PutDataset(d); !put) return put;
      auto seq = t.AddActivity({0, "", "", "system", "dataset", d.id, "new package", "{}"});
      if (!seq) return std::unexpected(seq.error());
      return Ok();
    });
    ASSERT_TRUE(r.has_value()) << r.error().message;
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(store_->SearchDatasets({.terms = {"資料"}})->total, kWrites);
  EXPECT_EQ(store_->ChangeSeq(), kWrites);
}

TEST_F(StoreFileTest, ConcurrentWritersAreSerialised) {
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 15; ++i) {
        std::string id = std::to_string(w) + "-" + std::to_string(i);
        auto r = store_->Write([&](WriteTxn& t) -> Result<void> {
          if (auto put = t.PutDataset(MakeDataset("d-" + id, "s-" + id, "並行 " + id)); !put) return put;
          auto seq = t.AddActivity({0, "", "", "system", "dataset", "d-" + id, "new package", "{}"});
          if (!seq) return std::unexpected(seq.error());
          return Ok();
        });
        if (!r) ++failures;
      }
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(store_->SearchDatasets({.terms = {"並行"}})->total, 60);
  auto all = store_->ListActivitiesSince(0, 100);
  ASSERT_EQ(all->size(), 60u);
  for (size_t i = 1; i < all->size(); ++i) EXPECT_GT((*all)[i].seq, (*all)[i - 1].seq);
}

}  // namespace
}  // namespace pintu
