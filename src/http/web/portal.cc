#include "http/web/portal.h"

#include <boost/json.hpp>

#include "core/account.h"
#include "http/web/assets.h"
#include "http/web/findable.h"
#include "http/web/pages.h"

namespace pintu::http::web {

PageFrame PageCall::Frame(std::string title) const {
  PageFrame f;
  f.lang = lang;
  f.title = std::move(title);
  f.path = req.target.empty() ? req.path : req.target;
  return f;
}

HttpResponse PageCall::Render(std::string_view name, boost::json::object data, const PageFrame& frame) const {
  const Config& cfg = ctx.config;
  return HtmlPage(name, std::move(data), frame, cfg.site_title_zh, cfg.site_title_en, cfg.EffectiveSiteUrl());
}

HttpResponse PageCall::NotFound() const {
  PageFrame f = Frame(Translate(lang, "not_found_title"));
  f.status = 404;
  return Render("not_found", {}, f);
}

HttpResponse PageCall::Failure(const Error& e) const {
  if (e.code == ErrorCode::kNotFound) return NotFound();
  PageFrame f = Frame(Translate(lang, "error_title"));
  f.status = e.code == ErrorCode::kInternal ? 500 : 400;
  boost::json::array fields;
  for (const auto& fe : e.fields)
    fields.emplace_back(boost::json::object{
        {"field", fe.field}, {"message", lang == kZh && !fe.message_zh.empty() ? fe.message_zh : fe.message}});
  return Render("error", {{"message", e.code == ErrorCode::kInternal ? Translate(lang, "error_internal") : e.message},
                          {"fields", fields}},
                f);
}

void AddPortalRoutes(Router& router, Store& store, const Config& config, actions::SearchSync* search) {
  auto page = [&store, &config, search](HttpResponse (*fn)(PageCall&)) -> Handler {
    return [&store, &config, search, fn](const HttpRequest& req) {
      PageCall c{req, actions::Context{store, Identity::Anonymous(), config, search}, NegotiateLang(req)};
      HttpResponse r = fn(c);
      // An explicit ?lang= choice is remembered for the next pages.
      if (auto l = req.Query("lang"); l && (*l == "en" || *l == "zh-TW"))
        r.SetHeader("Set-Cookie", "lang=" + *l + "; Path=/; Max-Age=31536000; SameSite=Lax");
      return r;
    };
  };
  router.Get("/", page(HomePage));
  router.Get("/dataset", page(SearchPage));
  router.Get("/dataset/{slug}", page(DatasetPage));
  router.Get("/organization", page(OrganizationListPage));
  router.Get("/organization/{slug}", page(OrganizationPage));
  router.Get("/topic", page(TopicListPage));
  router.Get("/topic/{slug}", page(TopicPage));
  router.Get("/about", page(AboutPage));
  router.Get("/static/{file}", [](const HttpRequest& req) { return ServeStatic(req); });
  AddFindableRoutes(router, store, config, search);  // sitemap, robots.txt, Atom feeds, HTML 404
}

}  // namespace pintu::http::web
