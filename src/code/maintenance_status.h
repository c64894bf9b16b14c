// Whether software is maintained, from its publiccode.yml maintenance section and its
// commit history (issue 7). Rules and precedence: docs/publiccode.md, "Maintenance status".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pintu::code {

// The maintenance state shown on software pages and in procurement reports.
enum class MaintenanceStatus { kActive, kContractEnding, kLapsed, kUnmaintained, kUnknown };

// Stable code: "active", "contract_ending", "lapsed", "unmaintained", "unknown".
std::string_view MaintenanceStatusCode(MaintenanceStatus status);
// The status for a code as MaintenanceStatusCode writes it; nullopt for anything else.
std::optional<MaintenanceStatus> ParseMaintenanceStatus(std::string_view code);

// What the status is computed from.
struct MaintenanceInput {
  std::string type;                         // publiccode maintenance.type
  std::vector<std::string> contract_until;  // YYYY-MM-DD of every contract (invalid ones ignored)
  std::optional<int64_t> last_commit_unix;  // nullopt when the history is unknown
};

// Days a contract must still run to count as ending, and days without a commit after
// which software counts as unmaintained.
inline constexpr int kContractEndingDays = 90;
inline constexpr int kUnmaintainedDays = 365;

// First rule that applies wins:
//  1. type "none"                                                → unmaintained
//  2. history known and the last commit ≥ 365 days before today  → unmaintained
//  3. type "contract", some valid contract date, and the latest
//     one is before today (every contract ended, no successor)   → lapsed
//  4. the latest valid contract date is today … today + 90 days  → contract_ending
//  5. type internal/community/contract, or a known history       → active
//  6. otherwise (nothing tells)                                   → unknown
// `today_iso_date` is YYYY-MM-DD (UTC); when it is not a valid date the result is kUnknown.
MaintenanceStatus ComputeMaintenanceStatus(const MaintenanceInput& input, std::string_view today_iso_date);

// Days since 1970-01-01 of a YYYY-MM-DD date; nullopt when it is not a valid calendar date.
std::optional<int64_t> DaysFromIsoDate(std::string_view iso_date);

// The UTC calendar date of a Unix time as YYYY-MM-DD.
std::string IsoDateFromUnix(int64_t unix_seconds);

}  // namespace pintu::code
