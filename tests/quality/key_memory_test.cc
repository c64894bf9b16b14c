// Tests of the bounded hash map and MD5 (src/quality/key_memory.h, md5.h, file_digest.h).
#include "quality/key_memory.h"

#include <gtest/gtest.h>

#include "quality/file_digest.h"
#include "quality/md5.h"

namespace pintu::quality {
namespace {

TEST(BoundedKeyMap, RemembersTheLatestRowOfEachKey) {
  BoundedKeyMap map(1 << 20);
  EXPECT_EQ(map.Remember(42, 2).previous_row, 0u);
  EXPECT_EQ(map.Remember(0, 3).previous_row, 0u);  // key 0 is a valid key
  EXPECT_EQ(map.Remember(42, 5).previous_row, 2u);
  EXPECT_EQ(map.Remember(42, 9).previous_row, 5u);
  EXPECT_EQ(map.Remember(0, 10).previous_row, 3u);
  EXPECT_TRUE(map.Contains(42));
  EXPECT_TRUE(map.Contains(0));
  EXPECT_FALSE(map.Contains(7));
  EXPECT_EQ(map.size(), 2u);
}

TEST(BoundedKeyMap, NeverPassesItsBudget) {
  const std::size_t budget = 100 * 1024;
  BoundedKeyMap map(budget);
  std::uint64_t row = 1;
  bool full = false;
  for (; row < 1'000'000 && !full; ++row) full = map.Remember(row * 0x9e3779b97f4a7c15ULL, row).full;
  EXPECT_TRUE(full);
  EXPECT_LE(map.memory_bytes(), budget);
  EXPECT_GT(map.size(), 1000u);
  // Everything stored before it was full is still found.
  for (std::uint64_t r = 1; r < map.size(); ++r) ASSERT_TRUE(map.Contains(r * 0x9e3779b97f4a7c15ULL)) << r;
}

TEST(Md5, KnownDigests) {
  auto md5 = [](std::string_view s) {
    Md5 m;
    m.Update(s);
    return m.FinishHex();
  };
  EXPECT_EQ(md5(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(md5("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57edf4a22be3c955ac49da2e2107b67a");
  // Chunked updates give the same digest.
  Md5 chunked;
  const std::string text(1000, 'x');
  for (std::size_t i = 0; i < text.size(); i += 7) chunked.Update(std::string_view(text).substr(i, 7));
  EXPECT_EQ(chunked.FinishHex(), md5(text));
}

TEST(FileDigest, CountsBytesAndHashes) {
  FileDigest d;
  d.Update("id,name\n");
  d.Update("1,english\n2,中国人\n");
  const FileDigests f = d.Finish();
  EXPECT_EQ(f.bytes, 30u);
  EXPECT_EQ(f.md5, "6c2c61dd9b0e9c6876139a449ed87933");  // frictionless' table.csv
  EXPECT_EQ(f.sha256, "a1fd6c5ff3494f697874deeb07f69f8667e903dd94a7bc062dd57550cea26da8");
}

}  // namespace
}  // namespace pintu::quality
