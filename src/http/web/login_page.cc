// GET/POST /login and POST /logout. The login form is protected against cross-site
// posting by a random secret in a SameSite=Strict cookie whose CSRF token the form
// carries; a successful login sets the HttpOnly session cookie.
#include <boost/json.hpp>

#include "actions/sessions.h"
#include "core/ids.h"
#include "http/web/form.h"
#include "http/web/pages.h"
#include "http/web/session_cookie.h"

namespace pintu::http::web {
namespace {

bool Secure(const PageCall& c) { return c.ctx.config.EffectiveSiteUrl().starts_with("https://"); }

// Only local paths are followed after login (no open redirect).
std::string SafeNext(std::string_view next) {
  if (next.size() < 1 || next.size() > 2000 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
    return "/dashboard";
  return std::string(next);
}

HttpResponse LoginForm(PageCall& c, const std::string& username, const std::string& error, int status) {
  std::string secret = RandomHex(32);
  boost::json::object data{{"csrf", actions::CsrfTokenFor(secret)},
                           {"username", username},
                           {"next", SafeNext(c.req.Query("next").value_or(""))},
                           {"error", error}};
  PageFrame f = c.Frame(Translate(c.lang, "login_title"));
  f.status = status;
  HttpResponse r = c.Render("login", std::move(data), f);
  r.headers.emplace_back("Set-Cookie", MakeCookie(kLoginCsrfCookie, secret, 3600, Secure(c), "Strict"));
  return r;
}

}  // namespace

HttpResponse LoginPage(PageCall& c) {
  if (c.LoggedIn()) return PageCall::Redirect("/dashboard");
  return LoginForm(c, "", "", 200);
}

HttpResponse LoginSubmit(PageCall& c) {
  auto form = ReadForm(c.req);
  if (!form) return c.Failure(form.error());
  std::string username = form->Get("username");
  if (username.size() > 200) username.resize(200);
  std::string login_secret = Cookie(c.req, kLoginCsrfCookie);
  if (login_secret.empty() || !actions::TokensEqual(form->Get("csrf"), actions::CsrfTokenFor(login_secret)))
    return LoginForm(c, username, Translate(c.lang, "error_csrf"), 403);
  auto session = actions::Login(c.ctx.store, username, form->Get("password"));
  if (!session) {
    if (session.error().code == ErrorCode::kAuthorization)
      return LoginForm(c, username, Translate(c.lang, "login_failed"), 401);
    return c.Failure(session.error());
  }
  HttpResponse r = PageCall::Redirect(SafeNext(form->Get("next")));
  r.headers.emplace_back("Set-Cookie", MakeCookie(kSessionCookie, session->secret,
                                                  std::chrono::seconds(actions::kSessionLifetime).count(), Secure(c)));
  r.headers.emplace_back("Set-Cookie", ClearCookie(kLoginCsrfCookie));
  return r;
}

HttpResponse LogoutSubmit(PageCall& c) {
  auto form = ReadForm(c.req);
  if (!form) return c.Failure(form.error());
  if (c.LoggedIn() && !c.CsrfOk(*form)) return c.Failure(Error::Forbidden(Translate(c.lang, "error_csrf")));
  if (auto ok = actions::Logout(c.ctx.store, c.session_secret); !ok) return c.Failure(ok.error());
  HttpResponse r = PageCall::Redirect("/");
  r.headers.emplace_back("Set-Cookie", ClearCookie(kSessionCookie));
  return r;
}

}  // namespace pintu::http::web
