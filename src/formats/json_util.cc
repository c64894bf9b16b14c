#include "formats/json_util.h"

#include "core/model_json.h"
#include "core/text.h"

namespace json = boost::json;

namespace pintu::formats {

const json::value* Member(const json::object& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

std::optional<std::string> AsText(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64() || v.is_uint64() || v.is_double()) return json::serialize(v);
  if (v.is_bool()) return std::string(v.get_bool() ? "true" : "false");
  return std::nullopt;
}

std::string TextOf(const json::object& obj, std::string_view key) {
  const json::value* v = Member(obj, key);
  if (!v) return {};
  return AsText(*v).value_or("");
}

std::string AsExtraValue(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  return json::serialize(v);
}

bool IsBlank(const json::value& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return Trim(v.get_string()).empty();
  if (v.is_array()) return v.get_array().empty();
  if (v.is_object()) return v.get_object().empty();
  return false;
}

json::value DecodeEmbeddedJson(const json::value& v) {
  if (!v.is_string()) return v;
  std::string_view s = Trim(v.get_string());
  if (s.size() < 2 || !((s.front() == '[' && s.back() == ']') || (s.front() == '{' && s.back() == '}')))
    return v;
  json::parse_options opts;
  opts.max_depth = 32;
  boost::system::error_code ec;
  json::value parsed = json::parse(s, ec, {}, opts);
  if (ec) return v;
  return parsed;
}

namespace {
void AddUnique(std::vector<std::string>& out, std::string_view s) {
  std::string t(Trim(s));
  if (t.empty()) return;
  if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
}
}  // namespace

std::vector<std::string> AsStringList(const json::value& raw) {
  std::vector<std::string> out;
  json::value v = DecodeEmbeddedJson(raw);
  if (v.is_string()) {
    for (auto piece : Split(v.get_string(), ',')) AddUnique(out, piece);
  } else if (v.is_array()) {
    for (const auto& item : v.get_array()) {
      if (auto t = AsText(item)) AddUnique(out, *t);
      else if (item.is_object())
        if (const json::value* n = Member(item.get_object(), "name"))
          if (auto t = AsText(*n)) AddUnique(out, *t);
    }
  } else if (v.is_object()) {
    for (const auto& kv : v.get_object()) {
      if (kv.value().is_array()) {
        for (const auto& item : kv.value().get_array())
          if (auto t = AsText(item)) AddUnique(out, *t);
      } else if (auto t = AsText(kv.value())) {
        AddUnique(out, *t);
      }
    }
  } else if (auto t = AsText(v)) {
    AddUnique(out, *t);
  }
  return out;
}

LocalizedText ToLocalized(const json::value* plain, const json::value* translated) {
  LocalizedText t;
  if (translated && translated->is_object()) {
    for (const auto& kv : translated->get_object())
      if (auto s = AsText(kv.value()); s && !kv.key().empty()) t.Set(kv.key(), std::string(Trim(*s)));
  }
  if (plain && plain->is_object()) {
    for (const auto& kv : plain->get_object())
      if (auto s = AsText(kv.value()); s && !kv.key().empty() && !t.Has(NormalizeLangTag(kv.key())))
        t.Set(kv.key(), std::string(Trim(*s)));
  } else if (plain) {
    if (auto s = AsText(*plain)) {
      std::string text(Trim(*s));
      bool covered = false;
      for (const auto& [k, val] : t.Values())
        if (val == text) covered = true;
      std::string_view lang = ContainsCjk(text) ? kLangZh : kLangEn;
      if (!text.empty() && !covered && !t.Has(lang)) t.Set(lang, std::move(text));
    }
  }
  return t;
}

}  // namespace pintu::formats
