// The HTML portal: server-rendered pages for citizens and agencies, in zh-TW and English.
#pragma once

#include "core/config.h"
#include "http/router.h"
#include "store/store.h"

namespace pintu::actions {
class SearchSync;
}

namespace pintu::http::web {

// Adds the portal's routes (/, /dataset, /dataset/{slug}, /organization…, /topic…,
// /about, /static/{file}, and findable.h's sitemap, robots.txt, Atom feeds and HTML 404
// for unknown pages) to `router`. The store, config and index must outlive the router.
void AddPortalRoutes(Router& router, Store& store, const Config& config, actions::SearchSync* search);

}  // namespace pintu::http::web
