// Maps (method, path) to a Handler. No Beast or Asio types: faces register
// their handlers here and tests can dispatch requests without a socket.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace pintu::http {

// What Dispatch did with a request, for metrics and logs.
struct DispatchInfo {
  int route_id = -1;             // index into Router::route_labels(), -1 = no route matched
  bool handler_threw = false;    // the handler threw; the response is a 500
  std::string exception_message; // what() of the exception when handler_threw
};

// A routing table. Three kinds of routes, tried in this order:
//   1. exact paths      "/healthz"
//   2. patterns         "/dataset/{id}/resource/{rid}/download/{filename}"
//                       (a `{name}` segment matches one non-empty path segment;
//                       patterns are tried in registration order)
//   3. prefix routes    "/api/3/action/" (longest prefix first; the handler
//                       reads the full path from HttpRequest::path)
// The first route whose path matches and that has a handler for the method wins.
// Route parameters are delivered in HttpRequest::params (read them with
// req.Param("id")); values are percent-decoded, so "%2F" inside a segment is a
// literal '/', never a separator.
// A path no route matches → the not-found handler (SetNotFound), by default 404
// JSON; a path matched only for other methods → 405 JSON with an Allow header.
// HEAD is served by the GET handler when no HEAD handler exists (the server drops
// the body). Build the router before the server starts; Dispatch is then safe to
// call from many threads.
class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Registers `handler` for `method` ("GET", "POST", …) on an exact path or a
  // `{param}` pattern. Registering the same method and pattern again replaces the handler.
  Router& Add(std::string_view method, std::string_view pattern, Handler handler);
  // Registers `handler` for every path that starts with `prefix`.
  Router& AddPrefix(std::string_view method, std::string_view prefix, Handler handler);

  // Replaces the 404 JSON answer to requests whose path no route matches (any method;
  // never used for 405s). DispatchInfo::route_id stays -1 for them.
  Router& SetNotFound(Handler handler);

  // Shorthands for Add.
  Router& Get(std::string_view pattern, Handler h) { return Add("GET", pattern, std::move(h)); }
  Router& Post(std::string_view pattern, Handler h) { return Add("POST", pattern, std::move(h)); }
  Router& Put(std::string_view pattern, Handler h) { return Add("PUT", pattern, std::move(h)); }
  Router& Delete(std::string_view pattern, Handler h) { return Add("DELETE", pattern, std::move(h)); }

  // Routes `req` (method, target/path must be set) and runs the handler.
  // Fills req.params. Never throws: a throwing handler yields a 500 JSON response.
  HttpResponse Dispatch(HttpRequest& req, DispatchInfo* info = nullptr) const;

  // One label per route (the pattern, or the prefix followed by "*"), indexed by
  // route id. Used as the bounded-cardinality `route` label in metrics.
  const std::vector<std::string>& route_labels() const;

 private:
  struct Table;
  std::unique_ptr<Table> t_;
};

}  // namespace pintu::http
