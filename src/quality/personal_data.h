// Detectors of personal data in cell text: Taiwan national ID and resident certificate
// numbers, mobile phone numbers and e-mail addresses, with masked forms that are safe
// to print in reports. Each detector scans the cell once; none allocates.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pintu::quality {

// Where a detector found something in a cell: [offset, offset + length).
struct TextSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
};

// True when `id` is exactly a Taiwan identity number with a valid check digit:
//   - national ID (國民身分證統一編號): a letter, then 1 or 2 (sex), then 8 digits;
//   - resident certificate / UI number, new format since 2021: a letter, then 8 or 9,
//     then 8 digits;
//   - resident certificate, old format: two letters (the second A–D), then 8 digits.
// The letter may be lower case. The check: the first letter's two-digit code (A=10 …
// Z=33, in the Ministry of the Interior's order) weighted 1 and 9, the next eight
// positions 8…1 (an old-format second letter counts as its code's last digit), the
// check digit 1; the sum is a multiple of 10.
bool IsTaiwanIdNumber(std::string_view id);

// The first identity number in `text` that stands alone (not preceded or followed by a
// letter or digit), or nullopt.
std::optional<TextSpan> FindTaiwanIdNumber(std::string_view text);

// The first Taiwan mobile phone number in `text`: 09 + 8 digits, optionally grouped as
// 09xx-xxx-xxx / 09xx xxx xxx / 09xx-xxxxxx, or with the country code +886 / 886
// (then 9xx… without the 0, optionally after "-" or a space). It must not be preceded
// or followed by a digit. Landline numbers (02-2828-1328) are not mobile numbers.
std::optional<TextSpan> FindMobilePhone(std::string_view text);

// The first e-mail address in `text`: a local part of [A-Za-z0-9._%+-] (1–64 bytes), "@",
// and a domain of letters, digits, "-" and "." with at least one dot and a final label of
// at least two letters.
std::optional<TextSpan> FindEmailAddress(std::string_view text);

// "A12****789": keeps the first three and the last three characters of an ID number.
std::string MaskIdNumber(std::string_view id);

// "0912-***-678": keeps the first four and the last three digits of a phone number
// (separators as written).
std::string MaskPhone(std::string_view phone);

// "a***@example.org": keeps the first character of the local part and the domain.
std::string MaskEmail(std::string_view email);

}  // namespace pintu::quality
