#include "core/software_json.h"

#include "core/model_json.h"

namespace pintu {
namespace json = boost::json;
namespace {

// Reads members of one stored object; the first problem wins and names its field.
class Fields {
 public:
  Fields(const json::value& v, std::string_view what) : what_(what) {
    if (!v.is_object()) fail_ = Error::Invalid("", std::string(what) + " must be a JSON object", "必須是 JSON 物件");
    else o_ = &v.get_object();
  }
  std::string Str(std::string_view key) {
    const json::value* v = Find(key);
    if (!v || v->is_null()) return {};
    if (!v->is_string()) return Fail(key), std::string();
    return std::string(v->get_string());
  }
  bool Bool(std::string_view key) {
    const json::value* v = Find(key);
    if (!v || v->is_null()) return false;
    if (!v->is_bool()) return Fail(key), false;
    return v->get_bool();
  }
  std::optional<int64_t> Int(std::string_view key) {
    const json::value* v = Find(key);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64()) return static_cast<int64_t>(v->get_uint64());
    Fail(key);
    return std::nullopt;
  }
  std::vector<std::string> StrList(std::string_view key) {
    std::vector<std::string> out;
    const json::value* v = Find(key);
    if (!v || v->is_null()) return out;
    if (!v->is_array()) return Fail(key), out;
    for (const auto& item : v->get_array()) {
      if (!item.is_string()) return Fail(key), out;
      out.emplace_back(item.get_string());
    }
    return out;
  }
  const json::value* Find(std::string_view key) const {
    if (!o_) return nullptr;
    auto it = o_->find(key);
    return it == o_->end() ? nullptr : &it->value();
  }
  void Fail(std::string_view key) {
    if (!fail_) fail_ = Error::Invalid(std::string(key), "Has the wrong type in the stored " + what_, "儲存的資料型別錯誤");
  }
  std::optional<Error> fail_;

 private:
  std::string what_;
  const json::object* o_ = nullptr;
};

json::array StrArray(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& s : items) a.emplace_back(s);
  return a;
}

LocalizedText LocalizedFrom(const json::value* v) {
  LocalizedText t;
  if (v && v->is_object())
    for (const auto& kv : v->get_object())
      if (kv.value().is_string()) t.Set(kv.key(), std::string(kv.value().get_string()));
  return t;
}

}  // namespace

json::object SoftwareToJson(const Software& s) {
  json::object o;
  o["id"] = s.id;
  o["name"] = s.slug;
  o["owner_org"] = s.organization_id;
  o["source"] = ToCode(s.source);
  o["repository_url"] = s.repository_url;
  o["publiccode_yml"] = s.publiccode_yml;
  o["valid"] = s.valid;
  o["title"] = s.name;
  o["short_description_translated"] = LocalizedToJson(s.short_description);
  o["software_type"] = s.software_type;
  o["development_status"] = s.development_status;
  o["license"] = s.license;
  o["categories"] = StrArray(s.categories);
  o["maintenance_type"] = s.maintenance_type;
  o["contract_until"] = StrArray(s.contract_until);
  o["maintenance_status"] = s.maintenance_status;
  o["head_commit"] = s.head_commit;
  if (s.last_commit_unix) o["last_commit_unix"] = *s.last_commit_unix;
  o["vitality"] = s.vitality_json;
  o["readiness"] = s.readiness_json;
  json::array links;
  for (const auto& l : s.datasets) links.push_back(json::object{{"dataset_id", l.dataset_id}, {"relation", l.relation}});
  o["datasets"] = std::move(links);
  json::object answers;
  for (const auto& [code, a] : s.self_assessment) answers[code] = json::object{{"met", a.met}, {"note", a.note}};
  o["self_assessment"] = std::move(answers);
  o["crawled_at"] = s.crawled_at;
  o["crawl_error"] = s.crawl_error;
  o["state"] = ToCode(s.state);
  o["metadata_created"] = s.created;
  o["metadata_modified"] = s.modified;
  return o;
}

Result<Software> SoftwareFromJson(const json::value& v) {
  Fields f(v, "software");
  Software s;
  s.id = f.Str("id");
  s.slug = f.Str("name");
  s.organization_id = f.Str("owner_org");
  if (auto src = ParseSoftwareSource(f.Str("source"))) s.source = *src;
  else f.Fail("source");
  s.repository_url = f.Str("repository_url");
  s.publiccode_yml = f.Str("publiccode_yml");
  s.valid = f.Bool("valid");
  s.name = f.Str("title");
  s.short_description = LocalizedFrom(f.Find("short_description_translated"));
  s.software_type = f.Str("software_type");
  s.development_status = f.Str("development_status");
  s.license = f.Str("license");
  s.categories = f.StrList("categories");
  s.maintenance_type = f.Str("maintenance_type");
  s.contract_until = f.StrList("contract_until");
  s.maintenance_status = f.Str("maintenance_status");
  s.head_commit = f.Str("head_commit");
  s.last_commit_unix = f.Int("last_commit_unix");
  s.vitality_json = f.Str("vitality");
  s.readiness_json = f.Str("readiness");
  if (const json::value* links = f.Find("datasets"); links && links->is_array()) {
    for (const auto& item : links->get_array()) {
      Fields l(item, "dataset link");
      s.datasets.push_back({l.Str("dataset_id"), l.Str("relation")});
      if (l.fail_) return std::unexpected(*l.fail_);
    }
  }
  if (const json::value* answers = f.Find("self_assessment"); answers && answers->is_object()) {
    for (const auto& kv : answers->get_object()) {
      Fields a(kv.value(), "self-assessment");
      s.self_assessment[std::string(kv.key())] = {a.Bool("met"), a.Str("note")};
      if (a.fail_) return std::unexpected(*a.fail_);
    }
  }
  s.crawled_at = f.Str("crawled_at");
  s.crawl_error = f.Str("crawl_error");
  if (auto st = ParseState(f.Str("state"))) s.state = *st;
  else f.Fail("state");
  s.created = f.Str("metadata_created");
  s.modified = f.Str("metadata_modified");
  if (f.fail_) return std::unexpected(*f.fail_);
  return s;
}

json::object AdoptionToJson(const Adoption& a) {
  return json::object{{"id", a.id},
                      {"software_id", a.software_id},
                      {"organization_id", a.organization_id},
                      {"version", a.version},
                      {"since", a.since},
                      {"vendor", a.vendor},
                      {"contract_reference", a.contract_reference},
                      {"contract_until", a.contract_until},
                      {"customisations_owner", a.customisations_owner},
                      {"contact_name", a.contact_name},
                      {"contact_email", a.contact_email},
                      {"state", ToCode(a.state)},
                      {"created", a.created},
                      {"modified", a.modified}};
}

Result<Adoption> AdoptionFromJson(const json::value& v) {
  Fields f(v, "adoption");
  Adoption a;
  a.id = f.Str("id");
  a.software_id = f.Str("software_id");
  a.organization_id = f.Str("organization_id");
  a.version = f.Str("version");
  a.since = f.Str("since");
  a.vendor = f.Str("vendor");
  a.contract_reference = f.Str("contract_reference");
  a.contract_until = f.Str("contract_until");
  a.customisations_owner = f.Str("customisations_owner");
  a.contact_name = f.Str("contact_name");
  a.contact_email = f.Str("contact_email");
  if (auto st = ParseState(f.Str("state"))) a.state = *st;
  else f.Fail("state");
  a.created = f.Str("created");
  a.modified = f.Str("modified");
  if (f.fail_) return std::unexpected(*f.fail_);
  return a;
}

json::object SoftwareVersionToJson(const SoftwareVersion& v, bool with_file) {
  json::object o{{"id", v.id},
                 {"software_id", v.software_id},
                 {"recorded_at", v.recorded_at},
                 {"head_commit", v.head_commit},
                 {"software_version", v.software_version},
                 {"valid", v.valid},
                 {"error_count", v.error_count},
                 {"warning_count", v.warning_count},
                 {"crawl_error", v.crawl_error}};
  if (auto report = ParseJson(v.report_json); report && !v.report_json.empty()) o["report"] = std::move(*report);
  if (with_file) o["publiccode_yml"] = v.publiccode_yml;
  return o;
}

}  // namespace pintu
