#include "fetch/body_sink.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace pintu::fetch {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(MemorySinkTest, KeepsBytesUpToTheCapThenStops) {
  MemorySink sink(10);
  EXPECT_EQ(sink.Append("hello"), true);
  EXPECT_EQ(sink.Append("world"), true);  // exactly at the cap
  EXPECT_FALSE(sink.truncated());
  EXPECT_EQ(sink.Append("!"), false);
  EXPECT_TRUE(sink.truncated());
  EXPECT_EQ(sink.data(), "helloworld");
}

TEST(MemorySinkTest, CutsAChunkThatCrossesTheCap) {
  MemorySink sink(4);
  EXPECT_EQ(sink.Append("abcdef"), false);
  EXPECT_EQ(sink.data(), "abcd");
  EXPECT_TRUE(sink.truncated());
}

TEST(TempFileSinkTest, StreamsToAFileThatIsRemovedUnlessKept) {
  test::TempDir dir;
  std::string dropped_path;
  {
    auto sink = TempFileSink::Create(dir.path());
    ASSERT_TRUE(sink.has_value()) << sink.error().message;
    dropped_path = (*sink)->path();
    EXPECT_EQ(std::filesystem::path(dropped_path).parent_path(), dir.path());
    EXPECT_EQ((*sink)->Append("partial"), true);
    EXPECT_TRUE(std::filesystem::exists(dropped_path));
  }
  EXPECT_FALSE(std::filesystem::exists(dropped_path)) << "an abandoned download must not stay on disk";

  auto sink = TempFileSink::Create(dir.path());
  ASSERT_TRUE(sink.has_value());
  EXPECT_EQ((*sink)->Append("a,b\n"), true);
  EXPECT_EQ((*sink)->Append("1,2\n"), true);
  EXPECT_EQ((*sink)->bytes_written(), 8u);
  auto kept = (*sink)->Keep();
  ASSERT_TRUE(kept.has_value());
  sink->reset();
  EXPECT_EQ(ReadFile(*kept), "a,b\n1,2\n");
  auto mode = std::filesystem::status(*kept).permissions();
  EXPECT_EQ(mode & std::filesystem::perms::others_read, std::filesystem::perms::none);
}

TEST(TempFileSinkTest, AppendAfterKeepIsAnError) {
  test::TempDir dir;
  auto sink = TempFileSink::Create(dir.path());
  ASSERT_TRUE(sink.has_value());
  ASSERT_TRUE((*sink)->Keep().has_value());
  EXPECT_FALSE((*sink)->Append("late").has_value());
}

TEST(TempFileSinkTest, MissingDirectoryIsAClearError) {
  auto sink = TempFileSink::Create("/nonexistent-pintu-dir/deeper");
  ASSERT_FALSE(sink.has_value());
  EXPECT_NE(sink.error().message.find("/nonexistent-pintu-dir/deeper"), std::string::npos);
}

TEST(TempFileSinkTest, WriteFailureIsAnError) {
  // A file size limit makes write(2) fail with EFBIG, as a full disk would with ENOSPC.
  test::TempDir dir;
  auto sink = TempFileSink::Create(dir.path());
  ASSERT_TRUE(sink.has_value());
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = saved;
  small.rlim_cur = 1000;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  auto result = (*sink)->Append(std::string(4000, 'x'));
  setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, old_handler);
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("Cannot write"), std::string::npos);
}

}  // namespace
}  // namespace pintu::fetch
