// The native REST face of the public code registry, /api/v1/software… — a thin mapping of
// JSON requests onto actions/software.h and actions/adoptions.h (no rules live here).
//
//   GET    /api/v1/software                      search (q, category, piece_size, license,
//                                                organization (slug or id), level, maintenance_status,
//                                                development_status, sort, offset, limit)
//   POST   /api/v1/software                      register (JSON: organization, name,
//                                                repository_url | publiccode_yml, datasets)
//   GET    /api/v1/software/{id}                 the entry with readiness, vitality, adoptions
//   PUT    /api/v1/software/{id}                 change file, repository, slug or dataset links
//   DELETE /api/v1/software/{id}
//   GET    /api/v1/software/{id}/versions        crawl and upload history (offset, limit)
//   GET    /api/v1/software/{id}/publiccode.yml  the current file
//   POST   /api/v1/software/{id}/crawl           queue a crawl now (202)
//   PUT    /api/v1/software/{id}/self-assessment/{criterion}   {met, note}
//   GET    /api/v1/software/{id}/adoptions       who reuses it
//   POST   /api/v1/software/{id}/adoptions       record an adoption (adopting organisation's editors)
//   DELETE /api/v1/adoptions/{id}                withdraw an adoption
//   POST   /api/v1/publiccode/validate           body = publiccode.yml; ?mode=strict|lenient
//
// Authentication: the API token in the Authorization header (as the CKAN API). Errors are
// {"error": code, "message": …, "fields": [{"field", "message", "message_zh"}]} with 400,
// 403, 404, 409, 413 or 500.
#pragma once

#include "core/config.h"
#include "http/router.h"
#include "store/store.h"

namespace pintu::actions {
class SearchSync;
}

namespace pintu::http::api {

// Registers every route above on `router`. `store`, `config` and `search` must outlive it;
// search without an index answers 500.
void AddSoftwareApiRoutes(Router& router, Store& store, const Config& config, actions::SearchSync* search);

}  // namespace pintu::http::api
