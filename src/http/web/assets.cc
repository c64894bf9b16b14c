#include "http/web/assets.h"

#include <map>

#include "core/hash.h"

namespace pintu::http::web {
namespace {

struct StaticFile {
  std::string_view content;
  std::string name;         // "app.css"
  std::string hashed_name;  // "app.3f9c1a2b.css"
};

// web/static files by plain and by hashed name (built once).
const std::map<std::string, const StaticFile*, std::less<>>& StaticIndex() {
  static const auto* index = [] {
    // Both live for the whole run; static pointers keep them reachable (no leak report).
    static auto* files = new std::vector<StaticFile>();
    for (const auto& f : EmbeddedFiles()) {
      if (!f.path.starts_with("static/")) continue;
      std::string name(f.path.substr(7));
      std::string hash = Sha256Hex(f.content).substr(0, 10);
      size_t dot = name.rfind('.');
      std::string hashed = dot == std::string::npos ? name + "." + hash
                                                    : name.substr(0, dot) + "." + hash + name.substr(dot);
      files->push_back({f.content, name, hashed});
    }
    auto* map = new std::map<std::string, const StaticFile*, std::less<>>();
    for (const auto& f : *files) {
      (*map)[f.name] = &f;
      (*map)[f.hashed_name] = &f;
    }
    return map;
  }();
  return *index;
}

std::string_view ContentType(std::string_view name) {
  auto ends = [&](std::string_view ext) { return name.ends_with(ext); };
  if (ends(".css")) return "text/css;charset=utf-8";
  if (ends(".js")) return "text/javascript;charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".json")) return "application/json;charset=utf-8";
  if (ends(".txt")) return "text/plain;charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

const std::string_view* FindWebFile(std::string_view path) {
  const auto& files = EmbeddedFiles();
  for (const auto& f : files)
    if (f.path == path) return &f.content;
  return nullptr;
}

std::string StaticUrl(std::string_view name) {
  const auto& index = StaticIndex();
  auto it = index.find(name);
  if (it == index.end()) return "/static/" + std::string(name);
  return "/static/" + it->second->hashed_name;
}

HttpResponse ServeStatic(const HttpRequest& req) {
  std::string_view file = req.Param("file");
  const auto& index = StaticIndex();
  auto it = index.find(file);
  if (it == index.end()) return JsonError(404, "not_found", "No such static file");
  HttpResponse r;
  r.content_type = std::string(ContentType(it->second->name));
  r.body = std::string(it->second->content);
  bool hashed = file == it->second->hashed_name;
  r.SetHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=300");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace pintu::http::web
