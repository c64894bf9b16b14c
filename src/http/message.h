// Plain HTTP request/response values passed between the Beast server and the
// faces (CKAN API, native API, pages). No Beast or Asio types appear here, so
// handlers compile without the heavy headers.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace pintu::http {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;   // "GET", "POST", …
  std::string target;   // raw request target, e.g. "/api/3/action/package_show?id=x"
  std::string path;     // percent-decoded path without the query
  Pairs query;          // percent-decoded query parameters in order ('+' = space)
  Pairs headers;        // header names lower-cased
  std::string body;
  std::string remote;   // peer address "ip:port"
  Pairs params;         // values of `{name}` segments of the matched route pattern
                        // (percent-decoded), filled by Router before the handler runs

  // Value of the route parameter `{name}`, or empty when the route has no such segment.
  std::string_view Param(std::string_view name) const;

  // First header named `name` (lower-case), or empty.
  std::string_view Header(std::string_view name) const;
  // First query parameter named `name`, or nullopt.
  std::optional<std::string> Query(std::string_view name) const;
  // Every query parameter named `name`, in order.
  std::vector<std::string> QueryAll(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json;charset=utf-8";
  Pairs headers;      // extra headers
  std::string body;
  std::string file_path;  // when set, the server streams this file as the body

  void SetHeader(std::string name, std::string value);
};

// A synchronous handler. It runs on a server thread; it must not block for long.
// An exception thrown by a handler becomes a 500 JSON response; it never stops the server.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

// Percent-decoding is shared with the rest of the code (core/text.h).
using pintu::PercentDecode;
// Splits "a=1&b=2" into decoded pairs.
Pairs ParseQueryString(std::string_view qs);

// A JSON error response: status `status`, body {"error":"<code>","message":"<message>"}.
HttpResponse JsonError(int status, std::string_view code, std::string_view message);

}  // namespace pintu::http
