// Tests of the bounded key map and the file digests (src/quality/key_memory.h,
// file_digest.h).
#include "quality/key_memory.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "quality/file_digest.h"

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

TEST(BoundedKeyMap, KeysStoredBeforeFullStayFoundAndListed) {
  BoundedKeyMap map(2048);  // 128 slots at most: 96 keys
  std::set<std::uint64_t> stored;
  std::uint64_t row = 1;
  for (; row < 10'000; ++row) {
    const std::uint64_t key = row * 0x9e3779b97f4a7c15ULL;
    const BoundedKeyMap::Seen seen = map.Remember(key, row);
    if (seen.full) break;
    stored.insert(key);
  }
  ASSERT_LT(row, 10'000u) << "a 2 KiB map must fill up";
  EXPECT_EQ(map.size(), stored.size());
  EXPECT_LE(map.memory_bytes(), 2048u);
  // A key stored before is still found (and updated) once the map is full.
  const std::uint64_t first = 1 * 0x9e3779b97f4a7c15ULL;
  EXPECT_EQ(map.Remember(first, row + 1).previous_row, 1u);
  EXPECT_FALSE(map.Remember(first, row + 2).full);
  std::set<std::uint64_t> listed;
  map.ForEachKey([&](std::uint64_t k) { listed.insert(k); });
  EXPECT_EQ(listed, stored);
}

TEST(BoundedKeyMap, ListsKeyZeroAndReleasesEverything) {
  BoundedKeyMap map(1 << 16);
  map.Remember(0, 2);
  map.Remember(77, 3);
  std::set<std::uint64_t> listed;
  map.ForEachKey([&](std::uint64_t k) { listed.insert(k); });
  EXPECT_EQ(listed, (std::set<std::uint64_t>{0, 77}));
  map.Release();
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.memory_bytes(), 0u);
  EXPECT_FALSE(map.Contains(0));
  EXPECT_FALSE(map.Contains(77));
  EXPECT_EQ(map.Remember(77, 4).previous_row, 0u);  // usable again
}

TEST(BoundedKeyMap, RowsItCannotStoreReportFull) {
  BoundedKeyMap map(1 << 16);
  EXPECT_TRUE(map.Remember(5, 0).full);
  EXPECT_TRUE(map.Remember(5, std::uint64_t{1} << 32).full);
  EXPECT_FALSE(map.Contains(5));
  EXPECT_FALSE(map.Remember(5, (std::uint64_t{1} << 32) - 1).full);
}

TEST(FileDigest, KnownDigestsAndChunking) {
  auto digests = [](std::string_view s) {
    FileDigest d;
    d.Update(s);
    return d.Finish();
  };
  EXPECT_EQ(digests("").md5, "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(digests("").sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(digests("abc").md5, "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(digests("12345678901234567890123456789012345678901234567890123456789012345678901234567890").md5,
            "57edf4a22be3c955ac49da2e2107b67a");
  // Chunked updates give the same digests; Current() does not end the stream.
  FileDigest chunked;
  const std::string text(1000, 'x');
  for (std::size_t i = 0; i < 500; i += 7) chunked.Update(std::string_view(text).substr(i, 7));
  const FileDigests half = chunked.Current();
  EXPECT_EQ(half.bytes, 504u);
  EXPECT_EQ(half.md5, digests(text.substr(0, 504)).md5);
  for (std::size_t i = 504; i < text.size(); i += 7) chunked.Update(std::string_view(text).substr(i, 7));
  const FileDigests whole = chunked.Finish();
  EXPECT_EQ(whole.bytes, 1000u);
  EXPECT_EQ(whole.md5, digests(text).md5);
  EXPECT_EQ(whole.sha256, digests(text).sha256);
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
