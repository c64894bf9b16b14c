// One page of the catalog as a dcat:Catalog with Hydra paging (https://www.hydra-cg.com/spec/latest/core/).
#include "core/text.h"
#include "formats/dcat_ap.h"
#include "formats/rdf/vocab.h"
#include "formats/rdf/xsd_literals.h"

namespace pintu::dcat {
namespace {

using rdf::Term;
namespace ns = rdf::ns;

Term Type() { return ns::Iri(ns::kRdf, "type"); }

std::string PageIri(std::string_view base, size_t page, size_t page_size) {
  std::string iri = CatalogIri(base) + "?page=" + std::to_string(page);
  if (page_size != kDefaultPageSize) iri += "&page_size=" + std::to_string(page_size);
  return iri;
}

void AddLocalized(rdf::Graph& g, const Term& s, const Term& p, const LocalizedText& text) {
  for (const auto& [lang, value] : text.Values())
    if (!value.empty()) g.Add(s, p, Term::Literal(value, lang));
}

void AddCatalogRecord(rdf::Graph& g, const Term& catalog, const Dataset& d, std::string_view base) {
  auto modified = rdf::XsdDateOrTime(d.metadata_modified);
  if (!modified) modified = rdf::XsdDateOrTime(d.modified);
  if (!modified) return;  // dct:modified is mandatory on a record; without any date there is none
  Term record = Term::Iri(DatasetIri(base, d.slug) + "#record");
  g.Add(catalog, ns::Iri(ns::kDcat, "record"), record);
  g.Add(record, Type(), ns::Iri(ns::kDcat, "CatalogRecord"));
  g.Add(record, ns::Iri(ns::kFoaf, "primaryTopic"), Term::Iri(DatasetIri(base, d.slug)));
  g.Add(record, ns::Iri(ns::kDct, "modified"), *modified);
  if (auto created = rdf::XsdDateOrTime(d.metadata_created)) g.Add(record, ns::Iri(ns::kDct, "issued"), *created);
  // The record's metadata follow the DCAT-AP 3.0.1 application profile.
  Term profile = Term::Iri("https://semiceu.github.io/DCAT-AP/releases/3.0.1/");
  g.Add(record, ns::Iri(ns::kDct, "conformsTo"), profile);
  g.Add(profile, Type(), ns::Iri(ns::kDct, "Standard"));
  g.Add(profile, ns::Iri(ns::kDct, "title"), Term::Literal("DCAT-AP 3.0.1", "en"));
}

}  // namespace

size_t PageCount(int64_t total, size_t page_size) {
  if (page_size == 0) page_size = kDefaultPageSize;
  if (total <= 0) return 1;
  return (static_cast<size_t>(total) + page_size - 1) / page_size;
}

rdf::Graph CatalogGraph(const CatalogInfo& info, const CatalogPage& page, std::span<const Dataset> datasets,
                        const std::function<const Organization*(std::string_view org_id)>& publisher_of,
                        const ExportContext& ctx) {
  rdf::Graph g;
  ns::DeclareCommonPrefixes(g);
  g.SetPrefix("pintu", PintuNamespace(ctx.base_url));
  const std::string& base = ctx.base_url;
  Term catalog = Term::Iri(CatalogIri(base));
  g.Add(catalog, Type(), ns::Iri(ns::kDcat, "Catalog"));
  g.Add(catalog, Type(), ns::Iri(ns::kHydra, "Collection"));
  AddLocalized(g, catalog, ns::Iri(ns::kDct, "title"), info.title);
  AddLocalized(g, catalog, ns::Iri(ns::kDct, "description"), info.description.Empty() ? info.title : info.description);
  Term publisher = Term::Iri(base + "/about#operator");
  g.Add(catalog, ns::Iri(ns::kDct, "publisher"), publisher);
  g.Add(publisher, Type(), ns::Iri(ns::kFoaf, "Organization"));
  g.Add(publisher, Type(), ns::Iri(ns::kFoaf, "Agent"));
  AddLocalized(g, publisher, ns::Iri(ns::kFoaf, "name"), info.publisher_name.Empty() ? info.title : info.publisher_name);
  Term home = Term::Iri(base + "/");
  g.Add(catalog, ns::Iri(ns::kFoaf, "homepage"), home);
  g.Add(home, Type(), ns::Iri(ns::kFoaf, "Document"));
  for (std::string_view code : {"ZHO", "ENG"}) {
    Term lang = ns::Iri(ns::kEuLanguage, code);
    g.Add(catalog, ns::Iri(ns::kDct, "language"), lang);
    g.Add(lang, Type(), ns::Iri(ns::kDct, "LinguisticSystem"));
    g.Add(lang, ns::Iri(ns::kRdfs, "label"), Term::Literal(code));
  }
  Term themes = Term::Iri("http://publications.europa.eu/resource/authority/data-theme");
  g.Add(catalog, ns::Iri(ns::kDcat, "themeTaxonomy"), themes);
  g.Add(themes, Type(), ns::Iri(ns::kSkos, "ConceptScheme"));
  g.Add(themes, ns::Iri(ns::kDct, "title"), Term::Literal("Data theme", "en"));
  g.Add(themes, ns::Iri(ns::kDct, "title"), Term::Literal("資料主題", "zh-TW"));

  for (const auto& d : datasets) {
    const Organization* org = publisher_of ? publisher_of(d.organization_id) : nullptr;
    if (!org) continue;
    g.Add(catalog, ns::Iri(ns::kDcat, "dataset"), Term::Iri(DatasetIri(base, d.slug)));
    AddDataset(g, d, *org, ctx);
    AddCatalogRecord(g, catalog, d, base);
  }

  // Hydra paging.
  const size_t size = page.page_size == 0 ? kDefaultPageSize : page.page_size;
  const size_t last = PageCount(page.total, size);
  if (auto total = rdf::XsdNonNegativeInteger(page.total))
    g.Add(catalog, ns::Iri(ns::kHydra, "totalItems"), *total);
  Term view = Term::Iri(PageIri(base, page.page, size));
  g.Add(catalog, ns::Iri(ns::kHydra, "view"), view);
  g.Add(view, Type(), ns::Iri(ns::kHydra, "PartialCollectionView"));
  g.Add(view, ns::Iri(ns::kHydra, "first"), Term::Iri(PageIri(base, 1, size)));
  g.Add(view, ns::Iri(ns::kHydra, "last"), Term::Iri(PageIri(base, last, size)));
  if (page.page > 1) g.Add(view, ns::Iri(ns::kHydra, "previous"), Term::Iri(PageIri(base, std::min(page.page - 1, last), size)));
  if (page.page < last) g.Add(view, ns::Iri(ns::kHydra, "next"), Term::Iri(PageIri(base, page.page + 1, size)));
  return g;
}

}  // namespace pintu::dcat
