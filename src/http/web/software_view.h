// Turns software entries, adoptions and their computed reports into the plain JSON the
// portal's software templates read.
#pragma once

#include <cstdint>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/organization.h"
#include "core/software.h"
#include "http/web/i18n.h"

namespace pintu::http::web {

// A software entry as a list item: url, name, short description (with fallback marker),
// publisher, piece size, licence, maintenance status {code, label}, "used by N".
boost::json::object SoftwareSummary(const Software& s, const Organization* publisher, int64_t adopters, Lang lang);

// The maintenance status code ("active", "lapsed" …) as {code, label, explain}.
boost::json::object MaintenanceStatusView(std::string_view code, Lang lang);

// The stored vitality JSON as template data: {has, score, rows: [{label, d60, d365}],
// last_commit} ({has: false} when the entry was never crawled).
boost::json::object VitalityView(std::string_view vitality_json, Lang lang);

// The stored readiness report plus the publisher's self-assessment: {met, total,
// criteria: [{code, name, explain, state {code,label}, automatic, evidence[], note}]}.
boost::json::object ReadinessView(const Software& s, Lang lang);

// The licence in plain language: {expression, osi, copyleft, plain}.
boost::json::object LicenceView(std::string_view spdx_expression, Lang lang);

}  // namespace pintu::http::web
