// A small, bounded parser for multipart/form-data request bodies (RFC 7578).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pintu::http {

struct MultipartPart {
  std::string name;          // form field name
  std::string filename;      // empty for plain fields
  std::string content_type;  // of file parts
  std::string body;
};

// Splits `body` using the boundary from `content_type`. At most `max_parts` parts.
// Malformed input (no boundary, missing terminator, bad part headers) → kBadRequest.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view content_type,
                                                  size_t max_parts = 100);

}  // namespace pintu::http
