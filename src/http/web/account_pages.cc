// GET/POST /user/tokens (a user's API tokens: create one — its secret shown once — or
// revoke one) and GET/POST /organization/{slug}/members (who may publish for an agency).
#include <boost/json.hpp>

#include "actions/accounts.h"
#include "actions/authz.h"
#include "actions/organizations.h"
#include "http/web/form.h"
#include "http/web/pages.h"
#include "http/web/view.h"

namespace pintu::http::web {
namespace {

HttpResponse TokensView(PageCall& c, const std::string& new_secret, const std::string& error, int status) {
  auto tokens = actions::ListOwnTokens(c.ctx);
  if (!tokens) return c.Failure(tokens.error());
  boost::json::array items;
  for (const auto& t : *tokens)
    items.emplace_back(boost::json::object{{"id", t.id},
                                           {"name", t.name},
                                           {"created", DateOnly(t.created)},
                                           {"last_used", DateOnly(t.last_used)},
                                           {"revoked", t.revoked}});
  boost::json::object data{{"tokens", items}, {"has_tokens", !items.empty()}, {"csrf", c.csrf},
                           {"new_secret", new_secret}, {"error", error}};
  PageFrame f = c.Frame(Translate(c.lang, "tokens_title"));
  f.status = status;
  HttpResponse r = c.Render("tokens", std::move(data), f);
  r.SetHeader("Cache-Control", "no-store");  // a new secret must not linger in caches
  return r;
}

}  // namespace

HttpResponse TokensPage(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  return TokensView(c, "", "", 200);
}

HttpResponse TokensSubmit(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  auto form = ReadForm(c.req);
  if (!form) return c.Failure(form.error());
  if (!c.CsrfOk(*form)) return TokensView(c, "", Translate(c.lang, "error_csrf"), 403);
  if (std::string id = form->Get("revoke"); !id.empty()) {
    if (auto ok = actions::RevokeToken(c.ctx, id); !ok) return TokensView(c, "", ok.error().message, 400);
    return PageCall::Redirect("/user/tokens");
  }
  std::string label(Trim(form->Get("name")));
  if (label.empty() || CountCodePoints(label) > 100 || !IsValidUtf8(label))
    return TokensView(c, "", Translate(c.lang, "error_token_name"), 400);
  auto issued = actions::CreateToken(c.ctx, c.ctx.identity.user->name, label);
  if (!issued) return TokensView(c, "", issued.error().message, 400);
  return TokensView(c, issued->secret, "", 200);
}

HttpResponse MembersPage(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  auto org = actions::ShowOrganization(c.ctx, c.req.Param("slug"));
  if (!org) return c.Failure(org.error());
  std::string error;
  int status = 200;
  if (c.req.method == "POST") {
    auto form = ReadForm(c.req);
    if (!form) return c.Failure(form.error());
    Result<void> done;
    if (!c.CsrfOk(*form)) {
      done = std::unexpected(Error::Forbidden(Translate(c.lang, "error_csrf")));
    } else if (std::string remove = form->Get("remove"); !remove.empty()) {
      done = actions::RemoveMembership(c.ctx, org->id, remove);
    } else {
      auto role = ParseMemberRole(form->Get("role"));
      if (!role) done = std::unexpected(Error::Invalid("role", "Unknown role", "未知的角色"));
      else if (auto m = actions::SetMembership(c.ctx, org->id, Trim(form->Get("username")), *role); !m)
        done = std::unexpected(m.error());
    }
    if (done) return PageCall::Redirect("/organization/" + PercentEncodeSegment(org->slug) + "/members");
    const Error& e = done.error();
    error = e.fields.empty() ? e.message
                             : (c.lang == kZh && !e.fields[0].message_zh.empty() ? e.fields[0].message_zh : e.fields[0].message);
    status = e.code == ErrorCode::kAuthorization ? 403 : 400;
  }
  auto members = actions::ListMembers(c.ctx, org->id);
  if (!members) return c.Failure(members.error());
  bool can_manage = actions::CanAdminOrganization(c.ctx.identity, org->id);
  boost::json::array items;
  for (const auto& [user, role] : *members)
    items.emplace_back(boost::json::object{{"name", user.name},
                                           {"full_name", user.full_name},
                                           {"role", Translate(c.lang, "role_" + std::string(ToCode(role)))}});
  boost::json::object data{{"org", boost::json::object{{"title", Localized(org->title, c.lang)},
                                                       {"url", "/organization/" + PercentEncodeSegment(org->slug)}}},
                           {"action", "/organization/" + PercentEncodeSegment(org->slug) + "/members"},
                           {"members", items},
                           {"can_manage", can_manage},
                           {"csrf", c.csrf},
                           {"error", error}};
  PageFrame f = c.Frame(Translate(c.lang, "members_title") + " — " + org->title.Best(c.lang));
  f.status = status;
  return c.Render("members", std::move(data), f);
}

}  // namespace pintu::http::web
