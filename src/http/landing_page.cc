#include "http/landing_page.h"

#include <fmt/format.h>

namespace pintu::http {

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

HttpResponse LandingPage(Store& store, const Config& config, const HttpRequest& req) {
  bool en = req.Query("lang").value_or("") == "en";
  auto stats = store.Stats();
  StoreStats s = stats ? *stats : StoreStats{};
  std::string topics_html;
  if (auto topics = store.ListTopics(false)) {
    for (const auto& t : *topics) {
      topics_html += fmt::format(
          "<li><a href=\"/api/3/action/group_show?id={0}&amp;include_datasets=true\">{1}</a></li>",
          HtmlEscape(t.slug), HtmlEscape(t.title.Best(en ? "en" : "zh-TW")));
    }
  }
  const std::string& title = en ? config.site_title_en : config.site_title_zh;
  std::string body = fmt::format(R"(<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body>
<header><h1>{title}</h1>
<p><a href="/?lang={other_lang}" lang="{other_lang}">{other_label}</a></p></header>
<main>
<p>{intro}</p>
<form action="/api/3/action/package_search" method="get" role="search">
<label for="q">{search_label}</label> <input id="q" name="q" type="search">
<button type="submit">{search_button}</button></form>
<h2>{numbers}</h2>
<ul><li>{datasets_label}: {datasets}</li><li>{orgs_label}: {orgs}</li><li>{resources_label}: {resources}</li></ul>
<h2>{topics_label}</h2><ul>{topics}</ul>
<h2>API</h2>
<p><a href="/api/3/action/status_show">CKAN Action API v3</a> · <a href="/healthz">/healthz</a> · <a href="/metrics">/metrics</a></p>
</main></body></html>
)",
      fmt::arg("lang", en ? "en" : "zh-Hant-TW"), fmt::arg("title", HtmlEscape(title)),
      fmt::arg("other_lang", en ? "zh-TW" : "en"), fmt::arg("other_label", en ? "中文" : "English"),
      fmt::arg("intro", en ? "Open government data from central and local agencies, with a CKAN-compatible API."
                           : "中央與地方機關的政府開放資料，提供與 CKAN 相容的 API。"),
      fmt::arg("search_label", en ? "Search datasets" : "搜尋資料集"),
      fmt::arg("search_button", en ? "Search" : "搜尋"),
      fmt::arg("numbers", en ? "The catalog in numbers" : "平臺統計"),
      fmt::arg("datasets_label", en ? "Datasets" : "資料集"), fmt::arg("datasets", s.datasets),
      fmt::arg("orgs_label", en ? "Agencies" : "機關"), fmt::arg("orgs", s.organizations),
      fmt::arg("resources_label", en ? "Resources" : "資料資源"), fmt::arg("resources", s.resources),
      fmt::arg("topics_label", en ? "Topics" : "主題"), fmt::arg("topics", topics_html));
  HttpResponse r;
  r.content_type = "text/html;charset=utf-8";
  r.body = std::move(body);
  r.SetHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  return r;
}

}  // namespace pintu::http
