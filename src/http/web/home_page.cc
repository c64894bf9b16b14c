// GET /: search box, topics with their dataset counts, newest and most used datasets,
// platform statistics.
#include <boost/json.hpp>

#include "actions/topics.h"
#include "http/web/catalog_lookup.h"
#include "http/web/pages.h"
#include "http/web/view.h"

namespace pintu::http::web {

HttpResponse HomePage(PageCall& c) {
  auto counts = SearchForPage(c.ctx, c.lang, "", {}, "", 0, 0, {"groups", "organization_level", "organization"});
  if (!counts) return c.Failure(counts.error());
  auto newest = SearchForPage(c.ctx, c.lang, "", {}, "metadata_modified desc", 6, 0);
  if (!newest) return c.Failure(newest.error());
  auto popular = SearchForPage(c.ctx, c.lang, "", {}, "views desc", 6, 0);
  if (!popular) return c.Failure(popular.error());

  auto per_topic = FacetCounts(*counts, "groups");
  auto per_level = FacetCounts(*counts, "organization_level");
  auto publishers = static_cast<int64_t>(FacetCounts(*counts, "organization").size());
  boost::json::array topics;
  if (auto all = actions::ListTopics(c.ctx)) {
    for (const auto& t : *all) {
      topics.emplace_back(boost::json::object{{"slug", t.slug},
                                              {"url", "/topic/" + PercentEncodeSegment(t.slug)},
                                              {"title", Localized(t.title, c.lang)},
                                              {"count", per_topic[t.slug]}});
    }
  }
  boost::json::object data{
      {"topics", topics},
      {"newest", newest->results},
      {"popular", popular->results},
      {"stats", boost::json::object{{"datasets", counts->total},
                                    {"publishers", publishers},
                                    {"central", per_level["central"]},
                                    {"local", per_level["local"]}}},
  };
  PageFrame f = c.Frame("");
  f.description = Translate(c.lang, "home_description");
  return c.Render("home", std::move(data), f);
}

}  // namespace pintu::http::web
