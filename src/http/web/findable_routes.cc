// Registers the sitemap, robots.txt and feed routes, and the portal's 404 for paths no
// route matches.
#include "http/web/findable.h"

namespace pintu::http::web {
namespace {

// True when the client says it takes JSON but not HTML (an API client, not a browser).
bool WantsJsonOnly(std::string_view accept) {
  return accept.find("application/json") != std::string_view::npos &&
         accept.find("text/html") == std::string_view::npos && accept.find("*/*") == std::string_view::npos;
}

}  // namespace

HttpResponse NotFoundResponse(PageCall& c) {
  const HttpRequest& req = c.req;
  bool page_request = (req.method == "GET" || req.method == "HEAD") && req.path != "/api" &&
                      !req.path.starts_with("/api/") && !WantsJsonOnly(req.Header("accept"));
  if (!page_request) return JsonError(404, "not_found", "Nothing is found at " + req.path);
  return c.NotFound();
}

void AddFindableRoutes(Router& router, Store& store, const Config& config, actions::SearchSync* search) {
  auto page = [&store, &config, search](HttpResponse (*fn)(PageCall&)) -> Handler {
    return [&store, &config, search, fn](const HttpRequest& req) {
      PageCall c{req, actions::Context{store, Identity::Anonymous(), config, search}, NegotiateLang(req)};
      return fn(c);
    };
  };
  router.Get("/sitemap.xml", page(SitemapXml));
  router.Get("/robots.txt", page(RobotsTxt));
  router.Get("/feed.atom", page(SiteFeed));
  router.Get("/dataset/{slug}/feed.atom", page(DatasetFeed));
  router.Get("/organization/{slug}/feed.atom", page(OrganizationFeed));
  router.SetNotFound(page(NotFoundResponse));
}

}  // namespace pintu::http::web
