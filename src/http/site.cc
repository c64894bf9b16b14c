#include "http/site.h"

#include "actions/accounts.h"
#include "actions/resources.h"
#include "actions/search_sync.h"
#include "core/text.h"
#include "http/api/software_api.h"
#include "http/builtin_routes.h"
#include "http/ckan/api.h"
#include "http/ckan/envelope.h"
#include "http/web/portal.h"
#include "http/metrics.h"

namespace pintu::http {

struct Site::Impl {
  Store& store;
  const Config& config;
  Metrics& metrics;
  ckan::ActionApi ckan_api;

  actions::SearchSync* search;
  Impl(Store& s, const Config& c, Metrics& m, actions::SearchSync* sync)
      : store(s), config(c), metrics(m), ckan_api(s, c, sync), search(sync) {}

  // Streams an uploaded file when the caller may read its dataset.
  HttpResponse Download(const HttpRequest& req) {
    auto identity = actions::Authenticate(store, req.Header("authorization"));
    if (!identity) return ckan::Failure("", identity.error());
    actions::Context ctx{store, std::move(*identity), config};
    auto path = actions::UploadedFilePath(ctx, req.Param("rid"));
    if (!path) return ckan::Failure("", path.error());
    HttpResponse r;
    r.file_path = *path;
    std::string filename(req.Param("filename"));
    std::string lower = AsciiLower(filename);
    auto ends = [&](std::string_view ext) { return lower.size() >= ext.size() && lower.substr(lower.size() - ext.size()) == ext; };
    r.content_type = ends(".csv")    ? "text/csv"
                     : ends(".json") ? "application/json"
                     : ends(".xml")  ? "application/xml"
                     : ends(".pdf")  ? "application/pdf"
                                     : "application/octet-stream";
    r.SetHeader("Content-Disposition", "attachment; filename*=UTF-8''" + PercentEncodeSegment(filename));
    r.SetHeader("X-Content-Type-Options", "nosniff");
    return r;
  }
};

Site::Site(Store& store, const Config& config, Metrics& metrics, actions::SearchSync* search)
    : impl_(std::make_unique<Impl>(store, config, metrics, search)) {
  metrics.AddGauge("pintu_store_bytes", "Size of the store's database files in bytes", [&store] {
    auto s = store.Stats();
    return s ? static_cast<double>(s->bytes) : 0.0;
  });
  metrics.AddGauge("pintu_datasets", "Active datasets in the store", [&store] {
    auto s = store.Stats();
    return s ? static_cast<double>(s->datasets) : 0.0;
  });
  metrics.AddGauge("pintu_change_seq", "Latest committed change sequence", [&store] {
    return static_cast<double>(store.ChangeSeq());
  });
  if (search) {
    metrics.AddGauge("pintu_search_applied_seq", "Latest change sequence applied to the search index",
                     [search] { return static_cast<double>(search->AppliedSeq()); });
  }
}

Site::~Site() = default;

Router Site::BuildRouter() {
  Router router;
  AddBuiltinRoutes(router, impl_->metrics);
  Impl* impl = impl_.get();
  Handler api = [impl](const HttpRequest& req) { return impl->ckan_api.Handle(req); };
  for (const char* method : {"GET", "POST", "HEAD"}) {
    router.AddPrefix(method, "/api/3/action/", api);
    router.AddPrefix(method, "/api/action/", api);
  }
  router.Get("/dataset/{id}/resource/{rid}/download/{filename}",
             [impl](const HttpRequest& req) { return impl->Download(req); });
  api::AddSoftwareApiRoutes(router, impl->store, impl->config, impl->search);
  web::AddPortalRoutes(router, impl->store, impl->config, impl->search);
  return router;
}

}  // namespace pintu::http
