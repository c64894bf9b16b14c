#include "store/sqlite/documents.h"

#include <limits>

#include "core/model_json.h"

namespace pintu::sqlite {
namespace {

const JsonLimits& NoLimits() {
  static const JsonLimits limits{std::numeric_limits<size_t>::max(),
                                 std::numeric_limits<size_t>::max(),
                                 std::numeric_limits<size_t>::max(),
                                 std::numeric_limits<size_t>::max()};
  return limits;
}

// Stored documents may nest deeper than request bodies (field dictionaries).
constexpr size_t kMaxStoredDepth = 256;

Error Unreadable(std::string_view what, const Error& cause) {
  std::string msg = "Stored " + std::string(what) + " document is unreadable: " + cause.message;
  for (const auto& f : cause.fields) msg += "; " + f.field + ": " + f.message;
  return Error::Internal(std::move(msg));
}

// The store wrote these documents itself, so the UTF-8 check of ParseJson is skipped.
template <typename T, typename Parse>
Result<T> ParseDocument(std::string_view what, std::string_view doc, Parse parse) {
  boost::json::parse_options options;
  options.max_depth = kMaxStoredDepth;
  boost::system::error_code ec;
  boost::json::value json = boost::json::parse(doc, ec, {}, options);
  if (ec) return std::unexpected(Unreadable(what, Error::Internal(ec.message())));
  auto value = parse(json, NoLimits());
  if (!value) return std::unexpected(Unreadable(what, value.error()));
  return std::move(*value);
}

}  // namespace

std::string DatasetDocument(const Dataset& d) {
  boost::json::object o = DatasetToJson(d);
  o.erase("resources");
  o.erase("num_resources");
  o.erase("views");
  o.erase("downloads");
  return ToJsonString(o);
}

Result<Dataset> ParseDatasetDocument(std::string_view doc) {
  return ParseDocument<Dataset>("dataset", doc, [](const boost::json::value& v, const JsonLimits& l) {
    return DatasetFromJson(v, l);
  });
}

std::string ResourceDocument(const Resource& r) { return ToJsonString(ResourceToJson(r)); }

Result<Resource> ParseResourceDocument(std::string_view doc) {
  return ParseDocument<Resource>("resource", doc, [](const boost::json::value& v, const JsonLimits& l) {
    return ResourceFromJson(v, l);
  });
}

std::string OrganizationDocument(const Organization& o) {
  return ToJsonString(OrganizationToJson(o));
}

Result<Organization> ParseOrganizationDocument(std::string_view doc) {
  return ParseDocument<Organization>("organization", doc,
                                     [](const boost::json::value& v, const JsonLimits& l) {
                                       return OrganizationFromJson(v, l);
                                     });
}

std::string TopicDocument(const Topic& t) { return ToJsonString(TopicToJson(t)); }

Result<Topic> ParseTopicDocument(std::string_view doc) {
  return ParseDocument<Topic>("topic", doc, [](const boost::json::value& v, const JsonLimits& l) {
    return TopicFromJson(v, l);
  });
}

}  // namespace pintu::sqlite
