// The JSON form of software entries and adoptions: what the store persists and the API
// returns (the API adds computed parts such as the parsed publiccode.yml and adopters).
#pragma once

#include <boost/json.hpp>

#include "core/error.h"
#include "core/software.h"

namespace pintu {

boost::json::object SoftwareToJson(const Software& s);
// Parses the form SoftwareToJson writes. Errors name the field at fault.
Result<Software> SoftwareFromJson(const boost::json::value& v);

boost::json::object AdoptionToJson(const Adoption& a);
// Parses the form AdoptionToJson writes. Errors name the field at fault.
Result<Adoption> AdoptionFromJson(const boost::json::value& v);

// A version as JSON (the report is embedded as parsed JSON when it parses).
boost::json::object SoftwareVersionToJson(const SoftwareVersion& v, bool with_file);

}  // namespace pintu
