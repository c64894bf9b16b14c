// The portal's page handlers (one file each) and what they share.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "actions/context.h"
#include "http/message.h"
#include "http/web/i18n.h"
#include "http/web/render.h"

namespace pintu::http::web {

struct Form;

// What a page handler needs: the services and the request's language and identity.
struct PageCall {
  const HttpRequest& req;
  actions::Context ctx;
  Lang lang;
  std::string session_secret;  // the login cookie ("" when not logged in)
  std::string csrf;            // the CSRF token forms of this session must carry

  bool LoggedIn() const { return ctx.identity.user.has_value(); }
  // 303 See Other to `location` (a local path).
  static HttpResponse Redirect(std::string location);
  // 303 to the login page, coming back to this page afterwards.
  HttpResponse LoginFirst() const;
  // True when `form` carries this session's CSRF token.
  bool CsrfOk(const Form& form) const;

  // A frame for this request (lang, canonical path = the request target).
  PageFrame Frame(std::string title) const;
  // Renders `name` inside the layout.
  HttpResponse Render(std::string_view name, boost::json::object data, const PageFrame& frame) const;
  // The localized 404 page.
  HttpResponse NotFound() const;
  // A page for an error from an action (404 for not found, else 400/500 with the message).
  HttpResponse Failure(const Error& e) const;
};

HttpResponse HomePage(PageCall& c);
HttpResponse SearchPage(PageCall& c);
HttpResponse DatasetPage(PageCall& c);
HttpResponse OrganizationListPage(PageCall& c);
HttpResponse OrganizationPage(PageCall& c);
HttpResponse TopicListPage(PageCall& c);
HttpResponse TopicPage(PageCall& c);
HttpResponse AboutPage(PageCall& c);
HttpResponse QualityPage(PageCall& c);
HttpResponse LoginPage(PageCall& c);
HttpResponse LoginSubmit(PageCall& c);
HttpResponse LogoutSubmit(PageCall& c);
HttpResponse DashboardPage(PageCall& c);
HttpResponse NewDatasetPage(PageCall& c);
HttpResponse NewDatasetSubmit(PageCall& c);
HttpResponse EditDatasetPage(PageCall& c);
HttpResponse EditDatasetSubmit(PageCall& c);
HttpResponse TokensPage(PageCall& c);
HttpResponse TokensSubmit(PageCall& c);
HttpResponse MembersPage(PageCall& c);  // GET and POST
// GET /dataset/{slug}/croissant.json: Croissant 1.1 JSON-LD (application/ld+json); JSON 404
// for a private, draft, deleted or unknown dataset.
HttpResponse DatasetCroissantJson(PageCall& c);
// The public code registry (software_pages.cc, software_form_pages.cc).
HttpResponse SoftwareListPage(PageCall& c);
HttpResponse SoftwarePage(PageCall& c);
HttpResponse SoftwareProcurementPage(PageCall& c);
HttpResponse SoftwarePubliccodeFile(PageCall& c);
HttpResponse NewSoftwarePage(PageCall& c);
HttpResponse NewSoftwareSubmit(PageCall& c);
HttpResponse AdoptSoftwarePage(PageCall& c);
HttpResponse AdoptSoftwareSubmit(PageCall& c);
HttpResponse CrawlSoftwareSubmit(PageCall& c);
HttpResponse AssessSoftwareSubmit(PageCall& c);

}  // namespace pintu::http::web
