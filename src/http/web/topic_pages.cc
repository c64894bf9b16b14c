// GET /topic (every topic, such as 長照, with its dataset count) and GET /topic/{slug}.
#include <boost/json.hpp>

#include "actions/topics.h"
#include "http/web/catalog_lookup.h"
#include "http/web/pages.h"
#include "http/web/view.h"

namespace pintu::http::web {

HttpResponse TopicListPage(PageCall& c) {
  auto topics = actions::ListTopics(c.ctx);
  if (!topics) return c.Failure(topics.error());
  auto counts = SearchForPage(c.ctx, c.lang, "", {}, "", 0, 0, {"groups"});
  if (!counts) return c.Failure(counts.error());
  auto per_topic = FacetCounts(*counts, "groups");
  boost::json::array items;
  for (const auto& t : *topics) {
    auto desc = Localized(t.description, c.lang);
    desc["text"] = Excerpt(desc["text"].as_string(), 160);
    items.emplace_back(boost::json::object{{"title", Localized(t.title, c.lang)},
                                           {"description", desc},
                                           {"url", "/topic/" + PercentEncodeSegment(t.slug)},
                                           {"count", per_topic[t.slug]}});
  }
  return c.Render("topics", {{"topics", items}}, c.Frame(Translate(c.lang, "topics_title")));
}

HttpResponse TopicPage(PageCall& c) {
  auto topic = actions::ShowTopic(c.ctx, c.req.Param("slug"));
  if (!topic) return c.Failure(topic.error());
  auto found = SearchForPage(c.ctx, c.lang, "", {"groups:\"" + topic->slug + "\""}, "", 100, 0,
                             {"organization_level"});
  if (!found) return c.Failure(found.error());
  auto levels = FacetCounts(*found, "organization_level");
  int64_t central = levels["central"], local = levels["local"];
  boost::json::object data{{"title", Localized(topic->title, c.lang)},
                           {"description", Localized(topic->description, c.lang)},
                           {"has_description", !topic->description.Values().empty()},
                           {"total", found->total},
                           {"central", central},
                           {"local", local},
                           {"results", found->results}};
  PageFrame f = c.Frame(Localized(topic->title, c.lang)["text"].as_string().c_str());
  f.path = "/topic/" + PercentEncodeSegment(topic->slug);
  f.description = Excerpt(topic->description.Best(c.lang), 200);
  return c.Render("topic", std::move(data), f);
}

}  // namespace pintu::http::web
