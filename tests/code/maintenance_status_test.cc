// Tests of ComputeMaintenanceStatus (src/code/maintenance_status.h): each rule, its
// boundaries and the precedence between rules.
#include "code/maintenance_status.h"

#include <gtest/gtest.h>

namespace pintu::code {
namespace {

constexpr char kToday[] = "2026-06-15";

int64_t DaysBeforeToday(int days) { return (*DaysFromIsoDate(kToday) - days) * 86'400 + 12 * 3600; }
std::string DateIn(int days) { return IsoDateFromUnix((*DaysFromIsoDate(kToday) + days) * 86'400); }

MaintenanceStatus Status(std::string type, std::vector<std::string> until, std::optional<int64_t> last_commit) {
  return ComputeMaintenanceStatus(MaintenanceInput{std::move(type), std::move(until), last_commit}, kToday);
}

TEST(CodeMaintenanceStatusTest, CodesRoundTrip) {
  for (auto s : {MaintenanceStatus::kActive, MaintenanceStatus::kContractEnding, MaintenanceStatus::kLapsed,
                 MaintenanceStatus::kUnmaintained, MaintenanceStatus::kUnknown}) {
    EXPECT_EQ(ParseMaintenanceStatus(MaintenanceStatusCode(s)), s);
  }
  EXPECT_EQ(MaintenanceStatusCode(MaintenanceStatus::kContractEnding), "contract_ending");
  EXPECT_FALSE(ParseMaintenanceStatus("Active").has_value());
  EXPECT_FALSE(ParseMaintenanceStatus("").has_value());
}

TEST(CodeMaintenanceStatusTest, DatesAreCalendarDates) {
  EXPECT_EQ(DaysFromIsoDate("1970-01-02"), 1);
  EXPECT_FALSE(DaysFromIsoDate("2026-02-30").has_value());
  EXPECT_FALSE(DaysFromIsoDate("2026-13-01").has_value());
  EXPECT_FALSE(DaysFromIsoDate("2026-1-01").has_value());
  EXPECT_FALSE(DaysFromIsoDate("２０２６-01-01").has_value());
  EXPECT_FALSE(DaysFromIsoDate("+026-01-01").has_value());
  EXPECT_EQ(IsoDateFromUnix(0), "1970-01-01");
  EXPECT_EQ(IsoDateFromUnix(-1), "1969-12-31");
  EXPECT_EQ(DateIn(90), "2026-09-13");
}

TEST(CodeMaintenanceStatusTest, TypeNoneIsUnmaintainedWhateverElse) {
  EXPECT_EQ(Status("none", {DateIn(400)}, DaysBeforeToday(1)), MaintenanceStatus::kUnmaintained);
}

TEST(CodeMaintenanceStatusTest, NoCommitFor365DaysIsUnmaintained) {
  EXPECT_EQ(Status("internal", {}, DaysBeforeToday(364)), MaintenanceStatus::kActive);
  EXPECT_EQ(Status("internal", {}, DaysBeforeToday(365)), MaintenanceStatus::kUnmaintained);
  // It wins over a running contract: the code shows nobody works on it.
  EXPECT_EQ(Status("contract", {DateIn(400)}, DaysBeforeToday(800)), MaintenanceStatus::kUnmaintained);
  // Unknown history does not make anything unmaintained.
  EXPECT_EQ(Status("internal", {}, std::nullopt), MaintenanceStatus::kActive);
}

TEST(CodeMaintenanceStatusTest, EveryContractEndedIsLapsedButASuccessorKeepsItActive) {
  EXPECT_EQ(Status("contract", {DateIn(-1)}, DaysBeforeToday(3)), MaintenanceStatus::kLapsed);
  EXPECT_EQ(Status("contract", {DateIn(-1), DateIn(-300)}, std::nullopt), MaintenanceStatus::kLapsed);
  EXPECT_EQ(Status("contract", {DateIn(-1), DateIn(200)}, DaysBeforeToday(3)), MaintenanceStatus::kActive);
  EXPECT_EQ(Status("contract", {DateIn(-1), DateIn(30)}, DaysBeforeToday(3)), MaintenanceStatus::kContractEnding);
  // Ending today is not ended yet.
  EXPECT_EQ(Status("contract", {DateIn(0)}, std::nullopt), MaintenanceStatus::kContractEnding);
  // An ended contract of a community project is history, not a lapse.
  EXPECT_EQ(Status("community", {DateIn(-10)}, DaysBeforeToday(3)), MaintenanceStatus::kActive);
}

TEST(CodeMaintenanceStatusTest, ContractEndingWithin90Days) {
  EXPECT_EQ(Status("contract", {DateIn(90)}, std::nullopt), MaintenanceStatus::kContractEnding);
  EXPECT_EQ(Status("contract", {DateIn(91)}, std::nullopt), MaintenanceStatus::kActive);
  EXPECT_EQ(Status("internal", {DateIn(45)}, DaysBeforeToday(1)), MaintenanceStatus::kContractEnding);
}

TEST(CodeMaintenanceStatusTest, InvalidContractDatesAreIgnored) {
  EXPECT_EQ(Status("contract", {"someday", "2026-02-30"}, std::nullopt), MaintenanceStatus::kActive);
  EXPECT_EQ(Status("contract", {"someday", DateIn(-5)}, std::nullopt), MaintenanceStatus::kLapsed);
}

TEST(CodeMaintenanceStatusTest, NothingTellsIsUnknown) {
  EXPECT_EQ(Status("", {}, std::nullopt), MaintenanceStatus::kUnknown);
  EXPECT_EQ(Status("sometimes", {}, std::nullopt), MaintenanceStatus::kUnknown);
  EXPECT_EQ(Status("", {}, DaysBeforeToday(10)), MaintenanceStatus::kActive);
  EXPECT_EQ(ComputeMaintenanceStatus({"internal", {}, std::nullopt}, "not a date"), MaintenanceStatus::kUnknown);
}

}  // namespace
}  // namespace pintu::code
