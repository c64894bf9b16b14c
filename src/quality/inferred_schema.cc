#include "quality/inferred_schema.h"

#include <boost/json/array.hpp>

namespace pintu::quality {
namespace json = boost::json;

json::object InferSchema(const TableProfile& profile) {
  const std::vector<std::string>& names = profile.field_names();
  json::array fields;
  for (std::size_t i = 0; i < names.size(); ++i) {
    json::object field{{"name", names[i]}};
    if (i >= profile.profiled_field_count()) {
      field["type"] = "any";
      fields.push_back(std::move(field));
      continue;
    }
    const ColumnSummary summary = profile.Summarize(i);
    field["type"] = summary.type;
    json::object constraints;
    if (summary.null_count == 0 && summary.non_null > 0) constraints["required"] = true;
    if (summary.unique.value_or(false) && summary.distinct_exact && summary.non_null > 1) constraints["unique"] = true;
    if (!constraints.empty()) field["constraints"] = std::move(constraints);
    fields.push_back(std::move(field));
  }
  json::array missing;
  for (const std::string& m : profile.options().missing_values) missing.emplace_back(m);
  return json::object{{"fields", std::move(fields)}, {"missingValues", std::move(missing)}};
}

}  // namespace pintu::quality
