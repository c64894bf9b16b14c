// Atom feeds of recent changes: GET /dataset/{slug}/feed.atom,
// GET /organization/{slug}/feed.atom and GET /feed.atom.
#include "actions/activity.h"
#include "actions/catalog_changes.h"
#include "actions/datasets.h"
#include "actions/organizations.h"
#include "core/time.h"
#include "http/web/atom_feed.h"
#include "http/web/catalog_lookup.h"
#include "http/web/change_summary.h"
#include "http/web/findable.h"
#include "http/web/view.h"

namespace pintu::http::web {
namespace {

// An absolute page URL in the reader's language (zh-TW is the default, without ?lang=).
std::string PageUrl(const PageCall& c, std::string_view path) {
  std::string url = c.ctx.config.EffectiveSiteUrl() + std::string(path);
  return c.lang == kEn ? url + "?lang=en" : url;
}

std::string TextIn(const LocalizedText& t, Lang lang) { return t.Best(lang); }

std::string SiteTitle(const PageCall& c) {
  return c.lang == kEn ? c.ctx.config.site_title_en : c.ctx.config.site_title_zh;
}

// The feed's frame. `fallback_updated` is used when the feed has no entries.
AtomFeed NewFeed(const PageCall& c, std::string_view feed_path, std::string_view page_path, std::string title,
                 std::string_view fallback_updated) {
  AtomFeed f;
  f.lang = std::string(c.lang);
  f.self = PageUrl(c, feed_path);
  f.id = f.self;
  f.alternate = PageUrl(c, page_path);
  f.title = std::move(title);
  f.updated = Rfc3339(fallback_updated).value_or(Rfc3339(NowIso()).value_or("1970-01-01T00:00:00Z"));
  f.author = SiteTitle(c);
  return f;
}

// One entry about a dataset activity; `link_path` is the page it points to.
AtomEntry Entry(const PageCall& c, const Activity& a, const Dataset& d, std::string_view link_path,
                const std::string& fallback_updated) {
  ChangeDescription what = DescribeDatasetChange(a, c.lang);
  AtomEntry e;
  e.id = AtomEntryId(c.ctx.config.EffectiveSiteUrl(), a.id.empty() ? std::to_string(a.seq) : a.id);
  e.title = what.label + Translate(c.lang, "feed_title_separator") + TextIn(d.title, c.lang);
  e.updated = Rfc3339(a.timestamp).value_or(fallback_updated);
  e.link = PageUrl(c, link_path);
  e.summary = std::move(what.summary);
  e.author = a.actor;
  e.category = std::move(what.kind);
  e.category_label = std::move(what.label);
  return e;
}

std::string DatasetPath(const Dataset& d) { return "/dataset/" + PercentEncodeSegment(d.slug); }
std::string OrganizationPath(const Organization& o) { return "/organization/" + PercentEncodeSegment(o.slug); }

// A deleted dataset has no page any more; its entry points at its publisher.
std::string LinkPath(const Dataset& d, const std::map<std::string, Organization>& orgs) {
  if (d.state != State::kDeleted) return DatasetPath(d);
  auto it = orgs.find(d.organization_id);
  return it == orgs.end() ? "/" : OrganizationPath(it->second);
}

void AddChanges(const PageCall& c, AtomFeed& f, const std::vector<actions::DatasetChange>& changes,
                const std::map<std::string, Organization>& orgs) {
  for (const auto& ch : changes)
    f.entries.push_back(Entry(c, ch.activity, ch.dataset, LinkPath(ch.dataset, orgs), f.updated));
  if (!f.entries.empty()) f.updated = f.entries.front().updated;
}

std::string FeedTitle(const PageCall& c, std::string subject, std::string_view what_key) {
  return subject + Translate(c.lang, "feed_title_separator") + Translate(c.lang, what_key);
}

}  // namespace

HttpResponse DatasetFeed(PageCall& c) {
  auto d = actions::ShowDataset(c.ctx, c.req.Param("slug"));
  if (!d) return c.Failure(d.error());
  auto activities = actions::ListDatasetActivity(c.ctx, d->id, 0, kFeedEntries);
  if (!activities) return c.Failure(activities.error());
  std::string page = DatasetPath(*d);
  AtomFeed f = NewFeed(c, page + "/feed.atom", page, FeedTitle(c, TextIn(d->title, c.lang), "feed_history"),
                       d->metadata_modified);
  if (auto org = actions::ShowOrganization(c.ctx, d->organization_id)) f.author = TextIn(org->title, c.lang);
  for (const auto& a : *activities) f.entries.push_back(Entry(c, a, *d, page, f.updated));
  if (!f.entries.empty()) f.updated = f.entries.front().updated;
  return AtomResponse(f);
}

HttpResponse OrganizationFeed(PageCall& c) {
  auto org = actions::ShowOrganization(c.ctx, c.req.Param("slug"));
  if (!org) return c.Failure(org.error());
  auto changes = actions::ListDatasetChanges(c.ctx, org->id, kFeedEntries);
  if (!changes) return c.Failure(changes.error());
  std::string page = OrganizationPath(*org);
  AtomFeed f = NewFeed(c, page + "/feed.atom", page, FeedTitle(c, TextIn(org->title, c.lang), "feed_history"),
                       org->modified);
  f.author = TextIn(org->title, c.lang);
  AddChanges(c, f, *changes, {{org->id, *org}});
  return AtomResponse(f);
}

HttpResponse SiteFeed(PageCall& c) {
  auto changes = actions::ListDatasetChanges(c.ctx, "", kFeedEntries);
  if (!changes) return c.Failure(changes.error());
  AtomFeed f = NewFeed(c, "/feed.atom", "/", FeedTitle(c, SiteTitle(c), "feed_recent"), NowIso());
  f.subtitle = Translate(c.lang, "feed_site_subtitle");
  AddChanges(c, f, *changes, OrganizationsById(c.ctx));
  return AtomResponse(f);
}

}  // namespace pintu::http::web
