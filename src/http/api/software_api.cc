#include "http/api/software_api.h"

#include <boost/json.hpp>

#include "actions/accounts.h"
#include "actions/adoptions.h"
#include "actions/search_sync.h"
#include "actions/software.h"
#include "actions/software_fields.h"
#include "core/model_json.h"
#include "core/software_json.h"
#include "core/time.h"
#include "formats/publiccode/report.h"

namespace pintu::http::api {
namespace json = boost::json;
namespace {

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kValidation: return 422;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kAuthorization: return 403;
    case ErrorCode::kBadRequest: return 400;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

HttpResponse Json(int status, const json::value& v) {
  HttpResponse r;
  r.status = status;
  r.body = json::serialize(v);
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

HttpResponse Fail(const Error& e) {
  json::object o{{"error", ErrorCodeName(e.code)},
                 {"message", e.code == ErrorCode::kInternal ? std::string("Internal server error") : e.message}};
  json::array fields;
  for (const auto& f : e.fields)
    fields.push_back(json::object{{"field", f.field}, {"message", f.message}, {"message_zh", f.message_zh}});
  if (!fields.empty()) o["fields"] = std::move(fields);
  return Json(StatusOf(e.code), o);
}

// State shared by every handler.
struct Api {
  Store& store;
  const Config& config;
  actions::SearchSync* search;

  // The caller's context, or the authentication error.
  Result<actions::Context> ContextFor(const HttpRequest& req) {
    auto who = actions::Authenticate(store, req.Header("authorization"));
    if (!who) return std::unexpected(who.error());
    return actions::Context{store, std::move(*who), config, search};
  }

  Result<json::object> Body(const HttpRequest& req) {
    if (req.body.size() > config.max_json_bytes)
      return std::unexpected(Error::TooLarge("The request body is larger than " + std::to_string(config.max_json_bytes) + " bytes"));
    if (req.body.empty()) return json::object{};
    auto v = ParseJson(req.body);
    if (!v) return std::unexpected(Error::BadRequest("The body is not JSON: " + v.error().message));
    if (!v->is_object()) return std::unexpected(Error::BadRequest("The body must be a JSON object"));
    return std::move(v->get_object());
  }
};

// Member `key` as a string: "" when absent; an error when it has another type.
Result<std::string> Str(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::string();
  if (!it->value().is_string()) return std::unexpected(Error::Invalid(std::string(key), "Must be a string", "必須是文字"));
  return std::string(it->value().get_string());
}

Result<actions::SoftwareInput> SoftwareInputFrom(const json::object& o) {
  actions::SoftwareInput in;
  for (auto [key, out] : {std::pair<std::string_view, std::string*>{"organization", &in.organization},
                          {"name", &in.slug}, {"repository_url", &in.repository_url},
                          {"publiccode_yml", &in.publiccode_yml}}) {
    auto v = Str(o, key);
    if (!v) return std::unexpected(v.error());
    *out = std::move(*v);
  }
  if (auto it = o.find("datasets"); it != o.end()) {
    if (!it->value().is_array()) return std::unexpected(Error::Invalid("datasets", "Must be a list", "必須是清單"));
    std::vector<SoftwareDatasetLink> links;
    size_t i = 0;
    for (const auto& item : it->value().get_array()) {
      std::string field = "datasets." + std::to_string(i++);
      SoftwareDatasetLink link;
      if (item.is_string()) {
        link.dataset_id = std::string(item.get_string());
      } else if (item.is_object()) {
        auto d = Str(item.get_object(), "dataset");
        auto rel = Str(item.get_object(), "relation");
        if (!d || !rel) return std::unexpected(Error::Invalid(field, "Needs \"dataset\" and \"relation\" strings", "需要 dataset 與 relation 文字"));
        link.dataset_id = *d;
        if (!rel->empty()) link.relation = *rel;
      } else {
        return std::unexpected(Error::Invalid(field, "Must be a dataset name or {dataset, relation}", "必須是資料集名稱或 {dataset, relation}"));
      }
      links.push_back(std::move(link));
    }
    in.datasets = std::move(links);
  }
  return in;
}

json::value ParsedOr(std::string_view text) {
  if (text.empty()) return nullptr;
  auto v = ParseJson(text);
  return v ? *v : json::value(nullptr);
}

json::object ReadinessJson(const Software& s) {
  actions::ReadinessSummary r = actions::CurrentReadiness(s);
  json::array criteria;
  for (const auto& a : r.criteria) {
    json::array en, zh;
    for (const auto& e : a.evidence_en) en.emplace_back(e);
    for (const auto& e : a.evidence_zh) zh.emplace_back(e);
    criteria.push_back(json::object{{"code", a.code}, {"state", a.state}, {"source", a.source},
                                    {"evidence_en", std::move(en)}, {"evidence_zh", std::move(zh)}, {"note", a.note}});
  }
  return json::object{{"met", r.met}, {"total", static_cast<int64_t>(r.criteria.size())}, {"criteria", std::move(criteria)}};
}

// The entry as lists show it: stored fields (without the file) plus what is computed for
// today — vitality, readiness with self-assessment, maintenance status, piece size, adopters.
json::object Summary(actions::Context& ctx, const Software& s) {
  json::object o = SoftwareToJson(s);
  o.erase("publiccode_yml");
  o["vitality"] = ParsedOr(s.vitality_json);
  o["readiness"] = ReadinessJson(s);
  o["maintenance_status"] = actions::CurrentMaintenanceStatus(s, TodayIso());
  o["piece_size"] = actions::PieceSize(s.software_type);
  o["adopters"] = static_cast<int64_t>(actions::CountAdopters(ctx.store, s.id).value_or(0));
  return o;
}

// The entry as the API shows it alone: the summary plus the file, publisher, dataset
// links, adoptions and the file's validation.
json::object Detail(actions::Context& ctx, const Software& s) {
  json::object o = Summary(ctx, s);
  o["publiccode_yml"] = s.publiccode_yml;
  if (auto org = ctx.store.GetOrganization(s.organization_id))
    o["organization"] = json::object{{"id", org->id}, {"name", org->slug}, {"title_translated", LocalizedToJson(org->title)},
                                     {"level", ToCode(org->level)}};
  json::array links;
  for (const auto& l : s.datasets) {
    json::object link{{"dataset_id", l.dataset_id}, {"relation", l.relation}};
    if (auto d = ctx.store.GetDataset(l.dataset_id)) {
      link["name"] = d->slug;
      link["title_translated"] = LocalizedToJson(d->title);
    }
    links.push_back(std::move(link));
  }
  o["datasets"] = std::move(links);
  json::array adoptions;
  if (auto list = actions::ListAdoptionsOfSoftware(ctx, s.id))
    for (const auto& a : *list) adoptions.push_back(AdoptionToJson(a));
  o["adoptions"] = std::move(adoptions);
  if (!s.publiccode_yml.empty())
    o["validation"] = formats::publiccode::ValidationResultToJson(actions::ValidateForRegistry(s.publiccode_yml));
  return o;
}

size_t SizeParam(const HttpRequest& req, std::string_view name, size_t fallback, size_t max) {
  auto v = req.Query(name);
  if (!v || v->empty() || v->size() > 9) return fallback;
  size_t n = 0;
  for (char c : *v) {
    if (c < '0' || c > '9') return fallback;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  return std::min(n, max);
}

}  // namespace

void AddSoftwareApiRoutes(Router& router, Store& store, const Config& config, actions::SearchSync* search) {
  auto api = std::make_shared<Api>(Api{store, config, search});
  // Wraps a handler that needs the caller's context.
  auto with_ctx = [api](auto fn) {
    return [api, fn](const HttpRequest& req) -> HttpResponse {
      auto ctx = api->ContextFor(req);
      if (!ctx) return Fail(ctx.error());
      return fn(*api, *ctx, req);
    };
  };

  router.Get("/api/v1/software", with_ctx([](Api& a, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    if (!a.search) return Fail(Error::Internal("no search index"));
    search::SoftwareQuery q;
    q.q = req.Query("q").value_or("");
    for (std::string key : {"category", "piece_size", "license", "organization", "level", "maintenance_status",
                            "development_status"})
      if (auto values = req.QueryAll(key); !values.empty()) {
        // Publishers are named by slug (or id) in the API; the index knows ids.
        if (key == "organization")
          for (auto& v : values)
            if (auto org = ctx.store.GetOrganization(v)) v = org->id;
        q.filters[key] = values;
      }
    q.sort = req.Query("sort").value_or("score");
    q.offset = static_cast<int64_t>(SizeParam(req, "offset", 0, 1'000'000));
    q.limit = static_cast<int64_t>(SizeParam(req, "limit", 20, 100));
    q.facets = {"category", "piece_size", "license", "organization", "level", "maintenance_status"};
    auto hits = a.search->SearchSoftware(q);
    if (!hits) return Fail(hits.error());
    json::array results;
    for (const auto& id : hits->ids)
      if (auto s = ctx.store.GetSoftware(id)) results.push_back(Summary(ctx, *s));
    json::object facets;
    for (const auto& [key, counts] : hits->facets) {
      json::array items;
      for (const auto& c : counts) {
        std::string value = c.value;
        if (key == "organization")
          if (auto org = ctx.store.GetOrganization(c.value)) value = org->slug;
        items.push_back(json::object{{"value", value}, {"count", c.count}});
      }
      facets[key] = std::move(items);
    }
    return Json(200, json::object{{"total", hits->total}, {"results", std::move(results)}, {"facets", std::move(facets)}});
  }));

  router.Post("/api/v1/software", with_ctx([](Api& a, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    auto body = a.Body(req);
    if (!body) return Fail(body.error());
    auto in = SoftwareInputFrom(*body);
    if (!in) return Fail(in.error());
    auto source = in->publiccode_yml.empty() ? SoftwareSource::kGit : SoftwareSource::kApi;
    auto s = actions::CreateSoftware(ctx, *in, source);
    if (!s) return Fail(s.error());
    HttpResponse r = Json(201, Detail(ctx, *s));
    r.SetHeader("Location", "/api/v1/software/" + s->slug);
    return r;
  }));

  router.Get("/api/v1/software/{id}", with_ctx([](Api&, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    auto s = actions::ShowSoftware(ctx, req.Param("id"));
    if (!s) return Fail(s.error());
    return Json(200, Detail(ctx, *s));
  }));

  router.Put("/api/v1/software/{id}", with_ctx([](Api& a, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    auto body = a.Body(req);
    if (!body) return Fail(body.error());
    auto in = SoftwareInputFrom(*body);
    if (!in) return Fail(in.error());
    auto s = actions::UpdateSoftware(ctx, req.Param("id"), *in);
    if (!s) return Fail(s.error());
    return Json(200, Detail(ctx, *s));
  }));

  router.Delete("/api/v1/software/{id}", with_ctx([](Api&, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    if (auto ok = actions::DeleteSoftware(ctx, req.Param("id")); !ok) return Fail(ok.error());
    return Json(200, json::object{{"deleted", true}});
  }));

  router.Get("/api/v1/software/{id}/versions", with_ctx([](Api&, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    auto versions = actions::ListSoftwareVersions(ctx, req.Param("id"), SizeParam(req, "offset", 0, 1'000'000),
                                                  SizeParam(req, "limit", 20, 100));
    if (!versions) return Fail(versions.error());
    json::array out;
    for (const auto& v : *versions) out.push_back(SoftwareVersionToJson(v, false));
    return Json(200, json::object{{"versions", std::move(out)}});
  }));

  router.Get("/api/v1/software/{id}/publiccode.yml", with_ctx([](Api&, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    auto s = actions::ShowSoftware(ctx, req.Param("id"));
    if (!s) return Fail(s.error());
    if (s->publiccode_yml.empty()) return Fail(Error::NotFound("publiccode.yml (not crawled yet)"));
    HttpResponse r;
    r.content_type = "application/yaml;charset=utf-8";
    r.body = s->publiccode_yml;
    r.SetHeader("Content-Disposition", "attachment; filename=\"publiccode.yml\"");
    return r;
  }));

  router.Post("/api/v1/software/{id}/crawl", with_ctx([](Api&, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    auto job = actions::RequestSoftwareCrawl(ctx, req.Param("id"));
    if (!job) return Fail(job.error());
    return Json(202, json::object{{"job_id", *job}});
  }));

  router.Put("/api/v1/software/{id}/self-assessment/{criterion}",
             with_ctx([](Api& a, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
               auto body = a.Body(req);
               if (!body) return Fail(body.error());
               auto met = body->find("met");
               if (met == body->end() || !met->value().is_bool())
                 return Fail(Error::Invalid("met", "Must be true or false", "必須是 true 或 false"));
               auto note = Str(*body, "note");
               if (!note) return Fail(note.error());
               auto s = actions::SetSelfAssessment(ctx, req.Param("id"), req.Param("criterion"),
                                                   {met->value().get_bool(), *note});
               if (!s) return Fail(s.error());
               return Json(200, Detail(ctx, *s));
             }));

  router.Get("/api/v1/software/{id}/adoptions", with_ctx([](Api&, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    auto list = actions::ListAdoptionsOfSoftware(ctx, req.Param("id"));
    if (!list) return Fail(list.error());
    json::array out;
    for (const auto& a : *list) out.push_back(AdoptionToJson(a));
    return Json(200, json::object{{"adoptions", std::move(out)}});
  }));

  router.Post("/api/v1/software/{id}/adoptions", with_ctx([](Api& a, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    auto body = a.Body(req);
    if (!body) return Fail(body.error());
    actions::AdoptionInput in;
    in.software = std::string(req.Param("id"));
    for (auto [key, out] : {std::pair<std::string_view, std::string*>{"organization", &in.organization},
                            {"version", &in.version}, {"since", &in.since}, {"vendor", &in.vendor},
                            {"contract_reference", &in.contract_reference}, {"contract_until", &in.contract_until},
                            {"customisations_owner", &in.customisations_owner}, {"contact_name", &in.contact_name},
                            {"contact_email", &in.contact_email}}) {
      auto v = Str(*body, key);
      if (!v) return Fail(v.error());
      if (!v->empty() || key != "customisations_owner") *out = std::move(*v);
    }
    auto adoption = actions::AdoptSoftware(ctx, in);
    if (!adoption) return Fail(adoption.error());
    return Json(201, AdoptionToJson(*adoption));
  }));

  router.Delete("/api/v1/adoptions/{id}", with_ctx([](Api&, actions::Context& ctx, const HttpRequest& req) -> HttpResponse {
    if (auto ok = actions::WithdrawAdoption(ctx, req.Param("id")); !ok) return Fail(ok.error());
    return Json(200, json::object{{"deleted", true}});
  }));

  router.Post("/api/v1/publiccode/validate", [api](const HttpRequest& req) -> HttpResponse {
    if (req.body.size() > api->config.max_json_bytes)
      return Fail(Error::TooLarge("The request body is larger than " + std::to_string(api->config.max_json_bytes) + " bytes"));
    std::string mode = req.Query("mode").value_or("lenient");
    if (mode != "strict" && mode != "lenient")
      return Fail(Error::Invalid("mode", "Must be strict or lenient", "必須是 strict 或 lenient"));
    formats::publiccode::ValidateOptions options;
    options.mode = mode == "strict" ? formats::publiccode::Mode::kStrict : formats::publiccode::Mode::kLenient;
    auto result = formats::publiccode::ValidatePubliccode(req.body, "/nonexistent-publiccode-folder", options);
    return Json(200, formats::publiccode::ValidationResultToJson(result));
  });
}

}  // namespace pintu::http::api
