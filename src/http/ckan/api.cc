#include "http/ckan/api.h"

#include <fmt/format.h>

#include "core/clock.h"

#include <algorithm>
#include <array>

#include "actions/accounts.h"
#include "core/model_json.h"
#include "http/ckan/call.h"
#include "http/ckan/envelope.h"
#include "http/ckan/response_cache.h"

namespace json = boost::json;

namespace pintu::http::ckan {
namespace {

using Table = std::pair<const ActionEntry*, size_t>;
std::array<Table, 5> AllTables() {
  return {Table{kPackageActions, kPackageActionCount}, Table{kGroupActions, kGroupActionCount},
          Table{kSiteActions, kSiteActionCount}, Table{kJobActions, kJobActionCount},
          Table{kQualityActions, kQualityActionCount}};
}

const ActionEntry* FindAction(std::string_view name) {
  for (const auto& [table, count] : AllTables()) {
    for (size_t i = 0; i < count; ++i)
      if (table[i].name == name) return &table[i];
  }
  return nullptr;
}

std::string_view ActionName(std::string_view path) {
  for (std::string_view prefix : {"/api/3/action/", "/api/action/"}) {
    if (path.substr(0, prefix.size()) == prefix) return path.substr(prefix.size());
  }
  return {};
}

// The API token: CKAN's Authorization header, or the legacy X-CKAN-API-Key.
std::string_view TokenOf(const HttpRequest& req) {
  std::string_view t = req.Header("authorization");
  if (t.empty()) t = req.Header("x-ckan-api-key");
  return t;
}

// The response-cache key of a request: its path and decoded query parameters in
// order (separated by bytes that cannot occur unescaped in either).
std::string CacheKey(const HttpRequest& req) {
  std::string key = req.path;
  for (const auto& [k, v] : req.query) {
    key += '\x1e';
    key += k;
    key += '\x1f';
    key += v;
  }
  return key;
}

// Holds every package_show body of a 36,000-dataset catalog (~64 MB) with room to
// spare, while keeping the server well under 300 MB resident.
constexpr size_t kCacheBytes = 80u << 20;

}  // namespace

json::object PackageDict(actions::Context& ctx, const Dataset& d) {
  json::object out = DatasetToJson(d);
  // The newest quality score as read-only extras (docs/quality.md "Scores in the APIs").
  if (auto score = ctx.store.GetLatestScoreSummary(d.id)) {
    json::array& extras = out["extras"].as_array();
    auto add = [&](std::string_view key, std::string value) {
      extras.emplace_back(json::object{{"key", std::string(kComputedExtraPrefix) + std::string(key)}, {"value", value}});
    };
    add("mqa_points", fmt::format("{:.1f}", score->mqa_points));
    add("mqa_rating", score->mqa_rating);
    add("fair_percent", fmt::format("{:.1f}", score->fair_percent));
    add("ai_readiness_percent", fmt::format("{:.1f}", score->ai_percent));
    add("datagovtw_badge", score->badge);
    add("five_star", std::to_string(score->five_star));
    add("scored_at", IsoFromUnixMillis(score->computed_at));
  }
  if (auto org = ctx.store.GetOrganization(d.organization_id)) {
    json::object o = OrganizationToJson(*org);
    o.erase("contacts");
    out["organization"] = std::move(o);
  } else {
    out["organization"] = nullptr;
  }
  json::array groups;
  for (const auto& slug : d.topics) {
    json::object g{{"name", slug}};
    if (auto t = ctx.store.GetTopic(slug)) {
      g["id"] = t->id;
      g["title"] = t->title.Best(kLangZh);
      g["display_name"] = t->title.Best(kLangZh);
      g["title_translated"] = LocalizedToJson(t->title);
    }
    groups.emplace_back(std::move(g));
  }
  out["groups"] = std::move(groups);
  return out;
}

ActionApi::ActionApi(Store& store, const Config& config, actions::SearchSync* search)
    : store_(store), config_(config), search_(search), cache_(std::make_unique<ResponseCache>(kCacheBytes)) {}
ActionApi::~ActionApi() = default;

std::vector<std::string> ActionApi::ActionNames() {
  std::vector<std::string> names;
  for (const auto& [table, count] : AllTables())
    for (size_t i = 0; i < count; ++i) names.emplace_back(table[i].name);
  std::sort(names.begin(), names.end());
  return names;
}

HttpResponse ActionApi::Handle(const HttpRequest& req) {
  std::string_view name = ActionName(req.path);
  std::string help = HelpUrl(config_.EffectiveSiteUrl(), name);
  const ActionEntry* entry = FindAction(name);
  if (!entry)
    return Failure(help, Error::BadRequest("Action name not known: " + std::string(name.substr(0, 100))));
  bool is_post = req.method == "POST";
  if (entry->write && !is_post)
    return Failure(help, Error::BadRequest("Action " + std::string(name) + " requires a POST request"));
  if (!is_post && req.method != "GET" && req.method != "HEAD")
    return Failure(help, Error::BadRequest("Only GET and POST are supported"));
  if (req.body.size() > config_.max_json_bytes &&
      req.Header("content-type").find("multipart/") == std::string_view::npos)
    return Failure(help, Error::TooLarge("Request body is larger than " +
                                         std::to_string(config_.max_json_bytes) + " bytes"));

  std::string_view token = TokenOf(req);
  // Fast path: anonymous reads are the same for every anonymous caller until the
  // store changes, so their rendered bodies are cached by request target.
  bool cacheable = !entry->write && !entry->uncached && token.empty() && !is_post && req.body.empty();
  // Bodies show scores too (package_show's quality extras): both sequences only grow, so
  // the combined value changes whenever either does.
  int64_t seq = cacheable ? store_.ChangeSeq() * 1'000'003 + store_.ScoreSeq() : 0;
  std::string cache_key = cacheable ? CacheKey(req) : std::string();
  if (cacheable) {
    if (auto body = cache_->Get(cache_key, seq)) {
      HttpResponse r;
      r.body = std::move(*body);
      return r;
    }
  }

  auto identity = actions::Authenticate(store_, token);
  if (!identity) return Failure(help, identity.error());
  auto params = ReadParams(req);
  if (!params) return Failure(help, params.error());
  actions::Context ctx{store_, std::move(*identity), config_, search_};
  Call call{ctx, *params, is_post};
  auto result = entry->fn(call);
  if (!result) return Failure(help, result.error());
  HttpResponse r = Success(help, *result);
  if (cacheable) cache_->Put(cache_key, seq, r.body);
  return r;
}

}  // namespace pintu::http::ckan
