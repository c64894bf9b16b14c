// A dataset as Croissant 1.1 JSON-LD (http://mlcommons.org/croissant/1.1), with the
// Responsible AI vocabulary (http://mlcommons.org/croissant/RAI/) where the catalog has
// something to say. The mapping table is in docs/croissant.md.
//
// Only what the metadata and the file checks really know is written: no property is
// filled with a placeholder. Texts are zh-TW by default (the @context's @language);
// English texts are {"@value", "@language": "en"} objects, the English title is
// `alternateName` and the English title and description together are a
// `workTranslation` (a sc:CreativeWork in "en").
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/dataset.h"
#include "core/organization.h"

namespace pintu::formats {

// The Croissant document of `dataset`, published by `organization`, whose pages live under
// `site_url` (no trailing slash). `contents_reports` maps a resource id to the JSON report
// of its latest contents check (quality/report.h ReportToJson); resources without one are
// described from the declared metadata only.
//
// distribution: one cr:FileObject per resource with a URL and a SHA-256 (from the report,
// else the declared "sha256:" checksum); a live (real-time) dataset's files need none. A
// resource with neither (an API endpoint, a web page, a file never checked) is left out,
// because Croissant requires a checksum for the files of a dataset that is not live.
// recordSet: one cr:RecordSet per tabular (CSV/TSV) resource, a cr:Field per column —
// columns and types from the report's inferred schema, else the declared field dictionary.
boost::json::object ExportCroissant(const Dataset& dataset, const Organization& organization,
                                    std::string_view site_url,
                                    const std::map<std::string, boost::json::object>& contents_reports);

// The Croissant dataType for a Table Schema type ("integer" → "sc:Integer", "number" →
// "sc:Float", "date" → "sc:Date", "datetime" → "sc:DateTime", "time" → "sc:Time",
// "boolean" → "sc:Boolean"; everything else, including "" → "sc:Text").
std::string CroissantDataType(std::string_view table_schema_type);

}  // namespace pintu::formats
