// Controlled vocabularies of the domain model and their stable string codes.
// Every enum has ToCode() (the code stored and sent over APIs) and a Parse
// function that accepts the code and common spellings found in imports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pintu {

// Government level of an organisation.
enum class OrgLevel { kCentral, kLocal, kOther };
// Lifecycle state of datasets, resources and organisations. Deletes are soft.
enum class State { kDraft, kActive, kDeleted };
// Nature of a dataset's content (data.gov.tw 資料集類型 plus the working group's needs).
enum class DatasetType { kRaw, kStatistical, kAggregated, kRealTime };
// Access rights (EU access-right vocabulary).
enum class AccessRights { kPublic, kRestricted, kNonPublic };
// Whether using the data costs money.
enum class CostType { kFree, kPaid };
// Role of a user in an organisation.
enum class MemberRole { kMember, kEditor, kAdmin };

std::string_view ToCode(OrgLevel v);
std::string_view ToCode(State v);
std::string_view ToCode(DatasetType v);
std::string_view ToCode(AccessRights v);
std::string_view ToCode(CostType v);
std::string_view ToCode(MemberRole v);

std::optional<OrgLevel> ParseOrgLevel(std::string_view s);
std::optional<State> ParseState(std::string_view s);
// Accepts codes and data.gov.tw spellings (原始資料, 統計資料, 即時資料, 系統介接程式 …).
std::optional<DatasetType> ParseDatasetType(std::string_view s);
std::optional<AccessRights> ParseAccessRights(std::string_view s);
// Accepts "free"/"paid" and the spellings 免費, 無, 0, 付費, 收費 …
std::optional<CostType> ParseCostType(std::string_view s);
std::optional<MemberRole> ParseMemberRole(std::string_view s);

// EU update-frequency vocabulary (http://publications.europa.eu/resource/authority/frequency)
// codes such as "DAILY", "MONTHLY", "IRREG", "NEVER", "UPDATE_CONT".
// Returns the canonical code for a code or a data.gov.tw spelling (每日, 每月, 不定期,
// 即時, 不更新 …), or nullopt when unknown.
std::optional<std::string> ParseFrequency(std::string_view s);
// True when `code` is a canonical frequency code.
bool IsFrequencyCode(std::string_view code);

// A data.gov.tw service category (服務分類) with its EU data theme.
struct ThemeInfo {
  std::string_view code;      // stable Pintu code, e.g. "health"
  std::string_view name_zh;   // data.gov.tw name, e.g. "生育保健"
  std::string_view name_en;
  std::string_view eu_theme;  // EU data theme code, e.g. "HEAL"
};
// The full list of themes.
const std::vector<ThemeInfo>& AllThemes();
// Looks a theme up by code or by its Chinese or English name.
const ThemeInfo* FindTheme(std::string_view code_or_name);

// A licence known to Pintu.
struct LicenseInfo {
  std::string_view id;  // "OGDL-Taiwan-1.0", SPDX ids, "CC-BY-4.0" …
  std::string_view title_zh;
  std::string_view title_en;
  std::string_view url;
  bool open;  // conforms to the Open Definition
};
inline constexpr std::string_view kDefaultLicenseId = "OGDL-Taiwan-1.0";
const std::vector<LicenseInfo>& AllLicenses();
// Looks a licence up by id (case-insensitive) or by a common title such as
// 政府資料開放授權條款-第1版.
const LicenseInfo* FindLicense(std::string_view id_or_title);

}  // namespace pintu
