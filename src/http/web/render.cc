#include "http/web/render.h"

#include <kainjow/mustache.hpp>

#include <boost/json.hpp>
#include <map>
#include <memory>

#include "http/web/assets.h"

namespace pintu::http::web {
namespace {

namespace mu = kainjow::mustache;

mu::data ToData(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::object: {
      mu::data d{mu::data::type::object};
      for (const auto& [k, x] : v.get_object()) d.set(std::string(k), ToData(x));
      return d;
    }
    case boost::json::kind::array: {
      mu::data d{mu::data::type::list};
      for (const auto& x : v.get_array()) d.push_back(ToData(x));
      return d;
    }
    case boost::json::kind::string:  // "" is false, so {{#x}}…{{/x}} hides empty values
      return v.get_string().empty() ? mu::data(false) : mu::data(std::string(v.get_string()));
    case boost::json::kind::bool_: return mu::data(v.get_bool());
    case boost::json::kind::int64: return mu::data(std::to_string(v.get_int64()));
    case boost::json::kind::uint64: return mu::data(std::to_string(v.get_uint64()));
    case boost::json::kind::double_: return mu::data(boost::json::serialize(v));
    case boost::json::kind::null: return mu::data(false);
  }
  return mu::data(false);
}

// Parsed templates, one set per thread (parsing once; rendering mutates no shared state).
mu::mustache* Compiled(std::string_view name, std::string* error) {
  thread_local std::map<std::string, std::unique_ptr<mu::mustache>, std::less<>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second.get();
  const std::string_view* text = FindWebFile("templates/" + std::string(name) + ".mustache");
  if (!text) {
    *error = "no template " + std::string(name);
    return nullptr;
  }
  auto t = std::make_unique<mu::mustache>(std::string(*text));
  if (!t->is_valid()) {
    *error = "template " + std::string(name) + ": " + t->error_message();
    return nullptr;
  }
  return cache.emplace(std::string(name), std::move(t)).first->second.get();
}

}  // namespace

Result<std::string> RenderTemplate(std::string_view name, const boost::json::value& data) {
  std::string error;
  mu::mustache* t = Compiled(name, &error);
  if (!t) return std::unexpected(Error::Internal(error));
  mu::data d = ToData(data);
  // Templates named "_x" are partials: {{> _x}}.
  if (d.is_object()) {
    for (const auto& f : EmbeddedFiles()) {
      if (!f.path.starts_with("templates/_") || !f.path.ends_with(".mustache")) continue;
      std::string partial(f.path.substr(10, f.path.size() - 10 - 9));
      std::string_view text = f.content;
      d.set(partial, mu::partial([text] { return std::string(text); }));
    }
  }
  std::string out = t->render(d);
  if (!t->is_valid()) return std::unexpected(Error::Internal("template " + std::string(name) + ": " + t->error_message()));
  return out;
}

void AddSecurityHeaders(HttpResponse& r) {
  r.SetHeader("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  r.SetHeader("X-Frame-Options", "DENY");
}

namespace {

// path with every lang= query parameter removed and, when `lang` is not empty, ?lang=<lang>
// as the first parameter.
std::string ReplaceLangParam(std::string_view path, std::string_view lang) {
  std::string_view base = path, query;
  if (size_t q = path.find('?'); q != std::string_view::npos) {
    base = path.substr(0, q);
    query = path.substr(q + 1);
  }
  std::string out(base);
  char sep = '?';
  if (!lang.empty()) {
    out += "?lang=" + std::string(lang);
    sep = '&';
  }
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    if (!part.empty() && !part.starts_with("lang=")) {
      out += sep;
      out += part;
      sep = '&';
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace

std::string WithLang(std::string_view path, Lang lang) { return ReplaceLangParam(path, lang); }

std::string WithoutLang(std::string_view path) { return ReplaceLangParam(path, ""); }

HttpResponse HtmlPage(std::string_view name, boost::json::object data, const PageFrame& frame,
                      std::string_view site_title_zh, std::string_view site_title_en, std::string_view site_url) {
  const boost::json::object& t = Catalogue(frame.lang);
  data["t"] = t;
  data["lang"] = std::string(frame.lang);
  HttpResponse r;
  r.status = frame.status;
  r.content_type = "text/html;charset=utf-8";
  auto body = RenderTemplate(name, data);
  if (!body) {
    r.status = 500;
    body = "<p>" + std::string(Translate(frame.lang, "error_internal")) + "</p>";
  }
  bool en = frame.lang == kEn;
  std::string_view page_path = frame.path.empty() ? "/" : std::string_view(frame.path);
  std::string site(en ? site_title_en : site_title_zh);
  boost::json::object layout{
      {"t", t},
      {"lang", std::string(frame.lang)},
      {"title", frame.title.empty() ? site : frame.title + " | " + site},
      {"site_title", site},
      {"description", frame.description},
      // Each language has its own URL (?lang=zh-TW, ?lang=en); the plain URL negotiates the
      // language (cookie, Accept-Language) and is the x-default, as in the sitemap. A page is
      // canonical at the URL it was asked for: with ?lang= its language URL, else the plain one.
      {"canonical", std::string(site_url) + (frame.lang_in_url ? WithLang(page_path, frame.lang)
                                                               : WithoutLang(page_path))},
      {"alternate_zh", std::string(site_url) + WithLang(page_path, kZh)},
      {"alternate_en", std::string(site_url) + WithLang(page_path, kEn)},
      {"alternate_default", std::string(site_url) + WithoutLang(page_path)},
      {"jsonld", frame.jsonld},
      {"feed_url", frame.feed_url},
      {"css", StaticUrl("app.css")},
      {"js", StaticUrl("app.js")},
      {"favicon", StaticUrl("favicon.svg")},
      {"switch_lang_url", WithLang(page_path, en ? kZh : kEn)},
      {"switch_lang_label", en ? "中文" : "English"},
      {"switch_lang_code", en ? "zh-TW" : "en"},
      {"user", frame.user.empty() ? boost::json::value(false) : boost::json::value(frame.user)},
      {"body", std::move(*body)},
  };
  auto page = RenderTemplate("layout", layout);
  r.body = page ? std::move(*page) : "<!doctype html><title>Error</title><p>" + page.error().message + "</p>";
  if (!page) r.status = 500;
  AddSecurityHeaders(r);
  r.SetHeader("Cache-Control", "no-cache");
  r.SetHeader("Content-Language", std::string(frame.lang));
  r.SetHeader("Vary", "Accept-Language, Cookie");
  return r;
}

}  // namespace pintu::http::web
