#include "code/maintenance_status.h"

#include <algorithm>
#include <chrono>
#include <charconv>

#include <fmt/format.h>

namespace pintu::code {
namespace {

constexpr int64_t kDay = 86'400;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string_view MaintenanceStatusCode(MaintenanceStatus status) {
  switch (status) {
    case MaintenanceStatus::kActive: return "active";
    case MaintenanceStatus::kContractEnding: return "contract_ending";
    case MaintenanceStatus::kLapsed: return "lapsed";
    case MaintenanceStatus::kUnmaintained: return "unmaintained";
    case MaintenanceStatus::kUnknown: return "unknown";
  }
  return "unknown";
}

std::optional<MaintenanceStatus> ParseMaintenanceStatus(std::string_view code) {
  for (auto status : {MaintenanceStatus::kActive, MaintenanceStatus::kContractEnding, MaintenanceStatus::kLapsed,
                      MaintenanceStatus::kUnmaintained, MaintenanceStatus::kUnknown}) {
    if (MaintenanceStatusCode(status) == code) return status;
  }
  return std::nullopt;
}

std::optional<int64_t> DaysFromIsoDate(std::string_view iso_date) {
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto parse = [](std::string_view s, auto& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
  };
  if (!parse(iso_date.substr(0, 4), y) || !parse(iso_date.substr(5, 2), m) || !parse(iso_date.substr(8, 2), d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date).time_since_epoch().count();
}

std::string IsoDateFromUnix(int64_t unix_seconds) {
  const std::chrono::sys_days days{std::chrono::days{FloorDiv(unix_seconds, kDay)}};
  const std::chrono::year_month_day date{days};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

MaintenanceStatus ComputeMaintenanceStatus(const MaintenanceInput& input, std::string_view today_iso_date) {
  const auto today = DaysFromIsoDate(today_iso_date);
  if (!today) return MaintenanceStatus::kUnknown;
  if (input.type == "none") return MaintenanceStatus::kUnmaintained;
  if (input.last_commit_unix && *today - FloorDiv(*input.last_commit_unix, kDay) >= kUnmaintainedDays) {
    return MaintenanceStatus::kUnmaintained;
  }
  std::optional<int64_t> latest_contract;
  for (const std::string& until : input.contract_until) {
    if (const auto day = DaysFromIsoDate(until)) latest_contract = std::max(latest_contract.value_or(*day), *day);
  }
  if (latest_contract) {
    if (input.type == "contract" && *latest_contract < *today) return MaintenanceStatus::kLapsed;
    if (*latest_contract >= *today && *latest_contract - *today <= kContractEndingDays) {
      return MaintenanceStatus::kContractEnding;
    }
  }
  if (input.type == "internal" || input.type == "community" || input.type == "contract" || input.last_commit_unix) {
    return MaintenanceStatus::kActive;
  }
  return MaintenanceStatus::kUnknown;
}

}  // namespace pintu::code
