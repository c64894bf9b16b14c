// schema.org Dataset JSON-LD for a dataset page, as Google Dataset Search reads it.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "core/dataset.h"
#include "core/organization.h"

namespace pintu::http::web {

// The JSON-LD object: name, description (50–5000 characters: short descriptions are
// completed from the title and publisher, long ones cut), url, identifier, keywords,
// license, creator and publisher, temporal and spatial coverage, dates, and one
// DataDownload per resource (contentUrl, encodingFormat). `site_url` has no trailing slash.
boost::json::object DatasetJsonLd(const Dataset& d, const Organization& org, const std::string& site_url);

// `json` made safe inside <script type="application/ld+json">: "<" written as \u003c.
std::string ScriptSafeJson(const boost::json::value& json);

}  // namespace pintu::http::web
