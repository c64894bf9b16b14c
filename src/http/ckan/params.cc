#include "http/ckan/params.h"

#include "core/model_json.h"
#include "core/text.h"
#include "http/multipart.h"

namespace json = boost::json;

namespace pintu::http::ckan {

Result<Params> ReadParams(const HttpRequest& req, size_t max_json_depth) {
  Params out;
  for (const auto& [k, v] : req.query) {
    if (!IsValidUtf8(k) || !IsValidUtf8(v))
      return std::unexpected(Error::BadRequest("Query parameter \"" + StripControlChars(k) +
                                               "\" is not valid UTF-8"));
    out.values[k] = v;
  }
  if (req.body.empty()) return out;
  std::string_view type = req.Header("content-type");
  std::string lower = AsciiLower(type);
  if (StartsWith(lower, "multipart/form-data")) {
    auto parts = ParseMultipart(req.body, type);
    if (!parts) return std::unexpected(parts.error());
    for (auto& part : *parts) {
      if (!part.filename.empty()) {
        out.files.push_back({part.name, part.filename, part.content_type, std::move(part.body)});
      } else {
        if (!IsValidUtf8(part.body))
          return std::unexpected(Error::BadRequest("Form field \"" + part.name + "\" is not valid UTF-8"));
        out.values[part.name] = part.body;
      }
    }
    return out;
  }
  // CKAN clients often send JSON with a form content type (e.g. `curl -d '{…}'`);
  // a body that starts like a JSON document is read as JSON whatever its type says.
  std::string_view trimmed = Trim(req.body);
  bool looks_json = !trimmed.empty() && (trimmed.front() == '{' || trimmed.front() == '[');
  if (StartsWith(lower, "application/x-www-form-urlencoded") && !looks_json) {
    for (auto& [k, v] : ParseQueryString(req.body)) {
      if (!IsValidUtf8(k) || !IsValidUtf8(v))
        return std::unexpected(Error::BadRequest("Form field \"" + StripControlChars(k) + "\" is not valid UTF-8"));
      out.values[k] = v;
    }
    return out;
  }
  auto parsed = ParseJson(req.body, max_json_depth);
  if (!parsed) return std::unexpected(Error::BadRequest("JSON Error: " + parsed.error().message));
  if (!parsed->is_object())
    return std::unexpected(Error::BadRequest("JSON Error: the request body must be a JSON object"));
  for (auto& kv : parsed->get_object()) out.values[kv.key()] = kv.value();
  return out;
}

Result<std::optional<std::string>> GetString(const json::object& p, std::string_view key) {
  auto it = p.find(key);
  if (it == p.end() || it->value().is_null()) return std::optional<std::string>{};
  const json::value& v = it->value();
  if (v.is_string()) return std::optional<std::string>(std::string(v.get_string()));
  if (v.is_int64() || v.is_uint64() || v.is_double() || v.is_bool())
    return std::optional<std::string>(json::serialize(v));
  return std::unexpected(Error::Invalid(std::string(key), "Must be a string", "必須是文字"));
}

Result<size_t> GetCount(const json::object& p, std::string_view key, size_t fallback, size_t max) {
  auto it = p.find(key);
  if (it == p.end() || it->value().is_null()) return fallback;
  const json::value& v = it->value();
  int64_t n = -1;
  if (v.is_int64()) n = v.get_int64();
  else if (v.is_uint64()) n = v.get_uint64() > static_cast<uint64_t>(INT64_MAX) ? -1 : static_cast<int64_t>(v.get_uint64());
  else if (v.is_string()) {
    std::string_view s = Trim(v.get_string());
    if (s.empty()) return fallback;
    if (s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      n = 0;
      for (char c : s) n = n * 10 + (c - '0');
    }
  }
  if (n < 0) return std::unexpected(Error::Invalid(std::string(key), "Must be a natural number", "必須是非負整數"));
  if (static_cast<size_t>(n) > max)
    return std::unexpected(Error::Invalid(std::string(key), "Must be less than or equal to " + std::to_string(max),
                                          "不可超過 " + std::to_string(max)));
  return static_cast<size_t>(n);
}

Result<Paging> GetPaging(const json::object& p, size_t default_limit, size_t max_limit) {
  auto limit = GetCount(p, "limit", default_limit, max_limit);
  if (!limit) return std::unexpected(limit.error());
  auto offset = GetCount(p, "offset", 0, SIZE_MAX / 2);
  if (!offset) return std::unexpected(offset.error());
  return Paging{*limit, *offset};
}

Result<bool> GetBool(const json::object& p, std::string_view key, bool fallback) {
  auto it = p.find(key);
  if (it == p.end() || it->value().is_null()) return fallback;
  const json::value& v = it->value();
  if (v.is_bool()) return v.get_bool();
  if (v.is_int64()) return v.get_int64() != 0;
  if (v.is_string()) {
    std::string s = AsciiLower(Trim(v.get_string()));
    if (s == "true" || s == "1" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "0" || s == "no" || s == "off" || s.empty()) return false;
  }
  return std::unexpected(Error::Invalid(std::string(key), "Must be true or false", "必須是 true 或 false"));
}

Result<std::vector<std::string>> GetList(const json::object& p, std::string_view key) {
  std::vector<std::string> out;
  auto it = p.find(key);
  if (it == p.end() || it->value().is_null()) return out;
  json::value v = it->value();
  if (v.is_string()) {
    std::string_view s = Trim(v.get_string());
    if (s.empty()) return out;
    if (s.front() != '[') {
      out.emplace_back(s);
      return out;
    }
    auto parsed = ParseJson(s, 4);
    if (!parsed) return std::unexpected(Error::Invalid(std::string(key), "Must be a JSON list of strings", "必須是 JSON 字串清單"));
    v = std::move(*parsed);
  }
  if (!v.is_array()) return std::unexpected(Error::Invalid(std::string(key), "Must be a list", "必須是清單"));
  for (const auto& item : v.get_array()) {
    if (!item.is_string()) return std::unexpected(Error::Invalid(std::string(key), "Must be a list of strings", "必須是字串清單"));
    out.emplace_back(item.get_string());
  }
  return out;
}

Result<std::string> GetId(const json::object& p) {
  for (std::string_view key : {"id", "name"}) {
    auto s = GetString(p, key);
    if (!s) return std::unexpected(s.error());
    if (*s && !(*s)->empty()) return **s;
  }
  return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
}

}  // namespace pintu::http::ckan
