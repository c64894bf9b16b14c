#include "quality/indicators/fair.h"

#include <array>

#include "core/file_formats.h"
#include "core/vocabulary.h"
#include "quality/indicators/distribution_share.h"
#include "quality/indicators/mqa.h"

namespace pintu::quality {
namespace {

constexpr std::string_view kF = kFrameworkFair;

const std::array<IndicatorDefinition, 16> kDefs = {{
    {"fair.FsF-F1-01D", kF, "F", 1, false, "全球唯一識別碼", "Globally unique identifier",
     "資料集有全球唯一的識別碼（平臺網址 /dataset/{slug}）", "The dataset has a globally unique identifier (its portal URL)",
     "保持資料集代碼（slug）穩定", "Keep the dataset's short name (slug) stable"},
    {"fair.FsF-F1-02D", kF, "F", 1, false, "永久識別碼", "Persistent identifier",
     "資料集有永久識別碼（DOI、Handle、ARK 或 PURL）", "The dataset has a persistent identifier (DOI, Handle, ARK or PURL)",
     "為資料集申請 DOI 並填入相關網址", "Register a DOI for the dataset and add it as a related URL"},
    {"fair.FsF-F2-01M", kF, "F", 2, false, "核心描述元素", "Descriptive core metadata",
     "詮釋資料有建立者、標題、識別碼、發布者、發布日期、摘要與關鍵字",
     "Metadata has creator, title, identifier, publisher, publication date, summary and keywords",
     "補齊缺少的核心欄位", "Fill in the missing core fields"},
    {"fair.FsF-F3-01M", kF, "F", 1, false, "詮釋資料含資料識別碼", "Metadata includes the data identifier",
     "每個資源都有資料本身的網址", "Every distribution carries the URL of the data itself",
     "為每個資源填寫網址", "Give every distribution its URL"},
    {"fair.FsF-F4-01M", kF, "F", 2, false, "可被搜尋引擎索引", "Metadata can be indexed",
     "公開資料集以 schema.org JSON-LD、DCAT-AP 與網站地圖提供，可被搜尋引擎收錄",
     "A public dataset is offered as schema.org JSON-LD, DCAT-AP and in the sitemap, so search engines index it",
     "將資料集設為公開", "Make the dataset public"},
    {"fair.FsF-A1-01M", kF, "A", 1, false, "存取層級與條件", "Access level and conditions",
     "詮釋資料註明存取權限", "Metadata states the access level", "註明存取權限", "State the access rights"},
    {"fair.FsF-A1-02M", kF, "A", 1, false, "以標準協定取得詮釋資料", "Metadata via a standard protocol",
     "詮釋資料可經由 HTTP(S) 取得（CKAN API、DCAT-AP）", "Metadata is retrievable over HTTP(S) (CKAN API, DCAT-AP)",
     "將資料集設為公開", "Make the dataset public"},
    {"fair.FsF-A1-03D", kF, "A", 1, false, "以標準協定取得資料", "Data via a standard protocol",
     "資源網址使用 HTTP(S) 並實際回應 2xx（連結檢測）", "Distribution URLs use HTTP(S) and answered 2xx (link checker)",
     "修正失效或非 HTTP 的網址", "Fix broken or non-HTTP URLs"},
    {"fair.FsF-I1-01M", kF, "I", 2, false, "正式知識表示語言", "Formal knowledge representation",
     "詮釋資料以 RDF（DCAT-AP Turtle／JSON-LD／RDF/XML）提供", "Metadata is offered as RDF (DCAT-AP Turtle / JSON-LD / RDF/XML)",
     "將資料集設為公開", "Make the dataset public"},
    {"fair.FsF-I2-01M", kF, "I", 1, false, "使用語意詞彙", "Semantic vocabularies",
     "分類、授權與更新頻率使用已知詞彙（EU data theme、授權清單、EU frequency）",
     "Theme, licence and frequency come from known vocabularies (EU data theme, licence list, EU frequency)",
     "從清單選擇分類、授權與更新頻率", "Pick theme, licence and frequency from the lists"},
    {"fair.FsF-I3-01M", kF, "I", 1, false, "連結相關實體", "Links to related entities",
     "詮釋資料連結來源資料集、相關網址或資料標準", "Metadata links to source datasets, related URLs or data standards",
     "註明資料來源或相關資料集", "Name the source or related datasets"},
    {"fair.FsF-R1-01MD", kF, "R", 4, false, "描述資料內容", "Metadata specifies the content",
     "資源有格式、大小、欄位說明，且宣告與檢測結果相符", "Distributions have format, size, a field dictionary, and the declarations match the checks",
     "補上欄位說明與大小，並修正不符的宣告", "Add field descriptions and sizes, and correct declarations that do not match"},
    {"fair.FsF-R1.1-01M", kF, "R", 2, false, "授權資訊", "Licence information",
     "詮釋資料註明可機器辨識的授權", "Metadata names a machine-recognisable licence",
     "從清單選擇授權", "Choose a licence from the list"},
    {"fair.FsF-R1.2-01M", kF, "R", 2, false, "來源與產製方式", "Provenance",
     "詮釋資料說明資料如何產生（原始資料的發布機關與日期；統計資料的方法與公式）",
     "Metadata says how the data was produced (raw: publisher and date; statistics: method and formula)",
     "說明產製方法與計算公式", "Describe the method and the formula"},
    {"fair.FsF-R1.3-01M", kF, "R", 1, false, "遵循社群詮釋資料標準", "Community metadata standard",
     "詮釋資料符合 DCAT-AP 3.0.1 的必要屬性", "Metadata meets DCAT-AP 3.0.1's mandatory properties",
     "補上標題、描述與資源網址", "Add title, description and distribution URLs"},
    {"fair.FsF-R1.3-02D", kF, "R", 1, false, "建議的檔案格式", "Recommended file format",
     "資源使用開放且機器可讀的格式", "Distributions use open machine-readable formats",
     "提供 CSV、JSON 等開放格式", "Offer open formats such as CSV or JSON"},
}};

const IndicatorDefinition& Def(std::string_view id) {
  for (const auto& d : kDefs)
    if (d.id == id) return d;
  std::abort();  // a typo in this file; the tests cover every id
}

bool IsPersistentIdentifier(std::string_view url) {
  for (std::string_view p : {"doi.org/", "hdl.handle.net/", "n2t.net/ark:", "/ark:/", "purl.org/", "w3id.org/", "doi:"})
    if (url.find(p) != std::string_view::npos) return true;
  return false;
}

std::string YesNoZh(bool b) { return b ? "有" : "無"; }
std::string YesNoEn(bool b) { return b ? "yes" : "no"; }

}  // namespace

std::span<const IndicatorDefinition> FairIndicators() { return kDefs; }

void ScoreFair(const ScoringInput& in, ScoreCard& out) {
  const Dataset& d = *in.dataset;
  const size_t first = out.indicators.size();
  ScoreCardBuilder b(out);
  const bool published = !d.is_private && d.state == State::kActive && !d.slug.empty();

  b.Add(Def("fair.FsF-F1-01D"), d.slug.empty() ? 0 : 1, "網址：" + in.base_url + "/dataset/" + d.slug,
        "identifier: " + in.base_url + "/dataset/" + d.slug);
  {
    std::string pid;
    for (const auto& u : d.related_urls)
      if (IsPersistentIdentifier(u)) pid = u;
    if (pid.empty() && IsPersistentIdentifier(d.landing_page)) pid = d.landing_page;
    for (const auto& x : d.extras)
      if (pid.empty() && (x.key == "doi" || x.key == "identifier") && IsPersistentIdentifier(x.value)) pid = x.value;
    b.Add(Def("fair.FsF-F1-02D"), pid.empty() ? 0 : 1, pid.empty() ? "沒有永久識別碼" : "永久識別碼：" + pid,
          pid.empty() ? "no persistent identifier" : "persistent identifier: " + pid);
  }
  {
    const bool creator = !d.author.empty() || !d.organization_id.empty();
    const std::array<std::pair<bool, const char*>, 7> core = {{{creator, "creator"},
                                                               {!d.title.Empty(), "title"},
                                                               {!d.slug.empty(), "identifier"},
                                                               {!d.organization_id.empty(), "publisher"},
                                                               {!d.issued.empty(), "publication date"},
                                                               {!d.description.Empty(), "summary"},
                                                               {!d.keywords.empty(), "keywords"}}};
    int have = 0;
    std::string missing;
    for (const auto& [ok, name] : core) {
      if (ok) ++have;
      else missing += (missing.empty() ? "" : ", ") + std::string(name);
    }
    // F-UJI: all core elements 2 points; some of them (at least half) 1 point.
    const double share = have == 7 ? 1.0 : (have >= 4 ? 0.5 : 0.0);
    b.Add(Def("fair.FsF-F2-01M"), share, std::to_string(have) + "/7 個核心元素" + (missing.empty() ? "" : "，缺：" + missing),
          std::to_string(have) + " of 7 core elements" + (missing.empty() ? "" : "; missing: " + missing));
  }
  {
    auto s = CountDistributions(in, [](const Resource& r, const ResourceEvidence*) { return !r.url.empty(); });
    b.Add(Def("fair.FsF-F3-01M"), s.total > 0 && s.met == s.total ? 1 : 0, s.EvidenceZh("有資料網址"),
          s.EvidenceEn("carry the data URL"));
  }
  b.Add(Def("fair.FsF-F4-01M"), published ? 1 : 0, published ? "公開，列於網站地圖與 DCAT-AP" : "未公開（私人或草稿）",
        published ? "public: in the sitemap and DCAT-AP" : "not public (private or draft)");
  b.Add(Def("fair.FsF-A1-01M"), d.access_rights ? 1 : 0,
        d.access_rights ? "存取權限：" + std::string(ToCode(*d.access_rights)) : std::string("未註明存取權限"),
        d.access_rights ? "access rights: " + std::string(ToCode(*d.access_rights)) : std::string("no access rights"));
  b.Add(Def("fair.FsF-A1-02M"), published ? 1 : 0, published ? "可經由 HTTP(S) 取得" : "未公開",
        published ? "served over HTTP(S)" : "not public");
  {
    auto s = CountDistributions(in, [](const Resource& r, const ResourceEvidence* e) {
      if (r.uploaded && !r.url.empty()) return true;
      const bool http = r.url.starts_with("http://") || r.url.starts_with("https://");
      return http && e && e->http_status && *e->http_status >= 200 && *e->http_status < 300;
    });
    b.Add(Def("fair.FsF-A1-03D"), s.Share(), s.EvidenceZh("可經由 HTTP(S) 取得（連結檢測）"),
          s.EvidenceEn("answered over HTTP(S) (link checker)"));
  }
  b.Add(Def("fair.FsF-I1-01M"), published ? 1 : 0, published ? "以 DCAT-AP RDF 提供" : "未公開",
        published ? "offered as DCAT-AP RDF" : "not public");
  {
    const bool theme = !d.themes.empty() && FindTheme(d.themes.front());
    const bool license = !d.license_id.empty() && FindLicense(d.license_id);
    const bool frequency = IsFrequencyCode(d.frequency);
    const int n = theme + license + frequency;
    b.Add(Def("fair.FsF-I2-01M"), n == 3 ? 1 : 0,
          "分類 " + YesNoZh(theme) + "、授權 " + YesNoZh(license) + "、更新頻率 " + YesNoZh(frequency),
          "theme " + YesNoEn(theme) + ", licence " + YesNoEn(license) + ", frequency " + YesNoEn(frequency));
  }
  {
    const bool linked = !d.methodology.source_datasets.empty() || !d.related_urls.empty() || !d.conforms_to.empty();
    b.Add(Def("fair.FsF-I3-01M"), linked ? 1 : 0, linked ? "有連結相關資料或標準" : "沒有連結任何相關資料",
          linked ? "links to related data or standards" : "links to nothing related");
  }
  {
    // Four parts, one point each, over the active distributions.
    auto format = CountDistributions(in, [](const Resource& r, const ResourceEvidence*) {
      return !r.format.empty() || !r.media_type.empty();
    });
    auto size = CountDistributions(in, [](const Resource& r, const ResourceEvidence* e) {
      return r.size_bytes.has_value() || (e && e->contents_readable && e->bytes > 0);
    });
    auto fields = CountDistributions(in, [](const Resource& r, const ResourceEvidence*) { return !r.fields.empty(); });
    auto matches = CountDistributions(in, [](const Resource&, const ResourceEvidence* e) {
      return e && e->contents_readable && e->format_matches.value_or(true) && e->datagov[4].pass.value_or(true);
    });
    const double share =
        (static_cast<int>(format.total > 0 && format.met == format.total) + (size.total > 0 && size.met == size.total) +
         (fields.total > 0 && fields.met == fields.total) + (matches.total > 0 && matches.met == matches.total)) /
        4.0;
    b.Add(Def("fair.FsF-R1-01MD"), share,
          "格式 " + std::to_string(format.met) + "/" + std::to_string(format.total) + "、大小 " +
              std::to_string(size.met) + "/" + std::to_string(size.total) + "、欄位說明 " +
              std::to_string(fields.met) + "/" + std::to_string(fields.total) + "、檢測相符 " +
              std::to_string(matches.met) + "/" + std::to_string(matches.total),
          "format " + std::to_string(format.met) + "/" + std::to_string(format.total) + ", size " +
              std::to_string(size.met) + "/" + std::to_string(size.total) + ", field dictionary " +
              std::to_string(fields.met) + "/" + std::to_string(fields.total) + ", checks agree " +
              std::to_string(matches.met) + "/" + std::to_string(matches.total));
  }
  {
    const LicenseInfo* l = d.license_id.empty() ? nullptr : FindLicense(d.license_id);
    const double share = l ? 1.0 : (d.license_id.empty() ? 0.0 : 0.5);
    b.Add(Def("fair.FsF-R1.1-01M"), share,
          l ? "授權：" + std::string(l->url) : (d.license_id.empty() ? "未註明授權" : "授權為自由文字：" + d.license_id),
          l ? "licence: " + std::string(l->url)
            : (d.license_id.empty() ? std::string("no licence") : "licence as free text: " + d.license_id));
  }
  {
    const bool statistical = d.type == DatasetType::kStatistical || d.type == DatasetType::kAggregated;
    double share;
    std::string zh, en;
    if (statistical) {
      const bool method = !d.methodology.description.empty(), formula = !d.methodology.formula.empty();
      share = (method && formula) ? 1.0 : (method || formula ? 0.5 : 0.0);
      zh = std::string("統計資料：方法") + YesNoZh(method) + "、公式" + YesNoZh(formula);
      en = std::string("statistics: method ") + YesNoEn(method) + ", formula " + YesNoEn(formula);
    } else {
      const bool who = !d.organization_id.empty(), when = !d.issued.empty() || !d.modified.empty();
      share = (who && when) ? 1.0 : (who || when ? 0.5 : 0.0);
      zh = std::string("原始資料：發布機關") + YesNoZh(who) + "、日期" + YesNoZh(when);
      en = std::string("raw data: publisher ") + YesNoEn(who) + ", date " + YesNoEn(when);
    }
    b.Add(Def("fair.FsF-R1.2-01M"), share, std::move(zh), std::move(en));
  }
  {
    // The same test as MQA's DCAT-AP compliance.
    bool ok = !d.title.Empty() && !d.description.Empty();
    for (const Resource& r : d.resources)
      if (r.state == State::kActive && r.url.empty()) ok = false;
    b.Add(Def("fair.FsF-R1.3-01M"), ok ? 1 : 0, ok ? "具備 DCAT-AP 必要屬性" : "缺少 DCAT-AP 必要屬性",
          ok ? "DCAT-AP mandatory properties present" : "DCAT-AP mandatory properties missing");
  }
  {
    auto s = CountDistributions(in, [](const Resource& r, const ResourceEvidence* e) {
      const FileFormatInfo* f = nullptr;
      if (e && e->contents_readable && !e->detected_format.empty()) f = FindFileFormat(e->detected_format);
      if (!f) f = FindFileFormat(r.format.empty() ? r.media_type : r.format);
      return f && f->machine_readable && f->non_proprietary;
    });
    b.Add(Def("fair.FsF-R1.3-02D"), s.Share(), s.EvidenceZh("使用開放且機器可讀的格式"),
          s.EvidenceEn("use an open machine-readable format"));
  }

  double points = 0, max = 0;
  for (size_t i = first; i < out.indicators.size(); ++i) {
    points += out.indicators[i].points;
    max += out.indicators[i].max_points;
  }
  out.totals.push_back({std::string(kFrameworkFair), points, max, ""});
}

double FairDimensionPercent(const ScoreCard& card, std::string_view dimension) {
  double points = 0, max = 0;
  for (const auto& s : card.indicators) {
    if (s.framework != kFrameworkFair || s.dimension != dimension) continue;
    points += s.points;
    max += s.max_points;
  }
  return max > 0 ? 100.0 * points / max : 0.0;
}

}  // namespace pintu::quality
