#include "http/web/form.h"

#include "core/text.h"

namespace pintu::http::web {

std::string Form::Get(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return "";
}

const MultipartPart* Form::File(std::string_view name) const {
  for (const auto& f : files)
    if (f.name == name && !f.filename.empty()) return &f;
  return nullptr;
}

Result<Form> ReadForm(const HttpRequest& req) {
  Form form;
  std::string type = AsciiLower(req.Header("content-type"));
  if (type.starts_with("application/x-www-form-urlencoded") || (type.empty() && req.body.empty())) {
    form.fields = ParseQueryString(req.body);
    return form;
  }
  if (type.starts_with("multipart/form-data")) {
    auto parts = ParseMultipart(req.body, req.Header("content-type"));
    if (!parts) return std::unexpected(parts.error());
    for (auto& p : *parts) {
      if (p.filename.empty() && p.content_type.empty()) form.fields.emplace_back(p.name, std::move(p.body));
      else form.files.push_back(std::move(p));
    }
    return form;
  }
  return std::unexpected(Error::BadRequest("A form must be sent as application/x-www-form-urlencoded or multipart/form-data, not " +
                                           std::string(type.substr(0, 100))));
}

std::string Cookie(const HttpRequest& req, std::string_view name) {
  std::string_view cookies = req.Header("cookie");
  while (!cookies.empty()) {
    size_t semi = cookies.find(';');
    std::string_view c = Trim(cookies.substr(0, semi));
    if (c.size() > name.size() && c.starts_with(name) && c[name.size()] == '=') return std::string(c.substr(name.size() + 1));
    if (semi == std::string_view::npos) break;
    cookies.remove_prefix(semi + 1);
  }
  return "";
}

}  // namespace pintu::http::web
