#include "quality/indicators/five_star.h"

#include <algorithm>
#include <array>

#include "core/file_formats.h"
#include "core/vocabulary.h"

namespace pintu::quality {
namespace {

const std::array<IndicatorDefinition, 1> kDefs = {{
    {"five-star.stars", kFrameworkFiveStar, "stars", 5, true, "5 星開放資料", "5-star open data",
     "★開放授權並放在網路上；★★機器可讀；★★★開放格式；★★★★使用 URI（RDF）；★★★★★連結其他資料",
     "★ open licence on the web; ★★ machine-readable; ★★★ open format; ★★★★ URIs (RDF); ★★★★★ linked to other data",
     "下一顆星：見證據說明缺少的條件", "Next star: see what the evidence says is missing"},
}};

}  // namespace

std::span<const IndicatorDefinition> FiveStarIndicators() { return kDefs; }

void ScoreFiveStar(const ScoringInput& in, ScoreCard& out) {
  const Dataset& d = *in.dataset;
  ScoreCardBuilder b(out);
  const LicenseInfo* license = d.license_id.empty() ? nullptr : FindLicense(d.license_id);
  const bool open_licence = license && license->open;
  const bool links_out = !d.methodology.source_datasets.empty() || !d.related_urls.empty();
  double points = 0, max = 0;
  int weakest = 5, resources = 0;
  for (const Resource& r : d.resources) {
    if (r.state != State::kActive) continue;
    ++resources;
    const ResourceEvidence* e = FindEvidence(in, r.id);
    const FileFormatInfo* f = nullptr;
    if (e && e->contents_readable && !e->detected_format.empty()) f = FindFileFormat(e->detected_format);
    if (!f) f = FindFileFormat(r.format.empty() ? r.media_type : r.format);
    int stars = 0;
    std::string zh, en;
    if (!open_licence || r.url.empty()) {
      zh = r.url.empty() ? "沒有網址" : "授權不是開放授權";
      en = r.url.empty() ? "no URL" : "the licence is not an open licence";
    } else if (stars = 1; !f || !f->machine_readable) {
      zh = "格式不是機器可讀（" + std::string(f ? f->name : "未知") + "）";
      en = "the format is not machine-readable (" + std::string(f ? f->name : "unknown") + ")";
    } else if (stars = 2; !f->non_proprietary) {
      zh = std::string(f->name) + " 是專有格式";
      en = std::string(f->name) + " is a proprietary format";
    } else if (stars = 3; !f->linked_data) {
      zh = std::string(f->name) + " 不是使用 URI 的 RDF 格式";
      en = std::string(f->name) + " is not an RDF format using URIs";
    } else if (stars = 4; !links_out) {
      zh = "資料集未連結其他資料";
      en = "the dataset links to no other data";
    } else {
      stars = 5;
      zh = "RDF 並連結其他資料";
      en = "RDF linked to other data";
    }
    b.Add(kDefs[0], stars / 5.0, std::to_string(stars) + " 星：" + zh, std::to_string(stars) + " stars: " + en, r.id);
    points += stars;
    max += 5;
    weakest = std::min(weakest, stars);
  }
  if (resources == 0) weakest = 0;
  out.totals.push_back({std::string(kFrameworkFiveStar), points, max, std::to_string(weakest)});
}

}  // namespace pintu::quality
