// CKAN package dicts (and ckanext-dcat's flat DCAT JSON) → canonical dataset dicts.
//
// Mapping of a CKAN package (top-level keys and `extras` entries are treated alike):
//  - canonical keys are taken as they are (title, title_translated, notes, notes_translated,
//    author*, maintainer*, groups, url, private, state, version, metadata_*);
//  - `id` is kept when it is a UUID (so re-import updates the same dataset), else kept as
//    the extra "ckan_id"; `name` is kept when it is a valid slug, else slugified, else
//    derived from the title ("ds-" + 12 hex of SHA-256 when the title is not ASCII);
//  - tags: `tags` ∪ values of `tags_translated` ∪ values of ckanext-canada `keywords`
//    ({lang: [...]}) ∪ `keyword`; the language maps are also kept verbatim as extras;
//  - `license_id` is kept as given ("cc-by", "ca-ogl-lgo" …; Taiwanese titles map to
//    OGDL-Taiwan-1.0); absent/null → "notspecified" (CKAN's "License not specified");
//  - promoted from top-level or extras, then removed from extras:
//      issued ← issued, dcat_issued, date_published;  modified ← modified, dcat_modified,
//      date_modified;  language ← language, dcat_language (lists, "en,es", JSON-in-string,
//      EU language IRIs);  frequency ← frequency, dcat_frequency, accrual_periodicity;
//      spatial ← spatial, dcat_spatial (GeoJSON kept as text);  temporal_start/end ←
//      temporal_start/_end, temporal_coverage[0];  version;  access_rights (codes or EU
//      IRIs);  conforms_to;  maintainer* ← contact_name/contact_email/contact_phone,
//      contact[0];  author* ← creator_name/creator_email, dcat_creator_*, creator[0];
//      themes ← theme (only values FindTheme knows);  methodology.description ←
//      provenance (a language map gives zh-TW, else en, and is also kept verbatim);
//      url ← landing_page;  related_urls ← documentation;  identifier/guid: a UUID becomes
//      the id when there is none, a URL becomes source_url, otherwise kept as an extra;
//  - a value that cannot be understood (a date that is not a date, "notPlanned" …) stays
//    in extras under its own key, with a warning;
//  - publisher: `organization` object → OrganizationRef (id when UUID, name, title,
//    title_translated, description); else `owner_org` (UUID → ref.id, name → ref.slug,
//    ckanext-canada org_title_at_publication → title); else publisher_name/_email/_url or
//    `publisher` {name, email|mbox, url} (slug from OrgSlugForName). `owner_org` itself is
//    removed from the doc (it is a foreign id);
//  - other keys are kept verbatim as extras (non-strings as compact JSON); CKAN's
//    output-only keys (num_tags, license_title, revision_id, tracking_summary …) and blank
//    values are dropped;
//  - resources: canonical keys are kept; url falls back to access_url/download_url;
//    encoding/charset normalised (NormalizeEncoding); size/byteSize as an integer;
//    modified → last_modified; other non-blank keys are kept as dataset extras named
//    "resources.<i>.<key>".
// Flat DCAT dicts are renamed to CKAN keys (description→notes, keyword→tags,
// landingPage→url, distribution[{title, accessURL|downloadURL, byteSize, format,
// mediaType, description}]→resources) and then mapped as above.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "formats/import.h"

namespace pintu::formats {

class RecordSink;

// A canonical dataset dict before validation, its publisher and mapping notes.
struct MappedDataset {
  boost::json::object doc;
  std::optional<OrganizationRef> organization;
  std::vector<std::string> warnings;
};

// Maps one CKAN package dict.
MappedDataset MapCkanPackage(const boost::json::object& pkg);
// True when `obj` is ckanext-dcat's flat DCAT JSON dataset (title + description/keyword/
// distribution/landingPage, and no CKAN keys such as name/notes/resources/extras).
bool LooksLikeFlatDcat(const boost::json::object& obj);
// Maps one flat DCAT JSON dataset.
MappedDataset MapFlatDcat(const boost::json::object& obj);

// Adds every dataset found in a parsed CKAN document: a package, an API envelope
// (result / result.results[]), a list of packages, a flat DCAT dataset or catalogue
// ({"dataset": [...]}). Objects that are none of these are skipped with a reason.
// A failed API envelope ("success": false) is an error.
Result<void> ImportCkanValue(const boost::json::value& v, const std::string& source, RecordSink& sink);

}  // namespace pintu::formats
