#include "quality/personal_data.h"

#include <gtest/gtest.h>

namespace pintu::quality {
namespace {

std::string Found(std::optional<TextSpan> span, std::string_view text) {
  return span ? std::string(text.substr(span->offset, span->length)) : "none";
}

TEST(TaiwanIdTest, ValidCheckDigits) {
  // A=10: 1×1 + 0×9 + 1×8 + 2×7 + 3×6 + 4×5 + 5×4 + 6×3 + 7×2 + 8×1 + 9 = 130.
  EXPECT_TRUE(IsTaiwanIdNumber("A123456789"));
  EXPECT_TRUE(IsTaiwanIdNumber("a123456789"));
  // New resident certificate format: A=10: 1 + 0 + 8×8 + 1×1 + 4 = 70.
  EXPECT_TRUE(IsTaiwanIdNumber("A800000014"));
  // Old resident certificate format, second letter C (12 → 2): 1 + 0 + 2×8 + 3 = 20.
  EXPECT_TRUE(IsTaiwanIdNumber("AC00000003"));
  // F=15: 1 + 5×9 + 2×8 = 62; check digit 8 makes 70.
  EXPECT_TRUE(IsTaiwanIdNumber("F200000008"));
  EXPECT_FALSE(IsTaiwanIdNumber("F200000006"));
}

TEST(TaiwanIdTest, RejectsWrongChecksumsAndShapes) {
  EXPECT_FALSE(IsTaiwanIdNumber("A123456788"));
  EXPECT_FALSE(IsTaiwanIdNumber("A323456789"));   // second digit must be 1, 2, 8 or 9
  EXPECT_FALSE(IsTaiwanIdNumber("AE00000003"));   // old format letters are A–D only
  EXPECT_FALSE(IsTaiwanIdNumber("A12345678"));
  EXPECT_FALSE(IsTaiwanIdNumber("0912345678"));   // a phone number
  EXPECT_FALSE(IsTaiwanIdNumber("1123456789"));
  EXPECT_FALSE(IsTaiwanIdNumber("A12345678X"));
}

TEST(TaiwanIdTest, FindsStandaloneNumbersOnly) {
  EXPECT_EQ(Found(FindTaiwanIdNumber("申請人A123456789，電話"), "申請人A123456789，電話"), "A123456789");
  EXPECT_EQ(Found(FindTaiwanIdNumber("ID: A123456789"), "ID: A123456789"), "A123456789");
  EXPECT_EQ(Found(FindTaiwanIdNumber("XA123456789"), "XA123456789"), "none");     // part of a code
  EXPECT_EQ(Found(FindTaiwanIdNumber("A1234567890"), "A1234567890"), "none");     // 11 characters
  EXPECT_EQ(Found(FindTaiwanIdNumber("A123456788 A800000014"), "A123456788 A800000014"), "A800000014");
}

TEST(MobilePhoneTest, FindsTaiwanMobileNumbers) {
  for (std::string_view s : {"0912345678", "0912-345-678", "0912 345 678", "0912-345678", "+886912345678",
                             "+886-912-345-678", "886 912 345 678"}) {
    EXPECT_NE(Found(FindMobilePhone(s), s), "none") << s;
  }
  std::string_view text = "聯絡人 王小姐 0912-345-678（平日）";
  EXPECT_EQ(Found(FindMobilePhone(text), text), "0912-345-678");
}

TEST(MobilePhoneTest, LandlinesAndLongNumbersAreNotMobiles) {
  for (std::string_view s : {"02-2828-1328", "02-7705-8110 轉108", "2761-6300", "(02)2345-6789", "09123456789",
                             "10912345678", "0812345678", "1100105", "25.0610058"}) {
    EXPECT_EQ(Found(FindMobilePhone(s), s), "none") << s;
  }
}

TEST(EmailTest, FindsAddresses) {
  std::string_view a = "service@mail.taipei.gov.tw";
  EXPECT_EQ(Found(FindEmailAddress(a), a), a);
  std::string_view b = "聯絡：wang.xm+ltc@example.org。";
  EXPECT_EQ(Found(FindEmailAddress(b), b), "wang.xm+ltc@example.org");
  std::string_view c = "mail a.b@ex-ample.com.tw.";
  EXPECT_EQ(Found(FindEmailAddress(c), c), "a.b@ex-ample.com.tw");
}

TEST(EmailTest, RejectsNonAddresses) {
  for (std::string_view s : {"a@b", "@example.com", "user@", "user@.com", "user@example.c", "user@example.123",
                             "@@@@", "a@@b.com", "twitter @handle"}) {
    EXPECT_EQ(Found(FindEmailAddress(s), s), "none") << s;
  }
}

TEST(MaskTest, NeverShowsTheWholeNumber) {
  EXPECT_EQ(MaskIdNumber("A123456789"), "A12****789");
  EXPECT_EQ(MaskPhone("0912-345-678"), "0912-***-678");
  EXPECT_EQ(MaskPhone("0912345678"), "0912***678");
  EXPECT_EQ(MaskEmail("wang.xm@example.org"), "w***@example.org");
}

TEST(PersonalDataTest, HostileInputStaysLinearAndSafe) {
  std::string ats(1 << 20, '@');
  EXPECT_EQ(FindEmailAddress(ats), std::nullopt);
  std::string mixed;
  for (int i = 0; i < 100000; ++i) mixed += "a@b.";
  EXPECT_EQ(FindEmailAddress(mixed), std::nullopt);  // every domain ends in a 1-letter label
  std::string digits(1 << 20, '9');
  EXPECT_EQ(FindMobilePhone(digits), std::nullopt);
  std::string letters_digits;
  for (int i = 0; i < 100000; ++i) letters_digits += "A12345678";
  EXPECT_EQ(FindTaiwanIdNumber(letters_digits), std::nullopt);
  EXPECT_EQ(FindTaiwanIdNumber(std::string("A123\0" "456789", 11)), std::nullopt);
}

}  // namespace
}  // namespace pintu::quality
