#include "quality/indicators/datagovtw_badge.h"

#include <algorithm>
#include <array>

namespace pintu::quality {
namespace {

constexpr std::string_view kTw = kFrameworkDatagovtw;

// In DatagovCheckId order, then the dataset-level standard.
const std::array<IndicatorDefinition, 7> kDefs = {{
    {"datagovtw.linkable", kTw, "obtainable", 1, true, "可連結", "Linkable",
     "資源網址可以連上（HTTP 2xx/3xx）", "The resource URL can be reached (HTTP 2xx/3xx)",
     "修正失效的網址", "Fix the broken URL"},
    {"datagovtw.downloadable", kTw, "obtainable", 1, true, "可直接下載", "Directly downloadable",
     "網址直接回傳檔案，而非網頁", "The URL returns the file itself, not a web page",
     "連結到檔案本身", "Link to the file itself"},
    {"datagovtw.structure", kTw, "processable", 1, true, "結構化", "Structured",
     "檔案是機器可讀的結構化格式", "The file is in a machine-readable structured format",
     "改用 CSV、JSON 或 XML", "Use CSV, JSON or XML"},
    {"datagovtw.encoding_match", kTw, "processable", 1, true, "編碼描述相符", "Encoding matches",
     "宣告的編碼與檔案實際編碼相符", "The declared encoding is the file's real encoding",
     "修正宣告的編碼，或把檔案轉成 UTF-8（pintu convert）", "Correct the declared encoding or convert the file to UTF-8 (pintu convert)"},
    {"datagovtw.desc_match", kTw, "understandable", 1, true, "欄位描述相符", "Field descriptions match",
     "欄位說明與檔案的欄位名稱一致且每欄都有說明", "The field dictionary matches the file's columns and describes each",
     "依檔案的欄位更新欄位說明", "Update the field dictionary to match the file's columns"},
    {"datagovtw.csv", kTw, "processable", 1, true, "提供 CSV", "CSV offered",
     "此資源或同資料集的其他資源提供 CSV", "This resource or a sibling offers CSV",
     "加上一個 CSV 版本", "Add a CSV version"},
    {"datagovtw.standard", kTw, "standard", 1, false, "符合資料標準", "Conforms to a data standard",
     "資料集註明遵循的已公布資料標準（dct:conformsTo）",
     "The dataset names a published data standard it follows (dct:conformsTo)",
     "採用並註明適用的資料標準", "Adopt and name the applicable data standard"},
}};

enum Badge { kNone, kBronze, kSilver, kGold, kPlatinum };

std::string_view BadgeName(int b) {
  static constexpr std::array<std::string_view, 5> names = {"none", "bronze", "silver", "gold", "platinum"};
  return names[std::clamp(b, 0, 4)];
}

}  // namespace

std::span<const IndicatorDefinition> DatagovBadgeIndicators() { return kDefs; }

void ScoreDatagovBadge(const ScoringInput& in, ScoreCard& out) {
  const Dataset& d = *in.dataset;
  ScoreCardBuilder b(out);
  double points = 0, max = 0;
  int dataset_badge = kPlatinum;
  int resources = 0;
  for (const Resource& r : d.resources) {
    if (r.state != State::kActive) continue;
    ++resources;
    const ResourceEvidence* e = FindEvidence(in, r.id);
    std::array<bool, 6> pass{};
    for (size_t i = 0; i < kDatagovCheckIds.size(); ++i) {
      const IndicatorDefinition& def = kDefs[i];
      std::optional<bool> verdict;
      std::string zh = "尚未檢測", en = "not checked yet";
      if (e) {
        const DatagovCheck& c = e->datagov[i];
        verdict = c.pass;
        if (!c.explanation_en.empty()) {
          zh = c.explanation_zh;
          en = c.explanation_en;
        }
      }
      // encoding_match and desc_match do not apply to every file (no encoding for xlsx, no
      // header for JSON): when the file was read and the check says "not decided", it
      // does not stand in the way of the badge.
      const bool not_applicable = !verdict && e && e->contents_readable &&
                                  (def.id == "datagovtw.encoding_match" || def.id == "datagovtw.desc_match");
      if (not_applicable) {
        zh = "不適用於此檔案：" + zh;
        en = "does not apply to this file: " + en;
      }
      pass[i] = verdict.value_or(not_applicable);
      b.Add(def, pass[i] ? 1.0 : 0.0, zh, en, r.id);
      points += pass[i] ? 1 : 0;
      max += 1;
    }
    int badge = kNone;
    if (pass[0] && pass[1]) badge = kBronze;
    if (badge == kBronze && pass[2] && pass[3] && pass[5]) badge = kSilver;
    if (badge == kSilver && pass[4]) badge = kGold;
    if (badge == kGold) badge = kPlatinum;  // the standard is checked per dataset below
    dataset_badge = std::min(dataset_badge, badge);
  }
  const bool standard = !d.conforms_to.empty();
  b.Add(kDefs[6], standard ? 1.0 : 0.0,
        standard ? "遵循：" + d.conforms_to.front() : std::string("未註明資料標準"),
        standard ? "follows " + d.conforms_to.front() : std::string("no data standard named"));
  points += standard ? 1 : 0;
  max += 1;
  if (resources == 0) dataset_badge = kNone;
  if (dataset_badge == kPlatinum && !standard) dataset_badge = kGold;
  out.totals.push_back({std::string(kFrameworkDatagovtw), points, max, std::string(BadgeName(dataset_badge))});
}

}  // namespace pintu::quality
