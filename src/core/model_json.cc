#include "core/model_json.h"

#include <set>

#include "core/text.h"
#include "core/time.h"

namespace json = boost::json;

namespace pintu {

bool IsComputedExtraKey(std::string_view key) { return key.starts_with(kComputedExtraPrefix); }
namespace {

// Reads typed fields out of a JSON object and collects every problem.
class Reader {
 public:
  Reader(const json::object& obj, const JsonLimits& limits, std::string prefix,
         std::vector<FieldError>& errors)
      : obj_(obj), limits_(limits), prefix_(std::move(prefix)), errors_(errors) {}

  std::string Path(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }
  void Fail(std::string_view key, std::string msg, std::string msg_zh) {
    errors_.push_back({Path(key), std::move(msg), std::move(msg_zh)});
  }
  const json::value* Find(std::string_view key) const {
    auto it = obj_.find(key);
    if (it == obj_.end() || it->value().is_null()) return nullptr;
    return &it->value();
  }
  bool Has(std::string_view key) const { return Find(key) != nullptr; }

  // A string field; numbers are accepted and converted (CKAN clients send them).
  std::string Str(std::string_view key, size_t max_len) {
    const json::value* v = Find(key);
    if (!v) return {};
    return CheckString(key, *v, max_len);
  }

  std::string CheckString(std::string_view key, const json::value& v, size_t max_len) {
    std::string s;
    if (v.is_string()) {
      s = std::string(v.get_string());
    } else if (v.is_int64() || v.is_uint64() || v.is_double()) {
      s = json::serialize(v);
    } else if (v.is_bool()) {
      s = v.get_bool() ? "true" : "false";
    } else {
      Fail(key, "Must be a string", "必須是文字");
      return {};
    }
    if (!IsValidUtf8(s)) {
      Fail(key, "Is not valid UTF-8 text", "不是有效的 UTF-8 文字");
      return {};
    }
    if (CountCodePoints(s) > max_len) {
      Fail(key, "Must be at most " + std::to_string(max_len) + " characters long",
           "長度不可超過 " + std::to_string(max_len) + " 個字");
      return {};
    }
    return s;
  }

  bool Bool(std::string_view key, bool fallback) {
    const json::value* v = Find(key);
    if (!v) return fallback;
    if (v->is_bool()) return v->get_bool();
    if (v->is_string()) {
      std::string s = AsciiLower(Trim(v->get_string()));
      if (s == "true" || s == "1" || s == "yes" || s == "on") return true;
      if (s == "false" || s == "0" || s == "no" || s == "off" || s.empty()) return false;
    }
    if (v->is_int64()) return v->get_int64() != 0;
    Fail(key, "Must be true or false", "必須是 true 或 false");
    return fallback;
  }

  std::optional<int64_t> Int(std::string_view key) {
    const json::value* v = Find(key);
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX))
      return static_cast<int64_t>(v->get_uint64());
    if (v->is_double() && v->get_double() >= 0 && v->get_double() < 9e18)
      return static_cast<int64_t>(v->get_double());
    if (v->is_string()) {
      std::string_view s = Trim(v->get_string());
      if (s.empty()) return std::nullopt;
      int64_t out = 0;
      bool ok = s.size() <= 18;
      for (char c : s) {
        if (c == ',') continue;  // "7,472"
        if (c < '0' || c > '9') { ok = false; break; }
        out = out * 10 + (c - '0');
      }
      if (ok) return out;
    }
    Fail(key, "Must be a whole number", "必須是整數");
    return std::nullopt;
  }

  // A list of strings; also accepts a single string (split on commas) and, with
  // `name_key`, a list of objects whose `name_key` member is the string.
  std::vector<std::string> StrList(std::string_view key, size_t max_len,
                                   std::string_view name_key = {}) {
    std::vector<std::string> out;
    const json::value* v = Find(key);
    if (!v) return out;
    if (v->is_string()) {
      for (auto piece : Split(v->get_string(), ',')) {
        auto t = Trim(piece);
        if (!t.empty()) out.emplace_back(t);
      }
      return CheckStrings(key, std::move(out), max_len);
    }
    if (!v->is_array()) {
      Fail(key, "Must be a list", "必須是清單");
      return out;
    }
    const auto& arr = v->get_array();
    if (arr.size() > limits_.max_list) {
      Fail(key, "Must have at most " + std::to_string(limits_.max_list) + " items",
           "項目不可超過 " + std::to_string(limits_.max_list) + " 個");
      return out;
    }
    for (size_t i = 0; i < arr.size(); ++i) {
      const json::value& item = arr[i];
      std::string item_key = std::string(key) + "." + std::to_string(i);
      if (item.is_string()) {
        out.emplace_back(item.get_string());
      } else if (!name_key.empty() && item.is_object()) {
        const auto& o = item.get_object();
        auto it = o.find(name_key);
        if (it != o.end() && it->value().is_string()) out.emplace_back(it->value().get_string());
        else Fail(item_key, "Needs a \"" + std::string(name_key) + "\"", "缺少 " + std::string(name_key));
      } else {
        Fail(item_key, "Must be a string", "必須是文字");
      }
    }
    return CheckStrings(key, std::move(out), max_len);
  }

  std::vector<std::string> CheckStrings(std::string_view key, std::vector<std::string> items,
                                        size_t max_len) {
    std::vector<std::string> out;
    for (size_t i = 0; i < items.size(); ++i) {
      std::string item_key = std::string(key) + "." + std::to_string(i);
      if (!IsValidUtf8(items[i])) {
        Fail(item_key, "Is not valid UTF-8 text", "不是有效的 UTF-8 文字");
      } else if (CountCodePoints(items[i]) > max_len) {
        Fail(item_key, "Must be at most " + std::to_string(max_len) + " characters long",
             "長度不可超過 " + std::to_string(max_len) + " 個字");
      } else if (std::find(out.begin(), out.end(), items[i]) == out.end()) {
        out.push_back(std::move(items[i]));
      }
    }
    return out;
  }

  // A bilingual text from `key` (plain string) and `key_translated` ({lang: text}).
  LocalizedText Localized(std::string_view key, size_t max_len) {
    LocalizedText t;
    std::string translated_key = std::string(key) + "_translated";
    if (const json::value* v = Find(translated_key)) {
      if (!v->is_object()) {
        Fail(translated_key, "Must be an object of language: text", "必須是「語言: 文字」的物件");
      } else {
        for (const auto& kv : v->get_object()) {
          std::string lang_key = translated_key + "." + std::string(kv.key());
          if (kv.value().is_null()) continue;
          Reader sub(v->get_object(), limits_, Path(translated_key), errors_);
          std::string s = sub.CheckString(kv.key(), kv.value(), max_len);
          if (!kv.key().empty()) t.Set(kv.key(), std::move(s));
        }
      }
    }
    if (const json::value* v = Find(key)) {
      if (v->is_object()) {
        // Some exports put the language map directly in the plain key.
        for (const auto& kv : v->get_object()) {
          if (kv.value().is_null()) continue;
          Reader sub(v->get_object(), limits_, Path(key), errors_);
          std::string s = sub.CheckString(kv.key(), kv.value(), max_len);
          if (!t.Has(NormalizeLangTag(kv.key()))) t.Set(kv.key(), std::move(s));
        }
      } else {
        std::string s = CheckString(key, *v, max_len);
        if (!s.empty()) {
          std::string_view lang = ContainsCjk(s) ? kLangZh : kLangEn;
          // Only fill the plain text in when no translation already covers it.
          bool covered = false;
          for (const auto& [k, val] : t.Values())
            if (val == s) covered = true;
          if (!covered && !t.Has(lang)) t.Set(lang, std::move(s));
        }
      }
    }
    return t;
  }

  // An ISO date or a recognised date spelling; empty when absent.
  std::string Date(std::string_view key) {
    std::string s = Str(key, 64);
    if (s.empty()) return s;
    if (auto d = NormalizeDate(s)) return *d;
    Fail(key, "Is not a valid date (expected YYYY-MM-DD)", "不是有效的日期（格式應為 YYYY-MM-DD）");
    return {};
  }

  const JsonLimits& limits() const { return limits_; }
  std::vector<FieldError>& errors() { return errors_; }

 private:
  const json::object& obj_;
  const JsonLimits& limits_;
  std::string prefix_;
  std::vector<FieldError>& errors_;
};

json::array StringsToJson(const std::vector<std::string>& v) {
  json::array a;
  a.reserve(v.size());
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

Error ValidationError(std::vector<FieldError> errors) {
  Error e{ErrorCode::kValidation, "Validation failed", std::move(errors)};
  return e;
}

bool IsEmail(std::string_view s) {
  auto at = s.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < s.size() &&
         s.find(' ') == std::string_view::npos;
}

const json::object* RequireObject(const json::value& v, std::vector<FieldError>& errors,
                                  const std::string& path) {
  if (!v.is_object()) {
    errors.push_back({path.empty() ? "__root__" : path, "Must be a JSON object", "必須是 JSON 物件"});
    return nullptr;
  }
  return &v.get_object();
}

std::vector<FieldSpec> ParseFields(Reader& r, std::string_view key) {
  std::vector<FieldSpec> out;
  const json::value* v = r.Find(key);
  if (!v) return out;
  if (!v->is_array()) {
    r.Fail(key, "Must be a list of {name, description, type, unit}", "必須是欄位清單");
    return out;
  }
  const auto& arr = v->get_array();
  if (arr.size() > r.limits().max_list) {
    r.Fail(key, "Too many fields", "欄位過多");
    return out;
  }
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string path = r.Path(key) + "." + std::to_string(i);
    if (!arr[i].is_object()) {
      r.errors().push_back({path, "Must be an object", "必須是物件"});
      continue;
    }
    Reader f(arr[i].get_object(), r.limits(), path, r.errors());
    FieldSpec spec;
    spec.name = f.Str("name", r.limits().max_short);
    if (spec.name.empty()) f.Fail("name", "Missing value", "缺少欄位名稱");
    spec.description = f.Localized("description", r.limits().max_short);
    spec.type = f.Str("type", 64);
    spec.unit = f.Str("unit", 64);
    out.push_back(std::move(spec));
  }
  return out;
}

}  // namespace

bool ContainsCjk(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((p[i] & 0xF0) == 0xE0) {
      uint32_t cp = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if ((cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
          (cp >= 0xF900 && cp <= 0xFAFF))
        return true;
    } else if ((p[i] & 0xF8) == 0xF0 && i + 3 < s.size()) {
      uint32_t cp = ((p[i] & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) |
                    ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
      if (cp >= 0x20000 && cp <= 0x3FFFF) return true;
    }
  }
  return false;
}

json::object LocalizedToJson(const LocalizedText& t) {
  json::object o;
  for (const auto& [k, v] : t.Values()) o[k] = v;
  return o;
}

json::object ResourceToJson(const Resource& r) {
  json::object o;
  o["id"] = r.id;
  o["package_id"] = r.dataset_id;
  o["name"] = r.name.Best(kLangZh);
  o["name_translated"] = LocalizedToJson(r.name);
  o["description"] = r.description.Best(kLangZh);
  o["description_translated"] = LocalizedToJson(r.description);
  o["url"] = r.url;
  o["url_type"] = r.uploaded ? "upload" : "";
  o["format"] = r.format;
  o["mimetype"] = r.media_type;
  o["encoding"] = r.encoding;
  if (r.size_bytes) o["size"] = *r.size_bytes; else o["size"] = nullptr;
  o["hash"] = r.checksum;
  json::array fields;
  for (const auto& f : r.fields) {
    json::object fo;
    fo["name"] = f.name;
    fo["description"] = f.description.Best(kLangZh);
    fo["description_translated"] = LocalizedToJson(f.description);
    fo["type"] = f.type;
    fo["unit"] = f.unit;
    fields.emplace_back(std::move(fo));
  }
  o["fields"] = std::move(fields);
  o["last_modified"] = r.last_modified;
  o["state"] = ToCode(r.state);
  o["created"] = r.created;
  o["metadata_modified"] = r.modified;
  return o;
}

json::object DatasetToJson(const Dataset& d) {
  json::object o;
  o["id"] = d.id;
  o["name"] = d.slug;
  o["type"] = "dataset";
  o["title"] = d.title.Best(kLangZh);
  o["title_translated"] = LocalizedToJson(d.title);
  o["notes"] = d.description.Best(kLangZh);
  o["notes_translated"] = LocalizedToJson(d.description);
  o["owner_org"] = d.organization_id;
  o["author"] = d.author;
  o["author_email"] = d.author_email;
  o["maintainer"] = d.contact.name;
  o["maintainer_email"] = d.contact.email;
  o["maintainer_phone"] = d.contact.phone;
  json::array tags;
  for (const auto& k : d.keywords) tags.emplace_back(json::object{{"name", k}, {"display_name", k}, {"state", "active"}});
  o["tags"] = std::move(tags);
  o["num_tags"] = d.keywords.size();
  o["themes"] = StringsToJson(d.themes);
  json::array groups;
  for (const auto& t : d.topics) groups.emplace_back(json::object{{"name", t}});
  o["groups"] = std::move(groups);
  o["license_id"] = d.license_id;
  if (const LicenseInfo* l = FindLicense(d.license_id)) {
    o["license_title"] = l->title_zh;
    o["license_title_en"] = l->title_en;
    o["license_url"] = l->url;
    o["isopen"] = l->open;
  } else {
    o["license_title"] = d.license_id;
    o["isopen"] = false;
  }
  if (d.access_rights) o["access_rights"] = ToCode(*d.access_rights);
  o["cost"] = json::object{{"type", ToCode(d.cost.type)}, {"fee_url", d.cost.fee_url},
                           {"legal_basis", d.cost.legal_basis}};
  o["dataset_type"] = ToCode(d.type);
  o["methodology"] = json::object{{"description", d.methodology.description},
                                  {"formula", d.methodology.formula},
                                  {"source_datasets", StringsToJson(d.methodology.source_datasets)}};
  o["frequency"] = d.frequency;
  o["temporal_start"] = d.temporal_start;
  o["temporal_end"] = d.temporal_end;
  o["spatial"] = d.spatial;
  o["language"] = StringsToJson(d.languages);
  o["issued"] = d.issued;
  o["modified"] = d.modified;
  o["version"] = d.version;
  o["related_urls"] = StringsToJson(d.related_urls);
  o["conforms_to"] = StringsToJson(d.conforms_to);
  o["url"] = d.landing_page;
  o["source_url"] = d.source_url;
  o["private"] = d.is_private;
  o["state"] = ToCode(d.state);
  json::array extras;
  for (const auto& e : d.extras) extras.emplace_back(json::object{{"key", e.key}, {"value", e.value}});
  o["extras"] = std::move(extras);
  json::array resources;
  for (const auto& r : d.resources) resources.emplace_back(ResourceToJson(r));
  o["num_resources"] = d.resources.size();
  o["resources"] = std::move(resources);
  o["metadata_created"] = d.metadata_created;
  o["metadata_modified"] = d.metadata_modified;
  o["views"] = d.views;
  o["downloads"] = d.downloads;
  return o;
}

json::object OrganizationToJson(const Organization& org) {
  json::object o;
  o["id"] = org.id;
  o["name"] = org.slug;
  o["title"] = org.title.Best(kLangZh);
  o["title_translated"] = LocalizedToJson(org.title);
  o["description"] = org.description.Best(kLangZh);
  o["description_translated"] = LocalizedToJson(org.description);
  o["gov_oid"] = org.gov_oid;
  o["level"] = ToCode(org.level);
  if (org.parent_id) o["parent_id"] = *org.parent_id; else o["parent_id"] = nullptr;
  json::array contacts;
  for (const auto& c : org.contacts)
    contacts.emplace_back(json::object{{"name", c.name}, {"email", c.email}, {"phone", c.phone}});
  o["contacts"] = std::move(contacts);
  o["image_url"] = org.image_url;
  o["homepage"] = org.homepage;
  o["state"] = ToCode(org.state);
  o["type"] = "organization";
  o["is_organization"] = true;
  o["created"] = org.created;
  o["metadata_modified"] = org.modified;
  return o;
}

json::object TopicToJson(const Topic& t) {
  json::object o;
  o["id"] = t.id;
  o["name"] = t.slug;
  o["title"] = t.title.Best(kLangZh);
  o["title_translated"] = LocalizedToJson(t.title);
  o["description"] = t.description.Best(kLangZh);
  o["description_translated"] = LocalizedToJson(t.description);
  o["image_url"] = t.image_url;
  o["state"] = ToCode(t.state);
  o["type"] = "group";
  o["is_organization"] = false;
  o["created"] = t.created;
  o["metadata_modified"] = t.modified;
  return o;
}

json::object UserToJson(const User& u) {
  return json::object{{"id", u.id},           {"name", u.name},
                      {"fullname", u.full_name}, {"email", u.email},
                      {"sysadmin", u.sysadmin}, {"state", ToCode(u.state)},
                      {"created", u.created}};
}

Result<Resource> ResourceFromJson(const json::value& v, const JsonLimits& limits,
                                  const std::string& path) {
  std::vector<FieldError> errors;
  const json::object* obj = RequireObject(v, errors, path);
  if (!obj) return std::unexpected(ValidationError(std::move(errors)));
  Reader r(*obj, limits, path, errors);
  Resource res;
  res.id = r.Str("id", 100);
  res.dataset_id = r.Str("package_id", 100);
  res.name = r.Localized("name", limits.max_title);
  res.description = r.Localized("description", limits.max_text);
  res.url = r.Str("url", limits.max_short);
  res.uploaded = r.Str("url_type", 32) == "upload";
  res.format = r.Str("format", 64);
  res.media_type = r.Str("mimetype", 128);
  if (res.media_type.empty()) res.media_type = r.Str("media_type", 128);
  res.encoding = r.Str("encoding", 64);
  if (r.Has("size")) {
    res.size_bytes = r.Int("size");
    if (res.size_bytes && *res.size_bytes < 0) r.Fail("size", "Must not be negative", "不可為負數");
  }
  res.checksum = r.Str("hash", 200);
  res.fields = ParseFields(r, "fields");
  res.last_modified = r.Str("last_modified", 64);
  if (!res.last_modified.empty()) {
    if (auto d = NormalizeDate(res.last_modified)) res.last_modified = *d;
    else r.Fail("last_modified", "Is not a valid date", "不是有效的日期");
  }
  if (r.Has("state")) {
    std::string s = r.Str("state", 32);
    if (auto st = ParseState(s)) res.state = *st;
    else r.Fail("state", "Must be draft, active or deleted", "必須是 draft、active 或 deleted");
  }
  res.created = r.Str("created", 64);
  res.modified = r.Str("metadata_modified", 64);
  if (!errors.empty()) return std::unexpected(ValidationError(std::move(errors)));
  return res;
}

Result<Dataset> DatasetFromJson(const json::value& v, const JsonLimits& limits) {
  std::vector<FieldError> errors;
  const json::object* obj = RequireObject(v, errors, "");
  if (!obj) return std::unexpected(ValidationError(std::move(errors)));
  Reader r(*obj, limits, "", errors);
  Dataset d;
  d.id = r.Str("id", 100);
  d.slug = r.Str("name", 100);
  d.title = r.Localized("title", limits.max_title);
  d.description = r.Localized("notes", limits.max_text);
  d.organization_id = r.Str("owner_org", 100);
  d.author = r.Str("author", limits.max_short);
  d.author_email = r.Str("author_email", limits.max_short);
  d.contact.name = r.Str("maintainer", limits.max_short);
  d.contact.email = r.Str("maintainer_email", limits.max_short);
  d.contact.phone = r.Str("maintainer_phone", 100);
  if (!d.contact.email.empty() && !IsEmail(d.contact.email))
    r.Fail("maintainer_email", "Is not an email address", "不是有效的電子郵件地址");
  if (!d.author_email.empty() && !IsEmail(d.author_email))
    r.Fail("author_email", "Is not an email address", "不是有效的電子郵件地址");
  d.keywords = r.StrList("tags", 100, "name");
  for (size_t i = 0; i < d.keywords.size(); ++i)
    if (Trim(d.keywords[i]).empty()) r.Fail("tags." + std::to_string(i), "Must not be empty", "不可空白");
  d.themes = r.StrList("themes", 100);
  for (size_t i = 0; i < d.themes.size(); ++i) {
    if (const ThemeInfo* t = FindTheme(d.themes[i])) d.themes[i] = std::string(t->code);
    else r.Fail("themes." + std::to_string(i), "Unknown theme \"" + d.themes[i] + "\"", "未知的服務分類「" + d.themes[i] + "」");
  }
  d.topics = r.StrList("groups", 100, "name");
  if (r.Has("license_id")) d.license_id = r.Str("license_id", 100);
  if (d.license_id.empty()) d.license_id = std::string(kDefaultLicenseId);
  if (r.Has("access_rights")) {
    std::string s = r.Str("access_rights", 64);
    if (auto a = ParseAccessRights(s)) d.access_rights = *a;
    else if (!s.empty()) r.Fail("access_rights", "Must be public, restricted or non-public", "必須是 public、restricted 或 non-public");
  }
  if (const json::value* cost = r.Find("cost")) {
    if (cost->is_object()) {
      Reader c(cost->get_object(), limits, "cost", errors);
      std::string type = c.Str("type", 32);
      if (auto t = ParseCostType(type)) d.cost.type = *t;
      else if (!type.empty()) c.Fail("type", "Must be free or paid", "必須是 free 或 paid");
      d.cost.fee_url = c.Str("fee_url", limits.max_short);
      d.cost.legal_basis = c.Str("legal_basis", limits.max_short);
    } else {
      std::string type = r.Str("cost", 32);
      if (auto t = ParseCostType(type)) d.cost.type = *t;
      else if (!type.empty()) r.Fail("cost", "Must be free or paid", "必須是 free 或 paid");
    }
  }
  if (r.Has("dataset_type")) {
    std::string s = r.Str("dataset_type", 64);
    if (auto t = ParseDatasetType(s)) d.type = *t;
    else if (!s.empty()) r.Fail("dataset_type", "Must be raw, statistical, aggregated or real-time", "必須是 raw、statistical、aggregated 或 real-time");
  }
  if (const json::value* m = r.Find("methodology")) {
    if (m->is_object()) {
      Reader mr(m->get_object(), limits, "methodology", errors);
      d.methodology.description = mr.Str("description", limits.max_text);
      d.methodology.formula = mr.Str("formula", limits.max_text);
      d.methodology.source_datasets = mr.StrList("source_datasets", limits.max_short);
    } else {
      d.methodology.description = r.Str("methodology", limits.max_text);
    }
  }
  if (r.Has("frequency")) {
    std::string s = r.Str("frequency", 200);
    if (auto f = ParseFrequency(s)) d.frequency = *f;
    else if (!s.empty()) r.Fail("frequency", "Unknown update frequency \"" + s + "\"", "未知的更新頻率「" + s + "」");
  }
  d.temporal_start = r.Date("temporal_start");
  d.temporal_end = r.Date("temporal_end");
  if (!d.temporal_start.empty() && !d.temporal_end.empty() && d.temporal_end < d.temporal_start)
    r.Fail("temporal_end", "Must not be before temporal_start", "不可早於起始日期");
  d.spatial = r.Str("spatial", limits.max_text);
  d.languages = r.StrList("language", 35);
  for (auto& l : d.languages) l = NormalizeLangTag(l);
  d.issued = r.Date("issued");
  d.modified = r.Date("modified");
  d.version = r.Str("version", 100);
  d.related_urls = r.StrList("related_urls", limits.max_short);
  d.conforms_to = r.StrList("conforms_to", limits.max_short);
  d.landing_page = r.Str("url", limits.max_short);
  d.source_url = r.Str("source_url", limits.max_short);
  d.is_private = r.Bool("private", false);
  if (r.Has("state")) {
    std::string s = r.Str("state", 32);
    if (auto st = ParseState(s)) d.state = *st;
    else r.Fail("state", "Must be draft, active or deleted", "必須是 draft、active 或 deleted");
  }
  if (const json::value* ex = r.Find("extras")) {
    if (!ex->is_array()) {
      r.Fail("extras", "Must be a list of {key, value}", "必須是 {key, value} 清單");
    } else if (ex->get_array().size() > limits.max_list) {
      r.Fail("extras", "Too many extras", "額外欄位過多");
    } else {
      const auto& arr = ex->get_array();
      for (size_t i = 0; i < arr.size(); ++i) {
        std::string path = "extras." + std::to_string(i);
        if (!arr[i].is_object()) {
          errors.push_back({path, "Must be an object", "必須是物件"});
          continue;
        }
        Reader er(arr[i].get_object(), limits, path, errors);
        Extra e;
        e.key = er.Str("key", 200);
        const json::value* val = er.Find("value");
        if (val && !val->is_string()) e.value = json::serialize(*val);
        else e.value = er.Str("value", limits.max_text);
        if (e.key.empty()) er.Fail("key", "Missing value", "缺少鍵名");
        else if (!IsComputedExtraKey(e.key)) d.extras.push_back(std::move(e));
      }
    }
  }
  if (const json::value* rs = r.Find("resources")) {
    if (!rs->is_array()) {
      r.Fail("resources", "Must be a list", "必須是清單");
    } else if (rs->get_array().size() > limits.max_list) {
      r.Fail("resources", "Too many resources", "資源過多");
    } else {
      const auto& arr = rs->get_array();
      for (size_t i = 0; i < arr.size(); ++i) {
        auto res = ResourceFromJson(arr[i], limits, "resources." + std::to_string(i));
        if (!res) {
          for (auto& fe : res.error().fields) errors.push_back(std::move(fe));
        } else {
          d.resources.push_back(std::move(*res));
        }
      }
    }
  }
  d.metadata_created = r.Str("metadata_created", 64);
  d.metadata_modified = r.Str("metadata_modified", 64);
  if (auto n = r.Int("views")) d.views = *n;
  if (auto n = r.Int("downloads")) d.downloads = *n;
  if (!errors.empty()) return std::unexpected(ValidationError(std::move(errors)));
  return d;
}

Result<Organization> OrganizationFromJson(const json::value& v, const JsonLimits& limits) {
  std::vector<FieldError> errors;
  const json::object* obj = RequireObject(v, errors, "");
  if (!obj) return std::unexpected(ValidationError(std::move(errors)));
  Reader r(*obj, limits, "", errors);
  Organization o;
  o.id = r.Str("id", 100);
  o.slug = r.Str("name", 100);
  o.title = r.Localized("title", limits.max_title);
  o.description = r.Localized("description", limits.max_text);
  o.gov_oid = r.Str("gov_oid", 100);
  if (r.Has("level")) {
    std::string s = r.Str("level", 32);
    if (auto l = ParseOrgLevel(s)) o.level = *l;
    else r.Fail("level", "Must be central, local or other", "必須是 central、local 或 other");
  }
  std::string parent = r.Str("parent_id", 100);
  if (!parent.empty()) o.parent_id = parent;
  if (const json::value* cs = r.Find("contacts")) {
    if (!cs->is_array()) {
      r.Fail("contacts", "Must be a list", "必須是清單");
    } else {
      const auto& arr = cs->get_array();
      for (size_t i = 0; i < arr.size() && i < limits.max_list; ++i) {
        std::string path = "contacts." + std::to_string(i);
        if (!arr[i].is_object()) {
          errors.push_back({path, "Must be an object", "必須是物件"});
          continue;
        }
        Reader cr(arr[i].get_object(), limits, path, errors);
        Contact c{cr.Str("name", limits.max_short), cr.Str("email", limits.max_short),
                  cr.Str("phone", 100)};
        if (!c.email.empty() && !IsEmail(c.email)) cr.Fail("email", "Is not an email address", "不是有效的電子郵件地址");
        o.contacts.push_back(std::move(c));
      }
    }
  }
  o.image_url = r.Str("image_url", limits.max_short);
  o.homepage = r.Str("homepage", limits.max_short);
  if (r.Has("state")) {
    std::string s = r.Str("state", 32);
    if (auto st = ParseState(s)) o.state = *st;
    else r.Fail("state", "Must be draft, active or deleted", "必須是 draft、active 或 deleted");
  }
  o.created = r.Str("created", 64);
  o.modified = r.Str("metadata_modified", 64);
  if (!errors.empty()) return std::unexpected(ValidationError(std::move(errors)));
  return o;
}

Result<Topic> TopicFromJson(const json::value& v, const JsonLimits& limits) {
  std::vector<FieldError> errors;
  const json::object* obj = RequireObject(v, errors, "");
  if (!obj) return std::unexpected(ValidationError(std::move(errors)));
  Reader r(*obj, limits, "", errors);
  Topic t;
  t.id = r.Str("id", 100);
  t.slug = r.Str("name", 100);
  t.title = r.Localized("title", limits.max_title);
  t.description = r.Localized("description", limits.max_text);
  t.image_url = r.Str("image_url", limits.max_short);
  if (r.Has("state")) {
    std::string s = r.Str("state", 32);
    if (auto st = ParseState(s)) t.state = *st;
    else r.Fail("state", "Must be draft, active or deleted", "必須是 draft、active 或 deleted");
  }
  t.created = r.Str("created", 64);
  t.modified = r.Str("metadata_modified", 64);
  if (!errors.empty()) return std::unexpected(ValidationError(std::move(errors)));
  return t;
}

std::string ToJsonString(const json::value& v) { return json::serialize(v); }

Result<json::value> ParseJson(std::string_view text, size_t max_depth) {
  if (!IsValidUtf8(text)) {
    size_t at = FirstInvalidUtf8(text);
    return std::unexpected(Error::BadRequest("Request body is not valid UTF-8 (byte offset " +
                                             std::to_string(at) + ")"));
  }
  json::parse_options opts;
  opts.max_depth = max_depth;
  json::stream_parser p(json::storage_ptr(), opts);
  boost::system::error_code ec;
  size_t n = p.write_some(text.data(), text.size(), ec);
  if (!ec) p.finish(ec);
  if (ec) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < n && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
    return std::unexpected(Error::BadRequest("Invalid JSON at byte " + std::to_string(n) + " (line " +
                                             std::to_string(line) + ", column " + std::to_string(col) +
                                             "): " + ec.message()));
  }
  return p.release();
}

json::object DiffObjects(const json::object& before, const json::object& after) {
  json::object diff;
  std::set<std::string> keys;
  for (const auto& kv : before) keys.insert(std::string(kv.key()));
  for (const auto& kv : after) keys.insert(std::string(kv.key()));
  for (const auto& k : keys) {
    const json::value* a = before.if_contains(k);
    const json::value* b = after.if_contains(k);
    if (a && b && *a == *b) continue;
    json::object change;
    change["old"] = a ? *a : json::value(nullptr);
    change["new"] = b ? *b : json::value(nullptr);
    diff[k] = std::move(change);
  }
  return diff;
}

}  // namespace pintu
