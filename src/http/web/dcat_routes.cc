// The DCAT-AP routes (dcat_routes.h): parameters, content negotiation and responses.
// The mapping itself is formats/dcat_ap.h; what is public is decided by the actions.
#include "http/web/dcat_routes.h"

#include <charconv>
#include <map>

#include <boost/json.hpp>

#include "actions/datasets.h"
#include "actions/organizations.h"
#include "actions/quality_scores.h"
#include "core/text.h"
#include "formats/dcat_ap.h"

namespace pintu::http::web {
namespace {

constexpr std::string_view kHtml = "text/html";

struct MediaRange {
  std::string type;     // "text", "*"
  std::string subtype;  // "turtle", "*"
  double q = 1.0;
};

std::vector<MediaRange> ParseAccept(std::string_view accept) {
  std::vector<MediaRange> ranges;
  for (std::string_view item : Split(accept.substr(0, 4096), ',')) {
    auto parts = Split(item, ';');
    std::string media = AsciiLower(Trim(parts[0]));
    size_t slash = media.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == media.size()) continue;
    MediaRange r{media.substr(0, slash), media.substr(slash + 1), 1.0};
    for (size_t i = 1; i < parts.size(); ++i) {
      std::string_view p = Trim(parts[i]);
      if (!p.starts_with("q=") && !p.starts_with("Q=")) continue;
      std::string_view v = p.substr(2);
      double q = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), q);
      r.q = (ec == std::errc() && end == v.data() + v.size() && q >= 0 && q <= 1) ? q : 0;
    }
    ranges.push_back(std::move(r));
  }
  return ranges;
}

// The q of `media` ("type/subtype") under `ranges`: the most specific matching range decides.
double QualityOf(const std::vector<MediaRange>& ranges, std::string_view media) {
  size_t slash = media.find('/');
  std::string_view type = media.substr(0, slash), subtype = media.substr(slash + 1);
  int best_specificity = -1;
  double q = 0;
  for (const auto& r : ranges) {
    int specificity = -1;
    if (r.type == type && r.subtype == subtype) specificity = 2;
    else if (r.type == type && r.subtype == "*") specificity = 1;
    else if (r.type == "*" && r.subtype == "*") specificity = 0;
    if (specificity > best_specificity) {
      best_specificity = specificity;
      q = r.q;
    }
  }
  return q;
}

// Adds "Accept" to the response's Vary header (keeping what the page already varies on).
void VaryOnAccept(HttpResponse& r) {
  for (auto& [k, v] : r.headers)
    if (AsciiLower(k) == "vary") {
      if (v.find("Accept,") == std::string::npos && v != "Accept") v = "Accept, " + v;
      return;
    }
  r.SetHeader("Vary", "Accept");
}

HttpResponse PlainError(int status, std::string_view message_en, std::string_view message_zh) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/plain;charset=utf-8";
  r.body = std::string(message_zh) + "\n" + std::string(message_en) + "\n";
  r.SetHeader("X-Content-Type-Options", "nosniff");
  return r;
}

HttpResponse NotFoundText() {
  return PlainError(404, "Nothing public is found here.", "找不到公開的資料。");
}

HttpResponse FromError(const Error& e) {
  if (e.code == ErrorCode::kNotFound) return NotFoundText();
  if (e.code == ErrorCode::kInternal) return PlainError(500, "Internal error.", "系統內部錯誤。");
  return PlainError(400, e.message, e.message);
}

HttpResponse RdfResponse(const rdf::Graph& g, rdf::Syntax syntax, bool negotiated) {
  auto body = rdf::Write(g, syntax);
  if (!body) return FromError(body.error());
  HttpResponse r;
  r.content_type = std::string(rdf::ContentType(syntax));
  r.body = std::move(*body);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Access-Control-Allow-Origin", "*");  // harvesters and browser-based tools
  if (negotiated) VaryOnAccept(r);
  return r;
}

// The services a DCAT handler needs: an anonymous context (exports are public).
struct DcatServices {
  Store& store;
  const Config& config;
  actions::SearchSync* search;

  actions::Context Anonymous() const { return actions::Context{store, Identity::Anonymous(), config, search}; }
  dcat::ExportContext Export(actions::Context& ctx) const {
    dcat::ExportContext e;
    e.base_url = config.EffectiveSiteUrl();
    while (e.base_url.ends_with('/')) e.base_url.pop_back();
    e.resolve_dataset = [&ctx](std::string_view ref) -> std::optional<std::string> {
      auto d = actions::ShowDataset(ctx, ref);
      if (!d) return std::nullopt;
      return d->slug;
    };
    return e;
  }
};

// Reads a positive whole number parameter; nullopt (and *bad set) when malformed.
std::optional<size_t> PositiveParam(const HttpRequest& req, std::string_view name, size_t fallback, bool* bad) {
  auto v = req.Query(name);
  if (!v) return fallback;
  size_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || ec != std::errc() || end != v->data() + v->size() || n == 0) {
    *bad = true;
    return std::nullopt;
  }
  return n;
}

HttpResponse CatalogRdf(const DcatServices& s, const HttpRequest& req, rdf::Syntax syntax, bool negotiated) {
  bool bad = false;
  auto page = PositiveParam(req, "page", 1, &bad);
  if (bad)
    return PlainError(400, "page: the page must be a whole number from 1 up.", "page：頁碼必須是從 1 起算的整數。");
  auto page_size = PositiveParam(req, "page_size", dcat::kDefaultPageSize, &bad);
  if (bad || *page_size > dcat::kMaxPageSize)
    return PlainError(400, "page_size: the page size must be a whole number from 1 to 1000.",
                      "page_size：每頁筆數必須是 1 到 1000 的整數。");
  if (*page > 10'000'000) return NotFoundText();
  auto ctx = s.Anonymous();
  auto list = actions::ListPublicDatasetsBySlug(ctx, (*page - 1) * *page_size, *page_size);
  if (!list) return FromError(list.error());
  if (*page > dcat::PageCount(list->total, *page_size)) return NotFoundText();
  auto orgs = actions::ListOrganizations(ctx);
  if (!orgs) return FromError(orgs.error());
  std::map<std::string, const Organization*, std::less<>> by_id;
  for (const auto& o : *orgs) by_id[o.id] = &o;
  dcat::CatalogInfo info;
  info.title = LocalizedText::Both(s.config.site_title_zh, s.config.site_title_en);
  info.description = LocalizedText::Both(s.config.site_title_zh + "的開放資料目錄（DCAT-AP 3.0.1）。",
                                         "The open data catalogue of " + s.config.site_title_en + " (DCAT-AP 3.0.1).");
  info.publisher_name = info.title;
  dcat::CatalogPage where{*page, *page_size, list->total};
  auto graph = dcat::CatalogGraph(
      info, where, list->results,
      [&by_id](std::string_view id) -> const Organization* {
        auto it = by_id.find(id);
        return it == by_id.end() ? nullptr : it->second;
      },
      s.Export(ctx));
  return RdfResponse(graph, syntax, negotiated);
}

HttpResponse DatasetRdf(const DcatServices& s, std::string_view slug, rdf::Syntax syntax, bool negotiated) {
  auto ctx = s.Anonymous();
  auto d = actions::ShowDataset(ctx, slug);
  if (!d || d->slug != slug) return NotFoundText();  // ids are not a second address
  auto org = actions::ShowOrganization(ctx, d->organization_id);
  if (!org) return FromError(org.error());
  // The newest stored score card becomes DQV quality measurements (never re-scored here).
  auto score = actions::ShowDatasetScore(ctx, d->id);
  if (!score) return FromError(score.error());
  const ScoreCard* card = *score ? &**score : nullptr;
  return RdfResponse(dcat::DatasetGraph(*d, *org, s.Export(ctx), card), syntax, negotiated);
}

// GET /dataset/{slug}/resource/{id}/schema.json: the resource's field dictionary as a
// Frictionless Table Schema (name, type, description in both languages, unit).
HttpResponse TableSchema(const DcatServices& s, const HttpRequest& req) {
  auto ctx = s.Anonymous();
  auto d = actions::ShowDataset(ctx, req.Param("slug"));
  if (!d || d->slug != req.Param("slug")) return NotFoundText();
  for (const auto& r : d->resources) {
    if (r.id != req.Param("id") || r.fields.empty()) continue;
    boost::json::array fields;
    for (const auto& f : r.fields) {
      boost::json::object field{{"name", f.name}, {"type", f.type.empty() ? "any" : f.type}};
      if (!f.description.Empty()) {
        field["description"] = f.description.Best(kLangZh);
        boost::json::object by_lang;
        for (const auto& [lang, text] : f.description.Values()) by_lang[lang] = text;
        field["x-description-translated"] = std::move(by_lang);
      }
      if (!f.unit.empty()) field["x-unit"] = f.unit;
      fields.emplace_back(std::move(field));
    }
    HttpResponse resp;
    resp.content_type = "application/json;charset=utf-8";
    resp.body = boost::json::serialize(boost::json::object{{"fields", std::move(fields)}});
    resp.SetHeader("Access-Control-Allow-Origin", "*");
    return resp;
  }
  return NotFoundText();
}

}  // namespace

std::optional<rdf::Syntax> NegotiateRdf(std::string_view accept) {
  auto ranges = ParseAccept(accept);
  if (ranges.empty()) return std::nullopt;
  struct Candidate {
    std::string_view media;
    std::optional<rdf::Syntax> syntax;
  };
  static constexpr Candidate kCandidates[] = {{kHtml, std::nullopt},
                                              {"text/turtle", rdf::Syntax::kTurtle},
                                              {"application/ld+json", rdf::Syntax::kJsonLd},
                                              {"application/rdf+xml", rdf::Syntax::kRdfXml}};
  double best_q = 0;
  std::optional<rdf::Syntax> best;
  for (const auto& c : kCandidates) {
    double q = QualityOf(ranges, c.media);
    if (q > best_q) {
      best_q = q;
      best = c.syntax;
    }
  }
  return best;
}

void AddDcatRoutes(Router& router, Store& store, const Config& config, actions::SearchSync* search,
                   Handler dataset_page) {
  auto services = std::make_shared<DcatServices>(DcatServices{store, config, search});
  for (rdf::Syntax syntax : {rdf::Syntax::kTurtle, rdf::Syntax::kJsonLd, rdf::Syntax::kRdfXml}) {
    router.Get("/catalog." + std::string(rdf::FileExtension(syntax)),
               [services, syntax](const HttpRequest& req) { return CatalogRdf(*services, req, syntax, false); });
  }
  router.Get("/catalog", [services](const HttpRequest& req) {
    if (auto syntax = NegotiateRdf(req.Header("accept"))) return CatalogRdf(*services, req, *syntax, true);
    // The HTML view of the catalog is the dataset list.
    HttpResponse r;
    r.status = 303;
    r.content_type = "text/plain;charset=utf-8";
    r.SetHeader("Location", "/dataset");
    r.SetHeader("Vary", "Accept");
    return r;
  });
  // Slugs are [a-z0-9_-], so "{slug}.ttl" never collides with a dataset's own page.
  router.Get("/dataset/{slug}", [services, dataset_page](const HttpRequest& req) {
    std::string_view slug = req.Param("slug");
    if (size_t dot = slug.rfind('.'); dot != std::string_view::npos) {
      auto syntax = rdf::SyntaxFromExtension(slug.substr(dot + 1));
      if (!syntax) return dataset_page(req);  // not an export: the page (its 404)
      return DatasetRdf(*services, slug.substr(0, dot), *syntax, false);
    }
    if (auto syntax = NegotiateRdf(req.Header("accept"))) return DatasetRdf(*services, slug, *syntax, true);
    HttpResponse page = dataset_page(req);
    VaryOnAccept(page);
    return page;
  });
  // Pintu's own vocabulary (the IRIs {base}/ns#… of dataset types, service categories and
  // properties resolve here). It has no HTML page: Turtle unless the client asks otherwise.
  auto vocabulary = [services](rdf::Syntax syntax, bool negotiated) {
    std::string base = services->config.EffectiveSiteUrl();
    while (base.ends_with('/')) base.pop_back();
    return RdfResponse(dcat::PintuVocabularyGraph(base), syntax, negotiated);
  };
  router.Get("/ns", [vocabulary](const HttpRequest& req) {
    return vocabulary(NegotiateRdf(req.Header("accept")).value_or(rdf::Syntax::kTurtle), true);
  });
  for (rdf::Syntax syntax : {rdf::Syntax::kTurtle, rdf::Syntax::kJsonLd, rdf::Syntax::kRdfXml})
    router.Get("/ns." + std::string(rdf::FileExtension(syntax)),
               [vocabulary, syntax](const HttpRequest&) { return vocabulary(syntax, false); });
  router.Get("/dataset/{slug}/resource/{id}/schema.json",
             [services](const HttpRequest& req) { return TableSchema(*services, req); });
}

}  // namespace pintu::http::web
