// The canonical JSON form of the domain model. It is a superset of CKAN's
// package/resource/organization/group dicts, so CKAN clients can read it, and it
// is lossless for every field Pintu models, so `pintu export` → `pintu import`
// round-trips. The store persists documents in this form.
//
// Parsing validates: every problem is reported as a FieldError naming the field
// ("title", "resources.2.url", …); nothing is silently dropped except keys that
// are output-only (num_tags, license_title, organization …).
#pragma once

#include <boost/json.hpp>

#include "core/account.h"
#include "core/dataset.h"
#include "core/error.h"
#include "core/organization.h"
#include "core/topic.h"

namespace pintu {

// Extras whose key starts with this prefix are computed by Pintu (the quality scores that
// package_show adds); DatasetFromJson drops them, so a client that sends a package_show
// dict back to package_update does not store them as its own.
inline constexpr std::string_view kComputedExtraPrefix = "pintu_quality_";
// True for a computed extra's key.
bool IsComputedExtraKey(std::string_view key);

// Limits on untrusted documents (counted in code points or elements).
struct JsonLimits {
  size_t max_title = 1000;
  size_t max_text = 100000;      // descriptions, methodology
  size_t max_short = 2000;       // urls, names, emails, other short strings
  size_t max_list = 1000;        // tags, resources, fields, extras …
};

boost::json::object LocalizedToJson(const LocalizedText& t);

boost::json::object ResourceToJson(const Resource& r);
boost::json::object DatasetToJson(const Dataset& d);
boost::json::object OrganizationToJson(const Organization& o);
boost::json::object TopicToJson(const Topic& t);
// A user without secrets (no password hash).
boost::json::object UserToJson(const User& u);

// Parses a dataset dict. Accepts CKAN spellings (tags as strings or {name}, groups as
// {name}/{id}, extras, *_translated maps, url = landing page). A plain "title" whose
// language is not given goes to zh-TW when it contains CJK characters, else to en.
// Server-managed fields (metadata_created/modified) are read so export round-trips;
// actions overwrite them.
Result<Dataset> DatasetFromJson(const boost::json::value& v, const JsonLimits& limits = {});
// Parses a resource dict; `path` prefixes field names in errors ("resources.0").
Result<Resource> ResourceFromJson(const boost::json::value& v, const JsonLimits& limits = {},
                                  const std::string& path = "");
Result<Organization> OrganizationFromJson(const boost::json::value& v, const JsonLimits& limits = {});
Result<Topic> TopicFromJson(const boost::json::value& v, const JsonLimits& limits = {});

// Serialises `v` compactly.
std::string ToJsonString(const boost::json::value& v);
// Parses text into JSON with a nesting limit; errors say where parsing stopped.
Result<boost::json::value> ParseJson(std::string_view text, size_t max_depth = 64);

// A JSON diff of two documents' top-level keys: {"key": {"old": …, "new": …}}.
// Keys equal in both are left out. Used for activity records.
boost::json::object DiffObjects(const boost::json::object& before, const boost::json::object& after);

// True when the string contains a CJK ideograph or kana/hangul.
bool ContainsCjk(std::string_view s);

}  // namespace pintu
