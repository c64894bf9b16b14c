#include "core/error.h"

namespace pintu {

Error Error::NotFound(std::string_view what) {
  return Error{ErrorCode::kNotFound, std::string(what) + " not found", {}};
}
Error Error::Invalid(std::string field, std::string message, std::string message_zh) {
  Error e{ErrorCode::kValidation, "Validation failed", {}};
  e.fields.push_back({std::move(field), std::move(message), std::move(message_zh)});
  return e;
}
Error Error::Forbidden(std::string message) { return {ErrorCode::kAuthorization, std::move(message), {}}; }
Error Error::BadRequest(std::string message) { return {ErrorCode::kBadRequest, std::move(message), {}}; }
Error Error::TooLarge(std::string message) { return {ErrorCode::kTooLarge, std::move(message), {}}; }
Error Error::Conflict(std::string field, std::string message) {
  Error e{ErrorCode::kConflict, message, {}};
  e.fields.push_back({std::move(field), std::move(message), {}});
  return e;
}
Error Error::Internal(std::string message) { return {ErrorCode::kInternal, std::move(message), {}}; }

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kValidation: return "validation";
    case ErrorCode::kAuthorization: return "authorization";
    case ErrorCode::kBadRequest: return "bad_request";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace pintu
