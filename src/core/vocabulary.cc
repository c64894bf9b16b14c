#include "core/vocabulary.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "core/text.h"

namespace pintu {
namespace {

template <typename E, size_t N>
std::optional<E> FindIn(const std::array<std::pair<std::string_view, E>, N>& table,
                        std::string_view s) {
  std::string key = AsciiLower(Trim(s));
  for (const auto& [name, value] : table)
    if (AsciiLower(name) == key) return value;
  return std::nullopt;
}

}  // namespace

std::string_view ToCode(OrgLevel v) {
  switch (v) {
    case OrgLevel::kCentral: return "central";
    case OrgLevel::kLocal: return "local";
    case OrgLevel::kOther: return "other";
  }
  return "other";
}
std::string_view ToCode(State v) {
  switch (v) {
    case State::kDraft: return "draft";
    case State::kActive: return "active";
    case State::kDeleted: return "deleted";
  }
  return "active";
}
std::string_view ToCode(DatasetType v) {
  switch (v) {
    case DatasetType::kRaw: return "raw";
    case DatasetType::kStatistical: return "statistical";
    case DatasetType::kAggregated: return "aggregated";
    case DatasetType::kRealTime: return "real-time";
  }
  return "raw";
}
std::string_view ToCode(AccessRights v) {
  switch (v) {
    case AccessRights::kPublic: return "public";
    case AccessRights::kRestricted: return "restricted";
    case AccessRights::kNonPublic: return "non-public";
  }
  return "public";
}
std::string_view ToCode(CostType v) { return v == CostType::kFree ? "free" : "paid"; }
std::string_view ToCode(MemberRole v) {
  switch (v) {
    case MemberRole::kMember: return "member";
    case MemberRole::kEditor: return "editor";
    case MemberRole::kAdmin: return "admin";
  }
  return "member";
}

std::optional<OrgLevel> ParseOrgLevel(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, OrgLevel>, 7> t{{
      {"central", OrgLevel::kCentral}, {"中央", OrgLevel::kCentral},
      {"local", OrgLevel::kLocal}, {"地方", OrgLevel::kLocal},
      {"other", OrgLevel::kOther}, {"其他", OrgLevel::kOther},
      {"national", OrgLevel::kCentral},
  }};
  return FindIn(t, s);
}
std::optional<State> ParseState(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, State>, 3> t{{
      {"draft", State::kDraft}, {"active", State::kActive}, {"deleted", State::kDeleted}}};
  return FindIn(t, s);
}
std::optional<DatasetType> ParseDatasetType(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, DatasetType>, 14> t{{
      {"raw", DatasetType::kRaw}, {"原始資料", DatasetType::kRaw},
      {"statistical", DatasetType::kStatistical}, {"統計資料", DatasetType::kStatistical},
      {"statistics", DatasetType::kStatistical},
      {"aggregated", DatasetType::kAggregated}, {"彙整資料", DatasetType::kAggregated},
      {"加值資料", DatasetType::kAggregated},
      {"real-time", DatasetType::kRealTime}, {"realtime", DatasetType::kRealTime},
      {"real_time", DatasetType::kRealTime}, {"即時資料", DatasetType::kRealTime},
      {"系統介接程式", DatasetType::kRealTime}, {"api", DatasetType::kRealTime},
  }};
  return FindIn(t, s);
}
std::optional<AccessRights> ParseAccessRights(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, AccessRights>, 7> t{{
      {"public", AccessRights::kPublic}, {"公開", AccessRights::kPublic},
      {"restricted", AccessRights::kRestricted}, {"限制", AccessRights::kRestricted},
      {"non-public", AccessRights::kNonPublic}, {"non_public", AccessRights::kNonPublic},
      {"不公開", AccessRights::kNonPublic},
  }};
  return FindIn(t, s);
}
std::optional<CostType> ParseCostType(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, CostType>, 10> t{{
      {"free", CostType::kFree}, {"免費", CostType::kFree}, {"無", CostType::kFree},
      {"0", CostType::kFree}, {"不收費", CostType::kFree}, {"免費提供", CostType::kFree},
      {"paid", CostType::kPaid}, {"付費", CostType::kPaid}, {"收費", CostType::kPaid},
      {"計費", CostType::kPaid},
  }};
  return FindIn(t, s);
}
std::optional<MemberRole> ParseMemberRole(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, MemberRole>, 3> t{{
      {"member", MemberRole::kMember}, {"editor", MemberRole::kEditor}, {"admin", MemberRole::kAdmin}}};
  return FindIn(t, s);
}

namespace {
constexpr std::array<std::string_view, 26> kFrequencyCodes{
    "TRIENNIAL", "BIENNIAL", "ANNUAL", "ANNUAL_2", "ANNUAL_3", "QUARTERLY", "BIMONTHLY",
    "MONTHLY", "MONTHLY_2", "MONTHLY_3", "BIWEEKLY", "WEEKLY", "WEEKLY_2", "WEEKLY_3",
    "DAILY", "DAILY_2", "HOURLY", "6HRS", "12HRS", "UPDATE_CONT", "CONT", "IRREG",
    "NEVER", "OTHER", "UNKNOWN", "10MIN"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kFrequencySpellings{{
    {"每日", "DAILY"}, {"每天", "DAILY"}, {"每日更新", "DAILY"}, {"daily", "DAILY"},
    {"每週", "WEEKLY"}, {"每周", "WEEKLY"}, {"weekly", "WEEKLY"},
    {"每月", "MONTHLY"}, {"monthly", "MONTHLY"}, {"每半月", "MONTHLY_2"},
    {"每2月", "BIMONTHLY"}, {"每兩月", "BIMONTHLY"}, {"每季", "QUARTERLY"},
    {"quarterly", "QUARTERLY"}, {"每半年", "ANNUAL_2"}, {"每年", "ANNUAL"},
    {"annual", "ANNUAL"}, {"yearly", "ANNUAL"}, {"每2年", "BIENNIAL"}, {"每兩年", "BIENNIAL"},
    {"每3年", "TRIENNIAL"}, {"每三年", "TRIENNIAL"}, {"每小時", "HOURLY"}, {"hourly", "HOURLY"},
    {"每6小時", "6HRS"}, {"每12小時", "12HRS"}, {"即時", "UPDATE_CONT"},
    {"即時更新", "UPDATE_CONT"}, {"每分鐘", "UPDATE_CONT"}, {"realtime", "UPDATE_CONT"},
    {"不定期", "IRREG"}, {"不定期更新", "IRREG"}, {"irregular", "IRREG"}, {"不更新", "NEVER"},
}};
}  // namespace

bool IsFrequencyCode(std::string_view code) {
  return std::find(kFrequencyCodes.begin(), kFrequencyCodes.end(), code) != kFrequencyCodes.end();
}

std::optional<std::string> ParseFrequency(std::string_view s) {
  std::string_view t = Trim(s);
  if (t.empty()) return std::nullopt;
  // Accept EU authority IRIs: .../authority/frequency/MONTHLY
  if (auto slash = t.rfind('/'); slash != std::string_view::npos) t = t.substr(slash + 1);
  std::string upper = AsciiUpper(t);
  if (IsFrequencyCode(upper)) return upper;
  std::string lower = AsciiLower(t);
  for (const auto& [spelling, code] : kFrequencySpellings)
    if (spelling == lower) return std::string(code);
  return std::nullopt;
}

const std::vector<ThemeInfo>& AllThemes() {
  static const std::vector<ThemeInfo> themes = {
      {"health", "生育保健", "Health and childbirth", "HEAL"},
      {"birth", "出生及收養", "Birth and adoption", "SOCI"},
      {"education", "求學及進修", "Education and training", "EDUC"},
      {"military", "服兵役", "Military service", "GOVE"},
      {"employment", "求職及就業", "Jobs and employment", "ECON"},
      {"business", "開創事業", "Starting a business", "ECON"},
      {"marriage", "婚姻", "Marriage", "SOCI"},
      {"finance", "投資理財", "Investment and finance", "ECON"},
      {"leisure", "休閒旅遊", "Leisure and travel", "EDUC"},
      {"transport", "交通及通訊", "Transport and communications", "TRAN"},
      {"medical", "就醫", "Medical care", "HEAL"},
      {"housing", "購屋及遷徙", "Housing and moving", "REGI"},
      {"elections", "選舉及投票", "Elections and voting", "GOVE"},
      {"safety", "生活安全及品質", "Safety and quality of life", "ENVI"},
      {"retirement", "退休", "Retirement", "SOCI"},
      {"elderly-care", "老年安養", "Elderly care", "SOCI"},
      {"funeral", "生命禮儀", "Funerals", "SOCI"},
      {"public-info", "公共資訊", "Public information", "GOVE"},
  };
  return themes;
}

const ThemeInfo* FindTheme(std::string_view code_or_name) {
  std::string key = AsciiLower(Trim(code_or_name));
  for (const auto& t : AllThemes())
    if (t.code == key || t.name_zh == Trim(code_or_name) || AsciiLower(t.name_en) == key)
      return &t;
  return nullptr;
}

const std::vector<LicenseInfo>& AllLicenses() {
  static const std::vector<LicenseInfo> licenses = {
      {"OGDL-Taiwan-1.0", "政府資料開放授權條款-第1版", "Open Government Data License, Taiwan, version 1.0",
       "https://data.gov.tw/license", true},
      {"CC0-1.0", "CC0 1.0 公眾領域貢獻宣告", "Creative Commons Zero v1.0 Universal",
       "https://creativecommons.org/publicdomain/zero/1.0/", true},
      {"CC-BY-4.0", "創用CC 姓名標示 4.0", "Creative Commons Attribution 4.0",
       "https://creativecommons.org/licenses/by/4.0/", true},
      {"CC-BY-SA-4.0", "創用CC 姓名標示-相同方式分享 4.0", "Creative Commons Attribution Share-Alike 4.0",
       "https://creativecommons.org/licenses/by-sa/4.0/", true},
      {"CC-BY-NC-4.0", "創用CC 姓名標示-非商業性 4.0", "Creative Commons Attribution Non-Commercial 4.0",
       "https://creativecommons.org/licenses/by-nc/4.0/", false},
      {"ODbL-1.0", "開放資料庫授權 1.0", "Open Data Commons Open Database License 1.0",
       "https://opendatacommons.org/licenses/odbl/1-0/", true},
      {"ODC-By-1.0", "開放資料共享姓名標示授權 1.0", "Open Data Commons Attribution License 1.0",
       "https://opendatacommons.org/licenses/by/1-0/", true},
      {"PDDL-1.0", "開放資料共享公眾領域授權 1.0", "Open Data Commons Public Domain Dedication and License 1.0",
       "https://opendatacommons.org/licenses/pddl/1-0/", true},
      {"MIT", "MIT 授權", "MIT License", "https://spdx.org/licenses/MIT.html", true},
      {"Apache-2.0", "Apache 授權 2.0", "Apache License 2.0", "https://spdx.org/licenses/Apache-2.0.html", true},
      {"other-closed", "其他（非開放）", "Other (not open)", "", false},
  };
  return licenses;
}

const LicenseInfo* FindLicense(std::string_view id_or_title) {
  std::string_view t = Trim(id_or_title);
  std::string key = AsciiLower(t);
  // CKAN's default licence ids.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> aliases{{
      {"cc-by", "CC-BY-4.0"}, {"cc-by-sa", "CC-BY-SA-4.0"}, {"cc-zero", "CC0-1.0"},
      {"cc-nc", "CC-BY-NC-4.0"}, {"odc-odbl", "ODbL-1.0"}, {"odc-by", "ODC-By-1.0"},
      {"odc-pddl", "PDDL-1.0"}, {"政府資料開放授權條款-第1版", "OGDL-Taiwan-1.0"},
      {"政府資料開放授權條款第1版", "OGDL-Taiwan-1.0"}}};
  for (const auto& [alias, id] : aliases)
    if (alias == key || alias == t) key = AsciiLower(id);
  for (const auto& l : AllLicenses())
    if (AsciiLower(l.id) == key || l.title_zh == t || AsciiLower(l.title_en) == key) return &l;
  return nullptr;
}

}  // namespace pintu
