// Tests of CrawlRepository (src/code/git_crawl.h) on real repositories built with libgit2
// in a temporary folder and crawled over file://.
#include "code/git_crawl.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "code/test_repo.h"
#include "code/vitality.h"
#include "formats/publiccode/validate.h"
#include "support/temp_dir.h"

namespace pintu::code {
namespace {

namespace fs = std::filesystem;
using test::TestRepo;

constexpr int64_t kDay = 86'400;
constexpr int64_t kNow = 1'790'000'000;  // 2026-09-21, a fixed "today"
int64_t DaysAgo(int days) { return kNow - days * kDay; }

constexpr char kPubliccode[] = R"(publiccodeYmlVersion: "0.4"
name: Parking permits
url: "https://example.org/parking.git"
softwareVersion: "1.1"
releaseDate: "2026-09-01"
platforms: [web]
developmentStatus: stable
softwareType: standalone/web
description:
  en:
    shortDescription: Residents apply for parking permits online.
    longDescription: >
      Residents apply for parking permits online and the office decides within a week.
      The system keeps every application and decision, and sends reminders before permits expire.
      It replaces the paper forms the office used before and works on phones too.
    features: [Online applications]
legal:
  license: EUPL-1.2
maintenance:
  type: internal
  contacts:
    - name: Office of Transport
localisation:
  localisationReady: true
  availableLanguages: [en]
)";

class CodeCrawlTest : public ::testing::Test {
 protected:
  CodeCrawlTest() : origin_(dir_.File("origin.git")) {
    options_.cache_dir = dir_.File("cache");
    options_.allow_file_urls = true;
  }

  // The history of the README example: three authors over two years, a side branch merged
  // into main, an annotated, a lightweight and a second annotated tag.
  void BuildHistory() {
    origin_.Write("README.md", "# Parking permits\n");
    origin_.Write("publiccode.yml", kPubliccode);
    origin_.Write("src/main.cc", "int main() {}\n");
    const auto c700 = origin_.Commit("start", "Alice", "alice@example.org", DaysAgo(700));
    origin_.Commit("c500", "Alice", "alice@example.org", DaysAgo(500));
    const auto c400 = origin_.Commit("c400", "Alice", "Alice@Example.org", DaysAgo(400));
    origin_.AnnotatedTag("v0.1", c400, DaysAgo(400));
    origin_.Commit("c300", "Bob", "bob@example.org", DaysAgo(300));
    origin_.Commit("c200", "Alice", "alice@example.org", DaysAgo(200));
    const auto c100 = origin_.Commit("c100", "Carol", "carol@example.org", DaysAgo(100));
    origin_.LightweightTag("v1.0", c100);
    // A side branch from c100, merged later: its commit is not on the first-parent line.
    const auto side = origin_.Commit("side", "Dave", "dave@example.org", DaysAgo(45), "side");
    origin_.Commit("c50", "Bob", "bob@example.org", DaysAgo(50));
    const auto c30 = origin_.Commit("c30", "Alice", "alice@example.org", DaysAgo(30));
    origin_.AnnotatedTag("v1.1", c30, DaysAgo(20));
    head_ = origin_.Commit("merge side", "Alice", "alice@example.org", DaysAgo(10), "main", side);
    (void)c700;
  }

  pintu::test::TempDir dir_;
  TestRepo origin_;
  CrawlOptions options_;
  std::string head_;
};

TEST_F(CodeCrawlTest, FirstCrawlReadsHeadFilesHistoryAndTags) {
  BuildHistory();
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_EQ(snapshot->url, origin_.url());
  EXPECT_EQ(snapshot->head_commit, head_);
  EXPECT_EQ(snapshot->default_branch, "main");
  ASSERT_TRUE(snapshot->publiccode_yml.has_value());
  EXPECT_EQ(*snapshot->publiccode_yml, kPubliccode);
  EXPECT_EQ(snapshot->publiccode_name, "publiccode.yml");
  std::vector<std::string> paths = snapshot->paths;
  std::ranges::sort(paths);
  EXPECT_EQ(paths, (std::vector<std::string>{"README.md", "publiccode.yml", "src/main.cc"}));
  EXPECT_FALSE(snapshot->paths_truncated);
  ASSERT_EQ(snapshot->documents.count("README.md"), 1u);
  EXPECT_EQ(snapshot->documents.at("README.md"), "# Parking permits\n");
  // First-parent history, newest first: the side branch commit (Dave) is not in it.
  ASSERT_EQ(snapshot->commits.size(), 9u);  // 8 on main + the merge
  EXPECT_EQ(snapshot->commits.front().unix_seconds, DaysAgo(10));
  EXPECT_EQ(snapshot->commits.back().unix_seconds, DaysAgo(700));
  EXPECT_TRUE(std::ranges::none_of(snapshot->commits, [](const CommitFact& c) { return c.author_name == "Dave"; }));
  EXPECT_EQ(snapshot->commits[1].author_email, "alice@example.org");
  EXPECT_EQ(snapshot->commits[2].author_name, "Bob");
  ASSERT_EQ(snapshot->tags.size(), 3u);
  EXPECT_EQ(snapshot->tags[0].name, "v0.1");
  EXPECT_EQ(snapshot->tags[0].unix_seconds, DaysAgo(400));  // tagger time
  EXPECT_EQ(snapshot->tags[1].name, "v1.0");
  EXPECT_EQ(snapshot->tags[1].unix_seconds, DaysAgo(100));  // lightweight: the commit's time
  EXPECT_EQ(snapshot->tags[2].name, "v1.1");
  EXPECT_EQ(snapshot->tags[2].unix_seconds, DaysAgo(20));   // tagger time, not the commit's (30 days)
  EXPECT_TRUE(snapshot->problems.empty());
  // The crawled publiccode.yml is one the validator accepts.
  const auto validation = formats::publiccode::ValidatePubliccode(*snapshot->publiccode_yml, {}, {});
  EXPECT_TRUE(validation.valid()) << (validation.errors.empty() ? "" : validation.errors.front().message);
}

TEST_F(CodeCrawlTest, VitalityOfTheCrawledHistory) {
  BuildHistory();
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  const Vitality v = ComputeVitality(snapshot->commits, snapshot->tags, kNow);
  EXPECT_EQ(v.commits_60d, 3);   // 50, 30, 10 days ago
  EXPECT_EQ(v.commits_365d, 6);  // + 300, 200, 100
  EXPECT_EQ(v.contributors_60d, 2);   // Bob, Alice
  EXPECT_EQ(v.contributors_365d, 3);  // + Carol
  EXPECT_EQ(v.releases_60d, 1);       // v1.1
  EXPECT_EQ(v.releases_365d, 2);      // v1.0, v1.1
  ASSERT_TRUE(v.last_commit_unix.has_value());
  EXPECT_EQ(*v.last_commit_unix, DaysAgo(10));
  // 30·6/52 + 20·3/8 + 25·3/5 + 15·2/4 + 10 = 43.46
  EXPECT_EQ(v.score, 43);
}

TEST_F(CodeCrawlTest, RecrawlFetchesTheNewHeadAndChangedPubliccode) {
  BuildHistory();
  auto first = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(first.has_value()) << first.error().message;
  const auto cache_entries = [&] {
    return std::distance(fs::directory_iterator(options_.cache_dir), fs::directory_iterator());
  };
  EXPECT_EQ(cache_entries(), 1);

  std::string changed = kPubliccode;
  changed.replace(changed.find("softwareVersion: \"1.1\""), 22, "softwareVersion: \"1.2\"");
  origin_.Write("publiccode.yml", changed);
  origin_.Remove("src/main.cc");
  const auto new_head = origin_.Commit("release 1.2", "Carol", "carol@example.org", DaysAgo(1));
  origin_.LightweightTag("v1.2", new_head);

  auto second = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_EQ(cache_entries(), 1);  // the same cached clone, fetched into
  EXPECT_EQ(second->head_commit, new_head);
  EXPECT_NE(second->head_commit, first->head_commit);
  ASSERT_TRUE(second->publiccode_yml.has_value());
  EXPECT_NE(second->publiccode_yml->find("softwareVersion: \"1.2\""), std::string::npos);
  EXPECT_EQ(std::ranges::count(second->paths, "src/main.cc"), 0);
  EXPECT_EQ(second->commits.size(), first->commits.size() + 1);
  EXPECT_EQ(second->tags.size(), 4u);
}

TEST_F(CodeCrawlTest, DefaultBranchFollowsTheRemoteHead) {
  origin_.Write("on-main", "1");
  origin_.Commit("main", "Alice", "alice@example.org", DaysAgo(3));
  origin_.Remove("on-main");
  origin_.Write("on-trunk", "1");
  const auto trunk = origin_.Commit("trunk", "Bob", "bob@example.org", DaysAgo(2), "trunk");
  origin_.SetHead("trunk");
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_EQ(snapshot->default_branch, "trunk");
  EXPECT_EQ(snapshot->head_commit, trunk);
  EXPECT_EQ(snapshot->paths, std::vector<std::string>{"on-trunk"});
  // The default branch moves back: the next crawl follows it.
  origin_.SetHead("main");
  snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_EQ(snapshot->default_branch, "main");
  EXPECT_EQ(snapshot->paths, std::vector<std::string>{"on-main"});
}

TEST_F(CodeCrawlTest, BrokenOrForeignCacheFolderIsRebuilt) {
  origin_.Write("a", "1");
  const auto head = origin_.Commit("one", "Alice", "alice@example.org", DaysAgo(1));
  ASSERT_TRUE(CrawlRepository(origin_.url(), options_).has_value());
  const fs::path folder = fs::directory_iterator(options_.cache_dir)->path();
  // Another process (or a crash) left junk where the objects were.
  fs::remove_all(folder / "objects");
  {
    std::ofstream junk(folder / "config");
    junk << "[pintu]\n\tcrawledurl = https://elsewhere.example/other.git\n";
  }
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_EQ(snapshot->head_commit, head);
  EXPECT_TRUE(fs::is_directory(folder / "objects"));
}

TEST_F(CodeCrawlTest, LoopbackAllowedReachesTheNetworkPathAndFailsCleanly) {
  // A port nobody listens on: bind, read the port, close.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  socklen_t length = sizeof address;
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  ::close(fd);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/x.git";
  options_.allow_file_urls = false;
  options_.allow_loopback = true;
  auto result = CrawlRepository(url, options_);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInternal) << result.error().message;  // a network failure, not a refusal
  ASSERT_EQ(result.error().fields.size(), 1u);
  EXPECT_FALSE(result.error().fields[0].message_zh.empty());
  EXPECT_TRUE(!fs::exists(options_.cache_dir) || fs::is_empty(options_.cache_dir));
}

TEST_F(CodeCrawlTest, PlainPathIsAFileUrlAndPubliccodeYamlIsTheFallbackName) {
  origin_.Write("publiccode.yaml", "name: x\n");
  origin_.Commit("only", "Alice", "alice@example.org", DaysAgo(1));
  auto snapshot = CrawlRepository(dir_.File("origin.git"), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_EQ(snapshot->publiccode_name, "publiccode.yaml");
  EXPECT_EQ(snapshot->publiccode_yml, "name: x\n");
}

TEST_F(CodeCrawlTest, RepositoryWithoutPubliccodeHasNone) {
  origin_.Write("README", "hello\n");
  origin_.Commit("only", "Alice", "alice@example.org", DaysAgo(1));
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_FALSE(snapshot->publiccode_yml.has_value());
  EXPECT_EQ(snapshot->publiccode_name, "");
  EXPECT_TRUE(snapshot->problems.empty());
}

TEST_F(CodeCrawlTest, EmptyRepositoryIsNotFound) {
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_FALSE(snapshot.has_value());
  EXPECT_EQ(snapshot.error().code, ErrorCode::kNotFound);
}

TEST_F(CodeCrawlTest, MissingRepositoryIsAnErrorAndLeavesNoCache) {
  auto snapshot = CrawlRepository("file://" + dir_.File("nowhere.git"), options_);
  ASSERT_FALSE(snapshot.has_value());
  EXPECT_TRUE(!fs::exists(options_.cache_dir) || fs::is_empty(options_.cache_dir));
}

// ---- hostile repositories ---------------------------------------------------------------

TEST_F(CodeCrawlTest, SymlinkedPubliccodeInsideTheRepositoryIsFollowed) {
  origin_.Write("meta/publiccode.yml", "name: via link\n");
  origin_.Write("publiccode.yml", "meta/./publiccode.yml", /*symlink=*/true);
  origin_.Commit("link", "Alice", "alice@example.org", DaysAgo(1));
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_EQ(snapshot->publiccode_yml, "name: via link\n");
  EXPECT_TRUE(snapshot->problems.empty());
}

TEST_F(CodeCrawlTest, SymlinkedPubliccodePointingOutsideIsAFindingNotARead) {
  for (const char* target : {"/etc/passwd", "../../../../etc/passwd", "meta/../../secret.yml"}) {
    SCOPED_TRACE(target);
    pintu::test::TempDir dir;
    TestRepo origin(dir.File("o.git"));
    origin.Write("publiccode.yml", target, /*symlink=*/true);
    origin.Commit("link", "Alice", "alice@example.org", DaysAgo(1));
    CrawlOptions options = options_;
    options.cache_dir = dir.File("cache");
    auto snapshot = CrawlRepository(origin.url(), options);
    ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
    EXPECT_FALSE(snapshot->publiccode_yml.has_value());
    ASSERT_EQ(snapshot->problems.size(), 1u);
    EXPECT_EQ(snapshot->problems[0].code, "publiccode_symlink_outside");
    EXPECT_NE(snapshot->problems[0].message_en.find("outside the repository"), std::string::npos);
    EXPECT_FALSE(snapshot->problems[0].message_zh.empty());
  }
}

TEST_F(CodeCrawlTest, SymlinkedPubliccodeToAFolderOrNothingIsAFinding) {
  origin_.Write("meta/a.txt", "x");
  origin_.Write("publiccode.yml", "meta", /*symlink=*/true);
  origin_.Write("publiccode.yaml", "x", /*symlink=*/true);
  origin_.Commit("links", "Alice", "alice@example.org", DaysAgo(1));
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_FALSE(snapshot->publiccode_yml.has_value());
  ASSERT_EQ(snapshot->problems.size(), 1u);
  EXPECT_EQ(snapshot->problems[0].code, "publiccode_symlink_not_file");
}

TEST_F(CodeCrawlTest, BinaryPubliccodeIsReadAndTheValidatorRejectsIt) {
  std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\0\x01", 20);
  origin_.Write("publiccode.yml", binary);
  origin_.Commit("binary", "Alice", "alice@example.org", DaysAgo(1));
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  ASSERT_TRUE(snapshot->publiccode_yml.has_value());
  EXPECT_EQ(*snapshot->publiccode_yml, binary);
  const auto validation = formats::publiccode::ValidatePubliccode(*snapshot->publiccode_yml, {}, {});
  EXPECT_FALSE(validation.valid());
}

TEST_F(CodeCrawlTest, FiftyMegabytePubliccodeIsNotRead) {
  std::string huge;
  huge.reserve(50u << 20);
  while (huge.size() < (50u << 20)) huge += "description: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n";
  origin_.Write("publiccode.yml", huge);
  origin_.Commit("huge", "Alice", "alice@example.org", DaysAgo(1));
  huge.clear();
  huge.shrink_to_fit();
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_FALSE(snapshot->publiccode_yml.has_value());
  ASSERT_EQ(snapshot->problems.size(), 1u);
  EXPECT_EQ(snapshot->problems[0].code, "publiccode_too_large");
  EXPECT_EQ(std::ranges::count(snapshot->paths, "publiccode.yml"), 1);
}

TEST_F(CodeCrawlTest, RepositoryOverTheSizeLimitIsRefusedAndNotKept) {
  std::mt19937 random(7);
  std::string noise(256 * 1024, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  origin_.Write("data.bin", noise);
  origin_.Commit("big", "Alice", "alice@example.org", DaysAgo(1));
  options_.max_repository_bytes = 64 * 1024;
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_FALSE(snapshot.has_value());
  EXPECT_EQ(snapshot.error().code, ErrorCode::kTooLarge);
  EXPECT_TRUE(!fs::exists(options_.cache_dir) || fs::is_empty(options_.cache_dir));
}

TEST_F(CodeCrawlTest, FilesAndHistoryBeyondTheCapsAreCutAndFlagged) {
  for (int i = 0; i < 12; ++i) origin_.Write("f/" + std::to_string(i), std::to_string(i));
  for (int i = 0; i < 5; ++i) origin_.Commit("c", "Alice", "alice@example.org", DaysAgo(10 - i));
  options_.max_paths = 10;
  options_.max_commits = 3;
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  EXPECT_EQ(snapshot->paths.size(), 10u);
  EXPECT_TRUE(snapshot->paths_truncated);
  ASSERT_EQ(snapshot->commits.size(), 3u);
  EXPECT_TRUE(snapshot->commits_truncated);
  EXPECT_EQ(snapshot->commits.front().unix_seconds, DaysAgo(6));  // the newest ones are kept
  options_.max_paths = 12;
  options_.max_commits = 5;
  snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value());
  EXPECT_FALSE(snapshot->paths_truncated);
  EXPECT_FALSE(snapshot->commits_truncated);
}

TEST_F(CodeCrawlTest, LargeDocumentsAreListedButNotRead) {
  origin_.Write("LICENSE", std::string(kMaxDocumentBytes + 1, 'x'));
  origin_.Write("SECURITY.md", "Mail security@example.org\n");
  origin_.Write(".github/CONTRIBUTING.md", "Send patches.\n");
  origin_.Write("src/README.md", "not a root document\n");
  origin_.Commit("docs", "Alice", "alice@example.org", DaysAgo(1));
  auto snapshot = CrawlRepository(origin_.url(), options_);
  ASSERT_TRUE(snapshot.has_value());
  EXPECT_EQ(snapshot->documents.count("LICENSE"), 0u);
  EXPECT_EQ(std::ranges::count(snapshot->paths, "LICENSE"), 1);
  EXPECT_EQ(snapshot->documents.count("SECURITY.md"), 1u);
  EXPECT_EQ(snapshot->documents.count(".github/CONTRIBUTING.md"), 1u);
  EXPECT_EQ(snapshot->documents.count("src/README.md"), 0u);
}

}  // namespace
}  // namespace pintu::code
