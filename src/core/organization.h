// An agency that publishes datasets (and, later, software).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/localized_text.h"
#include "core/vocabulary.h"

namespace pintu {

// A way to reach an organisation or a dataset's maintainer.
struct Contact {
  std::string name;
  std::string email;
  std::string phone;
  bool operator==(const Contact&) const = default;
};

struct Organization {
  std::string id;    // UUID, assigned by the store on create
  std::string slug;  // CKAN "name": [a-z0-9_-]{2,100}, unique
  LocalizedText title;
  LocalizedText description;
  std::string gov_oid;  // Taiwanese government OID, e.g. "2.16.886.101.20003"
  OrgLevel level = OrgLevel::kOther;
  std::optional<std::string> parent_id;  // id of the parent organisation
  std::vector<Contact> contacts;
  std::string image_url;
  std::string homepage;
  State state = State::kActive;
  std::string created;   // ISO-8601 UTC, set by the store
  std::string modified;  // ISO-8601 UTC, set by the store
  bool operator==(const Organization&) const = default;
};

}  // namespace pintu
