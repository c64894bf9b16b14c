// Type-candidate masks: which Table Schema types one cell conforms to, as one uint32.
//
// Whoever parses cells (quality/cell_types.h) sets, for every non-null cell, the bit of
// every type the cell's text is a valid value of. A cell conforming to a narrower type
// also sets the wider ones it implies: "42" sets kTypeInteger | kTypeNumber (and possibly
// kTypeYear, kTypeBoolean when the dialect says so); "2021-01-05" sets kTypeDate.
// kTypeString is never needed: every cell is a string.
//
// A column's inferred type is the preferred type among the bits that ALL of its non-null
// cells share (the AND of their masks), in Frictionless' detection order; "string" when
// no bit survives, "any" when the column has no non-null cell.
#pragma once

#include <cstdint>
#include <string_view>

#include "quality/cell_types.h"

namespace pintu::quality {

// The bits are those of quality/cell_types.h (TypeBit(FieldType)), so the masks that
// ConformingTypes returns feed the profile directly.
inline constexpr TypeMask kTypeInteger = TypeBit(FieldType::kInteger);      // "integer"
inline constexpr TypeMask kTypeNumber = TypeBit(FieldType::kNumber);        // "number" (integers also set it)
inline constexpr TypeMask kTypeBoolean = TypeBit(FieldType::kBoolean);      // "boolean"
inline constexpr TypeMask kTypeDate = TypeBit(FieldType::kDate);            // "date"
inline constexpr TypeMask kTypeDatetime = TypeBit(FieldType::kDatetime);    // "datetime"
inline constexpr TypeMask kTypeTime = TypeBit(FieldType::kTime);            // "time"
inline constexpr TypeMask kTypeYear = TypeBit(FieldType::kYear);            // "year"
inline constexpr TypeMask kTypeYearMonth = TypeBit(FieldType::kYearmonth);  // "yearmonth"
inline constexpr TypeMask kTypeDuration = TypeBit(FieldType::kDuration);    // "duration"
inline constexpr TypeMask kTypeGeopoint = TypeBit(FieldType::kGeopoint);    // "geopoint"
inline constexpr TypeMask kTypeGeojson = TypeBit(FieldType::kGeojson);      // "geojson"
inline constexpr TypeMask kTypeObject = TypeBit(FieldType::kObject);        // "object"
inline constexpr TypeMask kTypeArray = TypeBit(FieldType::kArray);          // "array"

// Every type bit above: the neutral start of an AND over a column's cells.
inline constexpr TypeMask kAllTypes = kTypeInteger | kTypeNumber | kTypeBoolean | kTypeDate | kTypeDatetime |
                                      kTypeTime | kTypeYear | kTypeYearMonth | kTypeDuration | kTypeGeopoint |
                                      kTypeGeojson | kTypeObject | kTypeArray;

// The preferred Table Schema type name among the bits of `shared` (the AND of all
// non-null cells' masks). Preference follows Frictionless' detection order:
// yearmonth, geopoint, duration, geojson, object, array, datetime, time, date, integer,
// number, boolean, year; "string" when `shared` has none of them. The returned view
// points to a static string.
std::string_view PreferredTypeName(TypeMask shared);

// The Table Schema type name of exactly one bit (e.g. kTypeDate → "date"); "string" for
// zero or an unknown bit.
std::string_view TypeBitName(TypeMask bit);

}  // namespace pintu::quality
