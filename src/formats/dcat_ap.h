// DCAT-AP 3.0.1 descriptions of Pintu's catalog: a dataset (with its publisher,
// distributions, licence, provenance …) or one page of the catalog (dcat:Catalog with
// Hydra paging), as an rdf::Graph that the rdf writers serialise. Every object IRI the
// graph uses carries its rdf:type and every skos:Concept a skos:prefLabel, because the
// DCAT-AP SHACL shapes check classes in the data graph. docs/dcat-ap.md has the mapping.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/localized_text.h"
#include "core/organization.h"
#include "core/score_card.h"
#include "formats/rdf/model.h"

namespace pintu::dcat {

// Catalog pages hold this many datasets unless asked otherwise, and never more than kMaxPageSize.
inline constexpr size_t kDefaultPageSize = 100;
inline constexpr size_t kMaxPageSize = 1000;

// What the mapping needs besides the dataset itself.
struct ExportContext {
  std::string base_url;  // the site's public URL without a trailing slash
  // The slug of the public dataset a methodology source names (an id or a slug), or
  // nullopt when there is none the public may see. Unset → only URL sources are linked.
  std::function<std::optional<std::string>(std::string_view id_or_slug)> resolve_dataset;
};

// Stable IRIs. Slugs and ids are percent-encoded as path segments.
std::string CatalogIri(std::string_view base);                                  // {base}/catalog
std::string DatasetIri(std::string_view base, std::string_view slug);           // {base}/dataset/{slug}
std::string DistributionIri(std::string_view base, std::string_view slug, std::string_view resource_id);
std::string OrganizationIri(std::string_view base, std::string_view slug);      // {base}/organization/{slug}
// {base}/dataset/{slug}/resource/{id}/schema.json, the Table Schema of a resource's fields.
std::string TableSchemaUrl(std::string_view base, std::string_view slug, std::string_view resource_id);
// {base}/ns#, the namespace of Pintu's own small vocabulary (dataset types, service
// categories, pintu:formula, pintu:maxPoints, pintu:rating).
std::string PintuNamespace(std::string_view base);

// Adds the DCAT-AP description of `d` (published by `org`) to `g`: the dcat:Dataset,
// its distributions, publisher, contact point, licence, access rights, frequency,
// temporal and spatial coverage, languages, standards, provenance and type, each object
// typed and labelled. Declares the prefixes it uses.
void AddDataset(rdf::Graph& g, const Dataset& d, const Organization& org, const ExportContext& ctx);

// A graph with only `d`'s description (AddDataset) and, when `score` is given, its
// quality measurements (dqv.h). The HTTP face passes the dataset's latest stored score.
rdf::Graph DatasetGraph(const Dataset& d, const Organization& org, const ExportContext& ctx,
                        const ScoreCard* score = nullptr);

// Pintu's own vocabulary, published at {base}/ns: the dataset-type and service-category
// concept schemes (every concept labelled in zh-TW and en, categories related to their EU
// data theme) and the properties pintu:formula, pintu:maxPoints and pintu:rating.
rdf::Graph PintuVocabularyGraph(std::string_view base);

// Who runs the catalog and what it is called.
struct CatalogInfo {
  LocalizedText title;
  LocalizedText description;
  LocalizedText publisher_name;  // the operator of the portal (dct:publisher of the catalog)
};

// Where a catalog page sits in the whole list.
struct CatalogPage {
  size_t page = 1;                      // 1-based
  size_t page_size = kDefaultPageSize;  // 1..kMaxPageSize
  int64_t total = 0;                    // public datasets in the whole catalog
};

// The number of pages of `total` items (at least 1, so an empty catalog has page 1).
size_t PageCount(int64_t total, size_t page_size);

// One page of the catalog: the dcat:Catalog (title, description, publisher, homepage,
// languages, theme taxonomy) linking each dataset of the page with dcat:dataset and a
// dcat:CatalogRecord, the full description of each dataset (AddDataset, published by
// `publisher_of(d.organization_id)`; a dataset whose organisation is unknown is skipped),
// and a hydra:PartialCollectionView with first/previous/next/last links and
// hydra:totalItems. Page links are "{base}/catalog?page=N" (plus "&page_size=M" when not
// the default), which content negotiation serves in every syntax.
rdf::Graph CatalogGraph(const CatalogInfo& info, const CatalogPage& page, std::span<const Dataset> datasets,
                        const std::function<const Organization*(std::string_view org_id)>& publisher_of,
                        const ExportContext& ctx);

}  // namespace pintu::dcat
