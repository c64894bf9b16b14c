// GET /dataset/{slug}/croissant.json: the dataset's Croissant 1.1 JSON-LD
// (actions::DatasetCroissant), for ML tools (mlcroissant, Hugging Face, Kaggle) and crawlers.
#include <boost/json.hpp>

#include "actions/dataset_croissant.h"
#include "http/web/pages.h"

namespace pintu::http::web {

HttpResponse DatasetCroissantJson(PageCall& c) {
  auto doc = actions::DatasetCroissant(c.ctx, c.req.Param("slug"));
  if (!doc) {
    if (doc.error().code == ErrorCode::kNotFound)
      return JsonError(404, "not_found", "No public dataset " + std::string(c.req.Param("slug")) + " has a Croissant document.");
    return JsonError(500, "internal", "The Croissant document could not be built.");
  }
  HttpResponse r;
  r.content_type = "application/ld+json;charset=utf-8";
  r.body = boost::json::serialize(*doc);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Access-Control-Allow-Origin", "*");
  r.SetHeader("Cache-Control", "no-cache");
  return r;
}

}  // namespace pintu::http::web
