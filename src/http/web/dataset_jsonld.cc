#include "http/web/dataset_jsonld.h"

#include <boost/json.hpp>

#include "core/text.h"
#include "core/vocabulary.h"
#include "http/web/view.h"

namespace pintu::http::web {
namespace {

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string MediaType(const Resource& r) {
  if (!r.media_type.empty()) return r.media_type;
  std::string f = AsciiUpper(Trim(r.format));
  if (f == "CSV") return "text/csv";
  if (f == "JSON") return "application/json";
  if (f == "GEOJSON") return "application/geo+json";
  if (f == "XML") return "application/xml";
  if (f == "XLSX") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (f == "ODS") return "application/vnd.oasis.opendocument.spreadsheet";
  if (f == "PDF") return "application/pdf";
  if (f == "ZIP") return "application/zip";
  return f.empty() ? "application/octet-stream" : f;
}

}  // namespace

std::string ScriptSafeJson(const boost::json::value& json) {
  std::string s = boost::json::serialize(json);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

boost::json::object DatasetJsonLd(const Dataset& d, const Organization& org, const std::string& site_url) {
  std::string url = site_url + "/dataset/" + PercentEncodeSegment(d.slug);
  std::string name = d.title.Best(kLangZh);
  std::string description = d.description.Best(kLangZh);
  if (d.description.Has(kLangZh) && d.description.Has(kLangEn) && d.description.Get(kLangEn) != description)
    description += "\n\n" + d.description.Get(kLangEn);
  if (CountChars(description) < 50) {
    // Google requires 50+ characters: complete a short description with plain facts.
    std::string facts = name + "（" + org.title.Best(kLangZh) + "）";
    if (d.title.Has(kLangEn)) facts += " — " + d.title.Get(kLangEn);
    facts += "。Open data published by " + org.title.Best(kLangEn) + " on the Pintu open data portal.";
    description = description.empty() ? facts : description + " " + facts;
  }
  if (CountChars(description) > 5000) description = Excerpt(description, 4999);

  boost::json::object publisher{{"@type", "Organization"},
                                {"name", org.title.Best(kLangZh)},
                                {"url", site_url + "/organization/" + PercentEncodeSegment(org.slug)}};
  if (org.title.Has(kLangEn)) publisher["alternateName"] = org.title.Get(kLangEn);
  boost::json::object ld{
      {"@context", "https://schema.org/"},
      {"@type", "Dataset"},
      {"@id", url},
      {"name", name},
      {"description", description},
      {"url", url},
      {"identifier", d.id},
      {"creator", publisher},
      {"publisher", publisher},
      {"includedInDataCatalog", boost::json::object{{"@type", "DataCatalog"}, {"url", site_url + "/"}}},
      {"isAccessibleForFree", d.cost.type == CostType::kFree},
  };
  if (d.title.Has(kLangEn) && d.title.Get(kLangEn) != name) ld["alternateName"] = d.title.Get(kLangEn);
  boost::json::array keywords;
  for (const auto& k : d.keywords) keywords.emplace_back(k);
  if (!keywords.empty()) ld["keywords"] = keywords;
  if (const LicenseInfo* l = FindLicense(d.license_id); l && !l->url.empty()) ld["license"] = std::string(l->url);
  else if (!d.license_id.empty()) ld["license"] = d.license_id;
  if (!d.temporal_start.empty() || !d.temporal_end.empty())
    ld["temporalCoverage"] = (d.temporal_start.empty() ? ".." : d.temporal_start) + "/" +
                             (d.temporal_end.empty() ? ".." : d.temporal_end);
  if (!d.spatial.empty() && d.spatial.front() != '{')
    ld["spatialCoverage"] = boost::json::object{{"@type", "Place"}, {"name", d.spatial}};
  if (!d.issued.empty()) ld["datePublished"] = d.issued;
  else if (!d.metadata_created.empty()) ld["datePublished"] = DateOnly(d.metadata_created);
  ld["dateModified"] = !d.modified.empty() ? d.modified : DateOnly(d.metadata_modified);
  if (!d.version.empty()) ld["version"] = d.version;
  if (!d.languages.empty()) {
    boost::json::array langs;
    for (const auto& l : d.languages) langs.emplace_back(l);
    ld["inLanguage"] = langs;
  }
  if (!d.methodology.Empty()) ld["measurementTechnique"] = d.methodology.description.empty() ? d.methodology.formula : d.methodology.description;
  boost::json::array dist;
  for (const auto& r : d.resources) {
    if (r.url.empty()) continue;
    boost::json::object dd{{"@type", "DataDownload"},
                           {"contentUrl", r.url},
                           {"encodingFormat", MediaType(r)}};
    std::string rname = r.name.Best(kLangZh);
    if (!rname.empty()) dd["name"] = rname;
    if (r.size_bytes) dd["contentSize"] = std::to_string(*r.size_bytes) + " B";
    dist.emplace_back(std::move(dd));
  }
  if (!dist.empty()) ld["distribution"] = dist;
  return ld;
}

}  // namespace pintu::http::web
