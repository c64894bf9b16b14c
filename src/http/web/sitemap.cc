// GET /sitemap.xml (sitemaps.org 0.9, with xhtml:link language alternates; a sitemap index
// when the catalog has more URLs than one sitemap may hold) and GET /robots.txt.
#include <charconv>
#include <span>

#include "actions/catalog_changes.h"
#include "actions/organizations.h"
#include "actions/topics.h"
#include "http/web/atom_feed.h"
#include "http/web/findable.h"
#include "http/web/xml_writer.h"

namespace pintu::http::web {
namespace {

constexpr std::string_view kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
constexpr size_t kStampBatch = 10000;

struct SitemapUrl {
  std::string path;     // "/dataset/x", percent-encoded
  std::string lastmod;  // "YYYY-MM-DD" or empty
};

// Every public page, in a stable order: fixed pages, organisations, topics, datasets.
Result<std::vector<SitemapUrl>> PublicUrls(actions::Context& ctx) {
  std::vector<SitemapUrl> urls = {{"/", ""}, {"/dataset", ""}, {"/organization", ""}, {"/topic", ""}, {"/about", ""}};
  auto orgs = actions::ListOrganizations(ctx);
  if (!orgs) return std::unexpected(orgs.error());
  for (const auto& o : *orgs) urls.push_back({"/organization/" + PercentEncodeSegment(o.slug), ""});
  auto topics = actions::ListTopics(ctx);
  if (!topics) return std::unexpected(topics.error());
  for (const auto& t : *topics) urls.push_back({"/topic/" + PercentEncodeSegment(t.slug), ""});
  for (size_t offset = 0;; offset += kStampBatch) {
    auto stamps = actions::ListPublicDatasetStamps(ctx, offset, kStampBatch);
    if (!stamps) return std::unexpected(stamps.error());
    for (const auto& s : *stamps) {
      auto when = Rfc3339(s.metadata_modified);
      urls.push_back({"/dataset/" + PercentEncodeSegment(s.slug), when ? when->substr(0, 10) : ""});
    }
    if (stamps->size() < kStampBatch) break;
  }
  return urls;
}

std::string UrlSet(const std::string& site, std::span<const SitemapUrl> urls) {
  XmlWriter w;
  w.Open("urlset", {{"xmlns", kSitemapNs}, {"xmlns:xhtml", "http://www.w3.org/1999/xhtml"}});
  for (const auto& u : urls) {
    std::string loc = site + u.path;
    w.Open("url");
    w.Element("loc", loc);
    if (!u.lastmod.empty()) w.Element("lastmod", u.lastmod);
    w.Empty("xhtml:link", {{"rel", "alternate"}, {"hreflang", kZh}, {"href", loc + "?lang=zh-TW"}});
    w.Empty("xhtml:link", {{"rel", "alternate"}, {"hreflang", kEn}, {"href", loc + "?lang=en"}});
    w.Empty("xhtml:link", {{"rel", "alternate"}, {"hreflang", "x-default"}, {"href", loc}});
    w.Close();
  }
  return w.Finish();
}

std::string SitemapIndex(const std::string& site, size_t pages) {
  XmlWriter w;
  w.Open("sitemapindex", {{"xmlns", kSitemapNs}});
  for (size_t p = 1; p <= pages; ++p) w.Open("sitemap").Element("loc", site + "/sitemap.xml?page=" + std::to_string(p)).Close();
  return w.Finish();
}

}  // namespace

Result<std::string> BuildSitemap(actions::Context& ctx, std::optional<size_t> page, size_t page_size) {
  if (page_size == 0) page_size = kSitemapMaxUrls;
  auto urls = PublicUrls(ctx);
  if (!urls) return std::unexpected(urls.error());
  const std::string site = ctx.config.EffectiveSiteUrl();
  const size_t pages = std::max<size_t>(1, (urls->size() + page_size - 1) / page_size);
  if (!page) return pages == 1 ? UrlSet(site, *urls) : SitemapIndex(site, pages);
  if (*page < 1 || *page > pages) return std::unexpected(Error::NotFound("Sitemap page"));
  size_t begin = (*page - 1) * page_size;
  size_t end = std::min(urls->size(), begin + page_size);
  return UrlSet(site, std::span<const SitemapUrl>(*urls).subspan(begin, end - begin));
}

HttpResponse SitemapXml(PageCall& c) {
  std::optional<size_t> page;
  if (auto p = c.req.Query("page")) {
    size_t n = 0;
    auto [end, ec] = std::from_chars(p->data(), p->data() + p->size(), n);
    if (p->empty() || ec != std::errc() || end != p->data() + p->size() || n == 0)
      return c.Failure(Error::Invalid("page", "The sitemap page must be a whole number from 1 up.",
                                      "網站地圖頁碼必須是從 1 起算的整數。"));
    page = n;
  }
  auto xml = BuildSitemap(c.ctx, page);
  if (!xml) return c.Failure(xml.error());
  HttpResponse r;
  r.content_type = "application/xml;charset=utf-8";
  r.body = std::move(*xml);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Cache-Control", "no-cache");
  return r;
}

HttpResponse RobotsTxt(PageCall& c) {
  HttpResponse r;
  r.content_type = "text/plain;charset=utf-8";
  r.body = "User-agent: *\nAllow: /\n\nSitemap: " + c.ctx.config.EffectiveSiteUrl() + "/sitemap.xml\n";
  r.SetHeader("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace pintu::http::web
