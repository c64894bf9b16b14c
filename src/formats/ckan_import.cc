#include "formats/ckan_import.h"

#include <array>
#include <set>

#include "core/ids.h"
#include "core/model_json.h"
#include "core/text.h"
#include "core/time.h"
#include "formats/json_util.h"
#include "formats/normalize.h"
#include "formats/record_sink.h"

namespace json = boost::json;

namespace pintu::formats {
namespace {

bool IsOneOf(std::string_view key, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (key == n) return true;
  return false;
}

bool IsEmailLike(std::string_view s) {
  auto at = s.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < s.size() && s.find(' ') == std::string_view::npos;
}

bool IsHttpUrl(std::string_view s) { return StartsWith(s, "http://") || StartsWith(s, "https://"); }

// CKAN keys that are output-only or housekeeping: dropped.
bool IsDroppedKey(std::string_view key) {
  return IsOneOf(key, {"num_tags", "num_resources", "license_title", "license_url", "isopen",
                       "revision_id", "revision_timestamp", "relationships_as_object",
                       "relationships_as_subject", "tracking_summary", "creator_user_id",
                       "organization", "owner_org", "__extras", "license_title_en"});
}

bool IsDroppedResourceKey(std::string_view key) {
  return IsOneOf(key, {"package_id", "position", "revision_id", "revision_timestamp", "cache_url",
                       "cache_last_updated", "webstore_url", "webstore_last_updated",
                       "datastore_active", "mimetype_inner", "resource_group_id",
                       "tracking_summary", "name_translated", "description_translated",
                       "metadata_modified"});
}

class CkanMapper {
 public:
  MappedDataset Map(const json::object& pkg) {
    // The id first, so that identifier/guid extras never take its place.
    if (const json::value* id = Member(pkg, "id")) TopLevel("id", *id);
    for (const auto& kv : pkg)
      if (kv.key() != "id") TopLevel(kv.key(), kv.value());
    KeepContradictedPlainText(pkg, "title");
    KeepContradictedPlainText(pkg, "notes");
    Finish(pkg);
    out_.doc["tags"] = ToArray(tags_);
    if (!extras_.empty()) {
      json::array ex;
      for (auto& [k, v] : extras_) ex.emplace_back(json::object{{"key", k}, {"value", v}});
      out_.doc["extras"] = std::move(ex);
    }
    if (!resources_.empty()) out_.doc["resources"] = std::move(resources_);
    return std::move(out_);
  }

 private:
  static json::array ToArray(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
  }

  void Warn(std::string msg) { out_.warnings.push_back(std::move(msg)); }

  // When a package has both a plain `key` and `key_translated` that does not contain
  // the plain text (e.g. a file name as title beside real translations), the codec
  // keeps the translations; the plain text is kept as the extra "ckan_<key>".
  void KeepContradictedPlainText(const json::object& pkg, std::string_view key) {
    const json::value* plain = Member(pkg, key);
    const json::value* translated = Member(pkg, std::string(key) + "_translated");
    if (!plain || !plain->is_string() || plain->get_string().empty() || !translated ||
        !translated->is_object() || translated->get_object().empty())
      return;
    std::string_view text = plain->get_string();
    std::string lang(ContainsCjk(text) ? kLangZh : kLangEn);
    bool slot_taken = false;
    for (const auto& kv : translated->get_object()) {
      if (kv.value().is_string() && kv.value().get_string() == text) return;
      if (NormalizeLangTag(kv.key()) == lang) slot_taken = true;
    }
    if (slot_taken) KeepExtra("ckan_" + std::string(key), *plain);
  }

  void KeepExtra(std::string_view key, const json::value& v, bool warn_reason = false,
                 std::string_view why = {}) {
    if (IsBlank(v)) return;
    std::string k(key);
    if (k.size() > 200) k.resize(200);
    std::string value = AsExtraValue(v);
    if (CountCodePoints(value) > 100000) {
      Warn("extra \"" + k + "\" dropped: its value is longer than 100000 characters");
      return;
    }
    for (auto& e : extras_) {
      if (e.first == k) {
        e.second = std::move(value);
        return;
      }
    }
    extras_.emplace_back(std::move(k), std::move(value));
    if (warn_reason) Warn("field " + std::string(key) + " kept as an extra: " + std::string(why));
  }

  bool HasDoc(std::string_view key) const {
    const json::value* v = Member(out_.doc, key);
    return v && !IsBlank(*v);
  }

  void SetIfEmpty(std::string_view key, std::string value) {
    if (Trim(value).empty() || HasDoc(key)) return;
    out_.doc[key] = std::string(Trim(value));
  }

  void AddTags(const json::value& v) {
    for (auto& t : AsStringList(v)) {
      std::string clean = CleanTitle(t);
      if (clean.empty()) continue;
      if (CountCodePoints(clean) > 100) {
        Warn("tag " + Quote(clean) + " dropped: longer than 100 characters");
        continue;
      }
      if (std::find(tags_.begin(), tags_.end(), clean) == tags_.end()) tags_.push_back(clean);
    }
  }

  void Date(std::string_view target, std::string_view key, const json::value& v) {
    auto text = AsText(v);
    if (!text || Trim(*text).empty()) return KeepExtra(key, v);
    if (auto d = NormalizeDate(*text)) {
      if (!HasDoc(target)) out_.doc[target] = *d;
      return;
    }
    KeepExtra(key, v, true, "not a date: " + Quote(*text));
  }

  void PersonFrom(const json::value& raw, std::string_view name_key, std::string_view email_key,
                  std::string_view key) {
    json::value v = DecodeEmbeddedJson(raw);
    const json::object* first = nullptr;
    if (v.is_object()) first = &v.get_object();
    else if (v.is_array() && !v.get_array().empty() && v.get_array()[0].is_object())
      first = &v.get_array()[0].get_object();
    if (!first) {
      if (auto t = AsText(v)) return SetIfEmpty(name_key, *t);
      return KeepExtra(key, raw);
    }
    SetIfEmpty(name_key, TextOf(*first, "name"));
    std::string email = TextOf(*first, "email");
    if (email.empty()) email = TextOf(*first, "mbox");
    if (StartsWith(email, "mailto:")) email = email.substr(7);
    if (!email.empty() && IsEmailLike(email)) SetIfEmpty(email_key, email);
    // Keep the whole value when it carries more than one person or more than name/email.
    bool more = v.is_array() && v.get_array().size() > 1;
    for (const auto& kv : *first)
      if (!IsOneOf(kv.key(), {"name", "email", "mbox"}) && !IsBlank(kv.value())) more = true;
    if (more) KeepExtra(key, raw);
  }

  void Publisher(const json::value& raw, std::string_view key) {
    json::value v = DecodeEmbeddedJson(raw);
    const json::object* first = nullptr;
    if (v.is_object()) first = &v.get_object();
    else if (v.is_array() && !v.get_array().empty() && v.get_array()[0].is_object())
      first = &v.get_array()[0].get_object();
    if (!first) {
      if (auto t = AsText(v)) publisher_name_ = CleanTitle(*t);
      return;
    }
    publisher_name_ = CleanTitle(TextOf(*first, "name"));
    publisher_email_ = TextOf(*first, "email");
    if (publisher_email_.empty()) publisher_email_ = TextOf(*first, "mbox");
    publisher_url_ = TextOf(*first, "url");
    if (publisher_url_.empty()) publisher_url_ = TextOf(*first, "homepage");
    bool more = v.is_array() && v.get_array().size() > 1;
    for (const auto& kv : *first)
      if (!IsOneOf(kv.key(), {"name", "email", "mbox", "url", "homepage"}) && !IsBlank(kv.value()))
        more = true;
    if (more) KeepExtra(key, raw);
  }

  // Keys that Pintu models, wherever they appear (top level or extras).
  void Promote(std::string_view key, const json::value& raw) {
    if (IsBlank(raw)) return;
    json::value v = DecodeEmbeddedJson(raw);
    if (IsOneOf(key, {"issued", "dcat_issued", "date_published"})) return Date("issued", key, v);
    if (IsOneOf(key, {"modified", "dcat_modified", "date_modified"})) return Date("modified", key, v);
    if (IsOneOf(key, {"temporal_start", "temporal_coverage_start", "dcat_temporal_start"}))
      return Date("temporal_start", key, v);
    if (IsOneOf(key, {"temporal_end", "temporal_coverage_end", "dcat_temporal_end"}))
      return Date("temporal_end", key, v);
    if (key == "temporal_coverage" && v.is_array() && !v.get_array().empty() &&
        v.get_array()[0].is_object()) {
      const auto& first = v.get_array()[0].get_object();
      auto s = NormalizeDate(TextOf(first, "start"));
      auto e = NormalizeDate(TextOf(first, "end"));
      if (s && !HasDoc("temporal_start")) out_.doc["temporal_start"] = *s;
      if (e && !HasDoc("temporal_end")) out_.doc["temporal_end"] = *e;
      if (v.get_array().size() > 1 || (!s && !TextOf(first, "start").empty()) ||
          (!e && !TextOf(first, "end").empty()))
        KeepExtra(key, raw);
      return;
    }
    if (IsOneOf(key, {"language", "dcat_language"})) {
      std::vector<std::string> langs;
      bool all_ok = true;
      for (const auto& s : AsStringList(v)) {
        std::string tag = NormalizeLanguage(s);
        if (tag.empty()) all_ok = false;
        else if (std::find(langs.begin(), langs.end(), tag) == langs.end()) langs.push_back(tag);
      }
      if (!langs.empty() && !HasDoc("language")) out_.doc["language"] = ToArray(langs);
      if (!all_ok) KeepExtra(key, raw, true, "some values are not language codes");
      return;
    }
    if (IsOneOf(key, {"frequency", "dcat_frequency", "accrual_periodicity", "accrualPeriodicity"})) {
      auto t = AsText(v);
      if (t) {
        if (auto f = ParseFrequency(*t)) {
          if (!HasDoc("frequency")) out_.doc["frequency"] = *f;
          return;
        }
      }
      return KeepExtra(key, raw, true, "unknown update frequency " + Quote(AsExtraValue(raw)));
    }
    if (IsOneOf(key, {"spatial", "dcat_spatial"})) {
      if (!HasDoc("spatial")) out_.doc["spatial"] = AsExtraValue(v);
      return;
    }
    if (key == "spatial_coverage" && v.is_array() && !v.get_array().empty() && v.get_array()[0].is_object()) {
      const auto& first = v.get_array()[0].get_object();
      if (const json::value* g = Member(first, "geom")) {
        if (!HasDoc("spatial")) out_.doc["spatial"] = AsExtraValue(*g);
      } else if (std::string text = TextOf(first, "text"); !text.empty()) {
        SetIfEmpty("spatial", text);
      }
      return KeepExtra(key, raw);
    }
    if (key == "version") {
      if (auto t = AsText(v)) return SetIfEmpty("version", *t);
      return KeepExtra(key, raw);
    }
    if (IsOneOf(key, {"access_rights", "dcat_access_rights"})) {
      if (auto t = AsText(v)) {
        std::string_view s = Trim(*t);
        if (auto slash = s.rfind('/'); slash != std::string_view::npos) s = s.substr(slash + 1);
        std::string code = AsciiLower(s);
        std::replace(code.begin(), code.end(), '_', '-');
        if (auto a = ParseAccessRights(code)) {
          if (!HasDoc("access_rights")) out_.doc["access_rights"] = std::string(ToCode(*a));
          return;
        }
      }
      return KeepExtra(key, raw, true, "not one of public, restricted, non-public");
    }
    if (IsOneOf(key, {"conforms_to", "dcat_conforms_to"})) {
      if (!HasDoc("conforms_to")) out_.doc["conforms_to"] = ToArray(AsStringList(v));
      return;
    }
    if (IsOneOf(key, {"documentation", "related_urls"})) {
      auto list = AsStringList(v);
      json::array& urls = out_.doc["related_urls"].is_array() ? out_.doc["related_urls"].get_array()
                                                              : out_.doc["related_urls"].emplace_array();
      for (auto& u : list)
        if (std::find(urls.begin(), urls.end(), json::value(u)) == urls.end()) urls.emplace_back(u);
      return;
    }
    if (IsOneOf(key, {"contact_name", "dcat_contact_name"})) {
      if (auto t = AsText(v)) return SetIfEmpty("maintainer", *t);
    }
    if (IsOneOf(key, {"contact_email", "dcat_contact_email", "contact-email", "contact_mbox"})) {
      if (auto t = AsText(v); t && IsEmailLike(Trim(*t))) return SetIfEmpty("maintainer_email", *t);
    }
    if (key == "contact_phone") {
      if (auto t = AsText(v)) return SetIfEmpty("maintainer_phone", *t);
    }
    if (IsOneOf(key, {"contact", "contact_point"})) return PersonFrom(raw, "maintainer", "maintainer_email", key);
    if (IsOneOf(key, {"creator_name", "dcat_creator_name"})) {
      if (auto t = AsText(v)) return SetIfEmpty("author", *t);
    }
    if (IsOneOf(key, {"creator_email", "dcat_creator_email"})) {
      if (auto t = AsText(v); t && IsEmailLike(Trim(*t))) return SetIfEmpty("author_email", *t);
    }
    if (key == "creator") return PersonFrom(raw, "author", "author_email", key);
    if (IsOneOf(key, {"publisher_name", "dcat_publisher_name"})) {
      if (auto t = AsText(v)) publisher_name_ = CleanTitle(*t);
      return;
    }
    if (IsOneOf(key, {"publisher_email", "dcat_publisher_email"})) {
      if (auto t = AsText(v)) publisher_email_ = std::string(Trim(*t));
      return;
    }
    if (IsOneOf(key, {"publisher_url", "dcat_publisher_url"})) {
      if (auto t = AsText(v)) publisher_url_ = std::string(Trim(*t));
      return;
    }
    if (key == "publisher") return Publisher(raw, key);
    if (IsOneOf(key, {"theme", "themes", "dcat_theme"})) {
      bool all_known = true;
      json::array& themes = out_.doc["themes"].is_array() ? out_.doc["themes"].get_array()
                                                          : out_.doc["themes"].emplace_array();
      for (const auto& s : AsStringList(v)) {
        if (const ThemeInfo* t = FindTheme(s)) {
          json::value code(std::string(t->code));
          if (std::find(themes.begin(), themes.end(), code) == themes.end()) themes.push_back(code);
        } else {
          all_known = false;
        }
      }
      if (!all_known) KeepExtra(key, raw);
      return;
    }
    if (IsOneOf(key, {"provenance", "dcat_provenance"})) {
      if (v.is_object()) {
        LocalizedText t = ToLocalized(nullptr, &v);
        std::string best = t.Best(kLangZh);
        if (!best.empty() && !HasDoc("methodology"))
          out_.doc["methodology"] = json::object{{"description", best}};
        return KeepExtra(key, raw);
      }
      if (auto t = AsText(v)) {
        if (!HasDoc("methodology")) out_.doc["methodology"] = json::object{{"description", *t}};
        return;
      }
      return KeepExtra(key, raw);
    }
    if (IsOneOf(key, {"landing_page", "landingPage"})) {
      if (auto t = AsText(v)) return SetIfEmpty("url", *t);
    }
    if (IsOneOf(key, {"identifier", "guid", "dcat_identifier"})) {
      if (auto t = AsText(v)) {
        std::string s(Trim(*t));
        if (LooksLikeUuid(s) && !HasDoc("id")) {
          out_.doc["id"] = AsciiLower(s);
          return;
        }
        if (IsHttpUrl(s) && !HasDoc("source_url")) {
          out_.doc["source_url"] = s;
          return;
        }
      }
      return KeepExtra(key, raw);
    }
    if (IsOneOf(key, {"keywords", "tags_translated", "keyword"})) {
      AddTags(v);
      if (v.is_object()) KeepExtra(key, raw);
      return;
    }
    KeepExtra(key, raw);
  }

  void TopLevel(std::string_view key, const json::value& v) {
    if (IsDroppedKey(key) || v.is_null()) return;
    if (key == "id") {
      if (auto t = AsText(v); t && LooksLikeUuid(Trim(*t))) out_.doc["id"] = AsciiLower(Trim(*t));
      else KeepExtra("ckan_id", v);
      return;
    }
    if (key == "name") {
      if (auto t = AsText(v)) name_ = std::string(Trim(*t));
      return;
    }
    if (IsOneOf(key, {"title", "title_translated", "notes", "notes_translated", "groups", "url",
                      "private", "metadata_created", "metadata_modified", "source_url",
                      "maintainer_phone", "author", "maintainer", "cost", "dataset_type",
                      "methodology", "views", "downloads", "state"})) {
      if (key == "state") {
        if (auto t = AsText(v); t && ParseState(*t)) out_.doc["state"] = *t;
        return;
      }
      if (key == "url" && !v.is_string()) return KeepExtra("url", v);
      if (key == "groups" && v.is_array()) {
        json::array groups;
        for (const auto& g : v.get_array()) {
          if (g.is_string()) groups.emplace_back(json::object{{"name", g}});
          else if (g.is_object() && Member(g.get_object(), "name"))
            groups.emplace_back(json::object{{"name", TextOf(g.get_object(), "name")}});
        }
        out_.doc["groups"] = std::move(groups);
        return;
      }
      out_.doc[key] = v;
      return;
    }
    if (IsOneOf(key, {"author_email", "maintainer_email"})) {
      if (auto t = AsText(v)) {
        std::string s(Trim(*t));
        if (s.empty()) return;
        if (IsEmailLike(s)) out_.doc[key] = s;
        else KeepExtra(key, v, true, "not an email address");
      }
      return;
    }
    if (key == "tags") return AddTags(v);
    if (key == "license_id") {
      if (auto t = AsText(v); t && !Trim(*t).empty()) {
        std::string id = NormalizeLicense(*t);
        if (CountCodePoints(id) <= 100) out_.doc["license_id"] = id;
        else KeepExtra(key, v, true, "longer than 100 characters");
      }
      return;
    }
    if (IsOneOf(key, {"license", "license_url"})) {
      license_hint_ = AsText(v).value_or("");
      return KeepExtra(key, v);
    }
    if (key == "type") {
      if (auto t = AsText(v); t && *t != "dataset") KeepExtra("ckan_type", v);
      return;
    }
    if (key == "extras") {
      if (!v.is_array()) return KeepExtra("extras", v);
      for (const auto& e : v.get_array()) {
        if (!e.is_object()) continue;
        std::string k = TextOf(e.get_object(), "key");
        const json::value* val = Member(e.get_object(), "value");
        if (k.empty() || !val) continue;
        if (IsOneOf(k, {"title", "notes", "name", "id", "tags", "resources", "extras", "groups"})) {
          KeepExtra(k, *val);  // never let an extra overwrite a core field
          continue;
        }
        Promote(k, *val);
      }
      return;
    }
    if (key == "resources") {
      if (!v.is_array()) return KeepExtra("resources", v);
      for (const auto& r : v.get_array())
        if (r.is_object()) resources_.emplace_back(MapResource(r.get_object(), resources_.size()));
      return;
    }
    if (key == "org_title_at_publication") {
      org_title_ = v;
      return KeepExtra(key, v);
    }
    Promote(key, v);
  }

  json::object MapResource(const json::object& r, size_t index) {
    json::object o;
    std::string url;
    for (const auto& kv : r) {
      std::string_view k = kv.key();
      const json::value& v = kv.value();
      if (IsBlank(v) || IsDroppedResourceKey(k)) continue;
      if (k == "id") {
        if (auto t = AsText(v); t && LooksLikeUuid(Trim(*t))) o["id"] = AsciiLower(Trim(*t));
        else KeepExtra("resources." + std::to_string(index) + ".id", v);
      } else if (IsOneOf(k, {"name", "description"})) {
        o[k] = v;
      } else if (k == "title") {
        o["name"] = v;
      } else if (k == "url") {
        if (auto t = AsText(v)) url = *t;
      } else if (k == "url_type") {
        if (auto t = AsText(v)) o["url_type"] = *t;
      } else if (k == "format") {
        if (auto t = AsText(v); t && CountCodePoints(*t) <= 64) o["format"] = std::string(Trim(*t));
        else KeepExtra("resources." + std::to_string(index) + ".format", v);
      } else if (IsOneOf(k, {"mimetype", "media_type", "mediaType"})) {
        if (auto t = AsText(v); t && CountCodePoints(*t) <= 128) o["mimetype"] = std::string(Trim(*t));
      } else if (IsOneOf(k, {"encoding", "charset", "characterSet"})) {
        if (auto t = AsText(v)) {
          std::string enc = NormalizeEncoding(*t);
          if (!enc.empty() && CountCodePoints(enc) <= 64) o["encoding"] = enc;
        }
      } else if (IsOneOf(k, {"size", "byteSize"})) {
        std::optional<int64_t> n;
        if (v.is_int64() && v.get_int64() >= 0) n = v.get_int64();
        else if (v.is_uint64() && v.get_uint64() <= static_cast<uint64_t>(INT64_MAX)) n = static_cast<int64_t>(v.get_uint64());
        else if (v.is_double() && v.get_double() >= 0 && v.get_double() < 9e18) n = static_cast<int64_t>(v.get_double());
        else if (v.is_string()) n = ParseCount(v.get_string());
        if (n) o["size"] = *n;
        else KeepExtra("resources." + std::to_string(index) + "." + std::string(k), v);
      } else if (IsOneOf(k, {"hash", "checksum"})) {
        if (auto t = AsText(v); t && CountCodePoints(*t) <= 200) o["hash"] = *t;
        else KeepExtra("resources." + std::to_string(index) + "." + std::string(k), v);
      } else if (k == "fields" && v.is_array()) {
        o["fields"] = v;
      } else if (IsOneOf(k, {"last_modified", "modified"})) {
        auto t = AsText(v);
        auto d = t ? NormalizeDate(*t) : std::nullopt;
        if (d && !o.contains("last_modified")) o["last_modified"] = *d;
        else if (!d) KeepExtra("resources." + std::to_string(index) + "." + std::string(k), v);
      } else if (k == "state") {
        if (auto t = AsText(v); t && ParseState(*t)) o["state"] = *t;
      } else if (k == "created") {
        if (auto t = AsText(v)) o["created"] = *t;
      } else if (IsOneOf(k, {"access_url", "download_url", "accessURL", "downloadURL"})) {
        if (auto t = AsText(v); t && !Trim(*t).empty()) {
          if (url.empty() || url == *t) {
            if (url.empty()) url = *t;
            continue;
          }
        }
        KeepExtra("resources." + std::to_string(index) + "." + std::string(k), v);
      } else {
        KeepExtra("resources." + std::to_string(index) + "." + std::string(k), v);
      }
    }
    // name_translated / description_translated are language maps the canonical codec reads.
    for (std::string_view k : {"name_translated", "description_translated"})
      if (const json::value* v = Member(r, k); v && v->is_object()) o[k] = *v;
    if (url.empty()) {
      for (std::string_view k : {"access_url", "download_url", "accessURL", "downloadURL"})
        if (std::string t = TextOf(r, k); !Trim(t).empty()) {
          url = t;
          break;
        }
    }
    o["url"] = std::string(Trim(url));
    return o;
  }

  void Finish(const json::object& pkg) {
    // Slug.
    std::string slug = IsValidSlug(name_) ? name_ : SlugifyAscii(name_);
    if (!IsValidSlug(slug)) {
      LocalizedText title = ToLocalized(Member(pkg, "title"), Member(pkg, "title_translated"));
      std::string best = title.Best(kLangEn);
      slug = ContainsCjk(best) ? std::string() : SlugifyAscii(best);
      if (!IsValidSlug(slug) && !best.empty()) slug = "ds-" + StableHex(CleanTitle(best), 12);
    }
    if (IsValidSlug(slug)) out_.doc["name"] = slug;
    if (!name_.empty() && slug != name_) KeepExtra("ckan_name", json::value(name_));
    // Licence.
    if (!HasDoc("license_id")) {
      std::string from_hint = license_hint_.empty() ? "" : NormalizeLicense(license_hint_);
      out_.doc["license_id"] = (FindLicense(from_hint) != nullptr) ? from_hint : std::string("notspecified");
    }
    // Publisher.
    OrganizationRef ref;
    bool have = false;
    if (const json::value* org = Member(pkg, "organization"); org && org->is_object()) {
      const auto& o = org->get_object();
      std::string id = TextOf(o, "id");
      if (LooksLikeUuid(id)) ref.id = AsciiLower(id);
      ref.title = ToLocalized(Member(o, "title"), Member(o, "title_translated"));
      ref.description = ToLocalized(Member(o, "description"), Member(o, "description_translated"));
      std::string name = TextOf(o, "name");
      ref.slug = IsValidSlug(name) ? name : OrgSlugForName(ref.title.Best(kLangZh).empty() ? name : ref.title.Best(kLangZh));
      ref.homepage = TextOf(o, "homepage");
      have = true;
    } else if (std::string owner = TextOf(pkg, "owner_org"); !Trim(owner).empty()) {
      if (LooksLikeUuid(owner)) ref.id = AsciiLower(owner);
      else if (IsValidSlug(owner)) ref.slug = owner;
      else {
        ref.slug = OrgSlugForName(owner);
        ref.title = ToLocalized(Member(pkg, "owner_org"), nullptr);
      }
      if (org_title_.is_object()) ref.title = ToLocalized(nullptr, &org_title_);
      have = true;
    } else if (!publisher_name_.empty()) {
      ref.slug = OrgSlugForName(publisher_name_);
      json::value name(publisher_name_);
      ref.title = ToLocalized(&name, nullptr);
      have = true;
    }
    if (have) {
      if (!publisher_email_.empty() || !publisher_url_.empty()) {
        if (StartsWith(publisher_email_, "mailto:")) publisher_email_ = publisher_email_.substr(7);
        if (!publisher_email_.empty() && IsEmailLike(publisher_email_))
          ref.contacts.push_back({"", publisher_email_, ""});
        if (ref.homepage.empty()) ref.homepage = publisher_url_;
      }
      if (auto level = GuessOrgLevel(ref.title.Best(kLangZh))) {
        ref.level = *level;
        ref.level_known = true;
      }
      out_.organization = std::move(ref);
    }
  }

  MappedDataset out_;
  std::vector<std::string> tags_;
  std::vector<std::pair<std::string, std::string>> extras_;
  json::array resources_;
  std::string name_;
  std::string license_hint_;
  std::string publisher_name_, publisher_email_, publisher_url_;
  json::value org_title_;
};

bool LooksLikeCkanPackage(const json::object& o) {
  for (std::string_view k : {"name", "notes", "resources", "extras", "title_translated", "owner_org",
                             "tags", "license_id"})
    if (o.contains(k)) return true;
  return false;
}

}  // namespace

MappedDataset MapCkanPackage(const json::object& pkg) { return CkanMapper().Map(pkg); }

bool LooksLikeFlatDcat(const json::object& obj) {
  if (!obj.contains("title")) return false;
  for (std::string_view k : {"name", "notes", "resources", "extras"})
    if (obj.contains(k)) return false;
  for (std::string_view k : {"description", "distribution", "keyword", "landingPage"})
    if (obj.contains(k)) return true;
  return false;
}

MappedDataset MapFlatDcat(const json::object& obj) {
  json::object pkg;
  for (const auto& kv : obj) {
    std::string_view k = kv.key();
    if (k == "description") pkg["notes"] = kv.value();
    else if (k == "keyword") pkg["tags"] = kv.value();
    else if (k == "landingPage") pkg["url"] = kv.value();
    else if (k == "distribution" && kv.value().is_array()) {
      json::array resources;
      for (const auto& d : kv.value().get_array()) {
        if (!d.is_object()) continue;
        json::object r;
        for (const auto& dk : d.get_object()) {
          std::string_view name = dk.key();
          if (name == "title") r["name"] = dk.value();
          else if (name == "accessURL") r["access_url"] = dk.value();
          else if (name == "downloadURL") r["download_url"] = dk.value();
          else if (name == "issued") r["issued"] = dk.value();
          else r[name] = dk.value();
        }
        resources.emplace_back(std::move(r));
      }
      pkg["resources"] = std::move(resources);
    } else {
      pkg[k] = kv.value();
    }
  }
  return MapCkanPackage(pkg);
}

namespace {

void AddMapped(MappedDataset m, const std::string& source, RecordSink& sink) {
  for (auto& w : m.warnings) sink.Warn(source, std::move(w));
  sink.AddDataset(std::move(m.doc), std::move(m.organization), source);
}

void ImportOne(const json::value& v, const std::string& source, RecordSink& sink) {
  if (!v.is_object()) {
    sink.Skip(source, std::string("not a package: expected a JSON object, found ") +
                          (v.is_array() ? "a list" : v.is_string() ? "a string" : "a scalar"));
    return;
  }
  const auto& o = v.get_object();
  if (LooksLikeFlatDcat(o)) return AddMapped(MapFlatDcat(o), source, sink);
  if (o.contains("title") || LooksLikeCkanPackage(o)) return AddMapped(MapCkanPackage(o), source, sink);
  sink.Skip(source, "not a CKAN package or DCAT dataset: no \"title\", \"name\" or \"resources\"");
}

}  // namespace

Result<void> ImportCkanValue(const json::value& v, const std::string& source, RecordSink& sink) {
  if (v.is_array()) {
    const auto& arr = v.get_array();
    if (arr.size() > sink.limits().max_rows)
      return std::unexpected(Error::TooLarge("The list has " + std::to_string(arr.size()) +
                                             " items; the limit is " + std::to_string(sink.limits().max_rows)));
    for (size_t i = 0; i < arr.size(); ++i) ImportOne(arr[i], source + ":item " + std::to_string(i + 1), sink);
    return Ok();
  }
  if (v.is_object()) {
    const auto& o = v.get_object();
    // CKAN Action API envelope.
    if (o.contains("success") && (o.contains("result") || o.contains("error"))) {
      const json::value* ok = Member(o, "success");
      if (!ok || !ok->is_bool() || !ok->get_bool()) {
        std::string msg = "The file is a failed CKAN API response (\"success\": false)";
        if (const json::value* err = Member(o, "error")) msg += ": " + Quote(AsExtraValue(*err));
        return std::unexpected(Error::BadRequest(msg));
      }
      const json::value* result = Member(o, "result");
      if (!result) return std::unexpected(Error::BadRequest("The CKAN API response has no \"result\""));
      if (result->is_object()) {
        if (const json::value* results = Member(result->get_object(), "results"); results && results->is_array())
          return ImportCkanValue(*results, source, sink);
      }
      return ImportCkanValue(*result, source, sink);
    }
    // DCAT catalogue: {"dataset": [...]}
    if (const json::value* ds = Member(o, "dataset"); ds && ds->is_array() && !LooksLikeCkanPackage(o))
      return ImportCkanValue(*ds, source, sink);
    ImportOne(v, source, sink);
    return Ok();
  }
  return std::unexpected(Error::BadRequest("Expected a JSON object or list of CKAN packages"));
}

}  // namespace pintu::formats
