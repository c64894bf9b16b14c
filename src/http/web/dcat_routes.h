// DCAT-AP 3.0.1 exports of the public catalog, in Turtle, JSON-LD and RDF/XML:
//   /catalog.ttl|.jsonld|.rdf[?page=N&page_size=M]   one page of the catalog (Hydra paging)
//   /dataset/{slug}.ttl|.jsonld|.rdf                  one dataset with its distributions
//   /catalog and /dataset/{slug}                      the same, chosen by the Accept header;
//                                                     browsers keep the HTML page
//   /dataset/{slug}/resource/{id}/schema.json         a resource's fields as a Table Schema
//   /ns, /ns.ttl|.jsonld|.rdf                         Pintu's own small vocabulary
// Only active public datasets are exported; anything else is 404. docs/dcat-ap.md
// describes the mapping.
#pragma once

#include <optional>
#include <string_view>

#include "actions/context.h"
#include "formats/rdf/writers.h"
#include "http/router.h"

namespace pintu::http::web {

// The RDF syntax an Accept header asks for, or nullopt when the client prefers HTML (or
// says nothing, or accepts none of them). Media ranges and q-values are honoured: the
// highest q wins (the most specific matching range gives a type its q); on a tie HTML
// wins, then Turtle, JSON-LD and RDF/XML, so a browser's "*/*" keeps the page.
std::optional<rdf::Syntax> NegotiateRdf(std::string_view accept);

// Registers the routes above. `dataset_page` is the HTML dataset page, served on
// /dataset/{slug} when content negotiation picks HTML. The store and config must outlive
// the router.
void AddDcatRoutes(Router& router, Store& store, const Config& config, actions::SearchSync* search,
                   Handler dataset_page);

}  // namespace pintu::http::web
