// Turns domain objects into the plain JSON the portal's templates read. Every text
// that exists in one language only carries a visible fallback marker.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/dataset.h"
#include "core/organization.h"
#include "core/topic.h"
#include "http/web/i18n.h"

namespace pintu::http::web {

// {"text": …, "lang": "zh-TW"|"en", "fallback": bool}: the text in `lang`, or in the
// other language with fallback = true (the page shows "(中文)" / "(English only)").
boost::json::object Localized(const LocalizedText& text, Lang lang);

// A dataset as a search result or list item: slug, url, title, organisation, excerpt of
// the description, formats, type, modified date.
boost::json::object DatasetSummary(const Dataset& d, const Organization* org, Lang lang);

// The first `max_chars` characters (not bytes) of plain text, with "…" when cut.
std::string Excerpt(std::string_view text, size_t max_chars);

// "2024-03-05T10:00:00Z" → "2024-03-05"; other strings unchanged.
std::string DateOnly(std::string_view iso);

}  // namespace pintu::http::web
