#include "code/licence_summary.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "formats/publiccode/spdx_expression.h"

namespace pintu::code {
namespace {

// One row of the generated data.
struct LicenceRecord {
  std::string_view id;
  std::string_view name;
  bool osi_approved;
};

#include "code/licence_data.inc"

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::ranges::equal(a, b, [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

bool StartsWithIgnoringCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoringCase(s.substr(0, prefix.size()), prefix);
}

std::string_view WithoutPlus(std::string_view id) {
  if (id.ends_with('+')) id.remove_suffix(1);
  return id;
}

const LicenceRecord* FindRecord(std::string_view id) {
  id = WithoutPlus(id);
  for (const LicenceRecord& record : kLicenceRecords) {
    if (EqualsIgnoringCase(record.id, id)) return &record;
  }
  return nullptr;
}

// Copyleft families of common licences, by id prefix (every version and -only/-or-later
// variant). Anything not listed counts as permissive or unknown.
struct CopyleftFamily {
  std::string_view prefix;
  CopyleftKind kind;
};
constexpr CopyleftFamily kCopyleftFamilies[] = {
    {"AGPL-", CopyleftKind::kNetwork}, {"EUPL-", CopyleftKind::kStrong},  {"GPL-", CopyleftKind::kStrong},
    {"OSL-", CopyleftKind::kNetwork},  {"SSPL-", CopyleftKind::kNetwork}, {"CECILL-2", CopyleftKind::kStrong},
    {"LGPL-", CopyleftKind::kWeak},    {"MPL-", CopyleftKind::kWeak},     {"EPL-", CopyleftKind::kWeak},
    {"CDDL-", CopyleftKind::kWeak},    {"CECILL-C", CopyleftKind::kWeak}, {"CPL-", CopyleftKind::kWeak},
    {"MS-RL", CopyleftKind::kWeak},    {"CC-BY-SA-", CopyleftKind::kStrong},
};

}  // namespace

bool IsOsiApproved(std::string_view id) {
  const LicenceRecord* record = FindRecord(id);
  return record != nullptr && record->osi_approved;
}

std::optional<std::string_view> LicenceName(std::string_view id) {
  const LicenceRecord* record = FindRecord(id);
  if (record == nullptr) return std::nullopt;
  return record->name;
}

CopyleftKind CopyleftOf(std::string_view id) {
  id = WithoutPlus(id);
  for (const auto& family : kCopyleftFamilies) {
    if (StartsWithIgnoringCase(id, family.prefix)) return family.kind;
  }
  return CopyleftKind::kNone;
}

std::string_view LicenceDataSource() { return kLicenceDataSource; }

LicenceSummary SummariseLicence(std::string_view spdx_expression) {
  LicenceSummary summary;
  summary.expression = std::string(spdx_expression);
  const auto check = formats::publiccode::CheckSpdxExpression(spdx_expression);
  summary.valid = check.valid && !check.licence_ids.empty();
  if (!summary.valid) {
    summary.plain_en = "The licence is not a valid SPDX licence expression, so what you may do with the software is unclear; ask the supplier to state it correctly.";
    summary.plain_zh = "授權不是有效的 SPDX 授權表示式，無法確定軟體的使用條件；請要求供應商正確標示。";
    return summary;
  }
  summary.osi_approved = true;
  for (const std::string& id : check.licence_ids) {
    summary.osi_approved = summary.osi_approved && IsOsiApproved(id);
    if (auto name = LicenceName(id)) summary.names.emplace_back(*name);
    summary.strongest = std::max(summary.strongest, CopyleftOf(id));
  }
  summary.copyleft = summary.strongest != CopyleftKind::kNone;
  const bool choice = spdx_expression.find(" OR ") != std::string_view::npos;
  switch (summary.strongest) {
    case CopyleftKind::kNone:
      summary.plain_en = "You may use, change and share the software, also inside closed products, as long as you keep the copyright and licence notices.";
      summary.plain_zh = "可自由使用、修改與散布本軟體，也可用於不公開原始碼的產品，只要保留著作權與授權聲明。";
      break;
    case CopyleftKind::kWeak:
      summary.plain_en = "You may use, change and share the software and combine it with closed code; changes to the licensed files themselves must be published under the same licence when you distribute them.";
      summary.plain_zh = "可自由使用、修改與散布本軟體，也可與不公開的程式結合；但散布時，對授權檔案本身的修改必須以相同授權公開。";
      break;
    case CopyleftKind::kStrong:
      summary.plain_en = "You may use, change and share the software; if you distribute it or a changed version, you must publish the complete source code under the same licence.";
      summary.plain_zh = "可自由使用、修改與散布本軟體；若散布本軟體或修改版，必須以相同授權公開完整原始碼。";
      break;
    case CopyleftKind::kNetwork:
      summary.plain_en = "You may use, change and share the software; if you distribute it or let people use a changed version over a network, you must publish the complete source code under the same licence.";
      summary.plain_zh = "可自由使用、修改與散布本軟體；若散布本軟體，或讓他人透過網路使用修改版，必須以相同授權公開完整原始碼。";
      break;
  }
  if (choice) {
    summary.plain_en = "You may choose one of the licences offered. Under the strictest of them: " + summary.plain_en;
    summary.plain_zh = "可從提供的授權中擇一適用。以其中最嚴格者而言：" + summary.plain_zh;
  }
  if (!summary.osi_approved) {
    summary.plain_en += " Not every licence in it is approved by the Open Source Initiative; check it before procurement.";
    summary.plain_zh += " 其中有授權未經開放原始碼促進會（OSI）認可，採購前請先確認。";
  }
  return summary;
}

}  // namespace pintu::code
