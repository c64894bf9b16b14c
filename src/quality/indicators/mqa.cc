#include "quality/indicators/mqa.h"

#include <array>

#include "core/file_formats.h"
#include "core/vocabulary.h"
#include "quality/indicators/distribution_share.h"

namespace pintu::quality {
namespace {

constexpr std::string_view kMqa = kFrameworkMqa;

// The order of this table is the order of the published methodology.
const std::array<IndicatorDefinition, 23> kDefs = {{
    {"mqa.findability.keyword", kMqa, "findability", 30, false, "關鍵字", "Keyword usage",
     "資料集至少有一個關鍵字（dcat:keyword）", "The dataset has at least one keyword (dcat:keyword)",
     "加上民眾會用來搜尋的關鍵字，例如「長照」", "Add the keywords people search for, e.g. 長照 (long-term care)"},
    {"mqa.findability.category", kMqa, "findability", 30, false, "分類", "Categories",
     "資料集至少屬於一個服務分類（dcat:theme）", "The dataset has at least one theme (dcat:theme)",
     "選擇資料集的服務分類", "Choose the dataset's service category (theme)"},
    {"mqa.findability.spatial", kMqa, "findability", 20, false, "地理範圍", "Geo search",
     "資料集註明涵蓋的地理範圍（dct:spatial）", "The dataset states the area it covers (dct:spatial)",
     "填寫資料涵蓋的地區，例如「臺北市」或「全國」", "State the area the data covers, e.g. Taipei City or Taiwan"},
    {"mqa.findability.temporal", kMqa, "findability", 20, false, "時間範圍", "Time-based search",
     "資料集註明涵蓋的時間範圍（dct:temporal）", "The dataset states the period it covers (dct:temporal)",
     "填寫資料涵蓋的起訖日期", "State the start and end dates the data covers"},
    {"mqa.accessibility.access_url", kMqa, "accessibility", 50, false, "存取網址可連線", "AccessURL accessibility",
     "資源的存取網址回應 HTTP 2xx（以最近一次連結檢測為準；平臺上傳的檔案視為可連線）",
     "Each distribution's access URL answers HTTP 2xx (newest link check; files uploaded to Pintu count as reachable)",
     "修正失效的連結，或把檔案直接上傳到平臺", "Fix broken links, or upload the file to the portal"},
    {"mqa.accessibility.download_url", kMqa, "accessibility", 20, false, "提供下載網址", "DownloadURL",
     "資源提供可直接下載檔案的網址（dcat:downloadURL），而不只是網頁或 API",
     "Each distribution offers a direct file download URL (dcat:downloadURL), not only a web page or API",
     "提供檔案本身的下載連結，而不是說明網頁", "Link to the file itself rather than to a web page about it"},
    {"mqa.accessibility.download_url_status", kMqa, "accessibility", 30, false, "下載網址可下載",
     "DownloadURL accessibility", "下載網址實際取得檔案（最近一次連結檢測判定可直接下載）",
     "The download URL actually returns the file (the newest link check found it downloadable)",
     "確認下載網址直接回傳檔案，不需登入或點選", "Make sure the download URL returns the file without login or clicks"},
    {"mqa.interoperability.format", kMqa, "interoperability", 20, false, "檔案格式", "Format",
     "資源註明檔案格式（dct:format）", "Each distribution declares its file format (dct:format)",
     "為每個資源填寫檔案格式，例如 CSV", "Declare each distribution's file format, e.g. CSV"},
    {"mqa.interoperability.media_type", kMqa, "interoperability", 10, false, "媒體類型", "Media type",
     "資源註明 IANA 媒體類型（dcat:mediaType）", "Each distribution declares its IANA media type (dcat:mediaType)",
     "填寫媒體類型，例如 text/csv", "Declare the media type, e.g. text/csv"},
    {"mqa.interoperability.vocabulary", kMqa, "interoperability", 10, false, "格式使用標準詞彙",
     "Format / media type from vocabulary", "格式或媒體類型屬於 EU 檔案類型或 IANA 詞彙",
     "The format or media type is in the EU file-type or IANA vocabulary",
     "使用標準格式名稱（CSV、JSON…），不要自訂寫法", "Use standard format names (CSV, JSON …) rather than free text"},
    {"mqa.interoperability.non_proprietary", kMqa, "interoperability", 20, false, "非專有格式", "Non-proprietary",
     "格式是任何人都可自由實作的開放格式", "The format is an open one anyone may implement",
     "另外提供 CSV 或 ODS 等開放格式", "Also offer an open format such as CSV or ODS"},
    {"mqa.interoperability.machine_readable", kMqa, "interoperability", 20, false, "機器可讀", "Machine readable",
     "格式可由程式直接讀取（不是 PDF、圖片或網頁）", "A program can read the format (not PDF, images or web pages)",
     "提供結構化檔案（CSV、JSON、XML），而非 PDF", "Offer a structured file (CSV, JSON, XML) rather than a PDF"},
    {"mqa.interoperability.dcat_ap", kMqa, "interoperability", 30, false, "符合 DCAT-AP", "DCAT-AP compliance",
     "具備 DCAT-AP 3.0.1 的必要屬性：標題、描述，且每個資源都有存取網址",
     "DCAT-AP 3.0.1 mandatory properties are present: title, description, and an access URL on every distribution",
     "補上標題、描述與每個資源的網址", "Add the title, description and every distribution's URL"},
    {"mqa.reusability.access_rights", kMqa, "reusability", 10, false, "存取權限", "Access restrictions",
     "資料集註明存取權限（dct:accessRights）", "The dataset declares its access rights (dct:accessRights)",
     "註明資料是公開、限制或不公開", "State whether the data is public, restricted or non-public"},
    {"mqa.reusability.access_rights_vocabulary", kMqa, "reusability", 5, false, "存取權限使用標準詞彙",
     "Access restrictions vocabulary", "存取權限屬於 EU access-right 詞彙",
     "The access rights come from the EU access-right vocabulary",
     "從清單選擇存取權限", "Choose the access rights from the list"},
    {"mqa.reusability.license", kMqa, "reusability", 20, false, "授權", "License information",
     "資料集註明授權條款（dct:license）", "The dataset names its licence (dct:license)",
     "選擇授權條款，例如政府資料開放授權條款第1版", "Choose a licence, e.g. the Open Government Data License v1.0"},
    {"mqa.reusability.license_vocabulary", kMqa, "reusability", 10, false, "授權使用標準詞彙",
     "License vocabulary", "授權條款是已知的標準授權（有固定網址）", "The licence is a known one with a stable URL",
     "使用清單中的標準授權，不要自訂文字", "Use a licence from the list rather than free text"},
    {"mqa.reusability.contact_point", kMqa, "reusability", 20, false, "聯絡窗口", "Contact point",
     "資料集有聯絡人姓名、電子郵件或電話（dcat:contactPoint）",
     "The dataset has a contact name, email or phone (dcat:contactPoint)",
     "填寫能回答資料問題的窗口", "Name a contact who can answer questions about the data"},
    {"mqa.reusability.publisher", kMqa, "reusability", 10, false, "發布機關", "Publisher",
     "資料集註明發布機關（dct:publisher）", "The dataset names its publisher (dct:publisher)",
     "把資料集放在發布機關之下", "Publish the dataset under its agency"},
    {"mqa.contextuality.rights", kMqa, "contextuality", 5, false, "權利說明", "Rights",
     "資源註明權利或授權（dct:rights / dct:license）", "Each distribution states its rights (dct:rights / dct:license)",
     "為資源註明授權", "State each distribution's licence"},
    {"mqa.contextuality.byte_size", kMqa, "contextuality", 5, false, "檔案大小", "File size",
     "資源註明檔案大小（dcat:byteSize；平臺檢測量得的大小也算）",
     "Each distribution states its size in bytes (dcat:byteSize; a size measured by Pintu's check counts)",
     "填寫檔案大小，或讓平臺檢測檔案", "State the file size, or let Pintu check the file"},
    {"mqa.contextuality.issued", kMqa, "contextuality", 5, false, "發布日期", "Date of issue",
     "資料集註明首次發布日期（dct:issued）", "The dataset states when it was first issued (dct:issued)",
     "填寫首次發布日期", "State the date the dataset was first issued"},
    {"mqa.contextuality.modified", kMqa, "contextuality", 5, false, "更新日期", "Modification date",
     "資料集註明最近更新日期（dct:modified）", "The dataset states when it was last modified (dct:modified)",
     "每次更新資料時一併更新日期", "Update the modification date whenever the data changes"},
}};


std::span<const IndicatorDefinition> Defs() { return kDefs; }

const IndicatorDefinition& Def(std::string_view id) {
  for (const auto& d : Defs())
    if (d.id == id) return d;
  std::abort();  // a typo in this file; the tests cover every id
}

void Present(ScoreCardBuilder& b, std::string_view id, bool present, std::string_view what_zh,
             std::string_view what_en) {
  b.Add(Def(id), present ? 1.0 : 0.0, std::string(present ? "已填寫" : "未填寫") + std::string(what_zh),
        std::string(what_en) + (present ? " is given" : " is missing"));
}

void Share(ScoreCardBuilder& b, std::string_view id, const DistributionShare& s, std::string_view what_zh,
           std::string_view what_en) {
  b.Add(Def(id), s.Share(), s.EvidenceZh(what_zh), s.EvidenceEn(what_en));
}

bool AccessUrlAnswers(const Resource& r, const ResourceEvidence* e) {
  if (r.uploaded && !r.url.empty()) return true;
  return e && e->http_status && *e->http_status >= 200 && *e->http_status < 300;
}

}  // namespace

std::span<const IndicatorDefinition> MqaIndicators() { return Defs(); }

std::string_view MqaRating(double points) {
  if (points >= 351) return "excellent";
  if (points >= 221) return "good";
  if (points >= 121) return "sufficient";
  return "bad";
}

void ScoreMqa(const ScoringInput& in, ScoreCard& out) {
  const Dataset& d = *in.dataset;
  const size_t first = out.indicators.size();
  ScoreCardBuilder b(out);

  // Findability.
  Present(b, "mqa.findability.keyword", !d.keywords.empty(), "關鍵字", "A keyword");
  Present(b, "mqa.findability.category", !d.themes.empty(), "服務分類", "A theme");
  Present(b, "mqa.findability.spatial", !d.spatial.empty(), "地理範圍", "The spatial coverage");
  Present(b, "mqa.findability.temporal", !d.temporal_start.empty() || !d.temporal_end.empty(), "時間範圍",
          "The temporal coverage");

  // Accessibility.
  Share(b, "mqa.accessibility.access_url", CountDistributions(in, AccessUrlAnswers), "的網址可連線",
        "answered HTTP 2xx");
  Share(b, "mqa.accessibility.download_url",
        CountDistributions(in, [](const Resource& r, const ResourceEvidence*) { return HasDownloadUrl(r); }),
        "提供檔案下載網址", "offer a file download URL");
  Share(b, "mqa.accessibility.download_url_status",
        CountDistributions(in,
                           [](const Resource& r, const ResourceEvidence* e) {
                             if (!HasDownloadUrl(r)) return false;
                             return r.uploaded || (e && e->downloadable.value_or(false));
                           }),
        "的下載網址確實取得檔案", "returned the file at the download URL");

  // Interoperability.
  auto format_of = [](const Resource& r) { return FindFileFormat(r.format.empty() ? r.media_type : r.format); };
  Share(b, "mqa.interoperability.format",
        CountDistributions(in, [](const Resource& r, const ResourceEvidence*) { return !r.format.empty(); }),
        "註明格式", "declare a format");
  Share(b, "mqa.interoperability.media_type",
        CountDistributions(in, [](const Resource& r, const ResourceEvidence*) { return !r.media_type.empty(); }),
        "註明媒體類型", "declare a media type");
  Share(b, "mqa.interoperability.vocabulary",
        CountDistributions(in,
                           [](const Resource& r, const ResourceEvidence*) {
                             return (!r.format.empty() && FindFileFormat(r.format)) || IsKnownMediaType(r.media_type);
                           }),
        "的格式屬於標準詞彙", "use a format from the vocabulary");
  Share(b, "mqa.interoperability.non_proprietary",
        CountDistributions(in,
                           [&](const Resource& r, const ResourceEvidence*) {
                             const FileFormatInfo* f = format_of(r);
                             return f && f->non_proprietary;
                           }),
        "使用開放格式", "use a non-proprietary format");
  Share(b, "mqa.interoperability.machine_readable",
        CountDistributions(in,
                           [&](const Resource& r, const ResourceEvidence*) {
                             const FileFormatInfo* f = format_of(r);
                             return f && f->machine_readable;
                           }),
        "為機器可讀格式", "use a machine-readable format");
  {
    int with_url = 0, total = 0;
    for (const Resource& r : d.resources) {
      if (r.state != State::kActive) continue;
      ++total;
      if (!r.url.empty()) ++with_url;
    }
    const bool title = !d.title.Empty(), description = !d.description.Empty();
    const bool ok = title && description && with_url == total;
    std::string zh = std::string(title ? "有標題" : "缺標題") + "、" + (description ? "有描述" : "缺描述") + "、" +
                     std::to_string(with_url) + "/" + std::to_string(total) + " 個資源有存取網址";
    std::string en = std::string(title ? "title present" : "title missing") + ", " +
                     (description ? "description present" : "description missing") + ", " +
                     std::to_string(with_url) + " of " + std::to_string(total) + " distributions have an access URL";
    b.Add(Def("mqa.interoperability.dcat_ap"), ok ? 1.0 : 0.0, std::move(zh), std::move(en));
  }

  // Reusability.
  Present(b, "mqa.reusability.access_rights", d.access_rights.has_value(), "存取權限", "The access rights");
  Present(b, "mqa.reusability.access_rights_vocabulary", d.access_rights.has_value(), "標準詞彙中的存取權限",
          "An access right from the EU vocabulary");
  Present(b, "mqa.reusability.license", !d.license_id.empty(), "授權條款", "The licence");
  const LicenseInfo* license = d.license_id.empty() ? nullptr : FindLicense(d.license_id);
  b.Add(Def("mqa.reusability.license_vocabulary"), license ? 1.0 : 0.0,
        license ? "授權「" + std::string(license->title_zh) + "」為已知標準授權"
                : (d.license_id.empty() ? std::string("未填寫授權") : "授權「" + d.license_id + "」不在標準清單中"),
        license ? "licence " + std::string(license->id) + " is a known licence"
                : (d.license_id.empty() ? std::string("no licence") : "licence \"" + d.license_id + "\" is not a known one"));
  Present(b, "mqa.reusability.contact_point",
          !d.contact.name.empty() || !d.contact.email.empty() || !d.contact.phone.empty(), "聯絡窗口",
          "A contact point");
  Present(b, "mqa.reusability.publisher", !d.organization_id.empty(), "發布機關", "The publisher");

  // Contextuality. A distribution's rights are its dataset's licence (Pintu keeps one per dataset).
  Share(b, "mqa.contextuality.rights",
        CountDistributions(in, [&](const Resource&, const ResourceEvidence*) { return !d.license_id.empty(); }),
        "註明授權", "state their rights");
  Share(b, "mqa.contextuality.byte_size",
        CountDistributions(in,
                           [](const Resource& r, const ResourceEvidence* e) {
                             return r.size_bytes.has_value() || (e && e->contents_readable && e->bytes > 0);
                           }),
        "有檔案大小", "state their size");
  Present(b, "mqa.contextuality.issued", !d.issued.empty(), "發布日期", "The issue date");
  Present(b, "mqa.contextuality.modified", !d.modified.empty(), "更新日期", "The modification date");

  double points = 0;
  for (size_t i = first; i < out.indicators.size(); ++i) points += out.indicators[i].points;
  out.totals.push_back({std::string(kFrameworkMqa), points, kMqaMaxPoints, std::string(MqaRating(points))});
}

}  // namespace pintu::quality
