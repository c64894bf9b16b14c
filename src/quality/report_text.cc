#include "quality/report_text.h"

#include <map>
#include <tuple>
#include <vector>

#include <fmt/format.h>

namespace pintu::quality {
namespace {

struct Hint {
  std::string_view type;
  std::string_view en;
  std::string_view zh;
};

constexpr Hint kHints[] = {
    {"blank-label", "Give every column a name in the header row.", "請在標題列為每一欄填上欄位名稱。"},
    {"duplicate-label", "Make column names unique, e.g. add the unit or year.", "欄位名稱不可重複，可加上單位或年度區分。"},
    {"missing-label", "Add the missing column names to the header row.", "請在標題列補上缺少的欄位名稱。"},
    {"extra-label", "Remove the extra header cells or add the columns to the schema.", "請刪除多出的標題欄位，或把它們加入結構描述。"},
    {"blank-row", "Delete empty rows; they are read as records.", "請刪除空白列，程式會把它當成一筆資料。"},
    {"duplicate-row", "Remove repeated rows or add a column that tells them apart.", "請移除重複的資料列，或增加能區分它們的欄位。"},
    {"missing-cell", "Each row needs as many cells as the header; add empty cells (,,) where values are missing.",
     "每一列的欄位數要和標題列相同；沒有值的地方也要保留空欄位（,,）。"},
    {"extra-cell", "A row has more cells than the header: quote cells that contain commas (\"a,b\").",
     "這一列的欄位比標題多：內容含有逗號時請用雙引號包住（\"a,b\"）。"},
    {"type-error", "Write every value of the column in the declared type and format (numbers without units, ISO dates).",
     "同一欄的值要符合宣告的型別與格式（數字不加單位、日期用 YYYY-MM-DD）。"},
    {"constraint-error", "Correct the values that break the field's constraint, or fix the constraint.",
     "請修正不符合欄位限制的值，或調整限制條件。"},
    {"unique-error", "Values in a unique column must not repeat.", "設定為唯一值的欄位不可重複。"},
    {"primary-key", "Each row needs a different primary key value.", "每一列的主鍵值都必須不同。"},
    {"encoding-error", "Save the file as UTF-8 (pintu convert FILE -o out.csv does it).",
     "請將檔案存成 UTF-8（可用 pintu convert 檔案 -o 輸出.csv 轉換）。"},
    {"source-error", "The file could not be read to its end; check the line named and re-export the file.",
     "檔案無法完整讀取；請檢查指出的那一行並重新匯出檔案。"},
    {"format-error", "Publish the data itself in an open machine-readable format such as CSV.",
     "請以 CSV 等開放、機器可讀的格式提供資料本身。"},
    {"byte-count", "Update the declared file size.", "請更新宣告的檔案大小。"},
    {"hash-count", "Update the declared checksum, or republish the intended file.", "請更新宣告的檢查碼，或重新上傳正確的檔案。"},
    {"row-count", "Update the declared number of rows.", "請更新宣告的資料筆數。"},
    {"format-mismatch", "Declare the format the file really has, or publish the declared one.",
     "請宣告檔案實際的格式，或提供宣告格式的檔案。"},
    {"tab-separated-csv", "Use commas in a .csv file, or name it .tsv.", "副檔名為 .csv 的檔案請用逗號分隔，或改名為 .tsv。"},
    {"comma-separated-tsv", "Use tabs in a .tsv file, or name it .csv.", "副檔名為 .tsv 的檔案請用 Tab 分隔，或改名為 .csv。"},
    {"cells-not-read", "Offer a CSV copy of the spreadsheet as well.", "請同時提供試算表的 CSV 版本。"},
    {"private-use-character", "Replace user-defined characters (造字) with standard Unicode characters.",
     "請把造字改為標準 Unicode 字元。"},
    {"error-limit", "Fix the errors shown and check again, or raise --limit-errors.",
     "請先修正列出的錯誤再檢查，或加大 --limit-errors。"},
};

std::string Bytes(std::uint64_t n) {
  if (n < 1024) return fmt::format("{} B", n);
  if (n < (1u << 20)) return fmt::format("{:.1f} KiB", n / 1024.0);
  if (n < (1u << 30)) return fmt::format("{:.1f} MiB", n / 1048576.0);
  return fmt::format("{:.2f} GiB", n / 1073741824.0);
}

// "3, 5, 9 and 4 more" / "3、5、9 等，另有 4 列".
std::string RowList(const std::vector<std::uint64_t>& rows, std::uint64_t total, const TextReportOptions& o) {
  std::string out;
  for (std::size_t i = 0; i < rows.size() && i < o.rows_listed; ++i) {
    if (i) out += o.zh ? "、" : ", ";
    out += std::to_string(rows[i]);
  }
  const std::uint64_t shown = std::min<std::uint64_t>(rows.size(), o.rows_listed);
  if (total > shown) out += o.zh ? fmt::format("，另有 {} 列", total - shown) : fmt::format(" and {} more", total - shown);
  return out;
}

std::string Text(const std::string& en, const std::string& zh, bool want_zh) {
  return want_zh && !zh.empty() ? zh : en;
}

void PrintErrors(const Report& r, const TextReportOptions& o, std::string& out) {
  // Groups in order of first appearance: (type, field).
  struct Group {
    const ReportError* first = nullptr;
    std::vector<std::uint64_t> rows;
    std::uint64_t count = 0;
  };
  std::vector<std::pair<std::string, std::optional<std::uint64_t>>> order;
  std::map<std::pair<std::string, std::optional<std::uint64_t>>, Group> groups;
  for (const ReportError& e : r.errors) {
    auto key = std::make_pair(e.type, e.field_number);
    auto [it, fresh] = groups.try_emplace(key);
    if (fresh) {
      order.push_back(key);
      it->second.first = &e;
    }
    ++it->second.count;
    if (e.row_number && it->second.rows.size() < o.rows_listed) it->second.rows.push_back(*e.row_number);
  }
  out += o.zh ? fmt::format("\n錯誤（{}）\n", r.errors.size()) : fmt::format("\nErrors ({})\n", r.errors.size());
  for (const auto& key : order) {
    const Group& g = groups.at(key);
    const ReportError& e = *g.first;
    std::string head = fmt::format("  {} × {}", e.type, g.count);
    if (e.field_number) {
      head += o.zh ? fmt::format(" — 第 {} 欄「{}」", *e.field_number, e.field_name)
                   : fmt::format(" — field {} \"{}\"", *e.field_number, e.field_name);
    }
    if (!g.rows.empty()) head += (o.zh ? "：第 " : g.count == 1 ? ": row " : ": rows ") + RowList(g.rows, g.count, o) + (o.zh ? " 列" : "");
    out += head + "\n";
    out += (o.zh ? "    例：" : "    e.g. ") + Text(e.message, e.message_zh, o.zh) + "\n";
    if (auto hint = FixHint(e.type, o.zh); !hint.empty()) out += fmt::format("    {}{}\n", o.zh ? "修正：" : "fix: ", hint);
  }
}

std::string DetailText(const ReportWarning& w, std::string_view key) {
  if (!w.details) return {};
  const auto* v = w.details->if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

void PrintWarnings(const Report& r, const TextReportOptions& o, std::string& out) {
  out += o.zh ? fmt::format("\n提醒（{}）\n", r.warnings.size()) : fmt::format("\nWarnings ({})\n", r.warnings.size());
  for (const ReportWarning& w : r.warnings) {
    std::string head = "  " + w.type;
    if (w.details && w.details->contains("fieldNumber")) {
      const auto field = w.details->at("fieldNumber").to_number<std::uint64_t>();
      const std::string name = DetailText(w, "fieldName");
      head += o.zh ? fmt::format(" — 第 {} 欄「{}」", field, name) : fmt::format(" — field {} \"{}\"", field, name);
    }
    if (w.details && w.details->contains("rowNumbers")) {
      std::vector<std::uint64_t> rows;
      for (const auto& v : w.details->at("rowNumbers").as_array()) rows.push_back(v.to_number<std::uint64_t>());
      std::uint64_t count = rows.size();
      if (const auto* c = w.details->if_contains("count")) count = c->to_number<std::uint64_t>();
      if (!rows.empty()) head += (o.zh ? "：第 " : count == 1 ? ": row " : ": rows ") + RowList(rows, count, o) + (o.zh ? " 列" : "");
    } else if (w.row_number) {
      head += o.zh ? fmt::format("：第 {} 列", *w.row_number) : fmt::format(": row {}", *w.row_number);
    }
    out += head + "\n";
    out += "    " + Text(w.message, w.message_zh, o.zh) + "\n";
    std::string hint = o.zh ? DetailText(w, "hintZh") : DetailText(w, "hint");
    if (hint.empty()) hint = std::string(FixHint(w.type, o.zh));
    if (!hint.empty()) out += fmt::format("    {}{}\n", o.zh ? "修正：" : "fix: ", hint);
  }
}

}  // namespace

std::string_view FixHint(std::string_view type, bool zh) {
  for (const Hint& h : kHints) {
    if (h.type == type) return zh ? h.zh : h.en;
  }
  return {};
}

std::string ReportToText(const Report& r, const TextReportOptions& o) {
  std::string out;
  const std::string verdict = r.valid ? (o.zh ? "有效" : "VALID") : (o.zh ? "無效" : "INVALID");
  out += fmt::format("{} — {}", o.name, verdict);
  out += o.zh ? fmt::format("（{} 個錯誤、{} 個提醒）\n", r.errors.size(), r.warnings.size())
              : fmt::format(" ({} error{}, {} warning{})\n", r.errors.size(), r.errors.size() == 1 ? "" : "s",
                            r.warnings.size(), r.warnings.size() == 1 ? "" : "s");

  // What the file is.
  std::string format = r.format.detected.value_or("?");
  if (!r.format.compression.empty()) format += " (" + r.format.compression + (r.format.member.empty() ? "" : " " + r.format.member) + ")";
  if (r.format.declared && r.format.matches == false) {
    format += o.zh ? fmt::format("，宣告為 {}：不符", *r.format.declared) : fmt::format(", declared {}: does not match", *r.format.declared);
  }
  out += (o.zh ? "  格式：" : "  format: ") + format + "\n";
  if (r.encoding.detected) {
    std::string enc = *r.encoding.detected;
    if (r.encoding.bom) enc += " + BOM";
    if (!r.encoding.method.empty()) enc += " (" + r.encoding.method + ")";
    if (r.encoding.declared) {
      const bool match = r.encoding.matches.value_or(false);
      enc += o.zh ? fmt::format("，宣告為 {}：{}", *r.encoding.declared, match ? "相符" : "不符")
                  : fmt::format(", declared {}: {}", *r.encoding.declared, match ? "matches" : "does not match");
    }
    out += (o.zh ? "  編碼：" : "  encoding: ") + enc + "\n";
  }
  if (r.format.detected == "csv" || r.format.detected == "tsv") {
    out += o.zh ? fmt::format("  表格：{} 列資料 × {} 欄\n", r.stats.rows, r.stats.fields)
                : fmt::format("  table: {} data rows × {} fields\n", r.stats.rows, r.stats.fields);
  }
  if (r.stats.bytes) {
    out += fmt::format("  {}{}", o.zh ? "大小：" : "size: ", Bytes(*r.stats.bytes));
    if (r.stats.sha256) out += "  sha256 " + *r.stats.sha256;
    out += "\n";
  }
  if (!r.errors.empty()) PrintErrors(r, o, out);
  if (!r.warnings.empty()) PrintWarnings(r, o, out);
  return out;
}

}  // namespace pintu::quality
