// Datasets and their distributions (CKAN "resources"), modelled on DCAT-AP 3
// plus the fields data.gov.tw and the open government working group ask for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/localized_text.h"
#include "core/organization.h"
#include "core/vocabulary.h"

namespace pintu {

// One column of a tabular resource, as declared by the publisher.
struct FieldSpec {
  std::string name;
  LocalizedText description;
  std::string type;  // Table Schema type: string, integer, number, date, boolean …
  std::string unit;  // unit of measure, e.g. "人", "km", "NTD"
  bool operator==(const FieldSpec&) const = default;
};

// A distribution: a file or an API endpoint of a dataset.
struct Resource {
  std::string id;          // UUID
  std::string dataset_id;  // owning dataset's id
  LocalizedText name;
  LocalizedText description;
  std::string url;         // download or access URL (for uploads: served by Pintu)
  bool uploaded = false;   // true when the file is stored by Pintu (CKAN url_type "upload")
  std::string format;      // declared format, e.g. "CSV"
  std::string media_type;  // declared IANA media type
  std::string encoding;    // declared character encoding, e.g. "UTF-8", "Big5"
  std::optional<int64_t> size_bytes;
  std::string checksum;    // "sha256:<hex>" or as declared
  std::vector<FieldSpec> fields;  // field dictionary
  std::string last_modified;      // ISO-8601 as declared by the publisher
  State state = State::kActive;
  std::string created;   // set by the store
  std::string modified;  // set by the store
  bool operator==(const Resource&) const = default;
};

// How a (statistical) dataset was produced, so nobody misreads a number.
struct Methodology {
  std::string description;  // free text: sampling, collection, processing
  std::string formula;      // e.g. "rate = cases / population × 100000"
  std::vector<std::string> source_datasets;  // ids, slugs or URLs of inputs
  bool Empty() const { return description.empty() && formula.empty() && source_datasets.empty(); }
  bool operator==(const Methodology&) const = default;
};

// Whether the data costs money, and on what legal basis.
struct Cost {
  CostType type = CostType::kFree;
  std::string fee_url;
  std::string legal_basis;
  bool operator==(const Cost&) const = default;
};

// A key/value pair Pintu does not model but keeps (CKAN "extras").
struct Extra {
  std::string key;
  std::string value;
  bool operator==(const Extra&) const = default;
};

struct Dataset {
  std::string id;    // UUID
  std::string slug;  // CKAN "name"
  LocalizedText title;
  LocalizedText description;  // Markdown
  std::string organization_id;
  Contact contact;
  std::string author;        // CKAN author (creator), kept for compatibility
  std::string author_email;
  std::vector<std::string> keywords;  // CKAN tags
  std::vector<std::string> themes;    // theme codes (see AllThemes())
  std::vector<std::string> topics;    // topic slugs (CKAN groups)
  std::string license_id = std::string(kDefaultLicenseId);
  // Declared access rights; nullopt when the publisher did not say (the dataset is then
  // served as public, but MQA's access-rights indicators do not count it).
  std::optional<AccessRights> access_rights;
  Cost cost;
  DatasetType type = DatasetType::kRaw;
  Methodology methodology;
  std::string frequency;  // EU frequency code, "" when unknown
  std::string temporal_start;  // ISO date
  std::string temporal_end;
  std::string spatial;         // place name or GeoJSON
  std::vector<std::string> languages;  // BCP 47 tags of the data's content
  std::string issued;    // ISO date, declared by the publisher
  std::string modified;  // ISO date, declared by the publisher
  std::string version;
  std::vector<std::string> related_urls;
  std::vector<std::string> conforms_to;  // URLs or names of data standards
  std::string landing_page;
  std::string source_url;  // where an import came from
  bool is_private = false;
  State state = State::kActive;
  std::vector<Extra> extras;
  std::vector<Resource> resources;  // active resources in order
  std::string metadata_created;     // set by the store
  std::string metadata_modified;    // set by the store
  int64_t views = 0;      // popularity, when known
  int64_t downloads = 0;
  bool operator==(const Dataset&) const = default;
};

}  // namespace pintu
