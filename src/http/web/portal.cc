#include "http/web/portal.h"

#include <boost/json.hpp>

#include "core/account.h"
#include "actions/sessions.h"
#include "http/web/assets.h"
#include "http/web/dcat_routes.h"
#include "http/web/findable.h"
#include "http/web/form.h"
#include "http/web/session_cookie.h"
#include "http/web/pages.h"

namespace pintu::http::web {

PageFrame PageCall::Frame(std::string title) const {
  PageFrame f;
  f.lang = lang;
  f.title = std::move(title);
  f.path = req.target.empty() ? req.path : req.target;
  f.lang_in_url = req.Query("lang").has_value();
  if (ctx.identity.user)
    f.user = {{"name", ctx.identity.user->full_name.empty() ? ctx.identity.user->name : ctx.identity.user->full_name},
              {"csrf", csrf}};
  return f;
}

HttpResponse PageCall::Redirect(std::string location) {
  HttpResponse r;
  r.status = 303;
  r.content_type = "text/plain;charset=utf-8";
  r.SetHeader("Location", std::move(location));
  AddSecurityHeaders(r);
  return r;
}

HttpResponse PageCall::LoginFirst() const {
  return Redirect("/login?next=" + PercentEncodeSegment(req.target.empty() ? req.path : req.target));
}

bool PageCall::CsrfOk(const Form& form) const { return actions::TokensEqual(form.Get("csrf"), csrf); }

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
  f.status = e.code == ErrorCode::kInternal ? 500 : e.code == ErrorCode::kAuthorization ? 403 : 400;
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
      PageCall c{req, actions::Context{store, Identity::Anonymous(), config, search}, NegotiateLang(req), "", ""};
      std::string secret = Cookie(req, kSessionCookie);
      bool stale_cookie = false;
      if (!secret.empty()) {
        if (auto s = actions::ResumeSession(store, secret)) {
          c.ctx.identity = std::move(s->identity);
          c.csrf = std::move(s->csrf);
          c.session_secret = secret;
        } else {
          stale_cookie = true;  // expired or logged out elsewhere: continue as a visitor
        }
      }
      HttpResponse r = fn(c);
      if (stale_cookie) r.headers.emplace_back("Set-Cookie", ClearCookie(kSessionCookie));
      // An explicit ?lang= choice is remembered for the next pages.
      if (auto l = req.Query("lang"); l && (*l == "en" || *l == "zh-TW"))
        r.headers.emplace_back("Set-Cookie", "lang=" + *l + "; Path=/; Max-Age=31536000; SameSite=Lax");
      return r;
    };
  };
  router.Get("/", page(HomePage));
  router.Get("/dataset", page(SearchPage));
  AddDcatRoutes(router, store, config, search, page(DatasetPage));  // + /catalog*, /dataset/{slug}.ttl …
  router.Get("/dataset/{slug}/croissant.json", page(DatasetCroissantJson));
  router.Get("/organization", page(OrganizationListPage));
  router.Get("/organization/{slug}", page(OrganizationPage));
  router.Get("/topic", page(TopicListPage));
  router.Get("/topic/{slug}", page(TopicPage));
  router.Get("/software", page(SoftwareListPage));
  router.Get("/software/new", page(NewSoftwarePage));
  router.Post("/software/new", page(NewSoftwareSubmit));
  router.Get("/software/{slug}", page(SoftwarePage));
  router.Get("/software/{slug}/procurement", page(SoftwareProcurementPage));
  router.Get("/software/{slug}/publiccode.yml", page(SoftwarePubliccodeFile));
  router.Get("/software/{slug}/adopt", page(AdoptSoftwarePage));
  router.Post("/software/{slug}/adopt", page(AdoptSoftwareSubmit));
  router.Post("/software/{slug}/crawl", page(CrawlSoftwareSubmit));
  router.Post("/software/{slug}/assess", page(AssessSoftwareSubmit));
  router.Get("/about", page(AboutPage));
  router.Get("/quality", page(QualityPage));
  router.Get("/login", page(LoginPage));
  router.Post("/login", page(LoginSubmit));
  router.Post("/logout", page(LogoutSubmit));
  router.Get("/dashboard", page(DashboardPage));
  router.Get("/dataset/new", page(NewDatasetPage));
  router.Post("/dataset/new", page(NewDatasetSubmit));
  router.Get("/dataset/{slug}/edit", page(EditDatasetPage));
  router.Post("/dataset/{slug}/edit", page(EditDatasetSubmit));
  router.Get("/user/tokens", page(TokensPage));
  router.Post("/user/tokens", page(TokensSubmit));
  router.Get("/organization/{slug}/members", page(MembersPage));
  router.Post("/organization/{slug}/members", page(MembersPage));
  router.Get("/static/{file}", [](const HttpRequest& req) { return ServeStatic(req); });
  AddFindableRoutes(router, store, config, search);  // sitemap, robots.txt, Atom feeds, HTML 404
}

}  // namespace pintu::http::web
