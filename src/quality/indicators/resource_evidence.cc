#include "quality/indicators/resource_evidence.h"

#include <set>

#include <boost/json.hpp>

namespace pintu::quality {
namespace json = boost::json;
namespace {

const json::object* Obj(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_object() ? &it->value().get_object() : nullptr;
}
const json::array* Arr(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_array() ? &it->value().get_array() : nullptr;
}
std::string Str(const json::object* o, std::string_view key) {
  if (!o) return {};
  auto it = o->find(key);
  return it != o->end() && it->value().is_string() ? std::string(it->value().get_string()) : std::string();
}
std::optional<bool> Bool(const json::object* o, std::string_view key) {
  if (!o) return std::nullopt;
  auto it = o->find(key);
  if (it == o->end() || !it->value().is_bool()) return std::nullopt;
  return it->value().get_bool();
}
std::optional<double> Num(const json::object* o, std::string_view key) {
  if (!o) return std::nullopt;
  auto it = o->find(key);
  if (it == o->end()) return std::nullopt;
  if (it->value().is_int64()) return double(it->value().get_int64());
  if (it->value().is_uint64()) return double(it->value().get_uint64());
  if (it->value().is_double()) return it->value().get_double();
  return std::nullopt;
}

}  // namespace

ResourceEvidence EvidenceFromReports(const Resource& resource, const json::object* link,
                                     const json::object* contents, const DatagovChecks& datagov) {
  ResourceEvidence e;
  e.resource_id = resource.id;
  e.datagov = datagov;
  if (link) {
    e.link_checked = true;
    if (auto s = Num(link, "status")) e.http_status = static_cast<int>(*s);
    e.downloadable = Bool(link, "downloadable");
    // An uploaded file is checked without HTTP: linkable stands for a 200.
    if (!e.http_status && Bool(link, "linkable") == true) e.http_status = 200;
  }
  if (!contents) return e;
  e.contents_checked = true;
  const json::object* stats = Obj(*contents, "stats");
  const json::object* format = Obj(*contents, "format");
  e.detected_format = Str(format, "detected");
  e.contents_readable = stats && !e.detected_format.empty() && e.detected_format != "unknown";
  if (!e.contents_readable) return e;
  e.valid = Bool(contents, "valid");
  e.rows = static_cast<int64_t>(Num(stats, "rows").value_or(0));
  e.bytes = static_cast<int64_t>(Num(stats, "bytes").value_or(0));
  e.sha256 = Str(stats, "sha256");
  e.machine_readable = Bool(format, "machineReadable");
  e.format_matches = Bool(format, "matches");
  const json::object* encoding = Obj(*contents, "encoding");
  e.detected_encoding = Str(encoding, "detected");
  e.encoding_matches = Bool(encoding, "matches");

  if (const json::array* errors = Arr(*contents, "errors")) {
    std::set<int64_t> rows;
    for (const auto& v : *errors) {
      if (!v.is_object()) continue;
      const auto& err = v.get_object();
      if (auto r = Num(&err, "rowNumber")) rows.insert(static_cast<int64_t>(*r));
      if (Str(&err, "type") == "duplicate-row") ++e.duplicate_rows;
    }
    e.rows_with_errors = static_cast<int64_t>(rows.size());
  }
  if (const json::array* warnings = Arr(*contents, "warnings")) {
    for (const auto& v : *warnings) {
      if (!v.is_object()) continue;
      const auto& w = v.get_object();
      std::string type = Str(&w, "type");
      if (type.starts_with("personal-data-")) {
        e.personal_data.push_back(type.substr(14) + "@" + Str(&w, "fieldName"));
      } else if (!type.empty() && std::find(e.limitations.begin(), e.limitations.end(), type) == e.limitations.end()) {
        e.limitations.push_back(type);
      }
    }
  }
  if (const json::object* profile = Obj(*contents, "profile")) {
    if (const json::array* fields = Arr(*profile, "fields")) {
      double nulls = 0;
      for (const auto& v : *fields) {
        if (!v.is_object()) continue;
        const auto& f = v.get_object();
        e.columns.push_back(Str(&f, "name"));
        e.inferred_types.push_back(Str(&f, "type"));
        nulls += Num(&f, "nullRatio").value_or(0);
        if (Bool(&f, "keyCandidate") == true) ++e.key_candidates;
      }
      if (!e.columns.empty()) e.mean_null_ratio = nulls / e.columns.size();
    }
  }
  return e;
}

}  // namespace pintu::quality
