// How people and crawlers find the portal's pages: /sitemap.xml, /robots.txt, Atom feeds
// of recent changes (per dataset, per organisation, site-wide) and the HTML 404 page for
// browsers that ask for a page that does not exist.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "actions/context.h"
#include "http/router.h"
#include "http/web/pages.h"

namespace pintu::http::web {

// The sitemaps.org limit of URLs in one sitemap file.
inline constexpr size_t kSitemapMaxUrls = 50000;
// How many activities a feed shows.
inline constexpr size_t kFeedEntries = 50;

// The sitemap of what anonymous visitors can read: home, about, search, the organisation
// and topic lists, every active organisation and topic, every active public dataset (with
// <lastmod>), each with zh-TW / en / x-default alternates. Absolute URLs start with the
// configured site URL. Without `page`, the whole <urlset> when it has at most `page_size` URLs, else
// a <sitemapindex> of "/sitemap.xml?page=N"; page N (1-based) is the N-th slice of
// `page_size` URLs. A page beyond the last → kNotFound.
Result<std::string> BuildSitemap(actions::Context& ctx, std::optional<size_t> page,
                                 size_t page_size = kSitemapMaxUrls);

// GET /sitemap.xml[?page=N]: BuildSitemap as application/xml; a page that is not a
// positive number → 400, a page beyond the last → 404 (both the HTML error page).
HttpResponse SitemapXml(PageCall& c);
// GET /robots.txt: everything may be crawled; points at the sitemap.
HttpResponse RobotsTxt(PageCall& c);

// GET /dataset/{slug}/feed.atom: the dataset's activities, newest first. 404 when the
// dataset does not exist or the visitor may not read it.
HttpResponse DatasetFeed(PageCall& c);
// GET /organization/{slug}/feed.atom: activities of the organisation's public datasets.
HttpResponse OrganizationFeed(PageCall& c);
// GET /feed.atom: activities of every public dataset.
HttpResponse SiteFeed(PageCall& c);

// Answer to a request no route matches: the localized HTML 404 page for GET/HEAD outside
// /api/ (unless the client accepts JSON but not HTML); else the router's 404 JSON, which
// API clients (CKAN) rely on.
HttpResponse NotFoundResponse(PageCall& c);

// Registers the routes above and NotFoundResponse as the router's not-found handler. The
// store and config must outlive the router.
void AddFindableRoutes(Router& router, Store& store, const Config& config, actions::SearchSync* search);

}  // namespace pintu::http::web
