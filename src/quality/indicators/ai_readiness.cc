#include "quality/indicators/ai_readiness.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/file_formats.h"
#include "core/clock.h"
#include "core/vocabulary.h"
#include "quality/indicators/distribution_share.h"

namespace pintu::quality {
namespace {

constexpr std::string_view kAi = kFrameworkAiReady;

const std::array<IndicatorDefinition, 14> kDefs = {{
    {"ai.metadata_completeness", kAi, "metadata", 10, false, "核心詮釋資料完整度", "Core metadata completeness",
     "中英文標題與描述、關鍵字、分類、發布機關、聯絡窗口、授權、發布與更新日期、更新頻率、時間與地理範圍、資料語言",
     "zh-TW and en title and description, keywords, theme, publisher, contact, licence, issued and modified dates, frequency, temporal and spatial coverage, data language",
     "補齊證據中列出的缺漏欄位", "Fill in the fields the evidence lists as missing"},
    {"ai.croissant_valid", kAi, "metadata", 5, false, "Croissant 有效", "Valid Croissant",
     "資料集的 Croissant 1.1 描述通過 Pintu 的 Croissant 檢查器，沒有錯誤",
     "The dataset's Croissant 1.1 description passes Pintu's Croissant checker with no errors",
     "修正 Croissant 檢查列出的錯誤（通常是缺少檔案格式或雜湊）", "Fix what the Croissant check lists (usually a missing format or checksum)"},
    {"ai.license_machine_readable", kAi, "legal", 5, false, "機器可讀授權", "Machine-readable licence",
     "授權是已知的開放授權並有固定網址", "The licence is a known open licence with a stable URL",
     "選擇政府資料開放授權條款或 CC 授權", "Choose the Open Government Data License or a CC licence"},
    {"ai.integrity", kAi, "files", 10, false, "檔案完整性", "File integrity",
     "已檢測的檔案其宣告的雜湊、大小、格式與編碼都與實際相符", "Checked files match their declared checksum, size, format and encoding",
     "依檢測結果修正宣告的格式、編碼、大小或雜湊", "Correct the declared format, encoding, size or checksum to what the check found"},
    {"ai.open_format", kAi, "files", 5, false, "開放機器可讀格式", "Open machine-readable format",
     "檔案（以檢測到的格式為準）是開放且機器可讀的格式", "Files (as detected) are in an open machine-readable format",
     "提供 CSV 或 JSON", "Offer CSV or JSON"},
    {"ai.structural_validity", kAi, "files", 10, false, "結構正確率", "Structural validity rate",
     "表格檔中沒有結構錯誤的列所占比例（未檢測的檔案為 0）", "Share of rows without structural errors in checked files (unchecked files count 0)",
     "修正檢測報告列出的錯誤列", "Fix the rows the check report lists"},
    {"ai.schema_coverage", kAi, "schema", 10, false, "欄位說明涵蓋率", "Field dictionary coverage",
     "檔案的每個欄位在欄位說明中都有名稱與說明", "Every column of the file is in the field dictionary with a description",
     "為每個欄位補上說明", "Describe every column in the field dictionary"},
    {"ai.type_conformance", kAi, "schema", 5, false, "型別相符", "Type conformance",
     "欄位說明宣告的型別與檔案內容推斷的型別相符", "Declared field types agree with the types found in the data",
     "依檢測結果修正欄位型別", "Correct the declared field types to what the data holds"},
    {"ai.completeness", kAi, "content", 5, false, "資料完整度", "Completeness",
     "已檢測檔案中非空值的比例（1 − 平均空值率）", "Share of non-empty cells in checked files (1 − mean null ratio)",
     "補齊空白欄位，或在說明中解釋空白的意義", "Fill empty cells, or explain in the description what an empty cell means"},
    {"ai.keys", kAi, "content", 5, false, "鍵值與重複", "Keys and duplicates",
     "表格檔至少有一個可當鍵值的欄位，且沒有完全重複的列", "Tabular files have a column that can serve as a key and no duplicate rows",
     "加上唯一識別欄位並移除重複列", "Add an identifier column and remove duplicate rows"},
    {"ai.freshness", kAi, "content", 10, false, "更新及時", "Freshness",
     "最近更新日期在宣告的更新頻率之內（1.5 倍週期全分，3 倍週期一半）",
     "The last modification is within the declared update frequency (1.5 periods: full; 3 periods: half)",
     "依宣告的頻率更新資料，或修正更新頻率", "Update the data as often as declared, or correct the declared frequency"},
    {"ai.provenance", kAi, "provenance", 10, false, "來源與方法", "Provenance and methodology",
     "原始資料得滿分；統計資料需有方法說明、計算公式與來源資料集", "Raw data earns full points; statistics need a method, a formula and source datasets",
     "為統計資料寫下方法、公式與來源資料集", "Write down the method, formula and source datasets of the statistics"},
    {"ai.personal_data", kAi, "responsible", 5, false, "個人資料", "Personal data",
     "已檢測的檔案沒有發現個人資料；若有，資料集須為限制存取", "No personal data found in checked files; if found, access must be restricted",
     "移除或去識別化個人資料欄位", "Remove or de-identify the personal data columns"},
    {"ai.rai_coverage", kAi, "responsible", 5, false, "負責任 AI 文件", "Responsible-AI documentation",
     "Croissant RAI 所需資訊：資料蒐集方式、處理方式、來源、已知限制、個資評估",
     "What Croissant's RAI vocabulary asks for: data collection, preprocessing, sources, known limitations, personal-data assessment",
     "補上方法說明並讓平臺檢測檔案", "Describe the method and let Pintu check the files"},
}};

const IndicatorDefinition& Def(std::string_view id) {
  for (const auto& d : kDefs)
    if (d.id == id) return d;
  std::abort();  // a typo in this file; the tests cover every id
}

std::string Percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "%"; }

// Days since the Unix epoch of an ISO date or date-time ("2025-03-01", "2025-03-01T…").
std::optional<int64_t> EpochDay(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  auto ms = UnixMillisFromIso(iso.substr(0, 10));
  if (!ms) return std::nullopt;
  return *ms / 86'400'000;
}

bool Compatible(std::string_view declared, std::string_view inferred) {
  if (declared.empty() || declared == "any" || declared == "string") return true;
  if (declared == inferred) return true;
  if (declared == "number" && inferred == "integer") return true;
  if (declared == "datetime" && inferred == "date") return true;
  return false;
}

}  // namespace

std::span<const IndicatorDefinition> AiReadinessIndicators() { return kDefs; }

int FrequencyPeriodDays(std::string_view f) {
  static constexpr std::array<std::pair<std::string_view, int>, 14> periods = {{
      {"UPDATE_CONT", 1}, {"CONT", 1}, {"HOURLY", 1}, {"DAILY", 1}, {"WEEKLY", 7}, {"BIWEEKLY", 14},
      {"MONTHLY", 31}, {"BIMONTHLY", 62}, {"QUARTERLY", 92}, {"BIANNUAL", 183}, {"ANNUAL", 366},
      {"BIENNIAL", 731}, {"TRIENNIAL", 1096}, {"QUINQUENNIAL", 1827},
  }};
  for (const auto& [code, days] : periods)
    if (code == f) return days;
  return 0;
}

void ScoreAiReadiness(const ScoringInput& in, ScoreCard& out) {
  const Dataset& d = *in.dataset;
  const size_t first = out.indicators.size();
  ScoreCardBuilder b(out);

  // Core metadata completeness.
  {
    const std::array<std::pair<bool, const char*>, 15> fields = {{
        {d.title.Has(kLangZh), "title (zh-TW)"},
        {d.title.Has(kLangEn), "title (en)"},
        {d.description.Has(kLangZh), "description (zh-TW)"},
        {d.description.Has(kLangEn), "description (en)"},
        {!d.keywords.empty(), "keywords"},
        {!d.themes.empty(), "theme"},
        {!d.organization_id.empty(), "publisher"},
        {!d.contact.name.empty() || !d.contact.email.empty() || !d.contact.phone.empty(), "contact"},
        {!d.license_id.empty(), "licence"},
        {!d.issued.empty(), "issued"},
        {!d.modified.empty(), "modified"},
        {!d.frequency.empty(), "frequency"},
        {!d.temporal_start.empty() || !d.temporal_end.empty(), "temporal"},
        {!d.spatial.empty(), "spatial"},
        {!d.languages.empty(), "language"},
    }};
    int have = 0;
    std::string missing;
    for (const auto& [ok, name] : fields) {
      if (ok) ++have;
      else missing += (missing.empty() ? "" : ", ") + std::string(name);
    }
    const double share = static_cast<double>(have) / fields.size();
    b.Add(Def("ai.metadata_completeness"), share,
          std::to_string(have) + "/15 個欄位" + (missing.empty() ? "" : "，缺：" + missing),
          std::to_string(have) + " of 15 fields" + (missing.empty() ? "" : "; missing: " + missing));
  }

  // Croissant validity.
  if (in.croissant_errors) {
    const int n = *in.croissant_errors;
    b.Add(Def("ai.croissant_valid"), n == 0 ? 1 : 0, n == 0 ? "Croissant 描述沒有錯誤" : "Croissant 描述有 " + std::to_string(n) + " 個錯誤",
          n == 0 ? "the Croissant description has no errors" : "the Croissant description has " + std::to_string(n) + " errors");
  } else {
    b.Add(Def("ai.croissant_valid"), 0, "尚未檢查 Croissant 描述", "the Croissant description was not checked");
  }

  // Machine-readable licence.
  {
    const LicenseInfo* l = d.license_id.empty() ? nullptr : FindLicense(d.license_id);
    const double share = l ? (l->open ? 1.0 : 0.5) : 0.0;
    b.Add(Def("ai.license_machine_readable"), share,
          l ? std::string(l->title_zh) + (l->open ? "（開放授權）" : "（非開放授權）") : "授權不在已知清單中",
          l ? std::string(l->title_en) + (l->open ? " (open)" : " (not open)") : "the licence is not a known one");
  }

  // Per-resource measurements.
  int resources = 0, checked = 0, consistent = 0, open = 0, keyed = 0, tabular = 0;
  double valid_rows_share = 0, null_ratio_sum = 0;
  int columns_total = 0, columns_described = 0, typed_declared = 0, typed_ok = 0;
  bool personal_found = false;
  std::vector<std::string> mismatches, personal;
  for (const Resource& r : d.resources) {
    if (r.state != State::kActive) continue;
    ++resources;
    const ResourceEvidence* e = FindEvidence(in, r.id);
    const FileFormatInfo* f = nullptr;
    if (e && e->contents_readable && !e->detected_format.empty()) f = FindFileFormat(e->detected_format);
    if (!f) f = FindFileFormat(r.format.empty() ? r.media_type : r.format);
    if (f && f->machine_readable && f->non_proprietary) ++open;
    if (!e || !e->contents_readable) continue;
    ++checked;
    // Integrity: what was declared agrees with what was measured.
    bool ok = true;
    const std::string name = r.name.Best(kLangEn).empty() ? r.id : r.name.Best(kLangEn);
    if (e->format_matches == false) ok = false, mismatches.push_back(name + ": format");
    if (e->encoding_matches == false) ok = false, mismatches.push_back(name + ": encoding");
    if (r.size_bytes && e->bytes > 0 && *r.size_bytes != e->bytes) ok = false, mismatches.push_back(name + ": size");
    if (r.checksum.starts_with("sha256:") && !e->sha256.empty() && r.checksum.substr(7) != e->sha256)
      ok = false, mismatches.push_back(name + ": sha256");
    if (ok) ++consistent;
    // Structure.
    if (e->valid == true) valid_rows_share += 1.0;
    else if (e->rows > 0) valid_rows_share += 1.0 - std::min<double>(1.0, double(e->rows_with_errors) / e->rows);
    // Schema coverage and types.
    if (!e->columns.empty()) {
      ++tabular;
      null_ratio_sum += e->mean_null_ratio;
      if (e->key_candidates > 0 && e->duplicate_rows == 0) ++keyed;
      for (size_t c = 0; c < e->columns.size(); ++c) {
        ++columns_total;
        auto it = std::find_if(r.fields.begin(), r.fields.end(), [&](const FieldSpec& fs) { return fs.name == e->columns[c]; });
        if (it == r.fields.end()) continue;
        if (!it->description.Empty()) ++columns_described;
        if (!it->type.empty() && c < e->inferred_types.size()) {
          ++typed_declared;
          if (Compatible(it->type, e->inferred_types[c])) ++typed_ok;
          else mismatches.push_back(name + ": " + it->name + " " + it->type + "≠" + e->inferred_types[c]);
        }
      }
    }
    if (!e->personal_data.empty()) {
      personal_found = true;
      personal.insert(personal.end(), e->personal_data.begin(), e->personal_data.end());
    }
  }
  auto of = [](int a, int n) { return std::to_string(a) + "/" + std::to_string(n); };
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size() && i < 5; ++i) s += (i ? "; " : "") + v[i];
    if (v.size() > 5) s += " …";
    return s;
  };
  {
    const double share = resources ? double(consistent) / resources : 0;
    b.Add(Def("ai.integrity"), share,
          of(consistent, resources) + " 個資源已檢測且宣告相符" + (mismatches.empty() ? "" : "；不符：" + join(mismatches)),
          of(consistent, resources) + " distributions checked and consistent" +
              (mismatches.empty() ? "" : "; mismatches: " + join(mismatches)));
  }
  b.Add(Def("ai.open_format"), resources ? double(open) / resources : 0, of(open, resources) + " 個資源為開放機器可讀格式",
        of(open, resources) + " distributions in an open machine-readable format");
  {
    const double share = resources ? valid_rows_share / resources : 0;
    b.Add(Def("ai.structural_validity"), share,
          "結構正確率 " + Percent(share) + "（已檢測 " + of(checked, resources) + "）",
          "structural validity " + Percent(share) + " (" + of(checked, resources) + " checked)");
  }
  {
    const double share = columns_total ? double(columns_described) / columns_total : 0;
    b.Add(Def("ai.schema_coverage"), share,
          columns_total ? of(columns_described, columns_total) + " 個欄位有說明" : std::string("沒有已檢測的表格檔"),
          columns_total ? of(columns_described, columns_total) + " columns described" : std::string("no checked tabular file"));
  }
  {
    const double share = typed_declared ? double(typed_ok) / typed_declared : 0;
    b.Add(Def("ai.type_conformance"), share,
          typed_declared ? of(typed_ok, typed_declared) + " 個宣告型別相符" : std::string("沒有可比對的宣告型別"),
          typed_declared ? of(typed_ok, typed_declared) + " declared types agree" : std::string("no declared types to compare"));
  }
  {
    const double share = tabular ? 1.0 - null_ratio_sum / tabular : 0;
    b.Add(Def("ai.completeness"), share, tabular ? "非空值比例 " + Percent(share) : std::string("沒有已檢測的表格檔"),
          tabular ? "non-empty cells " + Percent(share) : std::string("no checked tabular file"));
  }
  b.Add(Def("ai.keys"), tabular ? double(keyed) / tabular : 0,
        tabular ? of(keyed, tabular) + " 個表格檔有鍵值欄位且無重複列" : std::string("沒有已檢測的表格檔"),
        tabular ? of(keyed, tabular) + " tabular files have a key column and no duplicate rows"
                : std::string("no checked tabular file"));

  // Freshness.
  {
    const int period = FrequencyPeriodDays(d.frequency);
    const std::string& modified = d.modified.empty() ? d.issued : d.modified;
    auto day = EpochDay(modified);
    const int64_t today = in.now_ms / 86'400'000;
    double share = 0;
    std::string zh, en;
    if (d.frequency.empty()) {
      zh = "未宣告更新頻率";
      en = "no update frequency declared";
    } else if (!day) {
      zh = "沒有更新日期";
      en = "no modification date";
    } else if (period == 0) {
      share = 1;
      zh = "更新頻率 " + d.frequency + "，無固定週期；最近更新 " + modified.substr(0, 10);
      en = "frequency " + d.frequency + " promises no period; last modified " + modified.substr(0, 10);
    } else {
      const int64_t age = std::max<int64_t>(0, today - *day);
      share = age <= period * 3 / 2 ? 1.0 : (age <= period * 3 ? 0.5 : 0.0);
      zh = "更新頻率 " + d.frequency + "（" + std::to_string(period) + " 天），最近更新在 " + std::to_string(age) + " 天前";
      en = "frequency " + d.frequency + " (" + std::to_string(period) + " days), last modified " + std::to_string(age) +
           " days ago";
    }
    b.Add(Def("ai.freshness"), share, std::move(zh), std::move(en));
  }

  // Provenance.
  {
    const bool statistical = d.type == DatasetType::kStatistical || d.type == DatasetType::kAggregated;
    const Methodology& m = d.methodology;
    double share;
    std::string zh, en;
    if (!statistical) {
      share = 1;
      zh = "原始資料（" + std::string(ToCode(d.type)) + "）";
      en = "raw data (" + std::string(ToCode(d.type)) + ")";
    } else {
      share = 0.4 * !m.description.empty() + 0.4 * !m.formula.empty() + 0.2 * !m.source_datasets.empty();
      zh = std::string("統計資料：方法") + (m.description.empty() ? "無" : "有") + "、公式" + (m.formula.empty() ? "無" : "有") +
           "、來源資料集 " + std::to_string(m.source_datasets.size()) + " 個";
      en = std::string("statistics: method ") + (m.description.empty() ? "no" : "yes") + ", formula " +
           (m.formula.empty() ? "no" : "yes") + ", " + std::to_string(m.source_datasets.size()) + " source datasets";
    }
    b.Add(Def("ai.provenance"), share, std::move(zh), std::move(en));
  }

  // Personal data: found vs declared (restricted access is the declaration).
  {
    const bool restricted = d.access_rights && *d.access_rights != AccessRights::kPublic;
    double share;
    std::string zh, en;
    if (checked == 0) {
      share = 0;
      zh = "尚未檢測任何檔案";
      en = "no file checked yet";
    } else if (!personal_found) {
      share = 1;
      zh = "已檢測 " + of(checked, resources) + " 個檔案，未發現個人資料";
      en = of(checked, resources) + " files checked, no personal data found";
    } else {
      share = restricted ? 0.5 : 0;
      zh = "發現個人資料：" + join(personal) + (restricted ? "（資料集為限制存取）" : "（資料集公開）");
      en = "personal data found: " + join(personal) + (restricted ? " (access is restricted)" : " (the dataset is public)");
    }
    b.Add(Def("ai.personal_data"), share, std::move(zh), std::move(en));
  }

  // RAI documentation coverage.
  {
    const bool statistical = d.type == DatasetType::kStatistical || d.type == DatasetType::kAggregated;
    const std::array<std::pair<bool, const char*>, 5> parts = {{
        {!d.methodology.description.empty() || !statistical, "data collection"},
        {!d.methodology.formula.empty() || !statistical, "preprocessing"},
        {!d.methodology.source_datasets.empty() || !statistical, "sources"},
        {checked > 0, "known limitations"},
        {checked > 0, "personal-data assessment"},
    }};
    int have = 0;
    std::string missing;
    for (const auto& [ok, name] : parts) {
      if (ok) ++have;
      else missing += (missing.empty() ? "" : ", ") + std::string(name);
    }
    b.Add(Def("ai.rai_coverage"), have / 5.0, std::to_string(have) + "/5 項" + (missing.empty() ? "" : "，缺：" + missing),
          std::to_string(have) + " of 5" + (missing.empty() ? "" : "; missing: " + missing));
  }

  double points = 0;
  for (size_t i = first; i < out.indicators.size(); ++i) points += out.indicators[i].points;
  out.totals.push_back({std::string(kFrameworkAiReady), points, 100, ""});
}

}  // namespace pintu::quality
