// Table Schema field types: parse a cell as a type/format and say which types a cell
// conforms to (for type-error validation and for schema inference, one call per cell).
// Cells are UTF-8 text as read from the CSV; missing values ("" by default) are the
// caller's business and are never passed here as nulls.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pintu::quality {

// The Table Schema (Frictionless v5) field types.
enum class FieldType : std::uint8_t {
  kAny,
  kString,
  kInteger,
  kNumber,
  kBoolean,
  kDate,
  kTime,
  kDatetime,
  kYear,
  kYearmonth,
  kDuration,
  kGeopoint,
  kGeojson,
  kObject,
  kArray,
  kList,
};

// A set of field types, one bit per FieldType.
using TypeMask = std::uint32_t;

// The bit of one type.
constexpr TypeMask TypeBit(FieldType type) { return TypeMask{1} << static_cast<unsigned>(type); }

// The Table Schema name of a type ("integer", "yearmonth", …).
std::string_view FieldTypeName(FieldType type);

// The type with that Table Schema name; nullopt for unknown names.
std::optional<FieldType> FieldTypeFromName(std::string_view name);

// Everything about a field that decides how its cells are read.
struct FieldFormat {
  FieldType type = FieldType::kString;
  // "default"; "any"; string: "email" | "uri" | "uuid" | "binary"; geopoint: "array" |
  // "object"; date/time/datetime: a Python strptime pattern such as "%d/%m/%Y".
  std::string format = "default";
  std::vector<std::string> true_values = {"true", "True", "TRUE", "1"};
  std::vector<std::string> false_values = {"false", "False", "FALSE", "0"};
  bool bare_number = true;      // false: "€95", "95%" are numbers (non-digits at the edges dropped)
  char decimal_char = '.';
  std::string group_char;       // e.g. "," for 1,000,000; empty: none
  std::string list_delimiter = ",";
};

// A parsed cell in a form that orders like the type: integers, dates (days since
// 1970-01-01), times (microseconds since midnight), datetimes (microseconds since the
// epoch, UTC when the cell has an offset), years, yearmonths (year*12 + month-1) and
// booleans are integers; numbers and durations (seconds) are doubles; every other type
// keeps its text.
struct CellValue {
  enum class Kind : std::uint8_t { kInteger, kReal, kText };
  Kind kind = Kind::kText;
  std::int64_t integer = 0;
  double real = 0.0;
  std::string_view text;  // the cell itself (kText only)
};

// Reads `cell` as the field's type and format. nullopt means a type error.
std::optional<CellValue> ParseCell(std::string_view cell, const FieldFormat& field);

// The types whose default format `cell` conforms to (kAny and kString always, kList
// always). One pass with fast paths for integers and numbers.
TypeMask ConformingTypes(std::string_view cell);

// Exactly ConformingTypes(cell) & candidates, but only the types in `candidates` are
// tested: a column whose surviving candidates are {integer, number} pays one integer
// parse (and a decimal parse when that fails), one with no candidate left pays nothing.
// Schema inference passes the AND of the masks seen so far.
TypeMask ConformingTypesWithin(std::string_view cell, TypeMask candidates);

// Orders two values of the same field: negative, zero or positive. Integers and reals
// compare numerically with each other; text compares bytewise.
int CompareCellValues(const CellValue& a, const CellValue& b);

// A 64-bit hash of the value, equal for equal values (1 and 01 as integers, 1.0 and 1
// as numbers). Used by unique, primary-key and foreign-key checks.
std::uint64_t HashCellValue(const CellValue& value);

// Length for minLength/maxLength: Unicode code points for text types, items for arrays,
// objects and lists.
std::size_t CellLength(std::string_view cell, const FieldFormat& field);

}  // namespace pintu::quality
