// The audit trail: one row per write, never deleted.
#pragma once

#include <cstdint>
#include <string>

namespace pintu {

struct Activity {
  int64_t seq = 0;           // store change sequence, strictly increasing
  std::string id;            // UUID
  std::string timestamp;     // ISO-8601 UTC
  std::string actor;         // user name, "system" or "anonymous"
  std::string object_type;   // "dataset", "resource", "organization", "topic", "user", …
  std::string object_id;
  std::string activity_type; // "new package", "changed package", "deleted package", …
  std::string diff_json;     // JSON: {"field": {"old": …, "new": …}, …}
};

}  // namespace pintu
