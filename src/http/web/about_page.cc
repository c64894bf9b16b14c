// GET /about: what Pintu is, how to use the API, the licence of the data.
#include <boost/json.hpp>

#include "http/web/pages.h"

namespace pintu::http::web {

HttpResponse AboutPage(PageCall& c) {
  std::string site = c.ctx.config.EffectiveSiteUrl();
  boost::json::object data{
      {"api_examples",
       boost::json::array{site + "/api/3/action/package_search?q=%E9%95%B7%E7%85%A7",
                          site + "/api/3/action/package_search?fq=res_format:CSV%20organization_level:local",
                          site + "/api/3/action/package_show?id=tp-bus-routes",
                          site + "/api/3/action/search_suggest?q=%E8%87%BA%E5%8C%97"}},
  };
  return c.Render("about", std::move(data), c.Frame(Translate(c.lang, "about_title")));
}

}  // namespace pintu::http::web
