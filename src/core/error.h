// Errors that cross layer boundaries. Every fallible function returns
// std::expected<T, pintu::Error>; exceptions never leave a library edge.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace pintu {

// Stable error codes. Faces map them onto their protocol (CKAN __type, HTTP status).
enum class ErrorCode {
  kNotFound,       // the object does not exist or is invisible to the caller
  kValidation,     // the request is well-formed but a field is wrong
  kAuthorization,  // the caller may not do this
  kBadRequest,     // the request itself is malformed (bad JSON, unknown action)
  kTooLarge,       // a limit on size was exceeded
  kConflict,       // the write conflicts with existing data (e.g. slug taken)
  kInternal,       // a bug or an environment failure (disk, database)
};

// One problem with one field. `field` is a path such as "resources.0.url".
struct FieldError {
  std::string field;
  std::string message;  // plain-language English
  std::string message_zh;  // plain-language zh-TW (may be empty)
};

// An error: a code, a summary message and, for validation, per-field problems.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;

  // Builds a not-found error for `what` (e.g. "Dataset").
  static Error NotFound(std::string_view what);
  // Builds a validation error with a single failing field.
  static Error Invalid(std::string field, std::string message, std::string message_zh = {});
  // Builds an authorization error.
  static Error Forbidden(std::string message);
  static Error BadRequest(std::string message);
  static Error TooLarge(std::string message);
  static Error Conflict(std::string field, std::string message);
  static Error Internal(std::string message);
};

// Name of a code as used in logs and the native API ("not_found", ...).
std::string_view ErrorCodeName(ErrorCode code);

template <typename T>
using Result = std::expected<T, Error>;

// Result<void> helper: `return Ok();`
inline std::expected<void, Error> Ok() { return {}; }

}  // namespace pintu
