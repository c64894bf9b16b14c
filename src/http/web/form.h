// A submitted HTML form: application/x-www-form-urlencoded or multipart/form-data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "http/message.h"
#include "http/multipart.h"

namespace pintu::http::web {

struct Form {
  Pairs fields;                       // text fields in order
  std::vector<MultipartPart> files;   // file parts with a filename (possibly empty body)

  // The first value of `name` ("" when absent).
  std::string Get(std::string_view name) const;
  // The file part named `name` that has a file name, or nullptr.
  const MultipartPart* File(std::string_view name) const;
};

// Reads the request body as a form. Malformed multipart → kBadRequest; any other
// content type → kBadRequest naming it.
Result<Form> ReadForm(const HttpRequest& req);

// The value of cookie `name` in the request ("" when absent).
std::string Cookie(const HttpRequest& req, std::string_view name);

}  // namespace pintu::http::web
