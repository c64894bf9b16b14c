// Dataset → DCAT-AP 3.0.1 graph (docs/dcat-ap.md has the mapping table).
#include "formats/dcat_ap.h"

#include "core/text.h"
#include "core/vocabulary.h"
#include "core/file_formats.h"
#include "formats/dcat_vocabularies.h"
#include "formats/dqv.h"
#include "formats/rdf/vocab.h"
#include "formats/rdf/xsd_literals.h"

namespace pintu::dcat {
namespace {

using rdf::Term;
namespace ns = rdf::ns;

Term Type() { return ns::Iri(ns::kRdf, "type"); }

// Adds each non-empty value of `text` with its language tag.
void AddLocalized(rdf::Graph& g, const Term& s, const Term& p, const LocalizedText& text) {
  for (const auto& [lang, value] : text.Values())
    if (!value.empty()) g.Add(s, p, Term::Literal(value, lang));
}

// A web link the publisher declared, as an IRI term: absolute http(s)/ftp URLs, or a
// path on this site ("/…"). Anything else (relative paths, javascript:, data:) → nullopt.
std::optional<Term> WebIri(std::string_view url, std::string_view base) {
  std::string_view u = Trim(url);
  if (u.starts_with("/") && !u.starts_with("//")) return Term::Iri(std::string(base) + std::string(u));
  std::string lower = AsciiLower(u.substr(0, 8));
  if (!lower.starts_with("http://") && !lower.starts_with("https://") && !lower.starts_with("ftp://"))
    return std::nullopt;
  if (u.find("://") + 3 >= u.size()) return std::nullopt;  // no host
  if (auto clean = rdf::CleanIri(u)) return Term::Iri(*clean);
  return std::nullopt;
}

// mailto: IRI of a plausible e-mail address, or nullopt.
std::optional<Term> MailtoIri(std::string_view email) {
  std::string_view e = Trim(email);
  if (e.starts_with("mailto:")) e.remove_prefix(7);
  size_t at = e.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == e.size() || e.find('@', at + 1) != std::string_view::npos ||
      e.size() > 254)
    return std::nullopt;
  for (char c : e)
    if (static_cast<unsigned char>(c) <= 0x20 || std::string_view("<>\"(),;:\\[]").find(c) != std::string_view::npos)
      return std::nullopt;
  return Term::Iri("mailto:" + std::string(e));
}

// tel: IRI of a phone number made of digits, spaces and + - ( ) . , or nullopt.
std::optional<Term> TelIri(std::string_view phone) {
  std::string digits;
  for (char c : Trim(phone)) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-') digits += c;
    else if (c != ' ' && c != '(' && c != ')' && c != '.') return std::nullopt;
  }
  if (digits.find_first_of("0123456789") == std::string::npos || digits.size() > 40) return std::nullopt;
  return Term::Iri("tel:" + digits);
}

std::string Fragment(std::string_view iri, std::string_view frag) { return std::string(iri) + "#" + std::string(frag); }

void AddPublisher(rdf::Graph& g, const Organization& org, const ExportContext& ctx, const Term& agent) {
  g.Add(agent, Type(), ns::Iri(ns::kFoaf, "Organization"));
  g.Add(agent, Type(), ns::Iri(ns::kFoaf, "Agent"));
  AddLocalized(g, agent, ns::Iri(ns::kFoaf, "name"), org.title);
  if (org.title.Empty()) g.Add(agent, ns::Iri(ns::kFoaf, "name"), Term::Literal(org.slug));
  if (!org.gov_oid.empty()) {
    g.Add(agent, ns::Iri(ns::kDct, "identifier"), Term::Literal(org.gov_oid));
    Term id = Term::Iri(Fragment(agent.value, "oid"));
    g.Add(agent, ns::Iri(ns::kAdms, "identifier"), id);
    g.Add(id, Type(), ns::Iri(ns::kAdms, "Identifier"));
    g.Add(id, ns::Iri(ns::kSkos, "notation"), Term::Literal(org.gov_oid));
    g.Add(id, ns::Iri(ns::kAdms, "schemaAgency"), Term::Literal("中華民國政府機關 OID", "zh-TW"));
    g.Add(id, ns::Iri(ns::kAdms, "schemaAgency"), Term::Literal("Taiwan government OID", "en"));
  }
  if (auto home = WebIri(org.homepage, ctx.base_url)) {
    g.Add(agent, ns::Iri(ns::kFoaf, "homepage"), *home);
    g.Add(*home, Type(), ns::Iri(ns::kFoaf, "Document"));
  }
  // ADMS publisher type from the organisation's level.
  std::string_view type = org.level == OrgLevel::kCentral ? "NationalAuthority"
                          : org.level == OrgLevel::kLocal ? "LocalAuthority"
                                                          : "";
  if (!type.empty()) {
    Term concept_iri = ns::Iri(ns::kAdmsPublisherType, type);
    g.Add(agent, ns::Iri(ns::kDct, "type"), concept_iri);
    g.Add(concept_iri, Type(), ns::Iri(ns::kSkos, "Concept"));
    g.Add(concept_iri, ns::Iri(ns::kSkos, "prefLabel"),
          Term::Literal(type == "NationalAuthority" ? "National authority" : "Local authority", "en"));
    g.Add(concept_iri, ns::Iri(ns::kSkos, "prefLabel"),
          Term::Literal(type == "NationalAuthority" ? "中央機關" : "地方機關", "zh-TW"));
  }
}

void AddContact(rdf::Graph& g, const Term& dataset, const Dataset& d, const Organization& org) {
  Contact c = d.contact;
  if (c.name.empty() && c.email.empty() && c.phone.empty() && !org.contacts.empty()) c = org.contacts.front();
  auto mail = MailtoIri(c.email);
  auto tel = TelIri(c.phone);
  if (c.name.empty() && !mail && !tel) return;
  Term kind = Term::Iri(Fragment(dataset.value, "contact"));
  g.Add(dataset, ns::Iri(ns::kDcat, "contactPoint"), kind);
  g.Add(kind, Type(), ns::Iri(ns::kVcard, "Kind"));
  std::string name = c.name.empty() ? org.title.Best(kLangZh) : c.name;
  if (!name.empty()) g.Add(kind, ns::Iri(ns::kVcard, "fn"), Term::Literal(name));
  if (mail) g.Add(kind, ns::Iri(ns::kVcard, "hasEmail"), *mail);
  if (tel) g.Add(kind, ns::Iri(ns::kVcard, "hasTelephone"), *tel);
}

// The licence IRI of `license_id` (typed dct:LicenseDocument, labelled), or nullopt.
std::optional<Term> AddLicense(rdf::Graph& g, std::string_view license_id, const ExportContext& ctx) {
  const LicenseInfo* info = FindLicense(license_id);
  std::optional<Term> iri = info ? WebIri(info->url, ctx.base_url) : WebIri(license_id, ctx.base_url);
  if (!iri) return std::nullopt;
  g.Add(*iri, Type(), ns::Iri(ns::kDct, "LicenseDocument"));
  if (info) {
    g.Add(*iri, ns::Iri(ns::kRdfs, "label"), Term::Literal(info->title_zh, "zh-TW"));
    g.Add(*iri, ns::Iri(ns::kRdfs, "label"), Term::Literal(info->title_en, "en"));
    g.Add(*iri, ns::Iri(ns::kDct, "identifier"), Term::Literal(info->id));
  }
  return iri;
}

// The EU data theme of `theme` (skos:Concept, English label), or nullopt.
std::optional<Term> AddEuTheme(rdf::Graph& g, const ThemeInfo& theme) {
  auto label = EuThemeLabel(theme.eu_theme);
  if (!label) return std::nullopt;
  Term eu = ns::Iri(ns::kEuTheme, theme.eu_theme);
  g.Add(eu, Type(), ns::Iri(ns::kSkos, "Concept"));
  g.Add(eu, ns::Iri(ns::kSkos, "prefLabel"), Term::Literal(*label, "en"));
  g.Add(eu, ns::Iri(ns::kSkos, "inScheme"), Term::Iri("http://publications.europa.eu/resource/authority/data-theme"));
  return eu;
}

// The data.gov.tw service category `theme` as a concept of Pintu's own scheme.
Term AddCategoryConcept(rdf::Graph& g, const ThemeInfo& theme, std::string_view base) {
  const std::string pintu = PintuNamespace(base);
  Term category = Term::Iri(pintu + "category-" + std::string(theme.code));
  Term scheme = Term::Iri(pintu + "service-categories");
  g.Add(category, Type(), ns::Iri(ns::kSkos, "Concept"));
  g.Add(category, ns::Iri(ns::kSkos, "prefLabel"), Term::Literal(theme.name_zh, "zh-TW"));
  g.Add(category, ns::Iri(ns::kSkos, "prefLabel"), Term::Literal(theme.name_en, "en"));
  g.Add(category, ns::Iri(ns::kSkos, "notation"), Term::Literal(theme.code));
  g.Add(category, ns::Iri(ns::kSkos, "inScheme"), scheme);
  if (auto eu = AddEuTheme(g, theme)) g.Add(category, ns::Iri(ns::kSkos, "relatedMatch"), *eu);
  g.Add(scheme, Type(), ns::Iri(ns::kSkos, "ConceptScheme"));
  g.Add(scheme, ns::Iri(ns::kDct, "title"), Term::Literal("政府資料開放平臺服務分類", "zh-TW"));
  g.Add(scheme, ns::Iri(ns::kDct, "title"), Term::Literal("data.gov.tw service categories", "en"));
  return category;
}

void AddThemes(rdf::Graph& g, const Term& dataset, const Dataset& d, const ExportContext& ctx) {
  for (const auto& code : d.themes) {
    const ThemeInfo* theme = FindTheme(code);
    if (!theme) continue;
    if (auto eu = AddEuTheme(g, *theme)) g.Add(dataset, ns::Iri(ns::kDcat, "theme"), *eu);
    g.Add(dataset, ns::Iri(ns::kDcat, "theme"), AddCategoryConcept(g, *theme, ctx.base_url));
  }
}

constexpr DatasetType kDatasetTypes[] = {DatasetType::kRaw, DatasetType::kStatistical, DatasetType::kAggregated,
                                         DatasetType::kRealTime};

// The concept of dataset type `type` in Pintu's scheme (labelled zh-TW and en).
Term AddDatasetTypeConcept(rdf::Graph& g, DatasetType type, std::string_view base) {
  std::string_view zh = "原始資料", en = "Raw data";
  switch (type) {
    case DatasetType::kRaw: break;
    case DatasetType::kStatistical: zh = "統計資料", en = "Statistical data"; break;
    case DatasetType::kAggregated: zh = "彙整資料", en = "Aggregated data"; break;
    case DatasetType::kRealTime: zh = "即時資料", en = "Real-time data"; break;
  }
  const std::string pintu = PintuNamespace(base);
  Term concept_iri = Term::Iri(pintu + "type-" + std::string(ToCode(type)));
  Term scheme = Term::Iri(pintu + "dataset-types");
  g.Add(concept_iri, Type(), ns::Iri(ns::kSkos, "Concept"));
  g.Add(concept_iri, ns::Iri(ns::kSkos, "prefLabel"), Term::Literal(zh, "zh-TW"));
  g.Add(concept_iri, ns::Iri(ns::kSkos, "prefLabel"), Term::Literal(en, "en"));
  g.Add(concept_iri, ns::Iri(ns::kSkos, "inScheme"), scheme);
  g.Add(scheme, Type(), ns::Iri(ns::kSkos, "ConceptScheme"));
  g.Add(scheme, ns::Iri(ns::kDct, "title"), Term::Literal("Pintu 資料集類型", "zh-TW"));
  g.Add(scheme, ns::Iri(ns::kDct, "title"), Term::Literal("Pintu dataset types", "en"));
  return concept_iri;
}

void AddAccessRights(rdf::Graph& g, const Term& dataset, AccessRights rights) {
  std::string_view code = rights == AccessRights::kPublic       ? "PUBLIC"
                          : rights == AccessRights::kRestricted ? "RESTRICTED"
                                                                : "NON_PUBLIC";
  std::string_view zh = rights == AccessRights::kPublic ? "公開" : rights == AccessRights::kRestricted ? "限制" : "不公開";
  std::string_view en = rights == AccessRights::kPublic ? "Public" : rights == AccessRights::kRestricted ? "Restricted" : "Non-public";
  Term iri = ns::Iri(ns::kEuAccessRight, code);
  g.Add(dataset, ns::Iri(ns::kDct, "accessRights"), iri);
  g.Add(iri, Type(), ns::Iri(ns::kDct, "RightsStatement"));
  g.Add(iri, ns::Iri(ns::kRdfs, "label"), Term::Literal(zh, "zh-TW"));
  g.Add(iri, ns::Iri(ns::kRdfs, "label"), Term::Literal(en, "en"));
}

// The dataset's cost as a rights statement the distributions point at.
Term AddCost(rdf::Graph& g, const Term& dataset, const Cost& cost, const ExportContext& ctx) {
  Term rights = Term::Iri(Fragment(dataset.value, "cost"));
  bool free = cost.type == CostType::kFree;
  g.Add(rights, Type(), ns::Iri(ns::kDct, "RightsStatement"));
  g.Add(rights, ns::Iri(ns::kRdfs, "label"), Term::Literal(free ? "免費" : "收費", "zh-TW"));
  g.Add(rights, ns::Iri(ns::kRdfs, "label"), Term::Literal(free ? "Free of charge" : "Fee charged", "en"));
  if (auto fee = WebIri(cost.fee_url, ctx.base_url)) g.Add(rights, ns::Iri(ns::kRdfs, "seeAlso"), *fee);
  if (!cost.legal_basis.empty())
    g.Add(rights, ns::Iri(ns::kDct, "description"),
          Term::Literal(cost.legal_basis, GuessLanguage(cost.legal_basis)));
  return rights;
}

void AddProvenance(rdf::Graph& g, const Term& dataset, const Methodology& m, const ExportContext& ctx) {
  if (m.Empty()) return;
  if (!m.description.empty() || !m.formula.empty()) {
    Term statement = Term::Iri(Fragment(dataset.value, "provenance"));
    g.Add(dataset, ns::Iri(ns::kDct, "provenance"), statement);
    g.Add(statement, Type(), ns::Iri(ns::kDct, "ProvenanceStatement"));
    g.Add(statement, ns::Iri(ns::kRdfs, "label"), Term::Literal("資料產製方法", "zh-TW"));
    g.Add(statement, ns::Iri(ns::kRdfs, "label"), Term::Literal("Methodology", "en"));
    if (!m.description.empty())
      g.Add(statement, ns::Iri(ns::kDct, "description"), Term::Literal(m.description, GuessLanguage(m.description)));
    if (!m.formula.empty())
      g.Add(statement, Term::Iri(PintuNamespace(ctx.base_url) + "formula"), Term::Literal(m.formula));
  }
  for (const auto& source : m.source_datasets) {
    std::optional<Term> iri = WebIri(source, ctx.base_url);
    if (!iri && ctx.resolve_dataset)
      if (auto slug = ctx.resolve_dataset(source)) iri = Term::Iri(DatasetIri(ctx.base_url, *slug));
    if (iri) g.Add(dataset, ns::Iri(ns::kProv, "wasDerivedFrom"), *iri);
  }
}

void AddSpatial(rdf::Graph& g, const Term& dataset, std::string_view spatial) {
  std::string_view s = Trim(spatial);
  if (s.empty()) return;
  Term location = Term::Iri(Fragment(dataset.value, "spatial"));
  g.Add(dataset, ns::Iri(ns::kDct, "spatial"), location);
  g.Add(location, Type(), ns::Iri(ns::kDct, "Location"));
  if (s.starts_with("{"))
    g.Add(location, ns::Iri(ns::kLocn, "geometry"), Term::Typed(s, std::string(ns::kGsp) + "geoJSONLiteral"));
  else
    g.Add(location, ns::Iri(ns::kSkos, "prefLabel"), Term::Literal(s, GuessLanguage(s)));
}

void AddTemporal(rdf::Graph& g, const Term& dataset, const Dataset& d) {
  auto start = rdf::XsdDateOrTime(d.temporal_start);
  auto end = rdf::XsdDateOrTime(d.temporal_end);
  if (!start && !end) return;
  Term period = Term::Iri(Fragment(dataset.value, "temporal"));
  g.Add(dataset, ns::Iri(ns::kDct, "temporal"), period);
  g.Add(period, Type(), ns::Iri(ns::kDct, "PeriodOfTime"));
  if (start) g.Add(period, ns::Iri(ns::kDcat, "startDate"), *start);
  if (end) g.Add(period, ns::Iri(ns::kDcat, "endDate"), *end);
}

void AddStandard(rdf::Graph& g, const Term& subject, std::string_view standard, const ExportContext& ctx,
                 size_t index) {
  std::string_view s = Trim(standard);
  if (s.empty()) return;
  std::optional<Term> iri = WebIri(s, ctx.base_url);
  Term node = iri ? *iri : Term::Iri(Fragment(subject.value, "standard-" + std::to_string(index + 1)));
  g.Add(subject, ns::Iri(ns::kDct, "conformsTo"), node);
  g.Add(node, Type(), ns::Iri(ns::kDct, "Standard"));
  if (!iri) g.Add(node, ns::Iri(ns::kDct, "title"), Term::Literal(s, GuessLanguage(s)));
}

void AddDistribution(rdf::Graph& g, const Term& dataset, const Dataset& d, const Resource& r,
                     const std::optional<Term>& license, const Term& cost, const ExportContext& ctx) {
  Term dist = Term::Iri(DistributionIri(ctx.base_url, d.slug, r.id));
  g.Add(dataset, ns::Iri(ns::kDcat, "distribution"), dist);
  g.Add(dist, Type(), ns::Iri(ns::kDcat, "Distribution"));
  AddLocalized(g, dist, ns::Iri(ns::kDct, "title"), r.name);
  AddLocalized(g, dist, ns::Iri(ns::kDct, "description"), r.description);
  std::optional<Term> url = WebIri(r.url, ctx.base_url);
  // dcat:accessURL is mandatory: without a usable URL the dataset page gives access.
  g.Add(dist, ns::Iri(ns::kDcat, "accessURL"), url ? *url : Term::Iri(DatasetIri(ctx.base_url, d.slug)));
  if (url && HasDownloadUrl(r)) g.Add(dist, ns::Iri(ns::kDcat, "downloadURL"), *url);
  const FileFormatInfo* file_format = FindFileFormat(r.format);
  if (auto code = file_format ? std::optional<std::string_view>(file_format->eu_file_type) : std::nullopt) {
    Term format = ns::Iri(ns::kEuFileType, *code);
    g.Add(dist, ns::Iri(ns::kDct, "format"), format);
    g.Add(format, Type(), ns::Iri(ns::kDct, "MediaTypeOrExtent"));
    g.Add(format, ns::Iri(ns::kRdfs, "label"), Term::Literal(*code));
  }
  if (auto media = CleanMediaType(r.media_type)) {
    Term mt = Term::Iri(std::string(ns::kIanaMediaTypes) + *media);
    g.Add(dist, ns::Iri(ns::kDcat, "mediaType"), mt);
    g.Add(mt, Type(), ns::Iri(ns::kDct, "MediaType"));
    g.Add(mt, ns::Iri(ns::kRdfs, "label"), Term::Literal(*media));
  }
  if (!r.encoding.empty()) g.Add(dist, ns::Iri(ns::kCnt, "characterEncoding"), Term::Literal(r.encoding));
  if (r.size_bytes)
    if (auto size = rdf::XsdNonNegativeInteger(*r.size_bytes)) g.Add(dist, ns::Iri(ns::kDcat, "byteSize"), *size);
  if (r.checksum.starts_with("sha256:")) {
    std::string hex = AsciiLower(r.checksum.substr(7));
    bool ok = hex.size() == 64 && hex.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (ok) {
      Term sum = Term::Iri(Fragment(dist.value, "checksum"));
      g.Add(dist, ns::Iri(ns::kSpdx, "checksum"), sum);
      g.Add(sum, Type(), ns::Iri(ns::kSpdx, "Checksum"));
      g.Add(sum, ns::Iri(ns::kSpdx, "algorithm"), ns::Iri(ns::kSpdx, "checksumAlgorithm_sha256"));
      g.Add(sum, ns::Iri(ns::kSpdx, "checksumValue"), Term::Typed(hex, std::string(ns::kXsd) + "hexBinary"));
    }
  }
  if (auto modified = rdf::XsdDateOrTime(r.last_modified)) g.Add(dist, ns::Iri(ns::kDct, "modified"), *modified);
  if (license) g.Add(dist, ns::Iri(ns::kDct, "license"), *license);
  g.Add(dist, ns::Iri(ns::kDct, "rights"), cost);
  if (!r.fields.empty()) {
    Term schema = Term::Iri(TableSchemaUrl(ctx.base_url, d.slug, r.id));
    g.Add(dist, ns::Iri(ns::kDct, "conformsTo"), schema);
    g.Add(schema, Type(), ns::Iri(ns::kDct, "Standard"));
    g.Add(schema, ns::Iri(ns::kDct, "title"), Term::Literal("欄位定義（Table Schema）", "zh-TW"));
    g.Add(schema, ns::Iri(ns::kDct, "title"), Term::Literal("Field definitions (Table Schema)", "en"));
  }
}

}  // namespace

std::string CatalogIri(std::string_view base) { return std::string(base) + "/catalog"; }
std::string DatasetIri(std::string_view base, std::string_view slug) {
  return std::string(base) + "/dataset/" + PercentEncodeSegment(slug);
}
std::string DistributionIri(std::string_view base, std::string_view slug, std::string_view resource_id) {
  return DatasetIri(base, slug) + "/resource/" + PercentEncodeSegment(resource_id);
}
std::string OrganizationIri(std::string_view base, std::string_view slug) {
  return std::string(base) + "/organization/" + PercentEncodeSegment(slug);
}
std::string TableSchemaUrl(std::string_view base, std::string_view slug, std::string_view resource_id) {
  return DistributionIri(base, slug, resource_id) + "/schema.json";
}
std::string PintuNamespace(std::string_view base) { return std::string(base) + "/ns#"; }

void AddDataset(rdf::Graph& g, const Dataset& d, const Organization& org, const ExportContext& ctx) {
  ns::DeclareCommonPrefixes(g);
  g.SetPrefix("pintu", PintuNamespace(ctx.base_url));
  Term dataset = Term::Iri(DatasetIri(ctx.base_url, d.slug));
  g.Add(dataset, Type(), ns::Iri(ns::kDcat, "Dataset"));
  AddLocalized(g, dataset, ns::Iri(ns::kDct, "title"), d.title);
  if (d.title.Empty()) g.Add(dataset, ns::Iri(ns::kDct, "title"), Term::Literal(d.slug));
  AddLocalized(g, dataset, ns::Iri(ns::kDct, "description"), d.description);
  // dct:description is mandatory; a dataset without one is described by its title.
  if (d.description.Empty()) AddLocalized(g, dataset, ns::Iri(ns::kDct, "description"), d.title);
  if (d.description.Empty() && d.title.Empty())
    g.Add(dataset, ns::Iri(ns::kDct, "description"), Term::Literal(d.slug));
  g.Add(dataset, ns::Iri(ns::kDct, "identifier"), Term::Literal(d.id.empty() ? d.slug : d.id));
  for (const auto& k : d.keywords)
    if (!Trim(k).empty()) g.Add(dataset, ns::Iri(ns::kDcat, "keyword"), Term::Literal(Trim(k), GuessLanguage(k)));

  Term publisher = Term::Iri(OrganizationIri(ctx.base_url, org.slug));
  g.Add(dataset, ns::Iri(ns::kDct, "publisher"), publisher);
  AddPublisher(g, org, ctx, publisher);
  AddContact(g, dataset, d, org);
  if (!d.author.empty()) {
    Term creator = Term::Iri(Fragment(dataset.value, "creator"));
    g.Add(dataset, ns::Iri(ns::kDct, "creator"), creator);
    g.Add(creator, Type(), ns::Iri(ns::kFoaf, "Agent"));
    g.Add(creator, ns::Iri(ns::kFoaf, "name"), Term::Literal(d.author));
    if (auto mail = MailtoIri(d.author_email)) g.Add(creator, ns::Iri(ns::kFoaf, "mbox"), *mail);
  }

  AddThemes(g, dataset, d, ctx);
  std::optional<Term> license = AddLicense(g, d.license_id, ctx);
  if (d.access_rights) AddAccessRights(g, dataset, *d.access_rights);  // undeclared: left out
  Term cost = AddCost(g, dataset, d.cost, ctx);
  g.Add(dataset, ns::Iri(ns::kDct, "type"), AddDatasetTypeConcept(g, d.type, ctx.base_url));
  AddProvenance(g, dataset, d.methodology, ctx);

  if (IsFrequencyCode(d.frequency)) {
    Term freq = ns::Iri(ns::kEuFrequency, d.frequency);
    g.Add(dataset, ns::Iri(ns::kDct, "accrualPeriodicity"), freq);
    g.Add(freq, Type(), ns::Iri(ns::kDct, "Frequency"));
    g.Add(freq, ns::Iri(ns::kRdfs, "label"), Term::Literal(d.frequency));
  }
  AddTemporal(g, dataset, d);
  AddSpatial(g, dataset, d.spatial);
  for (const auto& tag : d.languages) {
    if (auto code = EuLanguageCode(tag)) {
      Term lang = ns::Iri(ns::kEuLanguage, *code);
      g.Add(dataset, ns::Iri(ns::kDct, "language"), lang);
      g.Add(lang, Type(), ns::Iri(ns::kDct, "LinguisticSystem"));
      g.Add(lang, ns::Iri(ns::kRdfs, "label"), Term::Literal(*code));
    }
  }
  if (auto issued = rdf::XsdDateOrTime(d.issued)) g.Add(dataset, ns::Iri(ns::kDct, "issued"), *issued);
  if (auto modified = rdf::XsdDateOrTime(d.modified)) g.Add(dataset, ns::Iri(ns::kDct, "modified"), *modified);
  if (!d.version.empty()) g.Add(dataset, ns::Iri(ns::kDcat, "version"), Term::Literal(d.version));
  for (size_t i = 0; i < d.conforms_to.size(); ++i) AddStandard(g, dataset, d.conforms_to[i], ctx, i);
  if (auto landing = WebIri(d.landing_page, ctx.base_url)) {
    g.Add(dataset, ns::Iri(ns::kDcat, "landingPage"), *landing);
    g.Add(*landing, Type(), ns::Iri(ns::kFoaf, "Document"));
  }
  for (const auto& related : d.related_urls) {
    if (auto page = WebIri(related, ctx.base_url)) {
      g.Add(dataset, ns::Iri(ns::kFoaf, "page"), *page);
      g.Add(*page, Type(), ns::Iri(ns::kFoaf, "Document"));
    }
  }
  for (const auto& r : d.resources)
    if (r.state == State::kActive) AddDistribution(g, dataset, d, r, license, cost, ctx);
}

rdf::Graph PintuVocabularyGraph(std::string_view base) {
  rdf::Graph g;
  ns::DeclareCommonPrefixes(g);
  g.SetPrefix("pintu", PintuNamespace(base));
  const std::string pintu = PintuNamespace(base);
  for (DatasetType t : kDatasetTypes) AddDatasetTypeConcept(g, t, base);
  for (const auto& theme : AllThemes()) AddCategoryConcept(g, theme, base);
  struct Property {
    std::string_view local, zh, en, comment_en;
  };
  static constexpr Property kProperties[] = {
      {"formula", "計算公式", "formula", "How a statistic is computed, e.g. rate = cases / population × 100000."},
      {"maxPoints", "滿分", "maximum points", "The points a quality indicator or framework can give at most."},
      {"rating", "評等", "rating", "A quality framework's band, e.g. MQA excellent/good/sufficient/bad."},
  };
  for (const auto& p : kProperties) {
    Term prop = Term::Iri(pintu + std::string(p.local));
    g.Add(prop, Type(), ns::Iri(ns::kRdf, "Property"));
    g.Add(prop, ns::Iri(ns::kRdfs, "label"), Term::Literal(p.zh, "zh-TW"));
    g.Add(prop, ns::Iri(ns::kRdfs, "label"), Term::Literal(p.en, "en"));
    g.Add(prop, ns::Iri(ns::kRdfs, "comment"), Term::Literal(p.comment_en, "en"));
  }
  return g;
}

rdf::Graph DatasetGraph(const Dataset& d, const Organization& org, const ExportContext& ctx, const ScoreCard* score) {
  rdf::Graph g;
  AddDataset(g, d, org, ctx);
  if (score) AddQualityMeasurements(g, d, *score, ctx.base_url);
  return g;
}

}  // namespace pintu::dcat
