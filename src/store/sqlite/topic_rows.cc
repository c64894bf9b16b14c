#include "store/sqlite/topic_rows.h"

#include "store/sqlite/documents.h"

namespace pintu::sqlite {

Result<Topic> ReadTopic(Connection& conn, std::string_view id_or_slug) {
  for (std::string_view sql : {"SELECT doc FROM topics WHERE id = ?",
                               "SELECT doc FROM topics WHERE slug = ?"}) {
    auto st = conn.Prepare(sql);
    if (!st) return std::unexpected(st.error());
    st->Bind(id_or_slug);
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (*row) return ParseTopicDocument(st->View(0));
  }
  return std::unexpected(Error::NotFound("Topic"));
}

Result<std::vector<Topic>> ReadTopics(Connection& conn, bool include_deleted) {
  return QueryAll<Topic>(conn, "SELECT doc FROM topics WHERE ?1 OR state <> 'deleted' ORDER BY slug",
                         [](Statement& st) { return ParseTopicDocument(st.View(0)); }, include_deleted);
}

Result<void> WriteTopic(Connection& conn, const Topic& t) {
  if (t.id.empty()) return std::unexpected(Error::Invalid("id", "A topic needs an id", "主題缺少 id"));
  if (t.slug.empty()) return std::unexpected(Error::Invalid("name", "Missing value", "缺少網址名稱"));
  auto st = conn.Prepare(
      "INSERT INTO topics (id, slug, state, doc) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, state = excluded.state, "
      " doc = excluded.doc");
  if (!st) return std::unexpected(st.error());
  st->Bind(t.id, t.slug, ToCode(t.state), TopicDocument(t));
  if (auto r = st->Run(); !r) {
    if (IsUniqueViolation(st->last_code()))
      return std::unexpected(Error::Conflict("name", "That URL is already in use."));
    return r;
  }
  return Ok();
}

}  // namespace pintu::sqlite
