// Assembles every face of a running Pintu into one Router: the CKAN Action API,
// downloads of uploaded files, the landing page, /healthz and /metrics.
#pragma once

#include <memory>

#include "core/config.h"
#include "http/router.h"
#include "store/store.h"

namespace pintu::actions {
class SearchSync;
}

namespace pintu::http {

class Metrics;

// Owns the faces' state (caches); lives as long as the server that uses its router.
class Site {
 public:
  // `search` is the dataset search index; it must outlive the Site.
  Site(Store& store, const Config& config, Metrics& metrics, actions::SearchSync* search);
  ~Site();
  // A router with all routes; handlers refer to this Site, which must outlive them.
  Router BuildRouter();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pintu::http
