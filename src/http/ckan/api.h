// The CKAN Action API v3 face: /api/3/action/<name>. It maps CKAN's parameter
// names and envelope onto actions and holds no business rules.
#pragma once

#include <memory>

#include "core/config.h"
#include "http/message.h"
#include "store/store.h"

namespace pintu::actions {
class SearchSync;
}

namespace pintu::http::ckan {

class ResponseCache;

class ActionApi {
 public:
  // `search` is the dataset search index (package_search and friends fail without one).
  ActionApi(Store& store, const Config& config, actions::SearchSync* search);
  ~ActionApi();
  // Handles a request whose path starts with /api/3/action/ (or /api/action/).
  HttpResponse Handle(const HttpRequest& req);
  // Names of the actions this face serves, sorted.
  static std::vector<std::string> ActionNames();

 private:
  Store& store_;
  const Config& config_;
  actions::SearchSync* search_;
  std::unique_ptr<ResponseCache> cache_;
};

}  // namespace pintu::http::ckan
