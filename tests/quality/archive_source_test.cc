#include "quality/archive_source.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "quality/archive_writer.h"
#include "quality/fixtures.h"
#include "quality/open_for_check.h"
#include "support/temp_dir.h"

namespace pintu::quality {
namespace {

// Reads `source` to its end (or first error) in 1 MB reads.
struct Drained {
  std::string bytes;  // kept only up to `keep` bytes
  uint64_t total = 0;
  std::optional<Error> error;
};
Drained Drain(ByteSource& source, size_t keep = 1 << 20) {
  Drained d;
  std::vector<char> buffer(1 << 20);
  for (;;) {
    auto n = source.Read(buffer);
    if (!n) {
      d.error = n.error();
      return d;
    }
    if (*n == 0) return d;
    if (d.bytes.size() < keep) d.bytes.append(buffer.data(), std::min(*n, keep - d.bytes.size()));
    d.total += *n;
  }
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Archive, GzipIsUnwrappedTransparently) {
  pintu::test::TempDir dir;
  std::string text;
  for (int i = 0; i < 2000; ++i) text += std::to_string(i) + ",臺北市,資料\n";
  ASSERT_TRUE(test::WriteGzip(dir.File("a.csv.gz"), test::Bytes(text)));
  auto opened = OpenForCheck(dir.File("a.csv.gz"));
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->compression, Compression::kGzip);
  Drained d = Drain(*opened->source);
  EXPECT_FALSE(d.error);
  EXPECT_EQ(d.bytes, text);
  EXPECT_EQ(opened->source->Current().sha256, HashBytes(text).sha256) << "hashes are of the checked bytes";
}

TEST(Archive, ZipReadsTheFirstRegularMemberAndListsAll) {
  auto opened = OpenForCheck(test::FixturePath("big5-in.zip"));
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->compression, Compression::kZip);
  EXPECT_EQ(opened->member_name, "data/人口.csv");
  ASSERT_EQ(opened->members.size(), 3u);
  EXPECT_EQ(opened->members[0].name, "data/");
  EXPECT_FALSE(opened->members[0].regular_file);
  EXPECT_EQ(opened->members[2].name, "readme.txt");
  Drained d = Drain(*opened->source);
  EXPECT_FALSE(d.error);
  EXPECT_EQ(d.bytes, test::ReadFixture("big5.csv"));
}

TEST(Archive, Cp950MemberNamesFromWindowsZipToolsAreDecoded) {
  auto opened = OpenForCheck(test::FixturePath("cp950-names.zip"));
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->member_name, "data/人口.csv");
  Drained d = Drain(*opened->source);
  EXPECT_EQ(d.bytes, test::ReadFixture("big5.csv"));
}

TEST(Archive, OfficePackagesAreNotUnwrapped) {
  for (const char* name : {"sheet.xlsx", "sheet.ods"}) {
    auto opened = OpenForCheck(test::FixturePath(name));
    ASSERT_TRUE(opened) << name << ": " << opened.error().message;
    EXPECT_EQ(opened->compression, Compression::kNone) << name;
    EXPECT_FALSE(opened->members.empty()) << name;
    Drained d = Drain(*opened->source);
    EXPECT_EQ(d.bytes, test::ReadFixture(name)) << "the package itself is read";
  }
}

// A zip bomb: 1 GB of zeros, about 1 MB compressed. Decompression must stop early.
TEST(Archive, ZipBombOfOneGigabyteStopsAtTheRatioLimit) {
  pintu::test::TempDir dir;
  ASSERT_TRUE(test::WriteZip(dir.File("bomb.zip"), {{"zeros.csv", test::Repeat(std::string(1 << 20, '\0'), 1ULL << 30)}}, 9));
  uint64_t compressed_size = Slurp(dir.File("bomb.zip")).size();
  EXPECT_LT(compressed_size, 4u << 20);
  auto opened = OpenForCheck(dir.File("bomb.zip"));
  ASSERT_TRUE(opened) << opened.error().message;
  Drained d = Drain(*opened->source, 0);
  ASSERT_TRUE(d.error) << "decompressed all " << d.total << " bytes";
  EXPECT_EQ(d.error->code, ErrorCode::kTooLarge);
  EXPECT_NE(d.error->message.find("zip bomb"), std::string::npos) << d.error->message;
  ASSERT_FALSE(d.error->fields.empty());
  EXPECT_NE(d.error->fields[0].message_zh.find("壓縮炸彈"), std::string::npos);
  EXPECT_LT(d.total, 64u << 20) << "stopped soon after the 16 MB grace";
}

TEST(Archive, GzipBombStopsToo) {
  pintu::test::TempDir dir;
  ASSERT_TRUE(test::WriteGzip(dir.File("bomb.gz"), test::Repeat(std::string(1 << 20, 'a'), 256ULL << 20), 9));
  auto opened = OpenForCheck(dir.File("bomb.gz"));
  ASSERT_TRUE(opened) << opened.error().message;
  Drained d = Drain(*opened->source, 0);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, ErrorCode::kTooLarge);
  EXPECT_LT(d.total, 64u << 20);
}

TEST(Archive, NestedZipIsRefused) {
  pintu::test::TempDir dir;
  ASSERT_TRUE(test::WriteZip(dir.File("inner.zip"), {{"zeros.csv", test::Repeat(std::string(1 << 16, '\0'), 64u << 20)}}));
  ASSERT_TRUE(test::WriteZip(dir.File("outer.zip"), {{"inner.zip", test::Bytes(Slurp(dir.File("inner.zip")))}}));
  auto opened = OpenForCheck(dir.File("outer.zip"));
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kValidation);
  EXPECT_NE(opened.error().message.find("inner.zip"), std::string::npos) << opened.error().message;
}

TEST(Archive, DecompressedSizeLimitHolds) {
  pintu::test::TempDir dir;
  std::string row = "1,臺北市,2494813,首都\n";
  ASSERT_TRUE(test::WriteGzip(dir.File("big.gz"), test::Repeat(row, 3u << 20)));
  DecompressionLimits limits;
  limits.max_output_bytes = 1 << 20;
  auto opened = OpenForCheck(dir.File("big.gz"), limits);
  ASSERT_TRUE(opened);
  Drained d = Drain(*opened->source, 0);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, ErrorCode::kTooLarge);
  EXPECT_NE(d.error->message.find("limit"), std::string::npos);
  EXPECT_LE(d.total, (1u << 20) + (1u << 20)) << "at most one read past the limit";
}

// The gzip trailer says 10 bytes; the content is 3 MB. Only actual bytes count.
TEST(Archive, GzipThatLiesAboutItsSizeIsStillLimited) {
  pintu::test::TempDir dir;
  ASSERT_TRUE(test::WriteGzip(dir.File("liar.gz"), test::Repeat("2024,資料\n", 3u << 20)));
  std::string bytes = Slurp(dir.File("liar.gz"));
  bytes.replace(bytes.size() - 4, 4, std::string("\x0A\0\0\0", 4));
  std::ofstream(dir.File("liar.gz"), std::ios::binary | std::ios::trunc) << bytes;
  DecompressionLimits limits;
  limits.max_output_bytes = 1 << 20;
  auto opened = OpenForCheck(dir.File("liar.gz"), limits);
  ASSERT_TRUE(opened);
  Drained d = Drain(*opened->source, 0);
  ASSERT_TRUE(d.error);
  EXPECT_EQ(d.error->code, ErrorCode::kTooLarge);
  // Without the limit, the false trailer is either reported or ignored; never trusted.
  auto unlimited = OpenForCheck(dir.File("liar.gz"));
  ASSERT_TRUE(unlimited);
  Drained all = Drain(*unlimited->source, 0);
  if (all.error) {
    EXPECT_EQ(all.error->code, ErrorCode::kBadRequest);
  } else {
    EXPECT_EQ(all.total, 3u << 20);
  }
}

TEST(Archive, TruncatedAndGarbageArchivesFailCleanly) {
  pintu::test::TempDir dir;
  std::string text(200000, 'x');
  for (size_t i = 0; i < text.size(); i += 7) text[i] = static_cast<char>('a' + i % 26);
  ASSERT_TRUE(test::WriteGzip(dir.File("t.gz"), test::Bytes(text)));
  std::string gz = Slurp(dir.File("t.gz"));
  std::ofstream(dir.File("t.gz"), std::ios::binary | std::ios::trunc) << gz.substr(0, gz.size() / 2);
  auto truncated = OpenForCheck(dir.File("t.gz"));
  if (truncated) {
    Drained d = Drain(*truncated->source);
    ASSERT_TRUE(d.error) << "a truncated gzip must not look complete";
    EXPECT_EQ(d.error->code, ErrorCode::kBadRequest);
    EXPECT_LT(d.total, text.size());
  }

  std::mt19937 rng(7);
  for (const std::string magic : {std::string("PK\x03\x04"), std::string("\x1F\x8B")}) {
    for (int round = 0; round < 20; ++round) {
      std::string junk = magic;
      for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<char>(rng()));
      std::ofstream(dir.File("junk"), std::ios::binary | std::ios::trunc) << junk;
      auto opened = OpenForCheck(dir.File("junk"));
      if (!opened) {
        EXPECT_NE(opened.error().code, ErrorCode::kInternal) << opened.error().message;
        continue;
      }
      Drained d = Drain(*opened->source);  // may fail; must not crash or hang
      EXPECT_LE(d.total, 64u << 20);
    }
  }
}

TEST(Archive, ZipWithoutFilesAndNonGzipAreReported) {
  pintu::test::TempDir dir;
  ASSERT_TRUE(test::WriteZip(dir.File("empty.zip"), {}));
  // An empty zip has no local header: it is not unwrapped (no PK\3\4) and reads as is.
  auto opened = OpenForCheck(dir.File("empty.zip"));
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->compression, Compression::kNone);
  auto not_gzip = OpenDecompressing(MemorySource("plain text, not gzip"), Compression::kGzip);
  ASSERT_FALSE(not_gzip);
  EXPECT_EQ(not_gzip.error().code, ErrorCode::kBadRequest);
}

}  // namespace
}  // namespace pintu::quality
