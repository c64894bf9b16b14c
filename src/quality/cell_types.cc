#include "quality/cell_types.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string>
#include <cmath>
#include <functional>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "quality/temporal.h"

namespace pintu::quality {
namespace {

constexpr std::array<std::string_view, 16> kTypeNames = {
    "any",      "string",   "integer",  "number",   "boolean", "date",   "time",  "datetime",
    "year",     "yearmonth", "duration", "geopoint", "geojson", "object", "array", "list"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

CellValue Integer(std::int64_t v) { return CellValue{CellValue::Kind::kInteger, v, 0.0, {}}; }
CellValue Real(double v) { return CellValue{CellValue::Kind::kReal, 0, v, {}}; }
CellValue Text(std::string_view v) { return CellValue{CellValue::Kind::kText, 0, 0.0, v}; }

// Drops non-digits at the start (keeping "-") and at the end: "€95" → "95", "95%" → "95".
std::string_view StripNonBare(std::string_view s) {
  while (!s.empty() && !IsDigit(s.front()) && s.front() != '-') s.remove_prefix(1);
  while (!s.empty() && !IsDigit(s.back())) s.remove_suffix(1);
  return s;
}

// Python int(): surrounding whitespace, optional sign, ASCII digits.
std::optional<CellValue> ParseInteger(std::string_view cell, bool bare_number) {
  std::string_view s = Trim(cell);
  if (!bare_number) s = StripNonBare(s);
  std::string_view digits = s;
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
  if (digits.empty()) return std::nullopt;
  for (char c : digits) {
    if (!IsDigit(c)) return std::nullopt;
  }
  if (s.front() == '+') s.remove_prefix(1);
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && ptr == s.data() + s.size()) return Integer(v);
  // Beyond 64 bits: still an integer; keep an approximation for ordering.
  double approx = 0.0;
  std::from_chars(s.data(), s.data() + s.size(), approx);
  return Real(approx);
}

// Python Decimal() syntax after group/decimal characters are normalised.
std::optional<double> ParseDecimal(std::string_view s) {
  s = Trim(s);
  if (s.empty() || s.size() > 400) return std::nullopt;
  std::string_view body = s;
  if (body.front() == '+' || body.front() == '-') body.remove_prefix(1);
  if (EqualsIgnoreCase(body, "inf") || EqualsIgnoreCase(body, "infinity")) {
    return s.front() == '-' ? -HUGE_VAL : HUGE_VAL;
  }
  if (EqualsIgnoreCase(body, "nan")) return std::nan("");
  std::size_t i = 0;
  std::size_t int_digits = 0;
  while (i < body.size() && IsDigit(body[i])) ++i, ++int_digits;
  std::size_t frac_digits = 0;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && IsDigit(body[i])) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::nullopt;
  bool exponent = false;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    exponent = true;
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < body.size() && IsDigit(body[i])) ++i;
    if (i == start) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  if (!exponent && int_digits + frac_digits <= 15) {
    // Clinger's fast path: an exact integer below 2^53 divided by an exact power of ten
    // is correctly rounded.
    static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    std::int64_t mantissa = 0;
    for (char c : body) {
      if (c != '.') mantissa = mantissa * 10 + (c - '0');
    }
    const double v = static_cast<double>(mantissa) / kPow10[frac_digits];
    return s.front() == '-' ? -v : v;
  }
  const char* begin = s.data() + (s.front() == '+' ? 1 : 0);
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), v);
  if (ptr != s.data() + s.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Decimal has no range limit; strtod gives ±HUGE_VAL or 0, which order correctly.
    v = std::strtod(std::string(begin, s.data() + s.size()).c_str(), nullptr);
  }
  return v;
}

std::optional<CellValue> ParseNumber(std::string_view cell, const FieldFormat& f) {
  std::string_view s = cell;
  if (!f.bare_number) s = StripNonBare(Trim(s));
  if (f.group_char.empty() && f.decimal_char == '.') {
    if (auto v = ParseDecimal(s)) return Real(*v);
    return std::nullopt;
  }
  if (s.size() > 400) return std::nullopt;
  std::string normal;
  normal.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!f.group_char.empty() && s.substr(i).starts_with(f.group_char)) {
      i += f.group_char.size() - 1;
      continue;
    }
    normal.push_back(s[i] == f.decimal_char ? '.' : s[i]);
  }
  if (auto v = ParseDecimal(normal)) return Real(*v);
  return std::nullopt;
}

std::optional<CellValue> ParseBoolean(std::string_view cell, const FieldFormat& f) {
  for (const std::string& t : f.true_values) {
    if (cell == t) return Integer(1);
  }
  for (const std::string& v : f.false_values) {
    if (cell == v) return Integer(0);
  }
  return std::nullopt;
}

bool IsEmail(std::string_view s) {
  const auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view domain = s.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
  if (domain.find("..") != std::string_view::npos) return false;
  for (char c : s) {
    if (IsSpace(c) || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

bool IsUri(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  std::size_t i = 1;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
  if (i >= s.size() || s[i] != ':' || i + 1 >= s.size()) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}') {
      return false;
    }
  }
  return true;
}

bool IsUuid(std::string_view s) {
  if (s.starts_with("urn:uuid:")) s.remove_prefix(9);
  if (s.size() >= 2 && s.front() == '{' && s.back() == '}') s = s.substr(1, s.size() - 2);
  std::size_t hex = 0;
  for (char c : s) {
    if (c == '-') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    ++hex;
  }
  return hex == 32;
}

bool IsBase64(std::string_view s) {
  std::size_t n = 0;
  std::size_t padding = 0;
  for (char c : s) {
    if (c == '=') {
      ++padding;
    } else if (padding == 0 && (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/')) {
      ++n;
    } else {
      return false;
    }
  }
  return padding <= 2 && (n + padding) % 4 == 0;
}

std::optional<boost::json::value> ParseJson(std::string_view s) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(s, ec);
  if (ec) return std::nullopt;
  return v;
}

bool IsGeojson(const boost::json::value& v) {
  static constexpr std::array<std::string_view, 9> kTypes = {
      "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
      "GeometryCollection", "Feature", "FeatureCollection"};
  const auto* o = v.if_object();
  if (o == nullptr) return false;
  const auto it = o->find("type");
  if (it == o->end() || !it->value().is_string()) return false;
  const std::string_view type = it->value().get_string();
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

std::optional<double> JsonNumber(const boost::json::value& v) {
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  if (v.is_double()) return v.get_double();
  return std::nullopt;
}

bool ValidLonLat(std::optional<double> lon, std::optional<double> lat) {
  return lon && lat && *lon >= -180 && *lon <= 180 && *lat >= -90 && *lat <= 90;
}

bool IsGeopoint(std::string_view cell, std::string_view format) {
  if (format == "array") {
    auto v = ParseJson(cell);
    const auto* a = v ? v->if_array() : nullptr;
    return a != nullptr && a->size() == 2 && ValidLonLat(JsonNumber((*a)[0]), JsonNumber((*a)[1]));
  }
  if (format == "object") {
    auto v = ParseJson(cell);
    const auto* o = v ? v->if_object() : nullptr;
    if (o == nullptr || o->size() != 2 || !o->contains("lon") || !o->contains("lat")) return false;
    return ValidLonLat(JsonNumber(o->at("lon")), JsonNumber(o->at("lat")));
  }
  const auto comma = cell.find(',');
  if (comma == std::string_view::npos) return false;
  return ValidLonLat(ParseDecimal(cell.substr(0, comma)), ParseDecimal(cell.substr(comma + 1)));
}

std::optional<DateTimeParts> ParseDateParts(std::string_view cell, std::string_view format) {
  if (format == "default" || format.empty()) return ParseStrptime(cell, "%Y-%m-%d");
  if (format == "any") return ParseAnyDate(cell);
  if (format.starts_with("fmt:")) format.remove_prefix(4);
  return ParseStrptime(cell, format);
}

std::optional<DateTimeParts> ParseTimeParts(std::string_view cell, std::string_view format) {
  if (format == "default" || format.empty()) return ParseStrptime(cell, "%H:%M:%S");
  if (format == "any") {
    for (std::string_view layout : {"%H:%M:%S", "%H:%M", "%H:%M:%S.%f", "%H:%M:%S%z", "%I:%M %p", "%I:%M:%S %p"}) {
      if (auto p = ParseStrptime(cell, layout)) return p;
    }
    return std::nullopt;
  }
  if (format.starts_with("fmt:")) format.remove_prefix(4);
  return ParseStrptime(cell, format);
}

std::optional<DateTimeParts> ParseDatetimeParts(std::string_view cell, std::string_view format) {
  if (format == "default" || format.empty()) return ParseIsoDatetime(cell);
  if (format == "any") {
    if (auto p = ParseIsoDatetime(cell)) return p;
    for (std::string_view layout : {"%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%m/%d/%Y %H:%M:%S",
                                    "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M"}) {
      if (auto p = ParseStrptime(cell, layout)) return p;
    }
    return ParseAnyDate(cell);
  }
  if (format.starts_with("fmt:")) format.remove_prefix(4);
  return ParseStrptime(cell, format);
}

std::int64_t Micros(const DateTimeParts& p) {
  return ((static_cast<std::int64_t>(p.hour) * 60 + p.minute) * 60 + p.second) * 1'000'000 + p.microsecond;
}

std::int64_t EpochMicros(const DateTimeParts& p) {
  const std::int64_t days = DaysFromCivil(p.year, p.month, p.day);
  const std::int64_t offset = static_cast<std::int64_t>(p.utc_offset_minutes.value_or(0)) * 60'000'000;
  return days * 86'400'000'000 + Micros(p) - offset;
}

std::optional<CellValue> ParseYear(std::string_view cell) {
  if (cell.size() != 4) return std::nullopt;
  for (char c : cell) {
    if (!IsDigit(c)) return std::nullopt;
  }
  return Integer((cell[0] - '0') * 1000 + (cell[1] - '0') * 100 + (cell[2] - '0') * 10 + (cell[3] - '0'));
}

std::optional<CellValue> ParseYearmonth(std::string_view cell) {
  const auto dash = cell.find('-');
  if (dash != 4 || cell.size() < 6 || cell.size() > 7) return std::nullopt;
  auto year = ParseYear(cell.substr(0, 4));
  const std::string_view m = cell.substr(5);
  int month = 0;
  for (char c : m) {
    if (!IsDigit(c)) return std::nullopt;
    month = month * 10 + (c - '0');
  }
  if (!year || month < 1 || month > 12) return std::nullopt;
  return Integer(year->integer * 12 + month - 1);
}

std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

std::string_view FieldTypeName(FieldType type) { return kTypeNames[static_cast<std::size_t>(type)]; }

std::optional<FieldType> FieldTypeFromName(std::string_view name) {
  for (std::size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<FieldType>(i);
  }
  return std::nullopt;
}

std::optional<CellValue> ParseCell(std::string_view cell, const FieldFormat& f) {
  const std::string_view format = f.format;
  switch (f.type) {
    case FieldType::kAny:
    case FieldType::kList:
      return Text(cell);
    case FieldType::kString:
      if (format == "email" && !IsEmail(cell)) return std::nullopt;
      if (format == "uri" && !IsUri(cell)) return std::nullopt;
      if (format == "uuid" && !IsUuid(cell)) return std::nullopt;
      if (format == "binary" && !IsBase64(cell)) return std::nullopt;
      return Text(cell);
    case FieldType::kInteger:
      return ParseInteger(cell, f.bare_number);
    case FieldType::kNumber:
      return ParseNumber(cell, f);
    case FieldType::kBoolean:
      return ParseBoolean(cell, f);
    case FieldType::kDate:
      if (auto p = ParseDateParts(cell, format)) return Integer(DaysFromCivil(p->year, p->month, p->day));
      return std::nullopt;
    case FieldType::kTime:
      if (auto p = ParseTimeParts(cell, format)) return Integer(Micros(*p));
      return std::nullopt;
    case FieldType::kDatetime:
      if (auto p = ParseDatetimeParts(cell, format)) return Integer(EpochMicros(*p));
      return std::nullopt;
    case FieldType::kYear:
      return ParseYear(cell);
    case FieldType::kYearmonth:
      return ParseYearmonth(cell);
    case FieldType::kDuration:
      if (auto s = ParseIsoDurationSeconds(cell)) return Real(*s);
      return std::nullopt;
    case FieldType::kGeopoint:
      if (IsGeopoint(cell, format)) return Text(cell);
      return std::nullopt;
    case FieldType::kGeojson: {
      auto v = ParseJson(cell);
      if (v && IsGeojson(*v)) return Text(cell);
      return std::nullopt;
    }
    case FieldType::kObject: {
      auto v = ParseJson(cell);
      if (v && v->is_object()) return Text(cell);
      return std::nullopt;
    }
    case FieldType::kArray: {
      auto v = ParseJson(cell);
      if (v && v->is_array()) return Text(cell);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

TypeMask ConformingTypes(std::string_view cell) {
  TypeMask mask = TypeBit(FieldType::kAny) | TypeBit(FieldType::kString) | TypeBit(FieldType::kList);
  if (cell.empty()) return mask;
  const char c0 = cell[0];
  const char last = cell.back();
  const bool numeric_start = IsDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.' || IsSpace(c0);
  if (numeric_start || Lower(c0) == 'i' || Lower(c0) == 'n') {
    if ((IsDigit(last) || IsSpace(last)) && ParseInteger(cell, true)) {
      mask |= TypeBit(FieldType::kInteger) | TypeBit(FieldType::kNumber);
    } else if (ParseDecimal(cell)) {
      mask |= TypeBit(FieldType::kNumber);
    }
  }
  if (cell == "true" || cell == "True" || cell == "TRUE" || cell == "1" || cell == "false" ||
      cell == "False" || cell == "FALSE" || cell == "0") {
    mask |= TypeBit(FieldType::kBoolean);
  }
  if (IsDigit(c0)) {
    if (ParseYear(cell)) mask |= TypeBit(FieldType::kYear);
    if (cell.size() <= 7 && ParseYearmonth(cell)) mask |= TypeBit(FieldType::kYearmonth);
    if (cell.size() >= 8 && cell.size() <= 10 && ParseStrptime(cell, "%Y-%m-%d")) mask |= TypeBit(FieldType::kDate);
    // As frictionless' default datetime: a time of day with seconds must be there.
    if (cell.size() >= 19 && cell[16] == ':' && ParseIsoDatetime(cell)) mask |= TypeBit(FieldType::kDatetime);
    if (cell.size() >= 5 && cell.size() <= 8 && ParseStrptime(cell, "%H:%M:%S")) mask |= TypeBit(FieldType::kTime);
  }
  if ((numeric_start || Lower(c0) == 'i' || Lower(c0) == 'n') && cell.find(',') != std::string_view::npos &&
      IsGeopoint(cell, "default")) {
    mask |= TypeBit(FieldType::kGeopoint);
  }
  if (c0 == 'P' || (c0 == '-' && cell.size() > 1 && cell[1] == 'P')) {
    if (ParseIsoDurationSeconds(cell)) mask |= TypeBit(FieldType::kDuration);
  }
  if (c0 == '{' || c0 == '[') {
    if (auto v = ParseJson(cell)) {
      if (v->is_object()) mask |= TypeBit(FieldType::kObject);
      if (v->is_array()) mask |= TypeBit(FieldType::kArray);
      if (IsGeojson(*v)) mask |= TypeBit(FieldType::kGeojson);
    }
  }
  return mask;
}

int CompareCellValues(const CellValue& a, const CellValue& b) {
  using K = CellValue::Kind;
  if (a.kind == K::kText || b.kind == K::kText) {
    const int c = a.text.compare(b.text);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (a.kind == K::kInteger && b.kind == K::kInteger) {
    return a.integer < b.integer ? -1 : (a.integer > b.integer ? 1 : 0);
  }
  const double x = a.kind == K::kInteger ? static_cast<double>(a.integer) : a.real;
  const double y = b.kind == K::kInteger ? static_cast<double>(b.integer) : b.real;
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::uint64_t HashCellValue(const CellValue& value) {
  switch (value.kind) {
    case CellValue::Kind::kInteger:
      return Mix(static_cast<std::uint64_t>(value.integer) ^ 0x1234567ULL);
    case CellValue::Kind::kReal: {
      double d = value.real;
      if (std::isnan(d)) return Mix(0x7ff8000000000000ULL);
      if (d == 0.0) d = 0.0;  // -0.0 equals 0.0
      if (std::trunc(d) == d && std::fabs(d) < 9.2e18) {
        return Mix(static_cast<std::uint64_t>(static_cast<std::int64_t>(d)) ^ 0x1234567ULL);
      }
      return Mix(std::bit_cast<std::uint64_t>(d) ^ 0x89abcdefULL);
    }
    case CellValue::Kind::kText:
      return Mix(std::hash<std::string_view>{}(value.text) ^ 0x5555ULL);
  }
  return 0;
}

std::size_t CellLength(std::string_view cell, const FieldFormat& field) {
  if (field.type == FieldType::kArray || field.type == FieldType::kObject) {
    if (auto v = ParseJson(cell)) {
      if (const auto* a = v->if_array()) return a->size();
      if (const auto* o = v->if_object()) return o->size();
    }
    return 0;
  }
  if (field.type == FieldType::kList) {
    if (cell.empty() || field.list_delimiter.empty()) return 0;
    std::size_t items = 1;
    for (std::size_t pos = cell.find(field.list_delimiter); pos != std::string_view::npos;
         pos = cell.find(field.list_delimiter, pos + field.list_delimiter.size())) {
      ++items;
    }
    return items;
  }
  std::size_t code_points = 0;
  for (char c : cell) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
  }
  return code_points;
}

}  // namespace pintu::quality
