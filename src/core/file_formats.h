// What Pintu knows about declared file formats: the EU file-type code, the IANA media
// type, and whether a program can read it (machine-readable), whether it is an open
// (non-proprietary) format, and whether it is Linked Data. One table shared by the
// quality indicators (MQA, 5-star, AI-readiness) and the exports.
#pragma once

#include <string_view>

#include "core/dataset.h"

namespace pintu {

// One known format.
struct FileFormatInfo {
  std::string_view name;          // canonical short name as catalogs write it, e.g. "CSV"
  std::string_view eu_file_type;  // code in http://publications.europa.eu/resource/authority/file-type
  std::string_view media_type;    // IANA media type; "" when IANA has none
  bool machine_readable;          // structured data a program can parse (CSV yes, PDF no)
  bool non_proprietary;           // an open specification anyone may implement freely
  bool linked_data;               // an RDF serialisation (5-star open data's 4th star)
};

// The format a catalog's declared `format` or `media type` names, or nullptr when
// unknown. Case and common spellings are forgiven: "csv", ".csv", "text/csv",
// "text/csv; charset=utf-8", "Excel" (XLS), "JSON-LD", "GeoJSON", "Shapefile" ….
const FileFormatInfo* FindFileFormat(std::string_view format_or_media_type);

// True for declared formats that name a service rather than a file (API, WMS, WFS,
// WMTS, SOAP, REST, SPARQL, OGC API), case and spaces forgiven.
bool IsServiceFormat(std::string_view format);

// True when Pintu publishes `resource`'s URL as a dcat:downloadURL (and MQA counts one):
// an uploaded file, or a URL whose declared format is neither a service nor an HTML page.
// Whether the URL really returns the file is the link checker's question.
bool HasDownloadUrl(const Resource& resource);

// True when `media_type` ("text/csv", "application/vnd.ms-excel" …; parameters
// ignored) is one of the IANA types in the table above.
bool IsKnownMediaType(std::string_view media_type);

}  // namespace pintu
