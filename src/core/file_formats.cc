#include "core/file_formats.h"

#include <array>
#include <string>

#include "core/text.h"

namespace pintu {
namespace {

// name, EU file type, IANA type, machine-readable, non-proprietary, linked data.
constexpr std::array<FileFormatInfo, 34> kFormats = {{
    {"CSV", "CSV", "text/csv", true, true, false},
    {"TSV", "TSV", "text/tab-separated-values", true, true, false},
    {"JSON", "JSON", "application/json", true, true, false},
    {"GeoJSON", "GEOJSON", "application/geo+json", true, true, false},
    {"XML", "XML", "application/xml", true, true, false},
    {"XLSX", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", true, false, false},
    {"XLS", "XLS", "application/vnd.ms-excel", true, false, false},
    {"ODS", "ODS", "application/vnd.oasis.opendocument.spreadsheet", true, true, false},
    {"RDF", "RDF_XML", "application/rdf+xml", true, true, true},
    {"Turtle", "RDF_TURTLE", "text/turtle", true, true, true},
    {"JSON-LD", "JSON_LD", "application/ld+json", true, true, true},
    {"N-Triples", "RDF_N_TRIPLES", "application/n-triples", true, true, true},
    {"KML", "KML", "application/vnd.google-earth.kml+xml", true, true, false},
    {"KMZ", "KMZ", "application/vnd.google-earth.kmz", true, true, false},
    {"SHP", "SHP", "", true, false, false},
    {"GML", "GML", "application/gml+xml", true, true, false},
    {"Parquet", "PARQUET", "application/vnd.apache.parquet", true, true, false},
    {"WMS", "WMS_SRVC", "", true, true, false},
    {"WFS", "WFS_SRVC", "", true, true, false},
    {"TXT", "TXT", "text/plain", false, true, false},
    {"HTML", "HTML", "text/html", false, true, false},
    {"PDF", "PDF", "application/pdf", false, true, false},
    {"DOCX", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, false, false},
    {"DOC", "DOC", "application/msword", false, false, false},
    {"ODT", "ODT", "application/vnd.oasis.opendocument.text", false, true, false},
    {"ZIP", "ZIP", "application/zip", false, true, false},
    {"PNG", "PNG", "image/png", false, true, false},
    {"JPEG", "JPEG", "image/jpeg", false, true, false},
    {"GIF", "GIF", "image/gif", false, true, false},
    {"TIFF", "TIFF", "image/tiff", false, true, false},
    {"GPKG", "GPKG", "application/geopackage+sqlite3", true, true, false},
    {"7Z", "7Z", "application/x-7z-compressed", false, true, false},
    {"TAR", "TAR", "application/x-tar", false, true, false},
    {"GZIP", "GZIP", "application/gzip", false, true, false},
}};

// Other spellings seen in catalogs → canonical name.
struct Alias {
  std::string_view spelling;  // lower case
  std::string_view name;
};
constexpr std::array<Alias, 24> kAliases = {{
    {"excel", "XLS"},        {"xlsx檔", "XLSX"},   {"csv檔", "CSV"},      {"geo+json", "GeoJSON"},
    {"jsonld", "JSON-LD"},   {"json ld", "JSON-LD"}, {"ttl", "Turtle"},   {"rdf/xml", "RDF"},
    {"nt", "N-Triples"},     {"shapefile", "SHP"}, {"esri shapefile", "SHP"}, {"jpg", "JPEG"},
    {"htm", "HTML"},         {"text", "TXT"},      {"plain text", "TXT"}, {"tif", "TIFF"},
    {"word", "DOC"},         {"wms_srvc", "WMS"},  {"wfs_srvc", "WFS"},   {"rdf_xml", "RDF"},
    {"rdf_turtle", "Turtle"}, {"json_ld", "JSON-LD"}, {"gz", "GZIP"}, {"geopackage", "GPKG"},
}};

// Lower case, trimmed, without a leading dot and without media-type parameters.
std::string Canonical(std::string_view s) {
  s = Trim(s);
  if (auto semi = s.find(';'); semi != std::string_view::npos) s = Trim(s.substr(0, semi));
  if (!s.empty() && s.front() == '.') s.remove_prefix(1);
  return AsciiLower(s);
}

}  // namespace

const FileFormatInfo* FindFileFormat(std::string_view format_or_media_type) {
  const std::string key = Canonical(format_or_media_type);
  if (key.empty()) return nullptr;
  std::string_view name = key;
  for (const auto& a : kAliases)
    if (a.spelling == key) name = a.name;
  for (const auto& f : kFormats) {
    if (AsciiLower(f.name) == AsciiLower(name) || AsciiLower(f.eu_file_type) == AsciiLower(name) ||
        (!f.media_type.empty() && f.media_type == key))
      return &f;
  }
  // Common media types that are not the table's canonical one.
  if (key == "application/csv" || key == "text/comma-separated-values") return FindFileFormat("CSV");
  if (key == "text/xml") return FindFileFormat("XML");
  if (key == "text/json") return FindFileFormat("JSON");
  if (key == "application/vnd.geo+json") return FindFileFormat("GeoJSON");
  return nullptr;
}

bool IsServiceFormat(std::string_view format) {
  const std::string f = AsciiUpper(Trim(format));
  for (std::string_view s : {"API", "WMS", "WFS", "WMTS", "SOAP", "REST", "SPARQL", "OGC API"})
    if (f == s) return true;
  return false;
}

bool HasDownloadUrl(const Resource& r) {
  if (r.url.empty()) return false;
  if (r.uploaded) return true;
  const std::string_view declared = r.format.empty() ? std::string_view(r.media_type) : std::string_view(r.format);
  if (IsServiceFormat(declared)) return false;
  const FileFormatInfo* f = FindFileFormat(declared);
  return !(f && (f->name == "HTML" || f->name == "WMS" || f->name == "WFS"));
}

bool IsKnownMediaType(std::string_view media_type) {
  const std::string key = Canonical(media_type);
  if (key.find('/') == std::string::npos) return false;
  const FileFormatInfo* f = FindFileFormat(key);
  return f != nullptr && !f->media_type.empty();
}

}  // namespace pintu
