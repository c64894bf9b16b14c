#include "quality/taiwan_messages.h"

#include <fmt/format.h>

namespace pintu::quality::taiwan_messages {

LocalizedLine RocDate(std::uint64_t count, std::string_view example, std::string_view gregorian) {
  return {fmt::format("{} cell(s) hold ROC (Minguo, 民國) calendar dates, e.g. \"{}\" = {} in the "
                      "Gregorian calendar.",
                      count, example, gregorian),
          fmt::format("有 {} 個儲存格使用民國紀年日期，例如「{}」即西元 {}。", count, example, gregorian)};
}

LocalizedLine RocDateHint(std::string_view gregorian) {
  return {fmt::format("Write dates in the Gregorian calendar as YYYY-MM-DD (ISO 8601), e.g. {}; "
                      "add a separate column if the ROC year is needed.",
                      gregorian),
          fmt::format("請改用西元日期並寫成 YYYY-MM-DD（ISO 8601），例如 {}；如需民國年請另設一欄。", gregorian)};
}

LocalizedLine MixedDateFormats(std::size_t format_count, std::string_view formats) {
  return {fmt::format("Dates in this column are written in {} different formats: {}.", format_count, formats),
          fmt::format("此欄日期混用 {} 種格式：{}。", format_count, formats)};
}

LocalizedLine MixedDateFormatsHint(std::string_view majority_format) {
  return {fmt::format("Write every date of a column in one format, preferably YYYY-MM-DD (most cells "
                      "here use {}).",
                      majority_format),
          fmt::format("同一欄的日期請使用單一格式，建議為 YYYY-MM-DD（本欄多數為 {}）。", majority_format)};
}

LocalizedLine FullWidth(std::uint64_t count, std::string_view example, std::string_view half_width) {
  return {fmt::format("{} cell(s) contain full-width letters, digits or symbols, e.g. \"{}\" "
                      "(half-width: \"{}\").",
                      count, example, half_width),
          fmt::format("有 {} 個儲存格含全形英數字或符號，例如「{}」（半形為「{}」）。", count, example, half_width)};
}

LocalizedLine FullWidthHint() {
  return {"Convert full-width letters, digits and symbols to half-width (ASCII) so that values sort, "
          "match and parse as numbers.",
          "請將全形英數字與符號轉為半形，資料才能正確排序、比對及作為數字解析。"};
}

LocalizedLine CjkCompatibility(std::uint64_t count, std::string_view characters, std::string_view example) {
  return {fmt::format("{} cell(s) contain CJK radical or compatibility characters that look like "
                      "ordinary characters: {}; e.g. \"{}\".",
                      count, characters, example),
          fmt::format("有 {} 個儲存格含外觀與一般用字相同的部首或相容字元：{}；例如「{}」。", count, characters,
                      example)};
}

LocalizedLine CjkCompatibilityHint() {
  return {"Replace them with the ordinary characters (they usually come from text copied out of PDF "
          "files); search and matching miss them.",
          "請替換為一般用字（多半來自從 PDF 複製的文字），否則搜尋與比對都會找不到。"};
}

LocalizedLine NationalId(std::uint64_t count, std::string_view masked) {
  return {fmt::format("{} cell(s) contain Taiwan national ID or resident certificate numbers with a "
                      "valid check digit, e.g. {}. This is personal data.",
                      count, masked),
          fmt::format("有 {} 個儲存格含檢查碼正確的國民身分證或居留證統一編號，例如 {}，屬於個人資料。", count,
                      masked)};
}

LocalizedLine NationalIdHint() {
  return {"Do not publish identity numbers: remove the column or de-identify it (Personal Data "
          "Protection Act).",
          "請勿公開身分證或居留證號碼：刪除此欄或予以去識別化（個人資料保護法）。"};
}

LocalizedLine MobilePhone(std::uint64_t count, std::string_view masked) {
  return {fmt::format("{} cell(s) contain mobile phone numbers, e.g. {}; a person's number is personal data.",
                      count, masked),
          fmt::format("有 {} 個儲存格含手機號碼，例如 {}；個人的手機號碼屬於個人資料。", count, masked)};
}

LocalizedLine MobilePhoneHint() {
  return {"Publish only organisational contact numbers; remove or mask personal mobile numbers.",
          "請只公開機關（構）聯絡電話，個人手機號碼請刪除或遮蔽。"};
}

LocalizedLine Email(std::uint64_t count, std::string_view masked) {
  return {fmt::format("{} cell(s) contain e-mail addresses, e.g. {}; a person's address is personal data.",
                      count, masked),
          fmt::format("有 {} 個儲存格含電子郵件地址，例如 {}；個人信箱屬於個人資料。", count, masked)};
}

LocalizedLine EmailHint() {
  return {"Keep only organisational addresses (such as a service mailbox); remove or mask personal ones.",
          "請只保留機關（構）公務信箱，個人信箱請刪除或遮蔽。"};
}

LocalizedLine Whitespace(std::uint64_t count, std::string_view example) {
  return {fmt::format("{} cell(s) start or end with spaces, e.g. \"{}\".", count, example),
          fmt::format("有 {} 個儲存格的開頭或結尾有空白，例如「{}」。", count, example)};
}

LocalizedLine WhitespaceHint() {
  return {"Remove spaces (including full-width spaces) at the start and end of values.",
          "請刪除值開頭與結尾的空白（包括全形空白）。"};
}

}  // namespace pintu::quality::taiwan_messages
