// Presentation of a publiccode.yml validation: the JSON of the issue 7 interface contract
// and a plain-text report for terminals.
#pragma once

#include <boost/json/object.hpp>

#include <string>

#include "formats/publiccode/validate.h"

namespace pintu::formats::publiccode {

// {"valid": bool, "version": "0.x.y", "errors": [{"key", "message", "line", "column"}],
//  "warnings": [same shape]} — English messages; a lenient-mode hint is appended to its
// message in parentheses.
boost::json::object ValidationResultToJson(const ValidationResult& result);

// One line per finding ("error   maintenance.type (45:3): …"), then a summary line; in
// zh-TW when `zh`.
std::string ValidationResultText(const ValidationResult& result, bool zh);

}  // namespace pintu::formats::publiccode
