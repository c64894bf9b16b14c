#include "quality/error_messages.h"

#include <fmt/format.h>

namespace pintu::quality {

std::string ShortenForReport(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

void WordError(ReportError& e) {
  const std::uint64_t row = e.row_number.value_or(0);
  const std::uint64_t field = e.field_number.value_or(0);
  const std::string_view t = e.type;
  const std::string& name = e.field_name;
  const std::string& cell = e.cell;
  const std::string& note = e.note;
  const std::string& note_zh = e.note_zh.empty() ? e.note : e.note_zh;
  if (t == "blank-label") {
    e.message = fmt::format("Label in the header in field at position \"{}\" is blank", field);
    e.message_zh = fmt::format("標題列第 {} 欄的欄位名稱是空白的", field);
  } else if (t == "duplicate-label") {
    e.message = fmt::format("Label \"{}\" in the header at position \"{}\" is duplicated to a label: {}", cell, field, note);
    e.message_zh = fmt::format("標題列第 {} 欄的欄位名稱「{}」重複（{}）", field, cell, note_zh);
  } else if (t == "extra-label") {
    e.message = fmt::format("There is an extra label \"{}\" in header at position \"{}\"", cell, field);
    e.message_zh = fmt::format("標題列第 {} 欄「{}」不在結構描述（schema）中", field, cell);
  } else if (t == "missing-label") {
    e.message = fmt::format("There is a missing label in the header's field \"{}\" at position \"{}\"", name, field);
    e.message_zh = fmt::format("標題列缺少第 {} 欄「{}」", field, name);
  } else if (t == "incorrect-label") {
    e.message = fmt::format("Label \"{}\" in field {} at position \"{}\" does not match the field name in the schema",
                            cell, name, field);
    e.message_zh = fmt::format("標題列第 {} 欄「{}」與結構描述的欄位名稱「{}」不符", field, cell, name);
  } else if (t == "blank-row") {
    e.message = fmt::format("Row at position \"{}\" is completely blank", row);
    e.message_zh = fmt::format("第 {} 列完全空白", row);
  } else if (t == "duplicate-row") {
    e.message = fmt::format("Row at position {} is duplicated: {}", row, note);
    e.message_zh = fmt::format("第 {} 列重複（{}）", row, note_zh);
  } else if (t == "primary-key") {
    e.message = fmt::format("Row at position \"{}\" violates the primary key: {}", row, note);
    e.message_zh = fmt::format("第 {} 列違反主鍵（primary key）：{}", row, note_zh);
  } else if (t == "foreign-key") {
    e.message = fmt::format("Row at position \"{}\" violates the foreign key: {}", row, note);
    e.message_zh = fmt::format("第 {} 列違反外鍵（foreign key）：{}", row, note_zh);
  } else if (t == "extra-cell") {
    e.message = fmt::format("Row at position \"{}\" has an extra value in field at position \"{}\"", row, field);
    e.message_zh = fmt::format("第 {} 列第 {} 欄多出一個值（超過標題欄數）", row, field);
  } else if (t == "missing-cell") {
    e.message = fmt::format("Row at position \"{}\" has a missing cell in field \"{}\" at position \"{}\"", row, name, field);
    e.message_zh = fmt::format("第 {} 列缺少第 {} 欄「{}」的值", row, field, name);
  } else if (t == "type-error") {
    e.message = fmt::format("Type error in the cell \"{}\" in row \"{}\" and field \"{}\" at position \"{}\": {}", cell,
                            row, name, field, note);
    e.message_zh = fmt::format("第 {} 列第 {} 欄「{}」的值「{}」型別不符：{}", row, field, name, cell, note_zh);
  } else if (t == "constraint-error") {
    e.message = fmt::format(
        "The cell \"{}\" in row at position \"{}\" and field \"{}\" at position \"{}\" does not conform to a constraint: {}",
        cell, row, name, field, note);
    e.message_zh = fmt::format("第 {} 列第 {} 欄「{}」的值「{}」不符合限制條件：{}", row, field, name, cell, note_zh);
  } else if (t == "unique-error") {
    e.message = fmt::format("Row at position \"{}\" has unique constraint violation in field \"{}\" at position \"{}\": {}",
                            row, name, field, note);
    e.message_zh = fmt::format("第 {} 列第 {} 欄「{}」的值應唯一但重複：{}", row, field, name, note_zh);
  } else if (t == "source-error") {
    e.message = fmt::format("The data source has not supported or has inconsistent contents: {}", note);
    e.message_zh = fmt::format("資料來源無法讀取或內容不一致：{}", note_zh);
  } else if (t == "encoding-error") {
    e.message = fmt::format("The data source could not be successfully decoded: {}", note);
    e.message_zh = fmt::format("資料來源無法正確解碼（文字編碼錯誤）：{}", note_zh);
  } else if (t == "hash-count") {
    e.message = fmt::format("The data source does not match the expected hash count: {}", note);
    e.message_zh = fmt::format("檔案雜湊值與宣告的不符：{}", note_zh);
  } else if (t == "byte-count") {
    e.message = fmt::format("The data source does not match the expected byte count: {}", note);
    e.message_zh = fmt::format("檔案位元組數與宣告的不符：{}", note_zh);
  } else if (t == "row-count") {
    e.message = fmt::format("The data source does not match the expected row count: {}", note);
    e.message_zh = fmt::format("資料列數與宣告的不符：{}", note_zh);
  } else {
    e.message = fmt::format("{}: {}", t, note);
    e.message_zh = fmt::format("{}：{}", t, note_zh);
  }
}

}  // namespace pintu::quality
