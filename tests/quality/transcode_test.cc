#include "quality/transcode.h"

#include <gtest/gtest.h>

#include <random>

#include "quality/encoding.h"
#include "quality/fixtures.h"
#include "quality/utf8.h"

namespace pintu::quality {
namespace {

// Decodes `bytes` split at the given chunk sizes (cycled) and collects the result.
struct Collected : DecodeSink {
  std::string text;
  std::vector<InvalidSequence> invalid;
  std::vector<const char*> piece_starts;
  void Text(std::string_view utf8) override {
    piece_starts.push_back(utf8.data());
    text.append(utf8);
  }
  void Invalid(const InvalidSequence& s) override { invalid.push_back(s); }
};

Collected DecodeInChunks(std::string_view bytes, std::string_view encoding, const std::vector<size_t>& sizes) {
  Collected out;
  auto decoder = Utf8Decoder::Create(encoding);
  EXPECT_TRUE(decoder);
  if (!decoder) return out;
  size_t pos = 0, i = 0;
  while (pos < bytes.size()) {
    size_t n = std::min(sizes[i++ % sizes.size()], bytes.size() - pos);
    (*decoder)->Decode(bytes.substr(pos, n), out);
    pos += n;
  }
  (*decoder)->Finish(out);
  return out;
}

bool SameOffsets(const std::vector<InvalidSequence>& a, const std::vector<InvalidSequence>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].offset != b[i].offset || a[i].kind != b[i].kind) return false;
  }
  return true;
}

struct Fixture {
  const char* file;
  const char* encoding;
  const std::string* text;
};
const Fixture kFixtures[] = {
    {"big5.csv", "big5", &test::kTaipei},          {"cp950.csv", "cp950", &test::kCp950Only},
    {"big5-hkscs.csv", "big5-hkscs", &test::kHkscs}, {"gb18030.csv", "gb18030", &test::kSimplified},
    {"utf8.csv", "utf-8", &test::kUtf8Text},       {"utf8-bom.csv", "utf-8", &test::kUtf8Text},
    {"utf16le-bom.csv", "utf-16le", &test::kUtf8Text}, {"utf16be-bom.csv", "utf-16be", &test::kUtf8Text},
};

TEST(Transcode, EveryFixtureDecodesToItsText) {
  for (const Fixture& f : kFixtures) {
    auto decoded = DecodeAll(test::ReadFixture(f.file), f.encoding);
    ASSERT_TRUE(decoded) << f.file;
    EXPECT_EQ(decoded->text, *f.text) << f.file << " (BOMs are dropped, line endings kept)";
    EXPECT_EQ(decoded->invalid_count, 0u) << f.file;
  }
}

TEST(Transcode, AnyChunkSplitGivesTheSameTextAndOffsets) {
  for (const Fixture& f : kFixtures) {
    std::string bytes = test::ReadFixture(f.file);
    bytes += bytes.substr(0, bytes.size() / 2);  // plus a cut-off tail: a truncation at EOF
    Collected whole = DecodeInChunks(bytes, f.encoding, {bytes.size()});
    for (size_t split = 1; split < bytes.size(); ++split) {
      Collected two = DecodeInChunks(bytes, f.encoding, {split, bytes.size()});
      ASSERT_EQ(two.text, whole.text) << f.file << " split at " << split;
      ASSERT_TRUE(SameOffsets(two.invalid, whole.invalid)) << f.file << " split at " << split;
    }
    Collected tiny = DecodeInChunks(bytes, f.encoding, {1, 2, 3, 5, 7});
    EXPECT_EQ(tiny.text, whole.text) << f.file;
    EXPECT_TRUE(SameOffsets(tiny.invalid, whole.invalid)) << f.file;
  }
}

TEST(Transcode, InvalidBytesHaveAbsoluteOffsetsAcrossChunks) {
  std::string bytes;
  std::vector<uint64_t> bad;
  for (int i = 0; i < 3000; ++i) {
    bytes += "臺北市,資料," + std::to_string(i) + "\n";
    if (i % 500 == 7) {
      bad.push_back(bytes.size());
      bytes += "\xC3";  // a lead byte followed by ASCII
    }
  }
  Collected out = DecodeInChunks(bytes, "utf-8", {4096, 333});
  ASSERT_EQ(out.invalid.size(), bad.size());
  for (size_t i = 0; i < bad.size(); ++i) {
    EXPECT_EQ(out.invalid[i].offset, bad[i]);
    EXPECT_EQ(out.invalid[i].kind, InvalidKind::kMalformed);
  }
  EXPECT_EQ(ScanUtf8(out.text).status, Utf8Status::kValid);
}

TEST(Transcode, Big5ProblemsAreReportedWithOffsetsAndKinds) {
  // 你 (A7 41), then A7 followed by a newline (malformed), then user-defined FA 40, then a lone A4.
  std::string bytes = "\xA7\x41,\xA7\n\xFA\x40,\xA4";
  auto d = DecodeAll(bytes, "big5");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->invalid.size(), 3u);
  EXPECT_EQ(d->invalid[0].offset, 3u);
  EXPECT_EQ(d->invalid[0].kind, InvalidKind::kMalformed);
  EXPECT_EQ(d->invalid[1].offset, 5u);
  EXPECT_EQ(d->invalid[1].kind, InvalidKind::kPrivateUse);
  EXPECT_EQ(d->invalid[2].offset, 8u);
  EXPECT_EQ(d->invalid[2].kind, InvalidKind::kTruncated);
  EXPECT_EQ(d->text, "你,\xEF\xBF\xBD\n\xEE\x80\x80,\xEF\xBF\xBD") << "newline kept; the user-defined code point kept";
}

// Encodings outside Pintu's list (uchardet may name them) are streamed through ICU's own
// state; offsets must still be absolute (found by fuzzing: a truncation was reported at 0).
TEST(Transcode, OtherIcuEncodingsKeepAbsoluteOffsets) {
  std::string bytes = "abc,\x82\xA0,def\x82";  // Shift_JIS: あ (82 A0), then a lone lead byte at the end
  for (const std::vector<size_t>& sizes : {std::vector<size_t>{bytes.size()}, {1}, {3, 2}}) {
    Collected out = DecodeInChunks(bytes, "shift_jis", sizes);
    ASSERT_EQ(out.invalid.size(), 1u);
    EXPECT_EQ(out.invalid[0].offset, bytes.size() - 1);
    EXPECT_EQ(out.invalid[0].kind, InvalidKind::kTruncated);
    EXPECT_EQ(out.text, "abc,あ,def\xEF\xBF\xBD");
  }
}

TEST(Transcode, Utf8FastPathHandsOnViewsOfTheInput) {
  auto decoder = Utf8Decoder::Create("UTF8");
  ASSERT_TRUE(decoder);
  std::string chunk = test::kUtf8Text;
  Collected out;
  (*decoder)->Decode(chunk, out);
  ASSERT_EQ(out.piece_starts.size(), 1u);
  EXPECT_EQ(out.piece_starts[0], chunk.data()) << "valid UTF-8 is not copied";
}

TEST(Transcode, UnknownEncodingIsAClearError) {
  auto decoder = Utf8Decoder::Create("klingon-8");
  ASSERT_FALSE(decoder);
  EXPECT_EQ(decoder.error().code, ErrorCode::kValidation);
  ASSERT_FALSE(decoder.error().fields.empty());
  EXPECT_NE(decoder.error().fields[0].message.find("klingon-8"), std::string::npos);
  EXPECT_FALSE(decoder.error().fields[0].message_zh.empty());
}

TEST(Transcode, HostileBytesAlwaysGiveValidUtf8) {
  std::mt19937 rng(1234);
  for (const char* encoding : {"utf-8", "big5", "cp950", "big5-hkscs", "gb18030", "utf-16le", "utf-16be",
                               "utf-32le", "windows-1252"}) {
    for (int round = 0; round < 30; ++round) {
      std::string junk(1 + rng() % 2000, '\0');
      for (char& c : junk) c = static_cast<char>(rng());
      Collected out = DecodeInChunks(junk, encoding, {1 + rng() % 64, 1 + rng() % 300});
      EXPECT_EQ(ScanUtf8(out.text).status, Utf8Status::kValid) << encoding;
      uint64_t last = 0;
      for (const auto& s : out.invalid) {
        EXPECT_LT(s.offset, junk.size()) << encoding;
        EXPECT_GE(s.offset, last) << encoding << ": offsets in input order";
        last = s.offset;
      }
    }
  }
}

}  // namespace
}  // namespace pintu::quality
