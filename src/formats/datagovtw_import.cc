#include "formats/datagovtw_import.h"

#include <map>

#include "core/model_json.h"
#include "core/text.h"
#include "core/time.h"
#include "formats/csv_reader.h"
#include "formats/json_util.h"
#include "formats/normalize.h"
#include "formats/record_sink.h"

namespace json = boost::json;

namespace pintu::formats {
namespace {

// A value and the column/key it came from (for messages and extras).
struct Cell {
  std::string value;
  std::string field;
  bool empty() const { return Trim(value).empty(); }
};

struct DgtwResource {
  std::string url, format, encoding, name, last_modified, schema;
  std::vector<std::pair<std::string, std::string>> extras;  // key → value
};

// One data.gov.tw dataset, whatever file it came from.
struct DgtwFields {
  std::string slug;  // overrides SlugFor() when set
  Cell node, title, description, agency, contact, contact_name, contact_phone, frequency,
      licence, charge, issued, modified, data_type, service_type, views, downloads;
  std::vector<std::string> keywords, related_urls;
  std::vector<DgtwResource> resources;
  std::vector<std::pair<std::string, std::string>> extras;
};

bool ValidNode(std::string_view s) {
  if (s.empty() || s.size() > 60) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_'))
      return false;
  return true;
}

std::string SlugFor(const DgtwFields& f) {
  if (!f.slug.empty()) return f.slug;
  std::string node(Trim(f.node.value));
  if (!node.empty()) return "dgtw-" + AsciiLower(node);
  return DatagovtwListingSlug(f.agency.value, f.title.value);
}

json::array ToArray(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

// Fields from a resource SCHEMA text, when it splits cleanly on 、 into short names.
json::array FieldsFromSchema(std::string_view schema) {
  json::array out;
  std::vector<std::string> names;
  size_t start = 0;
  std::string_view sep = "、";
  while (true) {
    size_t pos = schema.find(sep, start);
    std::string piece = CleanTitle(schema.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (piece.empty() || CountCodePoints(piece) > 60) return {};
    names.push_back(std::move(piece));
    if (pos == std::string_view::npos) break;
    start = pos + sep.size();
  }
  if (names.size() < 2) return {};
  for (auto& n : names) out.emplace_back(json::object{{"name", n}});
  return out;
}

// Builds the canonical dict for one dataset and hands it to the sink.
void BuildDataset(DgtwFields& f, const std::string& source, RecordSink& sink) {
  std::string title = CleanTitle(f.title.value);
  if (title.empty()) {
    sink.Skip(source, "missing title (field " + f.title.field + ")");
    return;
  }
  json::object doc;
  std::vector<std::pair<std::string, std::string>> extras = f.extras;
  auto keep = [&](const Cell& c, std::string why) {
    extras.emplace_back(c.field, CleanText(c.value));
    sink.Warn(source, "field " + c.field + " kept as an extra: " + why);
  };

  std::string node(Trim(f.node.value));
  if (!node.empty()) {
    if (!ValidNode(node)) {
      sink.Skip(source, "invalid dataset id in field " + f.node.field + ": " + Quote(node));
      return;
    }
    doc["url"] = "https://data.gov.tw/dataset/" + node;
    doc["source_url"] = "https://data.gov.tw/dataset/" + node;
  }
  doc["name"] = SlugFor(f);
  doc["title"] = title;
  doc["title_translated"] = json::object{{"zh-TW", title}};
  if (!f.description.empty()) {
    std::string notes = CleanText(f.description.value);
    doc["notes"] = notes;
    doc["notes_translated"] = json::object{{"zh-TW", notes}};
  }
  for (Cell* c : {&f.issued, &f.modified}) {
    if (c->empty()) continue;
    auto d = NormalizeDate(c->value);
    if (!d) {
      sink.Skip(source, "invalid date in field " + c->field + ": " + Quote(c->value));
      return;
    }
    doc[c == &f.issued ? "issued" : "modified"] = *d;
  }
  for (Cell* c : {&f.views, &f.downloads}) {
    if (c->empty()) continue;
    // Popularity counts are informative only: a bad one is kept, not fatal.
    if (auto n = ParseCount(c->value)) doc[c == &f.views ? "views" : "downloads"] = *n;
    else keep(*c, "not a number: " + Quote(c->value));
  }
  Contact contact;
  if (!f.contact.empty()) contact = ParseAgencyContact(f.contact.value);
  if (!f.contact_name.empty()) contact.name = CleanTitle(f.contact_name.value);
  if (!f.contact_phone.empty()) contact.phone = CleanTitle(f.contact_phone.value);
  if (!contact.name.empty()) doc["maintainer"] = contact.name;
  if (!contact.phone.empty()) {
    if (CountCodePoints(contact.phone) <= 100) doc["maintainer_phone"] = contact.phone;
    else keep(f.contact_phone.empty() ? f.contact : f.contact_phone, "phone longer than 100 characters");
  }
  if (!f.frequency.empty()) {
    if (auto code = ParseFrequency(f.frequency.value)) doc["frequency"] = *code;
    else keep(f.frequency, "unknown update frequency " + Quote(f.frequency.value));
  }
  if (!f.licence.empty()) {
    std::string id = NormalizeLicense(f.licence.value);
    if (CountCodePoints(id) <= 100) doc["license_id"] = id;
    else keep(f.licence, "licence text longer than 100 characters");
  }
  if (!f.charge.empty()) {
    if (auto cost = ParseCostType(f.charge.value)) doc["cost"] = json::object{{"type", ToCode(*cost)}};
    else keep(f.charge, "unknown fee " + Quote(f.charge.value));
  }
  if (!f.data_type.empty()) {
    if (auto t = ParseDatasetType(f.data_type.value)) doc["dataset_type"] = std::string(ToCode(*t));
    else keep(f.data_type, "unknown dataset type " + Quote(f.data_type.value));
  }
  if (!f.service_type.empty()) {
    json::array themes;
    bool all_known = true;
    for (const auto& s : SplitKeywords(f.service_type.value)) {
      if (const ThemeInfo* t = FindTheme(s)) themes.emplace_back(std::string(t->code));
      else all_known = false;
    }
    if (!themes.empty()) doc["themes"] = std::move(themes);
    if (!all_known) keep(f.service_type, "unknown service category " + Quote(f.service_type.value));
  }
  std::vector<std::string> tags;
  for (const auto& k : f.keywords) {
    std::string t = CleanTitle(k);
    if (t.empty()) continue;
    if (CountCodePoints(t) > 100) {
      sink.Warn(source, "keyword " + Quote(t) + " dropped: longer than 100 characters");
      continue;
    }
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(std::move(t));
  }
  if (!tags.empty()) doc["tags"] = ToArray(tags);
  if (!f.related_urls.empty()) doc["related_urls"] = ToArray(f.related_urls);

  json::array resources;
  for (size_t i = 0; i < f.resources.size(); ++i) {
    DgtwResource& r = f.resources[i];
    json::object o;
    o["url"] = CleanTitle(r.url);
    if (!r.format.empty()) o["format"] = CleanTitle(r.format);
    if (!Trim(r.encoding).empty()) {
      std::string enc = NormalizeEncoding(r.encoding);
      if (!enc.empty() && CountCodePoints(enc) <= 64) o["encoding"] = enc;
      else extras.emplace_back("resources." + std::to_string(i) + ".encoding", CleanText(r.encoding));
    }
    if (!r.name.empty()) o["name"] = CleanTitle(r.name);
    if (!Trim(r.last_modified).empty()) {
      if (auto d = NormalizeDate(r.last_modified)) o["last_modified"] = *d;
      else extras.emplace_back("resources." + std::to_string(i) + ".last_modified", CleanText(r.last_modified));
    }
    if (!Trim(r.schema).empty()) {
      json::array fields = FieldsFromSchema(r.schema);
      if (!fields.empty()) o["fields"] = std::move(fields);
      else extras.emplace_back("resources." + std::to_string(i) + ".SCHEMA", CleanText(r.schema));
    }
    for (auto& [k, v] : r.extras) extras.emplace_back("resources." + std::to_string(i) + "." + k, v);
    resources.emplace_back(std::move(o));
  }
  if (!resources.empty()) doc["resources"] = std::move(resources);

  json::array ex;
  for (auto& [k, v] : extras)
    if (!Trim(v).empty()) ex.emplace_back(json::object{{"key", k}, {"value", v}});
  if (!ex.empty()) doc["extras"] = std::move(ex);

  std::optional<OrganizationRef> org;
  std::string agency = CleanTitle(f.agency.value);
  if (!agency.empty()) {
    OrganizationRef ref;
    ref.slug = OrgSlugForName(agency);
    ref.title = LocalizedText::Zh(agency);
    if (auto level = GuessOrgLevel(agency)) {
      ref.level = *level;
      ref.level_known = true;
    }
    org = std::move(ref);
  }
  sink.AddDataset(std::move(doc), std::move(org), source);
}

// ---------------------------------------------------------------- JSON scrape

void ImportScrapeObject(const json::object& o, const std::string& source, RecordSink& sink) {
  DgtwFields f;
  auto cell = [&](std::string_view key) {
    const json::value* v = Member(o, key);
    std::string s = v ? AsText(*v).value_or(AsExtraValue(*v)) : std::string();
    return Cell{std::move(s), std::string(key)};
  };
  f.node = cell("NODE");
  f.title = cell("TITLE");
  f.description = cell("DESC");
  f.agency = cell("AGENCY");
  f.contact = cell("AGENCY_CONTACT");
  f.frequency = cell("UPDATE_FREQ");
  f.licence = cell("LICENCE");
  f.charge = cell("CHARGE");
  f.issued = cell("DATE_PUBLISH");
  f.modified = cell("DATE_UPDATE_META");
  f.data_type = cell("DATA_TYPE");
  f.service_type = cell("SERVICE_TYPE");
  f.views = cell("VIEWS");
  f.downloads = cell("DOWNLOAD");
  if (const json::value* k = Member(o, "KEYWORDS")) {
    if (k->is_string()) f.keywords = SplitKeywords(k->get_string());
    else f.keywords = AsStringList(*k);
  }
  if (const json::value* u = Member(o, "相關網址")) {
    if (u->is_string()) {
      for (auto& piece : SplitList(u->get_string()))
        for (auto& url : Split(piece, ' '))
          if (!Trim(url).empty()) f.related_urls.emplace_back(Trim(url));
    } else {
      f.related_urls = AsStringList(*u);
    }
  }
  static constexpr std::string_view kModelled[] = {
      "NODE", "TITLE", "DESC", "AGENCY", "AGENCY_CONTACT", "UPDATE_FREQ", "LICENCE", "CHARGE",
      "DATE_PUBLISH", "DATE_UPDATE_META", "DATA_TYPE", "SERVICE_TYPE", "VIEWS", "DOWNLOAD",
      "KEYWORDS", "相關網址", "RESOURCE", "Stats"};
  for (const auto& kv : o) {
    if (std::find(std::begin(kModelled), std::end(kModelled), kv.key()) != std::end(kModelled)) continue;
    if (IsBlank(kv.value())) continue;
    f.extras.emplace_back(std::string(kv.key()), CleanText(AsExtraValue(kv.value())));
  }
  if (const json::value* rs = Member(o, "RESOURCE")) {
    if (!rs->is_array()) {
      sink.Skip(source, "field RESOURCE must be a list of resources");
      return;
    }
    for (const auto& rv : rs->get_array()) {
      if (!rv.is_object()) {
        sink.Skip(source, "field RESOURCE must contain objects");
        return;
      }
      const auto& r = rv.get_object();
      DgtwResource res;
      res.url = TextOf(r, "RES_URL");
      res.format = TextOf(r, "RES_FILETYPE");
      res.encoding = TextOf(r, "RES_ENCODE");
      res.name = TextOf(r, "RES_DESC");
      res.last_modified = TextOf(r, "RES_DATE_UPDATE_META");
      res.schema = TextOf(r, "SCHEMA");
      for (const auto& kv : r) {
        std::string_view k = kv.key();
        if (k == "RES_URL" || k == "RES_FILETYPE" || k == "RES_ENCODE" || k == "RES_DESC" ||
            k == "RES_DATE_UPDATE_META" || k == "SCHEMA" || IsBlank(kv.value()))
          continue;
        res.extras.emplace_back(std::string(k), CleanText(AsExtraValue(kv.value())));
      }
      f.resources.push_back(std::move(res));
    }
  }
  BuildDataset(f, source, sink);
}

// ---------------------------------------------------------------- CSV

enum class Role {
  kExtra, kNode, kTitle, kDescription, kAgency, kLevel1, kUnit, kContactName, kContactPhone,
  kFrequency, kLicence, kCharge, kIssued, kModified, kDataType, kFormats, kEncodings, kUrls,
  kServiceType, kKeywords, kViews, kDownloads, kRelatedUrls,
};

Role RoleOf(std::string_view h, bool* known_extra) {
  static const std::map<std::string_view, Role> kRoles = {
      {"資料集識別碼", Role::kNode},       {"資料集名稱", Role::kTitle},
      {"資料集描述", Role::kDescription},  {"提供機關", Role::kAgency},
      {"提供機關名稱", Role::kAgency},     {"第一層級", Role::kLevel1},
      {"資料來源(部會單位)", Role::kUnit}, {"提供機關聯絡人姓名", Role::kContactName},
      {"提供機關聯絡人", Role::kContactName}, {"提供機關聯絡人電話", Role::kContactPhone},
      {"更新頻率", Role::kFrequency},      {"授權方式", Role::kLicence},
      {"計費方式", Role::kCharge},         {"上架日期", Role::kIssued},
      {"上架日", Role::kIssued},           {"詮釋資料更新時間", Role::kModified},
      {"最後更新時間", Role::kModified},   {"資料集類型", Role::kDataType},
      {"檔案格式", Role::kFormats},        {"編碼格式", Role::kEncodings},
      {"資料下載網址", Role::kUrls},       {"服務分類", Role::kServiceType},
      {"關鍵字", Role::kKeywords},         {"瀏覽人次", Role::kViews},
      {"瀏覽次數", Role::kViews},          {"下載次數", Role::kDownloads},
      {"相關網址", Role::kRelatedUrls},
  };
  static constexpr std::string_view kKnownExtras[] = {
      "資料集評分", "編號", "第二層級", "第三層級", "資料量", "主要欄位", "主要欄位說明",
      "品質檢測", "備註", "提供機關聯絡人電子郵件", "收費標準", "收費法源依據", "資料集涵蓋期間",
      "資料集空間範圍", "資料集負責人", "主題分類", "意見數"};
  auto it = kRoles.find(h);
  if (it != kRoles.end()) return it->second;
  *known_extra = std::find(std::begin(kKnownExtras), std::end(kKnownExtras), h) != std::end(kKnownExtras);
  return Role::kExtra;
}

}  // namespace

bool LooksLikeDatagovtwJson(const json::object& obj) {
  return obj.contains("TITLE") && (obj.contains("NODE") || obj.contains("RESOURCE"));
}

void ImportDatagovtwJson(const json::value& v, const std::string& source, RecordSink& sink) {
  if (v.is_array()) {
    const auto& arr = v.get_array();
    for (size_t i = 0; i < arr.size(); ++i)
      ImportDatagovtwJson(arr[i], source + ":item " + std::to_string(i + 1), sink);
    return;
  }
  if (!v.is_object() || !LooksLikeDatagovtwJson(v.get_object())) {
    sink.Skip(source, "not a data.gov.tw metadata object: expected keys TITLE and NODE");
    return;
  }
  ImportScrapeObject(v.get_object(), source, sink);
}

Result<void> ImportDatagovtwCsv(std::string_view bytes, const std::string& filename, RecordSink& sink) {
  CsvOptions opts;
  opts.max_records = sink.limits().max_rows == static_cast<size_t>(-1) ? opts.max_records
                                                                        : sink.limits().max_rows + 1;
  auto parsed = ParseCsv(bytes, opts);
  if (!parsed) return std::unexpected(parsed.error());
  auto& records = *parsed;
  if (records.empty()) return std::unexpected(Error::BadRequest(filename + ": the CSV file has no header row"));

  const CsvRecord& header_rec = records.front();
  std::string header_line;
  for (const auto& h : header_rec.fields) header_line += h;
  if (size_t bad = FirstInvalidUtf8(header_line); bad != std::string::npos) {
    return std::unexpected(Error::BadRequest(
        filename + ": the header row is not UTF-8 text. The file may be in Big5 (common for "
        "Taiwanese government files); convert it first with `pintu convert` or "
        "`iconv -f BIG5 -t UTF-8`"));
  }
  std::vector<std::string> header;
  std::vector<Role> roles;
  int title_col = -1, level1_col = -1, unit_col = -1;
  for (size_t i = 0; i < header_rec.fields.size(); ++i) {
    std::string h(Trim(header_rec.fields[i]));
    bool known_extra = false;
    Role role = RoleOf(h, &known_extra);
    if (std::find(header.begin(), header.end(), h) != header.end()) role = Role::kExtra;
    if (role == Role::kTitle) title_col = static_cast<int>(i);
    if (role == Role::kLevel1) level1_col = static_cast<int>(i);
    if (role == Role::kUnit) unit_col = static_cast<int>(i);
    if (role == Role::kExtra && !known_extra && !h.empty())
      sink.Warn(filename, "column " + Quote(h) + " is not a data.gov.tw column Pintu models; its values are kept as extras");
    header.push_back(h);
    roles.push_back(role);
  }
  if (title_col < 0) {
    std::string found;
    for (size_t i = 0; i < header.size() && i < 12; ++i) found += (i ? ", " : "") + Quote(header[i]);
    return std::unexpected(Error::BadRequest(
        filename + ": not a data.gov.tw CSV: there is no 資料集名稱 (dataset title) column. "
        "Columns found: " + found + ". Expected the data.gov.tw listing (提供機關名稱,資料集名稱,…), "
        "its full metadata export (資料集識別碼,資料集名稱,資料集描述,…) or a city portal list "
        "(編號,資料集名稱,資料來源(部會單位),第一層級,…)"));
  }

  size_t invalid_rows = 0;
  std::map<std::string, size_t> first_line;  // slug → line
  std::map<std::string, size_t> first_raw;   // title + agency as written → line
  const size_t rows = records.size() - 1;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    std::string source = filename + ":line " + std::to_string(rec.line);
    size_t bad = std::string::npos;
    size_t offset = rec.offset;
    for (const auto& cell : rec.fields) {
      if (size_t b = FirstInvalidUtf8(cell); b != std::string::npos) {
        bad = offset + b;
        break;
      }
      offset += cell.size() + 1;
    }
    if (bad != std::string::npos) {
      ++invalid_rows;
      sink.Skip(source, "invalid UTF-8 near byte " + std::to_string(bad) + " of the file");
      continue;
    }
    if (rec.fields.size() != header.size()) {
      sink.Skip(source, "the row has " + std::to_string(rec.fields.size()) + " fields but the header has " +
                            std::to_string(header.size()));
      continue;
    }
    DgtwFields f;
    std::string level1, unit;
    bool others_empty = true;
    for (size_t i = 0; i < header.size(); ++i) {
      const std::string& v = rec.fields[i];
      Cell c{std::string(Trim(v)), header[i]};
      if (static_cast<int>(i) != title_col && header[i] != "編號" && !c.empty()) others_empty = false;
      switch (roles[i]) {
        case Role::kNode: f.node = c; break;
        case Role::kTitle: f.title = c; break;
        case Role::kDescription: f.description = c; break;
        case Role::kAgency: f.agency = c; break;
        case Role::kLevel1: level1 = c.value; break;
        case Role::kUnit:
          unit = c.value;
          if (!c.empty()) f.extras.emplace_back(header[i], CleanText(c.value));
          break;
        case Role::kContactName: f.contact_name = c; break;
        case Role::kContactPhone: f.contact_phone = c; break;
        case Role::kFrequency: f.frequency = c; break;
        case Role::kLicence: f.licence = c; break;
        case Role::kCharge: f.charge = c; break;
        case Role::kIssued: f.issued = c; break;
        case Role::kModified: f.modified = c; break;
        case Role::kDataType: f.data_type = c; break;
        case Role::kServiceType: f.service_type = c; break;
        case Role::kViews: f.views = c; break;
        case Role::kDownloads: f.downloads = c; break;
        case Role::kKeywords: f.keywords = SplitKeywords(c.value); break;
        case Role::kRelatedUrls: f.related_urls = SplitList(c.value); break;
        case Role::kFormats:
        case Role::kEncodings:
        case Role::kUrls: {
          auto parts = SplitList(c.value);
          if (f.resources.size() < parts.size()) f.resources.resize(parts.size());
          for (size_t k = 0; k < parts.size(); ++k) {
            auto& res = f.resources[k];
            (roles[i] == Role::kFormats ? res.format : roles[i] == Role::kEncodings ? res.encoding : res.url) = parts[k];
          }
          break;
        }
        case Role::kExtra:
          if (!c.empty()) f.extras.emplace_back(header[i], CleanText(c.value));
          break;
      }
    }
    // City lists: the first level names the government; the unit is a fallback.
    if (level1_col >= 0 || unit_col >= 0) {
      if (f.agency.empty()) f.agency = Cell{!Trim(level1).empty() ? level1 : unit,
                                            !Trim(level1).empty() ? "第一層級" : "資料來源(部會單位)"};
    }
    if (AsciiLower(Trim(f.title.value)) == "error" && others_empty) {
      sink.Skip(source, "placeholder row: the title is \"error\" and every other field is empty (a crawler error, not a dataset)");
      continue;
    }
    if (!f.title.empty()) {
      // Duplicates are rows with the same id, or without ids the same agency and title
      // exactly as written. Titles that differ only in spacing are distinct datasets on
      // data.gov.tw; the later ones get slugs numbered by order of appearance.
      std::string raw_key = f.node.empty() ? rec.fields[title_col] + "\x1f" + f.agency.value : "";
      std::string slug = SlugFor(f);
      if (!raw_key.empty()) {
        auto [raw_it, raw_new] = first_raw.try_emplace(raw_key, rec.line);
        if (!raw_new) {
          sink.Skip(source, "duplicate of line " + std::to_string(raw_it->second) + " (same agency " +
                                Quote(CleanTitle(f.agency.value)) + " and title " +
                                Quote(CleanTitle(f.title.value)) + ")");
          continue;
        }
      }
      auto [it, inserted] = first_line.try_emplace(slug, rec.line);
      if (!inserted && f.node.empty()) {
        // The k-th spelling variant: "dgtw-" + 12 hex of SHA-256(agency \x1f title \x1f k), k ≥ 2.
        for (int k = 2; f.slug.empty() || first_line.contains(f.slug); ++k)
          f.slug = "dgtw-" + StableHex(CleanTitle(f.agency.value) + "\x1f" + CleanTitle(f.title.value) +
                                           "\x1f" + std::to_string(k), 12);
        sink.Warn(source, "title differs from line " + std::to_string(it->second) +
                              " only in spacing; imported as a separate dataset " + f.slug);
        first_line.try_emplace(f.slug, rec.line);
      } else if (!inserted) {
        sink.Skip(source, "duplicate of line " + std::to_string(it->second) + " (same " + f.node.field +
                              " " + Quote(f.node.value) + ")");
        continue;
      }
    }
    BuildDataset(f, source, sink);
  }
  if (invalid_rows > 0 && invalid_rows * 2 > rows) {
    return std::unexpected(Error::BadRequest(
        filename + ": " + std::to_string(invalid_rows) + " of " + std::to_string(rows) +
        " rows are not valid UTF-8. The file may be in Big5 (common for Taiwanese government "
        "files); convert it first with `pintu convert` or `iconv -f BIG5 -t UTF-8`"));
  }
  return Ok();
}

}  // namespace pintu::formats
