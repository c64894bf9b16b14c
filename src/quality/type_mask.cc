#include "quality/type_mask.h"

namespace pintu::quality {
namespace {

struct NamedType {
  TypeMask bit;
  std::string_view name;
};

// Frictionless' detection order (frictionless-py `settings.DEFAULT_FIELD_CANDIDATES`):
// the first candidate that every value satisfies wins.
constexpr NamedType kPreference[] = {
    {kTypeYearMonth, "yearmonth"}, {kTypeGeopoint, "geopoint"}, {kTypeDuration, "duration"},
    {kTypeGeojson, "geojson"},     {kTypeObject, "object"},     {kTypeArray, "array"},
    {kTypeDatetime, "datetime"},   {kTypeTime, "time"},         {kTypeDate, "date"},
    {kTypeInteger, "integer"},     {kTypeNumber, "number"},     {kTypeBoolean, "boolean"},
    {kTypeYear, "year"},
};

}  // namespace

std::string_view PreferredTypeName(TypeMask shared) {
  for (const NamedType& t : kPreference) {
    if (shared & t.bit) return t.name;
  }
  return "string";
}

std::string_view TypeBitName(TypeMask bit) {
  for (const NamedType& t : kPreference) {
    if (bit == t.bit) return t.name;
  }
  return "string";
}

}  // namespace pintu::quality
