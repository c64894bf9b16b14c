// Action parameters as CKAN clients send them: a GET query string or a POST body
// (JSON object, form-urlencoded or multipart). Values from a query string are
// strings; the getters convert and report the offending parameter on failure.
#pragma once

#include <boost/json.hpp>

#include "core/error.h"
#include "http/message.h"

namespace pintu::http::ckan {

// A file part of a multipart body.
struct FilePart {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string bytes;
};

struct Params {
  boost::json::object values;
  std::vector<FilePart> files;
};

// Collects the parameters of `req`; body JSON must be an object. Errors are
// kBadRequest (malformed body) with a message saying what is wrong and where.
Result<Params> ReadParams(const HttpRequest& req, size_t max_json_depth = 64);

// The string parameter `key` (numbers and booleans are converted), or nullopt.
Result<std::optional<std::string>> GetString(const boost::json::object& p, std::string_view key);
// A non-negative integer parameter within [0, max], or `fallback` when absent.
Result<size_t> GetCount(const boost::json::object& p, std::string_view key, size_t fallback, size_t max);
// The "limit" and "offset" parameters of list actions.
struct Paging {
  size_t limit = 0;
  size_t offset = 0;
};
// Reads limit (default `default_limit`, at most `max_limit`) and offset (default 0).
Result<Paging> GetPaging(const boost::json::object& p, size_t default_limit, size_t max_limit);
// A boolean parameter ("true"/"false"/1/0), or `fallback`.
Result<bool> GetBool(const boost::json::object& p, std::string_view key, bool fallback);
// A list parameter: a JSON array, a JSON-encoded array in a string, or one string.
Result<std::vector<std::string>> GetList(const boost::json::object& p, std::string_view key);
// The id parameter (also accepted as "name"), required.
Result<std::string> GetId(const boost::json::object& p);

}  // namespace pintu::http::ckan
