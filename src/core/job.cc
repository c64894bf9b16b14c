#include "core/job.h"

#include <array>
#include <utility>

namespace pintu {
namespace {

constexpr std::array<std::pair<JobState, std::string_view>, 5> kStates = {{
    {JobState::kQueued, "queued"},
    {JobState::kRunning, "running"},
    {JobState::kSucceeded, "succeeded"},
    {JobState::kFailed, "failed"},
    {JobState::kDead, "dead"},
}};

constexpr std::array<std::pair<RunOutcome, std::string_view>, 4> kOutcomes = {{
    {RunOutcome::kSucceeded, "succeeded"},
    {RunOutcome::kFailed, "failed"},
    {RunOutcome::kLeaseExpired, "lease_expired"},
    {RunOutcome::kReleased, "released"},
}};

}  // namespace

std::string_view JobStateName(JobState s) {
  for (const auto& [state, name] : kStates)
    if (state == s) return name;
  return "queued";
}

bool IsActiveJobState(JobState s) {
  return s == JobState::kQueued || s == JobState::kRunning || s == JobState::kFailed;
}

std::optional<JobState> ParseJobState(std::string_view name) {
  for (const auto& [state, n] : kStates)
    if (n == name) return state;
  return std::nullopt;
}

std::string_view RunOutcomeName(RunOutcome o) {
  for (const auto& [outcome, name] : kOutcomes)
    if (outcome == o) return name;
  return "failed";
}

std::optional<RunOutcome> ParseRunOutcome(std::string_view name) {
  for (const auto& [outcome, n] : kOutcomes)
    if (n == name) return outcome;
  return std::nullopt;
}

}  // namespace pintu
