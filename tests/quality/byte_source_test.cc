#include "quality/byte_source.h"

#include <gtest/gtest.h>

#include "quality/fixtures.h"
#include "quality/hashing_source.h"
#include "support/temp_dir.h"

namespace pintu::quality {
namespace {

TEST(ByteSource, FileSourceReadsTheWholeFileAndKnowsItsSize) {
  auto source = OpenFileSource(test::FixturePath("big5.csv"));
  ASSERT_TRUE(source) << source.error().message;
  EXPECT_EQ((*source)->KnownSize(), 58u);
  auto all = ReadAll(**source, 1 << 20);
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, test::ReadFixture("big5.csv"));
  EXPECT_EQ((*source)->Position(), 58u);
  char buffer[16];
  auto more = (*source)->Read(buffer);
  ASSERT_TRUE(more);
  EXPECT_EQ(*more, 0u) << "0 at the end, again and again";
}

TEST(ByteSource, MissingFileAndDirectoryAreClearErrors) {
  auto missing = OpenFileSource("/nonexistent/pintu/file.csv");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("file.csv"), std::string::npos);
  pintu::test::TempDir dir;
  auto directory = OpenFileSource(dir.path());
  ASSERT_FALSE(directory);
  EXPECT_EQ(directory.error().code, ErrorCode::kBadRequest);
}

TEST(ByteSource, ReadAllRefusesMoreThanItsLimit) {
  auto source = MemorySource(std::string(1000, 'x'));
  auto all = ReadAll(*source, 999);
  ASSERT_FALSE(all);
  EXPECT_EQ(all.error().code, ErrorCode::kTooLarge);
}

TEST(ByteSource, WithPrefixReplaysWhatWasAlreadyRead) {
  auto source = MemorySource("0123456789");
  auto head = ReadPrefix(*source, 4);
  ASSERT_TRUE(head);
  EXPECT_EQ(*head, "0123");
  auto whole = WithPrefix(*head, std::move(source));
  std::string out;
  char buffer[3];
  for (;;) {
    auto n = whole->Read(buffer);
    ASSERT_TRUE(n);
    if (*n == 0) break;
    out.append(buffer, *n);
    EXPECT_EQ(whole->Position(), out.size());
  }
  EXPECT_EQ(out, "0123456789");
}

TEST(HashingSource, KnownDigestsAndChunkingDoesNotMatter) {
  Digests abc = HashBytes("abc");
  EXPECT_EQ(abc.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(abc.md5, "900150983cd24fb0d6963f7d28e17f72");
  Digests empty = HashBytes("");
  EXPECT_EQ(empty.md5, "d41d8cd98f00b204e9800998ecf8427e");

  std::string data;
  for (int i = 0; i < 200000; ++i) data += "row " + std::to_string(i) + ",臺北市\n";
  Digests whole = HashBytes(data);
  for (HashingThread thread : {HashingThread::kCaller, HashingThread::kBackground}) {
    HashingSource tee(MemorySource(data), thread);
    std::vector<char> buffer(7);
    std::string seen;
    for (int i = 0;; ++i) {
      buffer.resize(i % 2 ? 7 : 1 << 20);  // tiny reads and large ones
      auto n = tee.Read(buffer);
      ASSERT_TRUE(n);
      if (*n == 0) break;
      seen.append(buffer.data(), *n);
    }
    EXPECT_EQ(seen, data) << "the tee passes bytes through unchanged";
    Digests streamed = tee.Current();
    EXPECT_EQ(streamed.sha256, whole.sha256);
    EXPECT_EQ(streamed.md5, whole.md5);
  }
  HashingSource abandoned(MemorySource(data), HashingThread::kBackground);
  char some[4096];
  ASSERT_TRUE(abandoned.Read(some));  // destroyed with bytes queued: must not hang or leak
}

}  // namespace
}  // namespace pintu::quality
