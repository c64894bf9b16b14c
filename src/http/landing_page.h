// The landing page at "/": what this server is, its catalog in numbers and where
// the API is. The full portal (search pages, dataset pages) is built on templates
// in web/; this page only needs the store's statistics.
#pragma once

#include "core/config.h"
#include "http/message.h"
#include "store/store.h"

namespace pintu::http {

// Renders the page in zh-TW (default) or English (?lang=en), escaping every value.
HttpResponse LandingPage(Store& store, const Config& config, const HttpRequest& req);
// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);

}  // namespace pintu::http
