// pintu backup while the server is serving and writing: the copy is a consistent store that
// a new server can serve, and backups never overwrite an existing file.
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "integration/harness.h"

namespace pintu::test {
namespace {

json::object Package(const std::string& name) {
  return json::object{{"name", name}, {"title", "備份測試 " + name}, {"owner_org", "backup-org"},
                      {"resources", json::array{json::object{{"url", "https://example.org/" + name + ".csv"}}}}};
}

TEST(Backup, OnlineCopyWhileWritingServesTheDatasetsOfBackupTime) {
  TempDir tmp;
  const std::string data = tmp.File("data"), copy = tmp.File("copies/copy.db");
  const std::string token = MakeSysadminToken(tmp, data);
  ASSERT_FALSE(token.empty());

  std::vector<std::string> before;  // acknowledged before the backup started
  std::atomic<int> during{0};
  {
    Server server(tmp, data);
    ASSERT_TRUE(server.Start()) << server.error();
    Client c(server.port(), 10s);
    ASSERT_TRUE(Succeeded(CallAction(c, "organization_create", {{"name", "backup-org"}, {"title", "備份機關"}}, token)));
    for (int i = 0; i < 30; ++i) {
      std::string name = "bk-before-" + std::to_string(i);
      auto r = CallAction(c, "package_create", Package(name), token);
      ASSERT_TRUE(Succeeded(r)) << (r ? r->body : "no response");
      before.push_back(name);
    }

    // A writer keeps creating datasets while the backup runs.
    std::atomic<bool> stop{false};
    std::thread writer([&] {
      Client wc(server.port(), 10s);
      auto until = std::chrono::steady_clock::now() + 60s;
      for (int k = 0; k < 2000 && !stop && std::chrono::steady_clock::now() < until; ++k)
        if (Succeeded(CallAction(wc, "package_create", Package("bk-during-" + std::to_string(k)), token))) ++during;
    });
    auto wait_until = std::chrono::steady_clock::now() + 20s;
    while (during.load() < 5 && std::chrono::steady_clock::now() < wait_until) std::this_thread::sleep_for(5ms);
    int at_start = during.load();
    auto b = Pintu(tmp, data, {"backup", copy});
    int at_end = during.load();
    stop = true;
    writer.join();
    ASSERT_TRUE(b.status.Ok()) << b.Describe();
    EXPECT_NE(b.out.find("backup written to"), std::string::npos) << b.out;
    EXPECT_GT(at_end, at_start) << "no write went through while the backup ran (writer blocked?)";
    std::cerr << "[ info ] writes during backup: " << at_end - at_start << "\n";

    // Backing up onto an existing file fails clearly and leaves the file alone.
    auto size = std::filesystem::file_size(copy);
    auto again = Pintu(tmp, data, {"backup", copy});
    EXPECT_FALSE(again.status.Ok()) << again.Describe();
    EXPECT_TRUE(again.status.exited) << again.Describe();
    EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
    EXPECT_EQ(std::filesystem::file_size(copy), size);
    auto stopped = server.Stop();
    ASSERT_TRUE(stopped && stopped->Ok()) << (stopped ? stopped->Describe() : "did not stop");
  }
  // No partial files are left next to the copy.
  for (const auto& e : std::filesystem::directory_iterator(tmp.File("copies")))
    EXPECT_EQ(e.path().filename(), "copy.db") << "left over: " << e.path();

  // A server on a data dir that holds only the copy serves the datasets of backup time.
  const std::string restored = tmp.File("restored");
  std::filesystem::create_directories(restored);
  std::filesystem::copy_file(copy, restored + "/pintu.db");
  Server server(tmp, restored);
  ASSERT_TRUE(server.Start()) << server.error();
  Client c(server.port(), 10s);
  for (const auto& name : before) {
    auto r = c.Request("GET", "/api/3/action/package_show?id=" + name);
    EXPECT_TRUE(Succeeded(r)) << name << " missing from the backup";
  }
  auto list = c.Request("GET", "/api/3/action/package_list");
  ASSERT_TRUE(Succeeded(list));
  auto list_v = *ParseJson(list->body);
  size_t n = At(list_v, "result").get_array().size();
  EXPECT_GE(n, before.size());
  EXPECT_LE(n, before.size() + static_cast<size_t>(during.load()));
  // The token from the original store works against the copy (users travel with it).
  auto w = CallAction(c, "package_create", Package("bk-after-restore"), token);
  EXPECT_TRUE(Succeeded(w)) << (w ? w->body.substr(0, 300) : "no response");
}

}  // namespace
}  // namespace pintu::test
