#include "http/router.h"

#include <algorithm>
#include <exception>
#include <unordered_map>

namespace pintu::http {
namespace {

struct MethodHandler {
  std::string method;
  Handler handler;
};

enum class Kind { kExact, kPattern, kPrefix };

struct Segment {
  std::string text;  // literal text, or parameter name when `param`
  bool param = false;
};

struct Route {
  Kind kind;
  std::string pattern;
  std::vector<Segment> segments;  // kPattern only
  std::vector<MethodHandler> handlers;

  const Handler* Find(std::string_view method) const {
    for (const auto& m : handlers)
      if (m.method == method) return &m.handler;
    return nullptr;
  }
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Splits "/a/b/c" into {"a","b","c"} (views into `path`). A trailing slash gives an empty last segment.
void SplitSegments(std::string_view path, std::vector<std::string_view>& out) {
  out.clear();
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  size_t start = 0;
  for (;;) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      out.push_back(path.substr(start));
      return;
    }
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
}

bool IsParamSegment(std::string_view s) {
  return s.size() > 2 && s.front() == '{' && s.back() == '}';
}

// The raw (still percent-encoded) path of a request target.
std::string_view RawPath(std::string_view target) {
  if (target.starts_with("http://") || target.starts_with("https://")) {
    size_t scheme_end = target.find("//") + 2;
    size_t slash = target.find('/', scheme_end);
    target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
  }
  size_t q = target.find_first_of("?#");
  return q == std::string_view::npos ? target : target.substr(0, q);
}

void AppendAllow(std::string& allow, std::string_view method) {
  for (size_t pos = 0; pos < allow.size();) {
    size_t comma = allow.find(", ", pos);
    std::string_view item = std::string_view(allow).substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (item == method) return;
    if (comma == std::string::npos) break;
    pos = comma + 2;
  }
  if (!allow.empty()) allow += ", ";
  allow += method;
}

}  // namespace

struct Router::Table {
  std::vector<Route> routes;  // index = route id
  std::vector<std::string> labels;
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> exact;
  std::vector<size_t> patterns;  // registration order
  std::vector<size_t> prefixes;  // longest first
  Handler not_found;             // empty = 404 JSON

  Route& GetOrCreate(Kind kind, std::string_view pattern) {
    for (auto& r : routes)
      if (r.kind == kind && r.pattern == pattern) return r;
    Route r{kind, std::string(pattern), {}, {}};
    size_t id = routes.size();
    if (kind == Kind::kPattern) {
      std::vector<std::string_view> segs;
      SplitSegments(pattern, segs);
      for (auto s : segs) {
        if (IsParamSegment(s)) r.segments.push_back({std::string(s.substr(1, s.size() - 2)), true});
        else r.segments.push_back({std::string(s), false});
      }
      patterns.push_back(id);
      labels.emplace_back(pattern);
    } else if (kind == Kind::kExact) {
      exact.emplace(std::string(pattern), id);
      labels.emplace_back(pattern);
    } else {
      prefixes.push_back(id);
      labels.push_back(std::string(pattern) + "*");
    }
    routes.push_back(std::move(r));
    if (kind == Kind::kPrefix) {
      std::stable_sort(prefixes.begin(), prefixes.end(), [this](size_t a, size_t b) {
        return routes[a].pattern.size() > routes[b].pattern.size();
      });
    }
    return routes.back();
  }
};

Router::Router() : t_(std::make_unique<Table>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

static void SetHandler(Route& r, std::string_view method, Handler h) {
  for (auto& m : r.handlers) {
    if (m.method == method) {
      m.handler = std::move(h);
      return;
    }
  }
  r.handlers.push_back({std::string(method), std::move(h)});
}

Router& Router::Add(std::string_view method, std::string_view pattern, Handler handler) {
  std::vector<std::string_view> segs;
  SplitSegments(pattern, segs);
  bool has_param = std::any_of(segs.begin(), segs.end(), IsParamSegment);
  SetHandler(t_->GetOrCreate(has_param ? Kind::kPattern : Kind::kExact, pattern), method,
             std::move(handler));
  return *this;
}

Router& Router::AddPrefix(std::string_view method, std::string_view prefix, Handler handler) {
  SetHandler(t_->GetOrCreate(Kind::kPrefix, prefix), method, std::move(handler));
  return *this;
}

Router& Router::SetNotFound(Handler handler) {
  t_->not_found = std::move(handler);
  return *this;
}

const std::vector<std::string>& Router::route_labels() const { return t_->labels; }

HttpResponse Router::Dispatch(HttpRequest& req, DispatchInfo* info) const {
  DispatchInfo local;
  if (!info) info = &local;
  info->route_id = -1;
  info->handler_threw = false;
  req.params.clear();

  const std::string_view method = req.method;
  const bool is_head = method == "HEAD";
  std::string allow;
  const Handler* chosen = nullptr;
  size_t chosen_id = 0;

  // Returns the handler of `r` for the method (HEAD falls back to GET) and
  // records its methods for a possible 405.
  auto consider = [&](const Route& r, size_t id) -> bool {
    const Handler* h = r.Find(method);
    if (!h && is_head) h = r.Find("GET");
    if (h) {
      chosen = h;
      chosen_id = id;
      return true;
    }
    for (const auto& m : r.handlers) {
      AppendAllow(allow, m.method);
      if (m.method == "GET") AppendAllow(allow, "HEAD");
    }
    return false;
  };

  const std::string_view path = req.path;
  if (auto it = t_->exact.find(path); it != t_->exact.end()) consider(t_->routes[it->second], it->second);

  if (!chosen && !t_->patterns.empty()) {
    thread_local std::vector<std::string_view> segs;
    SplitSegments(RawPath(req.target), segs);
    for (size_t id : t_->patterns) {
      const Route& r = t_->routes[id];
      if (r.segments.size() != segs.size()) continue;
      bool ok = true;
      for (size_t i = 0; i < segs.size() && ok; ++i) {
        const Segment& s = r.segments[i];
        if (s.param) ok = !segs[i].empty();
        else ok = s.text == segs[i] || s.text == PercentDecode(segs[i], false);
      }
      if (!ok) continue;
      if (consider(r, id)) {
        for (size_t i = 0; i < segs.size(); ++i)
          if (r.segments[i].param)
            req.params.emplace_back(r.segments[i].text, PercentDecode(segs[i], false));
        break;
      }
    }
  }

  if (!chosen) {
    for (size_t id : t_->prefixes) {
      const Route& r = t_->routes[id];
      if (path.starts_with(r.pattern) && consider(r, id)) break;
    }
  }

  if (!chosen) {
    if (!allow.empty()) {
      HttpResponse res = JsonError(405, "method_not_allowed",
                                   "Method " + req.method + " is not allowed here; allowed: " + allow);
      res.SetHeader("Allow", allow);
      return res;
    }
    if (!t_->not_found) return JsonError(404, "not_found", "Nothing is found at " + req.path);
    chosen = &t_->not_found;
  } else {
    info->route_id = static_cast<int>(chosen_id);
  }
  try {
    return (*chosen)(req);
  } catch (const std::exception& e) {
    info->handler_threw = true;
    info->exception_message = e.what();
  } catch (...) {
    info->handler_threw = true;
    info->exception_message = "unknown exception";
  }
  return JsonError(500, "internal_error", "The server failed to handle this request.");
}

}  // namespace pintu::http
