#include "actions/topics.h"

#include "actions/activity_log.h"
#include "actions/authz.h"
#include "core/ids.h"
#include "core/model_json.h"
#include "core/text.h"
#include "core/time.h"

namespace pintu::actions {
namespace {

Result<void> Validate(const Topic& t) {
  Error e{ErrorCode::kValidation, "Validation failed", {}};
  if (t.slug.empty()) e.fields.push_back({"name", "Missing value", "缺少代碼"});
  else if (!IsValidSlug(t.slug))
    e.fields.push_back({"name", "Must be 2-100 characters of lowercase a-z, 0-9, - and _",
                        "必須是 2 到 100 個小寫英數字、- 或 _"});
  if (t.title.Empty()) e.fields.push_back({"title", "Missing value", "缺少名稱"});
  if (!e.fields.empty()) return std::unexpected(e);
  return {};
}

}  // namespace

// Active datasets (public and private) filed under the topic `slug`. Datasets refer to
// topics by slug, so a topic in use may be neither renamed nor deleted.
static Result<int64_t> CountDatasetsInTopic(StoreReader& tx, const std::string& slug) {
  DatasetQuery q;
  q.topics.push_back(slug);
  q.limit = 0;
  q.include_private = true;
  q.all_private = true;
  auto page = tx.SearchDatasets(q);
  if (!page) return std::unexpected(page.error());
  return page->total;
}

Result<Topic> CreateTopic(Context& ctx, Topic input) {
  if (auto ok = Require(ctx.identity.IsSysadmin(), "create topics"); !ok) return std::unexpected(ok.error());
  if (auto ok = Validate(input); !ok) return std::unexpected(ok.error());
  Topic out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    if (tx.GetTopic(input.slug))
      return std::unexpected(Error::Conflict("name", "Group name already exists in database"));
    if (!(ctx.identity.system && LooksLikeUuid(input.id) && !tx.GetTopic(input.id))) input.id = NewUuid();
    // An import (the system identity) keeps the time stamps it was given, as datasets do.
    std::string now = NowIso();
    if (!ctx.identity.system || input.created.empty()) input.created = now;
    if (!ctx.identity.system || input.modified.empty()) input.modified = now;
    if (!ctx.identity.system) input.state = State::kActive;  // imports keep soft-deleted records
    if (auto ok = tx.PutTopic(input); !ok) return ok;
    out = input;
    return RecordActivity(tx, ctx.identity, "new group", "topic", input.id, {}, TopicToJson(input));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<Topic> UpdateTopic(Context& ctx, Topic input) {
  if (auto ok = Require(ctx.identity.IsSysadmin(), "edit topics"); !ok) return std::unexpected(ok.error());
  Topic out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = tx.GetTopic(!input.id.empty() ? input.id : input.slug);
    if (!existing) return std::unexpected(existing.error());
    input.id = existing->id;
    if (input.slug.empty()) input.slug = existing->slug;
    if (auto ok = Validate(input); !ok) return ok;
    if (input.slug != existing->slug && tx.GetTopic(input.slug))
      return std::unexpected(Error::Conflict("name", "Group name already exists in database"));
    if (input.slug != existing->slug) {
      auto used = CountDatasetsInTopic(tx, existing->slug);
      if (!used) return std::unexpected(used.error());
      if (*used > 0)
        return std::unexpected(Error::Invalid("name", "The name of a group with datasets cannot be changed",
                                              "主題仍有資料集，無法變更代碼"));
    }
    input.created = existing->created;
    input.modified = NowIso();
    if (auto ok = tx.PutTopic(input); !ok) return ok;
    out = input;
    return RecordActivity(tx, ctx.identity, "changed group", "topic", input.id,
                          TopicToJson(*existing), TopicToJson(input));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<Topic> PatchTopic(Context& ctx, std::string_view id_or_slug, const boost::json::object& changes) {
  auto existing = ctx.store.GetTopic(id_or_slug);
  if (!existing) return std::unexpected(existing.error());
  boost::json::object merged = TopicToJson(*existing);
  for (const auto& kv : changes) merged[kv.key()] = kv.value();
  for (const char* key : {"title", "description"}) {
    std::string translated = std::string(key) + "_translated";
    if (changes.contains(key) && !changes.contains(translated)) merged.erase(translated);
  }
  auto parsed = TopicFromJson(merged);
  if (!parsed) return std::unexpected(parsed.error());
  parsed->id = existing->id;
  return UpdateTopic(ctx, std::move(*parsed));
}

Result<void> DeleteTopic(Context& ctx, std::string_view id_or_slug) {
  if (auto ok = Require(ctx.identity.IsSysadmin(), "delete topics"); !ok) return ok;
  return ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = tx.GetTopic(id_or_slug);
    if (!existing) return std::unexpected(existing.error());
    auto used = CountDatasetsInTopic(tx, existing->slug);
    if (!used) return std::unexpected(used.error());
    if (*used > 0)
      return std::unexpected(Error::Invalid("id", "Group cannot be deleted while it still has datasets",
                                            "主題仍有資料集，無法刪除"));
    Topic t = *existing;
    t.state = State::kDeleted;
    t.modified = NowIso();
    if (auto ok = tx.PutTopic(t); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "deleted group", "topic", t.id, TopicToJson(*existing),
                          TopicToJson(t));
  });
}

Result<Topic> ShowTopic(Context& ctx, std::string_view id_or_slug) {
  auto t = ctx.store.GetTopic(id_or_slug);
  if (!t) return t;
  if (t->state == State::kDeleted && !ctx.identity.IsSysadmin())
    return std::unexpected(Error::NotFound("Group"));
  return t;
}

Result<std::vector<Topic>> ListTopics(Context& ctx) { return ctx.store.ListTopics(false); }

}  // namespace pintu::actions
