// CKAN's response envelope: {"help", "success", "result"} or {"help", "success":
// false, "error": {"__type", "message" | field: [messages]}} with CKAN's statuses.
#pragma once

#include <boost/json.hpp>

#include "core/error.h"
#include "http/message.h"

namespace pintu::http::ckan {

// The "help" URL CKAN puts in every envelope.
std::string HelpUrl(std::string_view site_url, std::string_view action);
// 200 with {"help", "success": true, "result": result}.
HttpResponse Success(std::string_view help, const boost::json::value& result);
// The error envelope and status for `e`: Not Found Error 404, Validation Error 409,
// Authorization Error 403, Bad Request 400, Request Too Large 413, Internal 500.
HttpResponse Failure(std::string_view help, const Error& e);
// The HTTP status CKAN uses for an error code.
int StatusFor(ErrorCode code);

}  // namespace pintu::http::ckan
