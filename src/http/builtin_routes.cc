#include "http/builtin_routes.h"

#include "http/metrics.h"

namespace pintu::http {

void AddBuiltinRoutes(Router& router, Metrics& metrics) {
  router.Get("/healthz", [](const HttpRequest&) {
    HttpResponse r;
    r.body = R"({"status":"ok"})";
    r.SetHeader("Cache-Control", "no-store");
    return r;
  });
  router.Get("/metrics", [&metrics](const HttpRequest&) {
    HttpResponse r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics.Render();
    return r;
  });
}

}  // namespace pintu::http
