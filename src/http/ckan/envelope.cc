#include "http/ckan/envelope.h"

namespace json = boost::json;

namespace pintu::http::ckan {

std::string HelpUrl(std::string_view site_url, std::string_view action) {
  return std::string(site_url) + "/api/3/action/help_show?name=" + std::string(action);
}

HttpResponse Success(std::string_view help, const json::value& result) {
  HttpResponse r;
  json::object env;
  env["help"] = help;
  env["success"] = true;
  env["result"] = result;
  r.body = json::serialize(env);
  return r;
}

int StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kValidation: return 409;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kAuthorization: return 403;
    case ErrorCode::kBadRequest: return 400;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

HttpResponse Failure(std::string_view help, const Error& e) {
  json::object err;
  switch (e.code) {
    case ErrorCode::kNotFound:
      err["__type"] = "Not Found Error";
      err["message"] = "Not found: " + e.message;
      break;
    case ErrorCode::kValidation:
    case ErrorCode::kConflict: {
      err["__type"] = "Validation Error";
      json::object zh;
      for (const auto& f : e.fields) {
        auto& list = err[f.field];
        if (!list.is_array()) list = json::array();
        list.as_array().emplace_back(f.message);
        if (!f.message_zh.empty()) zh[f.field] = f.message_zh;
      }
      if (e.fields.empty()) err["message"] = e.message;
      if (!zh.empty()) err["messages_zh_TW"] = std::move(zh);
      break;
    }
    case ErrorCode::kAuthorization:
      err["__type"] = "Authorization Error";
      err["message"] = "Access denied: " + e.message;
      break;
    case ErrorCode::kBadRequest:
      err["__type"] = "Bad Request";
      err["message"] = "Bad request - " + e.message;
      break;
    case ErrorCode::kTooLarge:
      err["__type"] = "Request Too Large";
      err["message"] = e.message;
      break;
    case ErrorCode::kInternal:
      err["__type"] = "Internal Server Error";
      err["message"] = "Internal server error";
      break;
  }
  json::object env;
  env["help"] = help;
  env["success"] = false;
  env["error"] = std::move(err);
  HttpResponse r;
  r.status = StatusFor(e.code);
  r.body = json::serialize(env);
  return r;
}

}  // namespace pintu::http::ckan
