// Server-rendered HTML: mustache templates (web/templates, escaping by default) filled
// from Boost.JSON objects, inside one layout, with the portal's security headers.
// kainjow/mustache stays inside render.cc.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/error.h"
#include "http/message.h"
#include "http/web/i18n.h"

namespace pintu::http::web {

// Renders web/templates/<name>.mustache with `data` ({{x}} escapes HTML; {{{x}}} does not
// and is only used for HTML the portal built itself). A missing or broken template → kInternal.
Result<std::string> RenderTemplate(std::string_view name, const boost::json::value& data);

// What every page tells the layout.
struct PageFrame {
  Lang lang = kZh;
  std::string title;          // the page's own title (the site name is appended)
  std::string description;    // meta description (plain text)
  std::string path;           // canonical path with its query ("/dataset/x"), for links
  bool lang_in_url = false;   // the request chose the language with ?lang= (else negotiated)
  std::string jsonld;         // schema.org JSON-LD for a <script type="application/ld+json">, or empty
  std::string feed_url;       // an Atom feed to advertise, or empty
  int status = 200;
  boost::json::object user;   // {"name": …} when logged in (empty otherwise)
};

// A complete page: web/templates/<name>.mustache rendered with `data` plus the frame
// (lang, t = translations, site, nav, language switch) inside layout.mustache.
HttpResponse HtmlPage(std::string_view name, boost::json::object data, const PageFrame& frame,
                      std::string_view site_title_zh, std::string_view site_title_en, std::string_view site_url);

// Adds the security headers every HTML response carries (CSP without inline script,
// frame-ancestors 'none', nosniff, Referrer-Policy).
void AddSecurityHeaders(HttpResponse& r);

// `path` with `lang` set as its ?lang= parameter (other parameters kept).
std::string WithLang(std::string_view path, Lang lang);

// `path` with every lang= query parameter removed (the URL whose language is negotiated).
std::string WithoutLang(std::string_view path);

}  // namespace pintu::http::web
