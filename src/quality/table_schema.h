// Frictionless Table Schema: the declared fields of a table (name, type, format,
// constraints), missing values, primary key and foreign keys. Parsed from JSON with
// every mistake reported at its JSON path, e.g. "fields[2].constraints.minLength".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "core/error.h"
#include "quality/cell_types.h"

namespace pintu::quality {

// Constraints of one field. Bounds and enum values keep their JSON text; they are read
// with the field's own type (a date field's minimum is a date).
struct FieldConstraints {
  bool required = false;
  bool unique = false;
  std::optional<std::uint64_t> min_length;
  std::optional<std::uint64_t> max_length;
  std::optional<std::string> minimum;
  std::optional<std::string> maximum;
  std::optional<std::string> exclusive_minimum;
  std::optional<std::string> exclusive_maximum;
  std::optional<std::string> pattern;
  std::optional<std::vector<std::string>> enum_values;
};

// One declared column.
struct SchemaField {
  std::string name;
  std::string title;
  std::string description;
  FieldFormat format;  // type, format and type options (trueValues, groupChar, …)
  FieldConstraints constraints;
};

// A foreign key. An empty reference resource means the table itself.
struct ForeignKey {
  std::vector<std::string> fields;
  std::string reference_resource;
  std::vector<std::string> reference_fields;
};

struct TableSchema {
  std::vector<SchemaField> fields;
  std::vector<std::string> missing_values = {""};
  std::vector<std::string> primary_key;
  std::vector<ForeignKey> foreign_keys;

  // Position of the field called `name` in `fields`, or nullopt.
  std::optional<std::size_t> FieldIndex(std::string_view name) const;
};

// Limits on schema documents (they may come from uploads).
inline constexpr std::size_t kMaxSchemaBytes = 8u << 20;
inline constexpr std::size_t kMaxSchemaFields = 100'000;

// Parses a Table Schema JSON document. Fails with a validation error whose field is the
// JSON path of the first problem (invalid UTF-8 and JSON syntax errors give the byte
// offset, line and column; unknown types, wrong value types, unknown primary-key fields,
// bad patterns and bounds that do not fit the field type are all named).
Result<TableSchema> ParseTableSchema(std::string_view json_text);

// The same from an already parsed JSON value.
Result<TableSchema> TableSchemaFromJson(const boost::json::value& json);

// The schema as Table Schema JSON (for reports; only non-default properties).
boost::json::object TableSchemaToJson(const TableSchema& schema);

// A schema with one field per label, named by the label (or "fieldN" when blank, with
// a number appended to repeated names, as frictionless does), all of type `any`.
TableSchema SchemaFromLabels(const std::vector<std::string>& labels);

}  // namespace pintu::quality
