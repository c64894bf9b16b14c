// SPDX licence expressions (SPDX 2.3 annex D): a recursive-descent parser for AND, OR,
// WITH, parentheses, `id+` and LicenseRef-/DocumentRef- references, checked against the
// SPDX licence and exception lists compiled in from npm (scripts/refresh-spdx.sh).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pintu::formats::publiccode {

// Outcome of checking one expression.
struct SpdxCheck {
  bool valid = false;
  std::string problem;                   // English reason when !valid (syntax or unknown id)
  std::vector<std::string> licence_ids;  // the licence ids used, as written (valid or not)
};

// Parses and checks `expression`. Licence and exception ids match case-insensitively
// (as SPDX says); operators must be upper case. Deprecated ids (GPL-2.0, …) are valid.
SpdxCheck CheckSpdxExpression(std::string_view expression);

// True when `id` is on the SPDX licence list (current or deprecated), any case.
bool IsSpdxLicenseId(std::string_view id);

// True when `id` is on the SPDX exception list, any case.
bool IsSpdxExceptionId(std::string_view id);

// For a common informal licence name ("MIT License", "Apache License 2.0", "apache 2")
// the SPDX id it most likely means; nullopt when nothing fits well.
std::optional<std::string> SuggestSpdxId(std::string_view informal);

// Version of the compiled-in lists, e.g. "spdx-license-ids 3.0.24".
std::string_view SpdxDataSource();

}  // namespace pintu::formats::publiccode
