// Routes every Pintu server offers: liveness and metrics.
#pragma once

#include "http/router.h"

namespace pintu::http {

class Metrics;

// Adds GET /healthz (200 {"status":"ok"}) and GET /metrics (Prometheus text,
// "text/plain; version=0.0.4") to `router`. `metrics` must outlive the router.
void AddBuiltinRoutes(Router& router, Metrics& metrics);

}  // namespace pintu::http
