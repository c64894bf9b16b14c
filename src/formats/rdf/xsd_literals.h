// Typed literals for XML Schema datatypes, built only from well-formed values.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "formats/rdf/model.h"

namespace pintu::rdf {

// A date or time as declared by a publisher, typed by its shape: "2025" → xsd:gYear,
// "2025-07" → xsd:gYearMonth, "2025-07-02" → xsd:date, "2025-07-02T03:04:05[.fff][Z|±hh:mm]"
// (a space instead of "T" is accepted) → xsd:dateTime. Impossible values (month 13,
// February 30, hour 25) and anything else → nullopt.
std::optional<Term> XsdDateOrTime(std::string_view iso);

// `millis` since the Unix epoch as an xsd:dateTime in UTC ("2026-11-27T15:18:52.123Z").
Term XsdDateTimeFromMillis(int64_t millis);

// `value` as an xsd:decimal (plain notation, at most 6 fraction digits, trailing zeros
// removed: 12.5, 0, 405); nullopt for NaN and infinities.
std::optional<Term> XsdDecimal(double value);

// `value` as an xsd:nonNegativeInteger; nullopt when negative.
std::optional<Term> XsdNonNegativeInteger(int64_t value);

}  // namespace pintu::rdf
