// The CKAN Action API v3 face: /api/3/action/<name>. It maps CKAN's parameter
// names and envelope onto actions and holds no business rules.
#pragma once

#include <memory>

#include "core/config.h"
#include "http/message.h"
#include "store/store.h"

namespace pintu::http::ckan {

class ResponseCache;

class ActionApi {
 public:
  ActionApi(Store& store, const Config& config);
  ~ActionApi();
  // Handles a request whose path starts with /api/3/action/ (or /api/action/).
  HttpResponse Handle(const HttpRequest& req);
  // Names of the actions this face serves, sorted.
  static std::vector<std::string> ActionNames();

 private:
  Store& store_;
  const Config& config_;
  std::unique_ptr<ResponseCache> cache_;
};

}  // namespace pintu::http::ckan
