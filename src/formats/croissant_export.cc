#include "formats/croissant_export.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "core/text.h"
#include "core/vocabulary.h"

namespace pintu::formats {
namespace json = boost::json;
namespace {

// The @context of upstream's datasets/1.1 files (e.g. datasets/1.1/image_test), with
// zh-TW as the default language and the prov: prefix for lineage.
json::object CroissantContext() {
  json::object c{
      {"@language", "zh-TW"},
      {"@vocab", "https://schema.org/"},
      {"citeAs", "cr:citeAs"},
      {"column", "cr:column"},
      {"conformsTo", "dct:conformsTo"},
      {"containedIn", "cr:containedIn"},
      {"cr", "http://mlcommons.org/croissant/"},
      {"rai", "http://mlcommons.org/croissant/RAI/"},
      {"prov", "http://www.w3.org/ns/prov#"},
      {"data", json::object{{"@id", "cr:data"}, {"@type", "@json"}}},
      {"dataType", json::object{{"@id", "cr:dataType"}, {"@type", "@vocab"}}},
      {"dct", "http://purl.org/dc/terms/"},
      {"examples", json::object{{"@id", "cr:examples"}, {"@type", "@json"}}},
      {"extract", "cr:extract"},
      {"field", "cr:field"},
      {"fileProperty", "cr:fileProperty"},
      {"fileObject", "cr:fileObject"},
      {"fileSet", "cr:fileSet"},
      {"format", "cr:format"},
      {"includes", "cr:includes"},
      {"isLiveDataset", "cr:isLiveDataset"},
      {"jsonPath", "cr:jsonPath"},
      {"key", "cr:key"},
      {"md5", "cr:md5"},
      {"parentField", "cr:parentField"},
      {"path", "cr:path"},
      {"recordSet", "cr:recordSet"},
      {"references", "cr:references"},
      {"regex", "cr:regex"},
      {"repeated", "cr:repeated"},
      {"replace", "cr:replace"},
      {"samplingRate", "cr:samplingRate"},
      {"sc", "https://schema.org/"},
      {"separator", "cr:separator"},
      {"source", "cr:source"},
      {"subField", "cr:subField"},
      {"transform", "cr:transform"},
  };
  return c;
}

json::value English(std::string text) { return json::object{{"@value", std::move(text)}, {"@language", "en"}}; }

// The zh-TW text (plain: the default language) or, when there is none, the English one.
json::value BestText(const LocalizedText& t) {
  if (t.Has(kLangZh)) return json::value(t.Get(kLangZh));
  if (t.Has(kLangEn)) return English(t.Get(kLangEn));
  std::string any = t.Best(kLangZh);
  return json::value(any);
}

// "2025-07-02" from "2025-07-02T08:00:00Z"; "" when it does not start with a date.
std::string DateOnly(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
  return std::string(iso.substr(0, 10));
}

const json::object* ObjectAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->get_object() : nullptr;
}

std::string StringAt(const json::object* o, std::string_view key) {
  if (!o) return {};
  const json::value* v = o->if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// The IANA media type of a format name of the file engine ("csv", "json", …).
std::string MediaTypeOfDetected(std::string_view f) {
  static const std::vector<std::pair<std::string_view, std::string_view>> table = {
      {"csv", "text/csv"},
      {"tsv", "text/tab-separated-values"},
      {"json", "application/json"},
      {"geojson", "application/geo+json"},
      {"xml", "application/xml"},
      {"html", "text/html"},
      {"text", "text/plain"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"odp", "application/vnd.oasis.opendocument.presentation"},
      {"xls", "application/vnd.ms-excel"},
      {"doc", "application/msword"},
      {"pdf", "application/pdf"},
      {"zip", "application/zip"},
      {"gzip", "application/gzip"},
      {"png", "image/png"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"tiff", "image/tiff"},
      {"webp", "image/webp"},
      {"bmp", "image/bmp"},
  };
  for (const auto& [name, type] : table)
    if (name == f) return std::string(type);
  return {};
}

// The declared media type, else the declared format's.
std::string DeclaredMediaType(const Resource& r) {
  if (!Trim(r.media_type).empty()) return std::string(Trim(r.media_type));
  std::string f = AsciiLower(Trim(r.format));
  if (std::string t = MediaTypeOfDetected(f); !t.empty()) return t;
  return f.empty() ? "application/octet-stream" : AsciiUpper(f);
}

bool IsHex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
}

// What the export knows about one resource's file.
struct ExportedFile {
  std::string id;             // @id of the FileObject
  std::string encoding_format;
  std::string sha256;
  std::string md5;
  std::optional<uint64_t> bytes;
  bool tabular = false;
  const json::object* report = nullptr;
};

ExportedFile FactsOf(const Resource& r, const json::object* report) {
  ExportedFile f;
  f.id = r.id;
  f.report = report;
  const json::object* format = report ? ObjectAt(*report, "format") : nullptr;
  const json::object* stats = report ? ObjectAt(*report, "stats") : nullptr;
  std::string detected = StringAt(format, "detected");
  std::string compression = StringAt(format, "compression");
  if (!compression.empty()) {
    // The report describes the unpacked member; the file itself is the archive.
    f.encoding_format = MediaTypeOfDetected(compression);
  } else if (std::string t = MediaTypeOfDetected(detected); !t.empty()) {
    f.encoding_format = t;
    f.tabular = detected == "csv" || detected == "tsv";
    // A character set other than UTF-8 is part of the media type (RFC 6838 "charset").
    std::string enc = AsciiLower(StringAt(report ? ObjectAt(*report, "encoding") : nullptr, "detected"));
    if (f.tabular && !enc.empty() && enc != "utf-8" && enc != "ascii" && enc != "us-ascii")
      f.encoding_format += "; charset=" + enc;
  } else {
    f.encoding_format = DeclaredMediaType(r);
    std::string declared = AsciiLower(Trim(r.format));
    f.tabular = !report && (declared == "csv" || declared == "tsv") && !r.fields.empty();
  }
  if (compression.empty()) {
    f.sha256 = AsciiLower(StringAt(stats, "sha256"));
    f.md5 = AsciiLower(StringAt(stats, "md5"));
    if (!IsHex(f.sha256)) f.sha256.clear();
    if (!IsHex(f.md5)) f.md5.clear();
    if (stats)
      if (const json::value* b = stats->if_contains("bytes"); b && (b->is_uint64() || b->is_int64()))
        f.bytes = b->to_number<uint64_t>();
  }
  if (f.sha256.empty()) {
    std::string_view declared = Trim(r.checksum);
    if (declared.size() > 7 && AsciiLower(declared.substr(0, 7)) == "sha256:" && IsHex(declared.substr(7)))
      f.sha256 = AsciiLower(declared.substr(7));
  }
  if (!f.bytes && r.size_bytes && *r.size_bytes >= 0) f.bytes = static_cast<uint64_t>(*r.size_bytes);
  return f;
}

// A Croissant @id segment for a column name: no whitespace (mlcroissant refuses it, even
// URL-escaped) and no "/" (the record-set separator).
std::string IdSegment(std::string_view name) {
  std::string out;
  for (unsigned char c : name) out += (c <= ' ' || c == '/' || c == 0x7F) ? '_' : static_cast<char>(c);
  return out.empty() ? "column" : out;
}

// One column: name and Table Schema type.
struct Column {
  std::string name;
  std::string type;
};

std::vector<Column> ColumnsOf(const Resource& r, const ExportedFile& f) {
  std::vector<Column> cols;
  const json::object* schema = f.report ? ObjectAt(*f.report, "schema") : nullptr;
  if (schema)
    if (const json::value* fields = schema->if_contains("fields"); fields && fields->is_array())
      for (const auto& fv : fields->get_array())
        if (fv.is_object()) cols.push_back({StringAt(&fv.get_object(), "name"), StringAt(&fv.get_object(), "type")});
  if (cols.empty())
    for (const auto& spec : r.fields) cols.push_back({spec.name, spec.type});
  return cols;
}

const FieldSpec* DeclaredField(const Resource& r, std::string_view name) {
  for (const auto& spec : r.fields)
    if (spec.name == name) return &spec;
  return nullptr;
}

// The first column the profile found to be a key candidate, or "".
std::string KeyColumn(const ExportedFile& f) {
  const json::object* profile = f.report ? ObjectAt(*f.report, "profile") : nullptr;
  if (!profile) return {};
  const json::value* fields = profile->if_contains("fields");
  if (!fields || !fields->is_array()) return {};
  for (const auto& fv : fields->get_array())
    if (fv.is_object())
      if (const json::value* k = fv.get_object().if_contains("keyCandidate"); k && k->is_bool() && k->get_bool())
        return StringAt(&fv.get_object(), "name");
  return {};
}

json::object RecordSetOf(const Resource& r, const ExportedFile& f) {
  std::string rs_id = r.id + "/records";
  json::array fields;
  std::set<std::string> used;
  std::map<std::string, std::string> id_of_column;
  for (const Column& c : ColumnsOf(r, f)) {
    std::string id = rs_id + "/" + IdSegment(c.name);
    for (int n = 2; used.contains(id); ++n) id = rs_id + "/" + IdSegment(c.name) + "-" + std::to_string(n);
    used.insert(id);
    id_of_column.emplace(c.name, id);
    const FieldSpec* spec = DeclaredField(r, c.name);
    std::string type = !c.type.empty() && c.type != "any" ? c.type : spec ? spec->type : "";
    json::object field{{"@type", "cr:Field"},
                       {"@id", id},
                       {"name", c.name},
                       {"dataType", CroissantDataType(type)},
                       {"source", json::object{{"fileObject", json::object{{"@id", f.id}}},
                                               {"extract", json::object{{"column", c.name}}}}}};
    if (spec && !spec->description.Empty()) field["description"] = BestText(spec->description);
    if (spec && !spec->unit.empty()) field["unitText"] = spec->unit;
    fields.emplace_back(std::move(field));
  }
  json::object rs{{"@type", "cr:RecordSet"}, {"@id", rs_id}};
  std::string name = r.name.Best(kLangZh);
  rs["name"] = name.empty() ? rs_id : name;
  if (!r.description.Empty()) rs["description"] = BestText(r.description);
  if (std::string key = KeyColumn(f); !key.empty() && id_of_column.contains(key))
    rs["key"] = json::object{{"@id", id_of_column[key]}};
  rs["field"] = std::move(fields);
  return rs;
}

json::object FileObjectOf(const Resource& r, const ExportedFile& f) {
  json::object o{{"@type", "cr:FileObject"}, {"@id", f.id}};
  std::string name = r.name.Best(kLangZh);
  o["name"] = name.empty() ? f.id : name;
  if (!r.description.Empty()) o["description"] = BestText(r.description);
  o["contentUrl"] = r.url;
  o["encodingFormat"] = f.encoding_format;
  if (f.bytes) o["contentSize"] = std::to_string(*f.bytes) + " B";
  if (!f.sha256.empty()) o["sha256"] = f.sha256;
  if (!f.md5.empty()) o["md5"] = f.md5;
  if (!r.last_modified.empty()) o["dateModified"] = r.last_modified;
  return o;
}

// A zh-TW text and its English, both kept (RAI properties take several values).
void AddBilingual(json::array& into, std::string zh, std::string en) {
  into.emplace_back(std::move(zh));
  into.push_back(English(std::move(en)));
}

// Personal data and limitations the Taiwan checks found in one resource's file.
void AddFindings(const Resource& r, const ExportedFile& f, json::array& personal, json::array& limitations) {
  if (!f.report) return;
  const json::value* warnings = f.report->if_contains("warnings");
  if (!warnings || !warnings->is_array()) return;
  std::string file = r.name.Best(kLangZh);
  if (file.empty()) file = r.id;
  for (const auto& wv : warnings->get_array()) {
    if (!wv.is_object()) continue;
    const json::object& w = wv.get_object();
    std::string type = StringAt(&w, "type"), column = StringAt(&w, "fieldName");
    std::string count;
    if (const json::value* c = w.if_contains("count"); c && c->is_number()) count = json::serialize(*c);
    std::string cells_zh = count.empty() ? "" : "（" + count + " 格）";
    std::string cells_en = count.empty() ? "" : " (" + count + " cells)";
    struct Kind {
      std::string_view type, zh, en;
      bool personal;
    };
    static constexpr Kind kKinds[] = {
        {"personal-data-national-id", "身分證統一編號或居留證號", "Taiwan national ID or resident certificate numbers", true},
        {"personal-data-phone", "行動電話號碼", "mobile phone numbers", true},
        {"personal-data-email", "電子郵件地址", "e-mail addresses", true},
        {"roc-date", "民國紀年日期（非西元）", "ROC (Minguo) calendar dates, not Gregorian", false},
        {"mixed-date-formats", "混用多種日期格式", "several date formats mixed", false},
        {"full-width-characters", "全形英數字元", "full-width letters or digits", false},
        {"cjk-compatibility-character", "CJK 部首或相容表意字元", "CJK radical or compatibility characters", false},
    };
    for (const Kind& k : kKinds) {
      if (k.type != type) continue;
      std::string zh = file + "／欄位「" + column + "」含" + std::string(k.zh) + cells_zh + "。";
      std::string en = file + " / column \"" + column + "\" contains " + std::string(k.en) + cells_en + ".";
      AddBilingual(k.personal ? personal : limitations, std::move(zh), std::move(en));
    }
  }
}

std::pair<std::string, std::string> TypeProtocol(DatasetType t) {
  switch (t) {
    case DatasetType::kRaw:
      return {"原始資料：逐筆紀錄，未經彙總。", "Raw data: individual records, not aggregated."};
    case DatasetType::kStatistical:
      return {"統計資料：由原始資料計算之統計值，計算方式見 rai:dataCollection。",
              "Statistical data: figures computed from raw data; see rai:dataCollection for the method."};
    case DatasetType::kAggregated:
      return {"彙總資料：由多個來源或機關彙整而成。", "Aggregated data: compiled from several sources or agencies."};
    case DatasetType::kRealTime:
      return {"即時資料：持續更新，內容隨時間改變。", "Real-time data: updated continuously; contents change over time."};
  }
  return {};
}

std::string BibtexSafe(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '{' && c != '}' && c != '\\' && c != '\n' && c != '\r') out += c;
  return out;
}

std::string CiteAs(const Dataset& d, const Organization& org, const std::string& url, const std::string& date) {
  std::string key = "pintu-" + d.slug;
  std::string out = "@misc{" + BibtexSafe(key) + ",\n  title = {" + BibtexSafe(d.title.Best(kLangZh)) +
                    "},\n  author = {" + BibtexSafe(org.title.Best(kLangZh)) + "},\n";
  if (date.size() >= 4) out += "  year = {" + date.substr(0, 4) + "},\n";
  if (!d.version.empty()) out += "  version = {" + BibtexSafe(d.version) + "},\n";
  out += "  howpublished = {\\url{" + BibtexSafe(url) + "}}\n}";
  return out;
}

}  // namespace

std::string CroissantDataType(std::string_view t) {
  if (t == "integer") return "sc:Integer";
  if (t == "number") return "sc:Float";
  if (t == "boolean") return "sc:Boolean";
  if (t == "date") return "sc:Date";
  if (t == "datetime") return "sc:DateTime";
  if (t == "time") return "sc:Time";
  return "sc:Text";
}

json::object ExportCroissant(const Dataset& d, const Organization& org, std::string_view site_url_view,
                             const std::map<std::string, json::object>& contents_reports) {
  std::string site_url(site_url_view);
  std::string url = site_url + "/dataset/" + PercentEncodeSegment(d.slug);
  json::object ld{{"@context", CroissantContext()},
                  {"@type", "sc:Dataset"},
                  {"conformsTo", "http://mlcommons.org/croissant/1.1"},
                  {"name", BestText(d.title)}};
  if (d.title.Has(kLangZh) && d.title.Has(kLangEn)) ld["alternateName"] = English(d.title.Get(kLangEn));
  if (!d.description.Empty()) ld["description"] = BestText(d.description);
  if (d.title.Has(kLangZh) && (d.title.Has(kLangEn) || d.description.Has(kLangEn))) {
    json::object en{{"@type", "sc:CreativeWork"}, {"inLanguage", "en"}};
    if (d.title.Has(kLangEn)) en["name"] = English(d.title.Get(kLangEn));
    if (d.description.Has(kLangEn)) en["description"] = English(d.description.Get(kLangEn));
    ld["workTranslation"] = std::move(en);
  }
  if (const LicenseInfo* l = FindLicense(d.license_id); l && !l->url.empty()) ld["license"] = std::string(l->url);
  else if (!d.license_id.empty()) ld["license"] = d.license_id;
  ld["url"] = url;
  json::object agency{{"@type", "sc:Organization"},
                      {"name", BestText(org.title)},
                      {"url", site_url + "/organization/" + PercentEncodeSegment(org.slug)}};
  if (org.title.Has(kLangZh) && org.title.Has(kLangEn)) agency["alternateName"] = English(org.title.Get(kLangEn));
  if (!org.gov_oid.empty()) agency["identifier"] = "urn:oid:" + org.gov_oid;
  ld["creator"] = agency;
  ld["publisher"] = agency;
  std::string published = !d.issued.empty() ? d.issued : DateOnly(d.metadata_created);
  if (!published.empty()) ld["datePublished"] = published;
  std::string modified = !d.modified.empty() ? d.modified : DateOnly(d.metadata_modified);
  if (!modified.empty()) ld["dateModified"] = modified;
  if (!d.keywords.empty()) ld["keywords"] = json::value_from(d.keywords);
  if (!d.version.empty()) ld["version"] = d.version;
  ld["citeAs"] = CiteAs(d, org, url, published);
  if (!d.languages.empty()) ld["inLanguage"] = json::value_from(d.languages);
  if (!d.temporal_start.empty() || !d.temporal_end.empty())
    ld["temporalCoverage"] = (d.temporal_start.empty() ? ".." : d.temporal_start) + "/" +
                             (d.temporal_end.empty() ? ".." : d.temporal_end);
  if (!d.spatial.empty() && d.spatial.front() != '{')
    ld["spatialCoverage"] = json::object{{"@type", "sc:Place"}, {"name", d.spatial}};
  bool live = d.type == DatasetType::kRealTime;
  if (live) ld["isLiveDataset"] = true;

  // RAI: how the data came to be and what to watch out for.
  json::array collection, preprocessing, personal, limitations, derived;
  if (!d.methodology.description.empty()) collection.emplace_back(d.methodology.description);
  if (!d.methodology.formula.empty()) AddBilingual(collection, "計算公式：" + d.methodology.formula, "Formula: " + d.methodology.formula);
  for (const auto& src : d.methodology.source_datasets) {
    std::string_view s = Trim(src);
    if (s.empty()) continue;
    std::string target = s.starts_with("http://") || s.starts_with("https://")
                             ? std::string(s)
                             : site_url + "/dataset/" + PercentEncodeSegment(s);
    derived.push_back(json::object{{"@id", target}});
  }
  auto [type_zh, type_en] = TypeProtocol(d.type);
  AddBilingual(preprocessing, type_zh, type_en);

  json::array distribution, record_sets;
  for (const Resource& r : d.resources) {
    if (r.state != State::kActive || Trim(r.url).empty() || r.id.empty()) continue;
    auto it = contents_reports.find(r.id);
    ExportedFile f = FactsOf(r, it == contents_reports.end() ? nullptr : &it->second);
    if (f.sha256.empty() && f.md5.empty() && !live) continue;  // see the header: no checksum, no FileObject
    distribution.emplace_back(FileObjectOf(r, f));
    if (f.tabular) {
      json::object rs = RecordSetOf(r, f);
      if (!rs["field"].as_array().empty()) record_sets.emplace_back(std::move(rs));
    }
    AddFindings(r, f, personal, limitations);
  }
  ld["distribution"] = std::move(distribution);
  if (!record_sets.empty()) ld["recordSet"] = std::move(record_sets);
  if (!collection.empty()) ld["rai:dataCollection"] = std::move(collection);
  if (!derived.empty()) ld["prov:wasDerivedFrom"] = std::move(derived);
  ld["rai:dataPreprocessingProtocol"] = std::move(preprocessing);
  if (!personal.empty()) ld["rai:personalSensitiveInformation"] = std::move(personal);
  if (!limitations.empty()) ld["rai:dataLimitations"] = std::move(limitations);
  return ld;
}

}  // namespace pintu::formats
