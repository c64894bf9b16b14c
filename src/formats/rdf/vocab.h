// Namespace IRIs of the vocabularies the DCAT-AP and DQV exports use, and a helper that
// declares them on a graph.
#pragma once

#include <string>
#include <string_view>

#include "formats/rdf/model.h"

namespace pintu::rdf::ns {

inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kDcat = "http://www.w3.org/ns/dcat#";
inline constexpr std::string_view kDcatap = "http://data.europa.eu/r5r/";
inline constexpr std::string_view kDct = "http://purl.org/dc/terms/";
inline constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";
inline constexpr std::string_view kVcard = "http://www.w3.org/2006/vcard/ns#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kAdms = "http://www.w3.org/ns/adms#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kSpdx = "http://spdx.org/rdf/terms#";
inline constexpr std::string_view kLocn = "http://www.w3.org/ns/locn#";
inline constexpr std::string_view kGsp = "http://www.opengis.net/ont/geosparql#";
inline constexpr std::string_view kHydra = "http://www.w3.org/ns/hydra/core#";
inline constexpr std::string_view kDqv = "http://www.w3.org/ns/dqv#";
inline constexpr std::string_view kCnt = "http://www.w3.org/2011/content#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";

// EU Publications Office authority tables.
inline constexpr std::string_view kEuTheme = "http://publications.europa.eu/resource/authority/data-theme/";
inline constexpr std::string_view kEuFrequency = "http://publications.europa.eu/resource/authority/frequency/";
inline constexpr std::string_view kEuAccessRight = "http://publications.europa.eu/resource/authority/access-right/";
inline constexpr std::string_view kEuLanguage = "http://publications.europa.eu/resource/authority/language/";
inline constexpr std::string_view kEuFileType = "http://publications.europa.eu/resource/authority/file-type/";
inline constexpr std::string_view kIanaMediaTypes = "https://www.iana.org/assignments/media-types/";
inline constexpr std::string_view kAdmsPublisherType = "http://purl.org/adms/publishertype/";

// `ns` + `local` as an IRI term.
inline Term Iri(std::string_view ns, std::string_view local) { return Term::Iri(std::string(ns) + std::string(local)); }

// Declares the prefixes above (rdf, rdfs, xsd, dcat, dcatap, dct, foaf, vcard, skos, adms,
// prov, spdx, locn, gsp, hydra, dqv, cnt, owl) on `g`.
void DeclareCommonPrefixes(Graph& g);

}  // namespace pintu::rdf::ns
