#include "quality/utf8.h"

#include <gtest/gtest.h>

namespace pintu::quality {
namespace {

TEST(Utf8Scan, AcceptsAsciiAndEveryValidLength) {
  auto s = ScanUtf8("plain ascii, longer than sixteen bytes for the fast path");
  EXPECT_EQ(s.status, Utf8Status::kValid);
  EXPECT_TRUE(s.ascii_only);
  std::string mixed = "é長\xF0\x9F\x98\x80 done";
  auto m = ScanUtf8(mixed);
  EXPECT_EQ(m.status, Utf8Status::kValid);
  EXPECT_EQ(m.valid_prefix, mixed.size());
  EXPECT_FALSE(m.ascii_only);
}

TEST(Utf8Scan, RejectsOverlongsSurrogatesAndOutOfRange) {
  struct Case {
    std::string bytes;
    size_t invalid_length;
  };
  const Case cases[] = {
      {"\xC0\xAF", 1},              // overlong '/': C0 is never a lead
      {"\xE0\x80\xAF", 1},          // overlong 3-byte: E0 needs A0..BF next
      {"\xED\xA0\x80", 1},          // UTF-16 surrogate D800
      {"\xF4\x90\x80\x80", 1},      // above U+10FFFF
      {"\xF5\x80\x80\x80", 1},      // F5 is never a lead
      {"\x80", 1},                  // lone continuation
      {"\xE4\xBD" "A", 2},          // cut short by ASCII: maximal subpart is 2 bytes
      {"\xF0\x9F\x98" "A", 3},
  };
  for (const Case& c : cases) {
    std::string input = "ok " + c.bytes;
    auto s = ScanUtf8(input);
    EXPECT_EQ(s.status, Utf8Status::kInvalid) << testing::PrintToString(c.bytes);
    EXPECT_EQ(s.valid_prefix, 3u);
    EXPECT_EQ(s.invalid_length, c.invalid_length) << testing::PrintToString(c.bytes);
  }
}

TEST(Utf8Scan, ASequenceCutByTheEndIsIncompleteNotInvalid) {
  auto s = ScanUtf8("abc\xE4\xBD");
  EXPECT_EQ(s.status, Utf8Status::kIncomplete);
  EXPECT_EQ(s.valid_prefix, 3u);
}

TEST(Utf8Scan, CensusCountsAndResynchronises) {
  std::string text = "長\xFF長\xFE長\xE4";
  auto open = CountUtf8(text, false);
  EXPECT_EQ(open.multibyte_sequences, 3u);
  EXPECT_EQ(open.invalid_sequences, 2u);
  EXPECT_EQ(open.first_invalid_offset, 3u);
  EXPECT_TRUE(open.truncated_at_end);
  EXPECT_EQ(open.truncated_offset, 11u);
  auto whole = CountUtf8(text, true);
  EXPECT_EQ(whole.invalid_sequences, 3u);
}

TEST(Utf8Scan, ToValidUtf8ReplacesEachBadSequenceOnce) {
  EXPECT_EQ(ToValidUtf8("a\xFF" "b\xE4\xBD" "c\xE4"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  EXPECT_EQ(ToValidUtf8("資料"), "資料");
}

}  // namespace
}  // namespace pintu::quality
