// SIGKILL at the worst moment: every write the server acknowledged, and every dataset an
// import reported as committed, must be in the store afterwards, and the store must open
// cleanly without any repair step.
#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "integration/harness.h"

namespace pintu::test {
namespace {

// PRAGMA integrity_check on data_dir/pintu.db; "ok" when the file is sound.
std::string IntegrityCheck(const std::string& db_path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string e = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close_v2(db);
    return "open failed: " + e;
  }
  std::string result;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      if (!result.empty()) result += "; ";
      result += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
  } else {
    result = std::string("prepare failed: ") + sqlite3_errmsg(db);
  }
  sqlite3_finalize(st);
  sqlite3_close_v2(db);
  return result;
}

json::object NewPackage(const std::string& name, const std::string& org) {
  return json::object{{"name", name},
                      {"title", "當機測試 " + name},
                      {"notes", "Written by the crash-safety test."},
                      {"owner_org", org},
                      {"tags", json::array{json::object{{"name", "crash-test"}}}},
                      {"resources", json::array{json::object{{"url", "https://example.org/" + name + ".csv"},
                                                             {"format", "CSV"}}}}};
}

TEST(CrashSafety, ServerKilledMidWritesKeepsEveryAcknowledgedDataset) {
  TempDir tmp;
  const std::string data = tmp.File("data");
  const std::string token = MakeSysadminToken(tmp, data);
  ASSERT_FALSE(token.empty());

  std::vector<std::string> acked;  // names whose package_create answered success=true
  std::mutex acked_mu;
  {
    Server server(tmp, data);
    ASSERT_TRUE(server.Start()) << server.error();
    Client c(server.port(), 10s);
    ASSERT_TRUE(c.connected());
    auto org = CallAction(c, "organization_create", {{"name", "crash-org"}, {"title", "當機測試機關"}}, token);
    ASSERT_TRUE(Succeeded(org)) << (org ? org->body : "no response");

    // Sequential acknowledged writes over one keep-alive connection.
    constexpr int kAcked = 150;
    auto deadline = std::chrono::steady_clock::now() + 90s;
    for (int i = 0; i < kAcked && std::chrono::steady_clock::now() < deadline; ++i) {
      std::string name = "crash-seq-" + std::to_string(i);
      auto r = CallAction(c, "package_create", NewPackage(name, "crash-org"), token);
      ASSERT_TRUE(Succeeded(r)) << name << ": " << (r ? r->body : "no response");
      acked.push_back(name);
    }
    ASSERT_EQ(acked.size(), static_cast<size_t>(kAcked)) << "writes too slow; stopped at the time limit";
    // The search index has applied these (a search catches it up).
    auto seen = c.Request("GET", "/api/3/action/package_search?fq=organization:crash-org&rows=0");
    ASSERT_TRUE(Succeeded(seen)) << (seen ? seen->body.substr(0, 300) : "no response");

    // More writers on extra connections; SIGKILL lands while they are in flight.
    std::atomic<int> started{0};
    std::vector<std::thread> writers;
    writers.emplace_back([&] {  // a searcher: the index commits while the server dies
      Client sc(server.port(), 5s);
      while (sc.connected() && sc.Request("GET", "/api/3/action/package_search?q=crash&rows=1")) {
      }
    });
    for (int w = 0; w < 3; ++w) {
      writers.emplace_back([&, w] {
        Client wc(server.port(), 5s);
        if (!wc.connected()) return;
        for (int k = 0; k < 200; ++k) {
          std::string name = "crash-w" + std::to_string(w) + "-" + std::to_string(k);
          ++started;
          auto r = CallAction(wc, "package_create", NewPackage(name, "crash-org"), token);
          if (!r) return;  // the server is gone
          if (Succeeded(r)) {
            std::lock_guard lock(acked_mu);
            acked.push_back(name);
          }
        }
      });
    }
    auto until = std::chrono::steady_clock::now() + 10s;
    while (started.load() < 9 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(2ms);
    ASSERT_TRUE(server.process().Signal(SIGKILL));
    auto st = server.process().Wait(10s);
    for (auto& t : writers) t.join();
    ASSERT_TRUE(st.has_value());
    EXPECT_EQ(st->signal, SIGKILL) << st->Describe();
  }

  // Restart on the same data directory: no repair step, every acknowledged write is there.
  Server again(tmp, data);
  ASSERT_TRUE(again.Start()) << again.error();
  std::string err = again.process().Stderr();
  EXPECT_EQ(err.find("error"), std::string::npos) << err;
  Client c(again.port(), 10s);
  ASSERT_TRUE(c.connected());
  for (const auto& name : acked) {
    auto r = c.Request("GET", "/api/3/action/package_show?id=" + name);
    EXPECT_TRUE(Succeeded(r)) << "acknowledged dataset " << name << " is missing after SIGKILL: "
                              << (r ? r->body.substr(0, 300) : "no response");
  }
  auto list = c.Request("GET", "/api/3/action/package_list");
  ASSERT_TRUE(Succeeded(list)) << (list ? list->body.substr(0, 300) : "no response");
  std::set<std::string> listed;
  auto list_v = *ParseJson(list->body);
  for (const auto& v : At(list_v, "result").get_array()) listed.insert(Str(v));
  for (const auto& name : acked) EXPECT_TRUE(listed.count(name)) << name << " not in package_list";
  // The search index missed the last writes before the kill; the restart applied them.
  auto found = c.Request("GET", "/api/3/action/package_search?fq=organization:crash-org&rows=1000");
  ASSERT_TRUE(Succeeded(found)) << (found ? found->body.substr(0, 300) : "no response");
  auto found_v = *ParseJson(found->body);
  std::set<std::string> searched;
  for (const auto& d : At(At(found_v, "result"), "results").get_array()) searched.insert(Str(At(d, "name")));
  EXPECT_EQ(searched, listed) << "search and package_list disagree after the restart";
  // The store is still writable.
  auto more = CallAction(c, "package_create", NewPackage("crash-after-restart", "crash-org"), token);
  EXPECT_TRUE(Succeeded(more)) << (more ? more->body.substr(0, 300) : "no response");
  auto stopped = again.Stop();
  ASSERT_TRUE(stopped.has_value());
  EXPECT_TRUE(stopped->Ok()) << stopped->Describe();
  EXPECT_EQ(IntegrityCheck(data + "/pintu.db"), "ok");
  std::cerr << "[ info ] " << acked.size() << " acknowledged writes survived SIGKILL\n";
}

// A CKAN JSON-lines file with `n` datasets named gen-00000 … of one publisher.
std::string GeneratedCkanJsonl(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "gen-%05d", i);
    json::object pkg{{"name", name},
                     {"title", std::string("產生的資料集 ") + name},
                     {"notes", "Generated for the import crash test, number " + std::to_string(i) + "."},
                     {"license_id", "cc-by"},
                     {"organization", json::object{{"name", "gen-org"}, {"title", "產生測試機關"}}},
                     {"tags", json::array{json::object{{"name", "generated"}}}},
                     {"extras", json::array{json::object{{"key", "sequence"}, {"value", std::to_string(i)}}}},
                     {"resources", json::array{json::object{{"url", std::string("https://example.org/") + name + ".csv"},
                                                            {"format", "CSV"}}}}};
    out += json::serialize(pkg);
    out += '\n';
  }
  return out;
}

// Largest N of "committed N / M" in an import's progress output.
long LastCommitted(const std::string& err) {
  static const std::regex re(R"(committed (\d+) / \d+)");
  long best = -1;
  for (std::sregex_iterator it(err.begin(), err.end(), re), end; it != end; ++it)
    best = std::max(best, std::stol((*it)[1]));
  return best;
}

TEST(CrashSafety, ImportKilledMidwayKeepsCommittedDatasetsAndResumes) {
  constexpr int kTotal = 5000;
  TempDir tmp;
  const std::string data = tmp.File("data"), input = tmp.File("generated.jsonl");
  ASSERT_TRUE(WriteFile(input, GeneratedCkanJsonl(kTotal)));

  Process imp;
  std::string spawn_error;
  ASSERT_TRUE(imp.Start(kPintu, {"--data-dir", data, "import", "--no-index", input}, tmp.File("import1"), &spawn_error))
      << spawn_error;
  auto m = imp.WaitForOutput(std::regex(R"(committed (\d+) / 5000)"), 120s, /*in_stderr=*/true);
  ASSERT_TRUE(m.has_value()) << "no progress line; stderr:\n" << imp.Stderr().substr(0, 2000) << "\nstdout:\n"
                             << imp.Stdout().substr(0, 2000);
  ASSERT_GE(std::stol((*m)[1]), 1000);
  auto st = imp.Kill();
  ASSERT_TRUE(st.has_value());
  long reported = LastCommitted(imp.Stderr());
  ASSERT_GE(reported, 1000);
  if (st->exited) GTEST_SKIP() << "the import finished before it could be killed (" << st->Describe() << ")";

  // The store opens and holds at least what was reported committed.
  EXPECT_EQ(IntegrityCheck(data + "/pintu.db"), "ok");
  auto e1 = ExportCatalog(tmp, data, tmp.File("after-kill.jsonl"));
  ASSERT_TRUE(e1);
  auto docs = e1->Docs("dataset");
  EXPECT_GE(static_cast<long>(docs.size()), reported);
  EXPECT_LT(static_cast<long>(docs.size()), kTotal);
  std::cerr << "[ info ] killed after " << reported << " reported commits; store holds " << docs.size() << "\n";

  // The same import again completes: updates what is there, creates the rest, no duplicates.
  auto again = Pintu(tmp, data, {"import", "--no-index", input, "--report", tmp.File("report.json")}, 180s);
  ASSERT_TRUE(again.status.Ok()) << again.Describe();
  auto rep = ParseJson(ReadFile(tmp.File("report.json")));
  ASSERT_TRUE(rep);
  const json::value& f = At(*rep, "files").get_array().at(0);
  EXPECT_EQ(At(f, "datasets_created").to_number<int64_t>() + At(f, "datasets_updated").to_number<int64_t>(), kTotal);
  EXPECT_EQ(At(f, "datasets_updated").to_number<int64_t>(), static_cast<int64_t>(docs.size()));
  EXPECT_TRUE(At(f, "skipped").get_array().empty()) << json::serialize(At(f, "skipped")).substr(0, 1000);

  auto e2 = ExportCatalog(tmp, data, tmp.File("final.jsonl"));
  ASSERT_TRUE(e2);
  auto all = e2->Docs("dataset");
  EXPECT_EQ(all.size(), static_cast<size_t>(kTotal));
  std::set<std::string> names;
  for (const auto& d : all) names.insert(Str(At(d, "name")));
  EXPECT_EQ(names.size(), static_cast<size_t>(kTotal)) << "duplicate datasets";
  EXPECT_TRUE(names.count("gen-00000") && names.count("gen-04999"));
  EXPECT_EQ(e2->Docs("organization").size(), 1u);
  EXPECT_EQ(IntegrityCheck(data + "/pintu.db"), "ok");
}

}  // namespace
}  // namespace pintu::test
