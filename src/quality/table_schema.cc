#include "quality/table_schema.h"

#include <algorithm>
#include <map>
#include <set>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/text.h"
#include "quality/pattern.h"

namespace pintu::quality {
namespace json = boost::json;
namespace {

Error SchemaError(std::string path, std::string problem, std::string problem_zh) {
  Error e = Error::Invalid(path, problem, std::move(problem_zh));
  e.message = fmt::format("invalid Table Schema at {}: {}", path, problem);
  return e;
}

// Reads a string or an array of strings (primaryKey, foreign key fields).
Result<std::vector<std::string>> StringOrList(const json::value& v, const std::string& path) {
  std::vector<std::string> out;
  if (v.is_string()) {
    out.emplace_back(v.get_string());
    return out;
  }
  const auto* a = v.if_array();
  if (a == nullptr) {
    return std::unexpected(SchemaError(path, "must be a string or a list of strings", "必須是字串或字串清單"));
  }
  for (std::size_t i = 0; i < a->size(); ++i) {
    if (!(*a)[i].is_string()) {
      return std::unexpected(SchemaError(fmt::format("{}[{}]", path, i), "must be a string", "必須是字串"));
    }
    out.emplace_back((*a)[i].get_string());
  }
  return out;
}

Result<std::vector<std::string>> StringList(const json::value& v, const std::string& path) {
  if (!v.is_array()) return std::unexpected(SchemaError(path, "must be a list of strings", "必須是字串清單"));
  return StringOrList(v, path);
}

// A scalar JSON value as text: strings as they are, numbers and booleans as JSON.
std::optional<std::string> ScalarText(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_number() || v.is_bool()) return json::serialize(v);
  return std::nullopt;
}

Result<std::optional<std::uint64_t>> Length(const json::object& o, std::string_view key, const std::string& path) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return std::optional<std::uint64_t>{};
  if (v->is_int64() && v->get_int64() >= 0) return std::optional<std::uint64_t>(v->get_int64());
  if (v->is_uint64()) return std::optional<std::uint64_t>(v->get_uint64());
  return std::unexpected(SchemaError(fmt::format("{}.{}", path, key), "must be a non-negative integer",
                                     "必須是非負整數"));
}

Result<bool> Bool(const json::object& o, std::string_view key, bool fallback, const std::string& path) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return fallback;
  if (!v->is_bool()) {
    return std::unexpected(SchemaError(fmt::format("{}.{}", path, key), "must be true or false", "必須是 true 或 false"));
  }
  return v->get_bool();
}

Result<void> ParseConstraints(const json::value& v, const std::string& path, SchemaField& field) {
  const auto* o = v.if_object();
  if (o == nullptr) return std::unexpected(SchemaError(path, "must be an object", "必須是物件"));
  FieldConstraints& c = field.constraints;
  auto required = Bool(*o, "required", false, path);
  if (!required) return std::unexpected(required.error());
  c.required = *required;
  auto unique = Bool(*o, "unique", false, path);
  if (!unique) return std::unexpected(unique.error());
  c.unique = *unique;
  auto min_length = Length(*o, "minLength", path);
  if (!min_length) return std::unexpected(min_length.error());
  c.min_length = *min_length;
  auto max_length = Length(*o, "maxLength", path);
  if (!max_length) return std::unexpected(max_length.error());
  c.max_length = *max_length;

  struct Bound {
    std::string_view key;
    std::optional<std::string>* target;
  };
  for (Bound b : {Bound{"minimum", &c.minimum}, Bound{"maximum", &c.maximum},
                  Bound{"exclusiveMinimum", &c.exclusive_minimum}, Bound{"exclusiveMaximum", &c.exclusive_maximum}}) {
    const json::value* bv = o->if_contains(b.key);
    if (bv == nullptr) continue;
    const std::string bpath = fmt::format("{}.{}", path, b.key);
    auto text = ScalarText(*bv);
    if (!text || !ParseCell(*text, field.format)) {
      return std::unexpected(SchemaError(bpath, fmt::format("must be a valid {} value", FieldTypeName(field.format.type)),
                                         fmt::format("必須是有效的 {} 值", FieldTypeName(field.format.type))));
    }
    *b.target = std::move(*text);
  }
  if (const json::value* pv = o->if_contains("pattern")) {
    if (!pv->is_string()) return std::unexpected(SchemaError(path + ".pattern", "must be a string", "必須是字串"));
    auto compiled = PatternMatcher::Compile(pv->get_string());
    if (!compiled) {
      return std::unexpected(SchemaError(path + ".pattern", compiled.error().fields.at(0).message,
                                         compiled.error().fields.at(0).message_zh));
    }
    c.pattern = std::string(pv->get_string());
  }
  if (const json::value* ev = o->if_contains("enum")) {
    const auto* a = ev->if_array();
    if (a == nullptr) return std::unexpected(SchemaError(path + ".enum", "must be a list", "必須是清單"));
    std::vector<std::string> values;
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto text = ScalarText((*a)[i]);
      if (!text || !ParseCell(*text, field.format)) {
        return std::unexpected(SchemaError(fmt::format("{}.enum[{}]", path, i),
                                           fmt::format("must be a valid {} value", FieldTypeName(field.format.type)),
                                           fmt::format("必須是有效的 {} 值", FieldTypeName(field.format.type))));
      }
      values.push_back(std::move(*text));
    }
    c.enum_values = std::move(values);
  }
  return Ok();
}

Result<SchemaField> ParseField(const json::value& v, const std::string& path) {
  const auto* o = v.if_object();
  if (o == nullptr) return std::unexpected(SchemaError(path, "must be an object", "必須是物件"));
  SchemaField field;
  const json::value* name = o->if_contains("name");
  if (name == nullptr || !name->is_string() || name->get_string().empty()) {
    return std::unexpected(SchemaError(path + ".name", "is required and must be a non-empty string",
                                       "為必填，且必須是非空字串"));
  }
  field.name = name->get_string();
  for (auto [key, target] : {std::pair<std::string_view, std::string*>{"title", &field.title},
                             std::pair<std::string_view, std::string*>{"description", &field.description}}) {
    if (const json::value* t = o->if_contains(key)) {
      if (!t->is_string()) return std::unexpected(SchemaError(fmt::format("{}.{}", path, key), "must be a string", "必須是字串"));
      *target = t->get_string();
    }
  }
  if (const json::value* t = o->if_contains("type")) {
    if (!t->is_string()) return std::unexpected(SchemaError(path + ".type", "must be a string", "必須是字串"));
    auto type = FieldTypeFromName(t->get_string());
    if (!type) {
      return std::unexpected(SchemaError(path + ".type", fmt::format("unknown type \"{}\"", std::string_view(t->get_string())),
                                         fmt::format("未知的型別「{}」", std::string_view(t->get_string()))));
    }
    field.format.type = *type;
  }
  if (const json::value* f = o->if_contains("format")) {
    if (!f->is_string()) return std::unexpected(SchemaError(path + ".format", "must be a string", "必須是字串"));
    field.format.format = f->get_string();
  }
  if (const json::value* t = o->if_contains("trueValues")) {
    auto list = StringList(*t, path + ".trueValues");
    if (!list) return std::unexpected(list.error());
    field.format.true_values = std::move(*list);
  }
  if (const json::value* t = o->if_contains("falseValues")) {
    auto list = StringList(*t, path + ".falseValues");
    if (!list) return std::unexpected(list.error());
    field.format.false_values = std::move(*list);
  }
  auto bare = Bool(*o, "bareNumber", true, path);
  if (!bare) return std::unexpected(bare.error());
  field.format.bare_number = *bare;
  if (const json::value* g = o->if_contains("groupChar")) {
    if (!g->is_string()) return std::unexpected(SchemaError(path + ".groupChar", "must be a string", "必須是字串"));
    field.format.group_char = g->get_string();
  }
  if (const json::value* d = o->if_contains("decimalChar")) {
    if (!d->is_string() || d->get_string().size() != 1) {
      return std::unexpected(SchemaError(path + ".decimalChar", "must be one ASCII character", "必須是單一 ASCII 字元"));
    }
    field.format.decimal_char = d->get_string()[0];
  }
  if (const json::value* d = o->if_contains("delimiter"); d != nullptr && field.format.type == FieldType::kList) {
    if (!d->is_string() || d->get_string().empty()) {
      return std::unexpected(SchemaError(path + ".delimiter", "must be a non-empty string", "必須是非空字串"));
    }
    field.format.list_delimiter = d->get_string();
  }
  if (const json::value* c = o->if_contains("constraints")) {
    if (auto r = ParseConstraints(*c, path + ".constraints", field); !r) return std::unexpected(r.error());
  }
  return field;
}

Result<void> CheckNames(const TableSchema& schema, const std::vector<std::string>& names, const std::string& path) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!schema.FieldIndex(names[i])) {
      return std::unexpected(SchemaError(names.size() == 1 ? path : fmt::format("{}[{}]", path, i),
                                         fmt::format("no field is called \"{}\"", names[i]),
                                         fmt::format("沒有名為「{}」的欄位", names[i])));
    }
  }
  return Ok();
}

}  // namespace

std::optional<std::size_t> TableSchema::FieldIndex(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return i;
  }
  return std::nullopt;
}

Result<TableSchema> ParseTableSchema(std::string_view text) {
  if (text.size() > kMaxSchemaBytes) {
    return std::unexpected(Error::TooLarge(fmt::format("the Table Schema is larger than {} bytes", kMaxSchemaBytes)));
  }
  if (const std::size_t bad = FirstInvalidUtf8(text); bad != std::string_view::npos) {
    return std::unexpected(SchemaError(fmt::format("byte {}", bad), "is not valid UTF-8", "不是有效的 UTF-8"));
  }
  json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const std::size_t at = std::min(used, text.size());
    const std::string_view before = text.substr(0, at);
    const std::size_t line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    const std::size_t line_start = before.rfind('\n');
    const std::size_t column = at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return std::unexpected(SchemaError(fmt::format("line {}, column {}", line, column),
                                       fmt::format("not valid JSON ({})", ec.message()),
                                       fmt::format("不是有效的 JSON（{}）", ec.message())));
  }
  return TableSchemaFromJson(parser.release());
}

Result<TableSchema> TableSchemaFromJson(const json::value& v) {
  const auto* o = v.if_object();
  if (o == nullptr) return std::unexpected(SchemaError("$", "a Table Schema must be a JSON object", "Table Schema 必須是 JSON 物件"));
  TableSchema schema;
  const json::value* fields = o->if_contains("fields");
  if (fields == nullptr || !fields->is_array()) {
    return std::unexpected(SchemaError("fields", "is required and must be a list", "為必填，且必須是清單"));
  }
  const auto& list = fields->get_array();
  if (list.size() > kMaxSchemaFields) {
    return std::unexpected(SchemaError("fields", fmt::format("has more than {} fields", kMaxSchemaFields),
                                       fmt::format("超過 {} 個欄位", kMaxSchemaFields)));
  }
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = fmt::format("fields[{}]", i);
    auto field = ParseField(list[i], path);
    if (!field) return std::unexpected(field.error());
    schema.fields.push_back(std::move(*field));
  }
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    if (!seen.insert(schema.fields[i].name).second) {
      return std::unexpected(SchemaError(fmt::format("fields[{}].name", i),
                                         fmt::format("\"{}\" is used by another field", schema.fields[i].name),
                                         fmt::format("「{}」已被其他欄位使用", schema.fields[i].name)));
    }
  }
  if (const json::value* mv = o->if_contains("missingValues")) {
    auto values = StringList(*mv, "missingValues");
    if (!values) return std::unexpected(values.error());
    schema.missing_values = std::move(*values);
  }
  if (const json::value* pk = o->if_contains("primaryKey")) {
    auto names = StringOrList(*pk, "primaryKey");
    if (!names) return std::unexpected(names.error());
    if (auto r = CheckNames(schema, *names, "primaryKey"); !r) return std::unexpected(r.error());
    schema.primary_key = std::move(*names);
  }
  if (const json::value* fks = o->if_contains("foreignKeys")) {
    const auto* a = fks->if_array();
    if (a == nullptr) return std::unexpected(SchemaError("foreignKeys", "must be a list", "必須是清單"));
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string path = fmt::format("foreignKeys[{}]", i);
      const auto* fk = (*a)[i].if_object();
      if (fk == nullptr) return std::unexpected(SchemaError(path, "must be an object", "必須是物件"));
      ForeignKey key;
      const json::value* f = fk->if_contains("fields");
      if (f == nullptr) return std::unexpected(SchemaError(path + ".fields", "is required", "為必填"));
      auto fields_list = StringOrList(*f, path + ".fields");
      if (!fields_list) return std::unexpected(fields_list.error());
      key.fields = std::move(*fields_list);
      if (auto r = CheckNames(schema, key.fields, path + ".fields"); !r) return std::unexpected(r.error());
      const json::value* ref = fk->if_contains("reference");
      if (ref == nullptr || !ref->is_object()) {
        return std::unexpected(SchemaError(path + ".reference", "is required and must be an object", "為必填，且必須是物件"));
      }
      const auto& r = ref->get_object();
      if (const json::value* res = r.if_contains("resource")) {
        if (!res->is_string()) return std::unexpected(SchemaError(path + ".reference.resource", "must be a string", "必須是字串"));
        key.reference_resource = res->get_string();
      }
      const json::value* rf = r.if_contains("fields");
      if (rf == nullptr) return std::unexpected(SchemaError(path + ".reference.fields", "is required", "為必填"));
      auto ref_fields = StringOrList(*rf, path + ".reference.fields");
      if (!ref_fields) return std::unexpected(ref_fields.error());
      key.reference_fields = std::move(*ref_fields);
      if (key.reference_fields.size() != key.fields.size()) {
        return std::unexpected(SchemaError(path + ".reference.fields", "must name as many fields as foreignKeys fields",
                                           "欄位數必須與外鍵欄位數相同"));
      }
      if (key.reference_resource.empty()) {
        if (auto c = CheckNames(schema, key.reference_fields, path + ".reference.fields"); !c) {
          return std::unexpected(c.error());
        }
      }
      schema.foreign_keys.push_back(std::move(key));
    }
  }
  return schema;
}

json::object TableSchemaToJson(const TableSchema& schema) {
  json::object out;
  json::array fields;
  static const FieldFormat kDefaults;
  for (const SchemaField& f : schema.fields) {
    json::object jf;
    jf["name"] = f.name;
    jf["type"] = FieldTypeName(f.format.type);
    if (f.format.format != "default") jf["format"] = f.format.format;
    if (!f.title.empty()) jf["title"] = f.title;
    if (!f.description.empty()) jf["description"] = f.description;
    if (f.format.true_values != kDefaults.true_values) jf["trueValues"] = json::value_from(f.format.true_values);
    if (f.format.false_values != kDefaults.false_values) jf["falseValues"] = json::value_from(f.format.false_values);
    if (!f.format.bare_number) jf["bareNumber"] = false;
    if (!f.format.group_char.empty()) jf["groupChar"] = f.format.group_char;
    if (f.format.decimal_char != '.') jf["decimalChar"] = std::string(1, f.format.decimal_char);
    const FieldConstraints& c = f.constraints;
    json::object jc;
    if (c.required) jc["required"] = true;
    if (c.unique) jc["unique"] = true;
    if (c.min_length) jc["minLength"] = *c.min_length;
    if (c.max_length) jc["maxLength"] = *c.max_length;
    if (c.minimum) jc["minimum"] = *c.minimum;
    if (c.maximum) jc["maximum"] = *c.maximum;
    if (c.exclusive_minimum) jc["exclusiveMinimum"] = *c.exclusive_minimum;
    if (c.exclusive_maximum) jc["exclusiveMaximum"] = *c.exclusive_maximum;
    if (c.pattern) jc["pattern"] = *c.pattern;
    if (c.enum_values) jc["enum"] = json::value_from(*c.enum_values);
    if (!jc.empty()) jf["constraints"] = std::move(jc);
    fields.push_back(std::move(jf));
  }
  out["fields"] = std::move(fields);
  if (schema.missing_values != std::vector<std::string>{""}) out["missingValues"] = json::value_from(schema.missing_values);
  if (!schema.primary_key.empty()) out["primaryKey"] = json::value_from(schema.primary_key);
  if (!schema.foreign_keys.empty()) {
    json::array fks;
    for (const ForeignKey& k : schema.foreign_keys) {
      fks.push_back(json::object{{"fields", json::value_from(k.fields)},
                                 {"reference", json::object{{"resource", k.reference_resource},
                                                            {"fields", json::value_from(k.reference_fields)}}}});
    }
    out["foreignKeys"] = std::move(fks);
  }
  return out;
}

TableSchema SchemaFromLabels(const std::vector<std::string>& labels) {
  TableSchema schema;
  std::vector<std::string> names;
  names.reserve(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    names.push_back(labels[i].empty() ? fmt::format("field{}", i + 1) : labels[i]);
  }
  std::map<std::string, int> seen;
  for (std::string& name : names) {
    const int count = ++seen[name];
    if (count > 1) name += std::to_string(count);
  }
  for (std::string& name : names) {
    SchemaField f;
    f.name = std::move(name);
    f.format.type = FieldType::kAny;
    schema.fields.push_back(std::move(f));
  }
  return schema;
}

}  // namespace pintu::quality
