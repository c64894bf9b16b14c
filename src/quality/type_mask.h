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

namespace pintu::quality {

// One bit per Table Schema type. The bit order is stable (it may be stored); add new
// types at the end.
using TypeMask = std::uint32_t;

inline constexpr TypeMask kTypeInteger = 1u << 0;    // "integer"
inline constexpr TypeMask kTypeNumber = 1u << 1;     // "number" (integers also set it)
inline constexpr TypeMask kTypeBoolean = 1u << 2;    // "boolean"
inline constexpr TypeMask kTypeDate = 1u << 3;       // "date"
inline constexpr TypeMask kTypeDatetime = 1u << 4;   // "datetime"
inline constexpr TypeMask kTypeTime = 1u << 5;       // "time"
inline constexpr TypeMask kTypeYear = 1u << 6;       // "year"
inline constexpr TypeMask kTypeYearMonth = 1u << 7;  // "yearmonth"
inline constexpr TypeMask kTypeDuration = 1u << 8;   // "duration"
inline constexpr TypeMask kTypeGeopoint = 1u << 9;   // "geopoint"
inline constexpr TypeMask kTypeGeojson = 1u << 10;   // "geojson"
inline constexpr TypeMask kTypeObject = 1u << 11;    // "object"
inline constexpr TypeMask kTypeArray = 1u << 12;     // "array"

// Every defined bit: the neutral start of an AND over a column's cells.
inline constexpr TypeMask kAllTypes = (1u << 13) - 1;

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
