// A curated, bilingual list of datasets around one issue (CKAN "group"), e.g. 長照.
#pragma once

#include <string>

#include "core/localized_text.h"
#include "core/vocabulary.h"

namespace pintu {

struct Topic {
  std::string id;    // UUID
  std::string slug;  // CKAN group "name"
  LocalizedText title;
  LocalizedText description;
  std::string image_url;
  State state = State::kActive;
  std::string created;
  std::string modified;
  bool operator==(const Topic&) const = default;
};

}  // namespace pintu
