// Plain-language explanations of SPDX licence expressions for the printable procurement
// page. OSI approval comes from the compiled-in npm spdx-license-list data
// (scripts/refresh-spdx.sh); the copyleft family of common licences is a small table in
// licence_summary.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pintu::code {

// How strongly a licence makes changed versions stay open.
enum class CopyleftKind { kNone, kWeak, kStrong, kNetwork };

// What a licence expression means for a buyer.
struct LicenceSummary {
  std::string expression;     // as given
  bool valid = false;         // a valid SPDX expression
  bool osi_approved = false;  // valid and every licence in it is OSI-approved
  bool copyleft = false;      // some licence in it is weak, strong or network copyleft
  CopyleftKind strongest = CopyleftKind::kNone;
  std::vector<std::string> names;  // full names of the licences used ("MIT License", …)
  std::string plain_en, plain_zh;  // one or two sentences a non-lawyer understands
};

// Explains `spdx_expression`. Never throws; an invalid expression gets a summary saying so.
LicenceSummary SummariseLicence(std::string_view spdx_expression);

// True when `id` (any case; a trailing "+" is ignored) is OSI-approved per the data.
bool IsOsiApproved(std::string_view id);

// Full name of an SPDX licence id per the data ("MIT" → "MIT License"); nullopt if unknown.
std::optional<std::string_view> LicenceName(std::string_view id);

// The copyleft family of a licence id per the table (kNone for permissive or unknown ids).
CopyleftKind CopyleftOf(std::string_view id);

// Version of the compiled-in data, e.g. "spdx-license-list 6.12.0".
std::string_view LicenceDataSource();

}  // namespace pintu::code
