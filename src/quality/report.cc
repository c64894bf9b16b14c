#include "quality/report.h"

#include <array>

#include <boost/json.hpp>

namespace pintu::quality {
namespace json = boost::json;
namespace {

json::value OptionalText(const std::optional<std::string>& v) {
  if (v) return json::value(*v);
  return nullptr;
}

}  // namespace

void Report::Warn(std::string type, std::string message, std::string message_zh,
                  std::optional<std::uint64_t> row_number) {
  warnings.push_back(ReportWarning{std::move(type), std::move(message), std::move(message_zh), row_number});
}

std::vector<std::string_view> ErrorTags(std::string_view type) {
  static constexpr std::array<std::string_view, 5> kLabel = {"blank-label", "duplicate-label", "missing-label",
                                                             "extra-label", "incorrect-label"};
  static constexpr std::array<std::string_view, 5> kRow = {"blank-row", "duplicate-row", "primary-key",
                                                           "foreign-key", "row-constraint"};
  static constexpr std::array<std::string_view, 5> kCell = {"missing-cell", "extra-cell", "type-error",
                                                            "constraint-error", "unique-error"};
  auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), type) != list.end(); };
  if (in(kLabel)) return {"#table", "#header", "#label"};
  if (type == "blank-header" || type == "unmatched-header") return {"#table", "#header"};
  if (in(kRow)) return {"#table", "#row"};
  if (in(kCell)) return {"#table", "#row", "#cell"};
  if (type == "hash-count" || type == "byte-count") return {"#file"};
  if (type == "row-count" || type == "field-count") return {"#table"};
  return {};
}

json::object ReportToJson(const Report& r) {
  json::object out;
  out["valid"] = r.valid;
  out["encoding"] = json::object{
      {"detected", OptionalText(r.encoding.detected)},
      {"bom", r.encoding.bom},
      {"declared", OptionalText(r.encoding.declared)},
      {"matches", r.encoding.matches ? json::value(*r.encoding.matches) : json::value(nullptr)}};
  if (!r.encoding.method.empty()) {
    json::object& enc = out["encoding"].as_object();
    enc["method"] = r.encoding.method;
    json::array rejected;
    for (const auto& [name, offset] : r.encoding.rejected) {
      rejected.push_back(json::object{{"encoding", name}, {"firstInvalidOffset", offset}});
    }
    enc["rejected"] = std::move(rejected);
  }
  json::object format{{"detected", OptionalText(r.format.detected)}, {"declared", OptionalText(r.format.declared)}};
  if (r.format.machine_readable) {
    format["matches"] = r.format.matches ? json::value(*r.format.matches) : json::value(nullptr);
    format["machineReadable"] = *r.format.machine_readable;
    format["evidence"] = r.format.evidence;
  }
  if (!r.format.compression.empty()) format["compression"] = r.format.compression;
  if (!r.format.member.empty()) format["member"] = r.format.member;
  out["format"] = std::move(format);
  out["dialect"] = json::object{
      {"delimiter", std::string(1, r.dialect.delimiter)},
      {"quoteChar", r.dialect.quote_char ? json::value(std::string(1, *r.dialect.quote_char)) : json::value(nullptr)},
      {"header", r.dialect.header}};
  json::object stats{{"rows", r.stats.rows}, {"fields", r.stats.fields}};
  stats["bytes"] = r.stats.bytes ? json::value(*r.stats.bytes) : json::value(nullptr);
  stats["sha256"] = OptionalText(r.stats.sha256);
  stats["md5"] = OptionalText(r.stats.md5);
  out["stats"] = std::move(stats);

  json::array errors;
  for (const ReportError& e : r.errors) {
    json::object je;
    je["type"] = e.type;
    je["rowNumber"] = e.row_number ? json::value(*e.row_number) : json::value(nullptr);
    je["fieldNumber"] = e.field_number ? json::value(*e.field_number) : json::value(nullptr);
    if (!e.field_name.empty()) je["fieldName"] = e.field_name;
    if (e.row_number || e.field_number) je["cell"] = e.cell;
    je["note"] = e.note;
    je["message"] = e.message;
    je["messageZh"] = e.message_zh;
    json::array tags;
    for (std::string_view t : ErrorTags(e.type)) tags.emplace_back(t);
    je["tags"] = std::move(tags);
    errors.push_back(std::move(je));
  }
  out["errors"] = std::move(errors);

  json::array warnings;
  for (const ReportWarning& w : r.warnings) {
    json::object jw{{"type", w.type}, {"message", w.message}, {"messageZh", w.message_zh}};
    jw["rowNumber"] = w.row_number ? json::value(*w.row_number) : json::value(nullptr);
    if (w.details) {
      for (const auto& [key, value] : *w.details) {
        if (!jw.contains(key)) jw[key] = value;
      }
    }
    warnings.push_back(std::move(jw));
  }
  out["warnings"] = std::move(warnings);
  out["schema"] = r.schema ? json::value(*r.schema) : json::value(nullptr);
  out["schemaInferred"] = r.schema_inferred;
  out["profile"] = r.profile ? *r.profile : json::value(nullptr);
  return out;
}

}  // namespace pintu::quality
