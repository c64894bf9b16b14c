#include "store/sqlite/dataset_rows.h"

#include <algorithm>
#include <limits>

#include "core/text.h"
#include "store/sqlite/derived_columns.h"
#include "store/sqlite/documents.h"

namespace pintu::sqlite {
namespace {

constexpr std::string_view kSelectDatasetColumns =
    "SELECT d.id, x.doc, coalesce(p.views, 0), coalesce(p.downloads, 0) "
    "FROM datasets d JOIN dataset_documents x ON x.rid = d.rid "
    "LEFT JOIN dataset_popularity p ON p.dataset_id = d.id ";

const std::string& SelectDatasetBy(std::string_view where) {
  static const std::string by_id = std::string(kSelectDatasetColumns) + "WHERE d.id = ?";
  static const std::string by_slug = std::string(kSelectDatasetColumns) + "WHERE d.slug = ?";
  static const std::string by_rid = std::string(kSelectDatasetColumns) + "WHERE d.rid = ?";
  if (where == "id") return by_id;
  if (where == "slug") return by_slug;
  return by_rid;
}

Result<std::vector<Resource>> ReadActiveResources(Connection& conn, std::string_view dataset_id) {
  auto st = conn.Prepare(
      "SELECT doc FROM resources WHERE dataset_id = ? AND state <> 'deleted' ORDER BY position");
  if (!st) return std::unexpected(st.error());
  st->Bind(dataset_id);
  std::vector<Resource> out;
  while (true) {
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    auto r = ParseResourceDocument(st->View(0));
    if (!r) return std::unexpected(r.error());
    out.push_back(std::move(*r));
  }
  return out;
}

// Runs a prepared dataset SELECT bound to `key`; nullopt-like NotFound when no row.
template <typename Key>
Result<Dataset> ReadDatasetWhere(Connection& conn, std::string_view column, const Key& key) {
  std::string id;
  Dataset d;
  {
    auto st = conn.Prepare(SelectDatasetBy(column));
    if (!st) return std::unexpected(st.error());
    st->Bind(key);
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::unexpected(Error::NotFound("Dataset"));
    auto parsed = ParseDatasetDocument(st->View(1));
    if (!parsed) return std::unexpected(parsed.error());
    d = std::move(*parsed);
    id = st->Text(0);
    d.views = st->Int(2);
    d.downloads = st->Int(3);
  }
  auto resources = ReadActiveResources(conn, id);
  if (!resources) return std::unexpected(resources.error());
  d.resources = std::move(*resources);
  return d;
}

Result<void> CheckIds(const Dataset& d) {
  if (d.id.empty()) return std::unexpected(Error::Invalid("id", "A dataset needs an id", "資料集缺少 id"));
  if (d.slug.empty()) return std::unexpected(Error::Invalid("name", "Missing value", "缺少網址名稱"));
  for (size_t i = 0; i < d.resources.size(); ++i) {
    if (d.resources[i].id.empty()) {
      return std::unexpected(Error::Invalid("resources." + std::to_string(i) + ".id",
                                            "A resource needs an id", "資源缺少 id"));
    }
  }
  return Ok();
}

// Inserts or updates the datasets row and returns its rid.
Result<int64_t> UpsertDatasetRow(Connection& conn, const Dataset& d) {
  auto st = conn.Prepare(
      "INSERT INTO datasets (id, slug, organization_id, state, private, license_id, type, "
      " metadata_created, metadata_modified, title_sort, tags_packed, themes_packed, "
      " topics_packed, formats_packed) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
      "ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, "
      " organization_id = excluded.organization_id, state = excluded.state, "
      " private = excluded.private, license_id = excluded.license_id, type = excluded.type, "
      " metadata_created = excluded.metadata_created, "
      " metadata_modified = excluded.metadata_modified, title_sort = excluded.title_sort, "
      " tags_packed = excluded.tags_packed, themes_packed = excluded.themes_packed, "
      " topics_packed = excluded.topics_packed, formats_packed = excluded.formats_packed "
      "RETURNING rid");
  if (!st) return std::unexpected(st.error());
  st->Bind(d.id, d.slug, d.organization_id, ToCode(d.state), d.is_private, d.license_id,
           ToCode(d.type), d.metadata_created, d.metadata_modified, DatasetTitleSort(d),
           PackList(d.keywords), PackList(d.themes), PackList(d.topics), DatasetFormatsPacked(d));
  auto row = st->Step();
  if (!row) {
    if (IsUniqueViolation(st->last_code()))
      return std::unexpected(Error::Conflict("name", "That URL is already in use."));
    return std::unexpected(row.error());
  }
  if (!*row) return std::unexpected(Error::Internal("Dataset upsert returned no row"));
  int64_t rid = st->Int(0);
  if (auto done = st->Run(); !done) return std::unexpected(done.error());
  return rid;
}

// Replaces the dataset's search text and document (side tables keyed by rid).
Result<void> WriteTextAndDocument(Connection& conn, int64_t rid, const Dataset& d) {
  auto texts = conn.Prepare(
      "INSERT OR REPLACE INTO dataset_texts (rid, title_search, search_text) VALUES (?, ?, ?)");
  if (!texts) return std::unexpected(texts.error());
  texts->Bind(rid, DatasetTitleSearch(d), DatasetSearchText(d));
  if (auto r = texts->Run(); !r) return r;
  auto doc = conn.Prepare("INSERT OR REPLACE INTO dataset_documents (rid, doc) VALUES (?, ?)");
  if (!doc) return std::unexpected(doc.error());
  doc->Bind(rid, DatasetDocument(d));
  return doc->Run();
}

Result<void> SeedPopularity(Connection& conn, const Dataset& d) {
  auto st = conn.Prepare(
      "INSERT OR IGNORE INTO dataset_popularity (dataset_id, views, downloads) VALUES (?, ?, ?)");
  if (!st) return std::unexpected(st.error());
  st->Bind(d.id, d.views, d.downloads);
  return st->Run();
}

// Marks resources of `d` that it no longer lists as deleted (document included).
Result<void> SoftDeleteUnlistedResources(Connection& conn, const Dataset& d) {
  std::vector<std::pair<std::string, std::string>> unlisted;  // (id, doc)
  {
    auto st = conn.Prepare("SELECT id, doc FROM resources WHERE dataset_id = ? AND state <> 'deleted'");
    if (!st) return std::unexpected(st.error());
    st->Bind(d.id);
    while (true) {
      auto row = st->Step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      std::string_view id = st->View(0);
      bool listed = std::any_of(d.resources.begin(), d.resources.end(),
                                [&](const Resource& r) { return r.id == id; });
      if (!listed) unlisted.emplace_back(std::string(id), st->Text(1));
    }
  }
  for (const auto& [id, doc] : unlisted) {
    auto r = ParseResourceDocument(doc);
    if (!r) return std::unexpected(r.error());
    r->state = State::kDeleted;
    if (!d.metadata_modified.empty()) r->modified = d.metadata_modified;
    auto st = conn.Prepare("UPDATE resources SET state = 'deleted', doc = ? WHERE id = ?");
    if (!st) return std::unexpected(st.error());
    st->Bind(ResourceDocument(*r), id);
    if (auto done = st->Run(); !done) return done;
  }
  return Ok();
}

Result<void> UpsertResources(Connection& conn, const Dataset& d) {
  for (size_t i = 0; i < d.resources.size(); ++i) {
    Resource r = d.resources[i];
    r.dataset_id = d.id;
    auto st = conn.Prepare(
        "INSERT INTO resources (id, dataset_id, position, state, format, doc) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (id) DO UPDATE SET dataset_id = excluded.dataset_id, "
        " position = excluded.position, state = excluded.state, format = excluded.format, "
        " doc = excluded.doc");
    if (!st) return std::unexpected(st.error());
    st->Bind(r.id, r.dataset_id, i, ToCode(r.state), AsciiUpper(Trim(r.format)),
             ResourceDocument(r));
    if (auto done = st->Run(); !done) return done;
  }
  return Ok();
}

Result<void> ReplaceLinkRows(Connection& conn, const Dataset& d) {
  for (std::string_view sql : {"DELETE FROM dataset_tags WHERE dataset_id = ?",
                               "DELETE FROM dataset_topics WHERE dataset_id = ?"}) {
    auto st = conn.Prepare(sql);
    if (!st) return std::unexpected(st.error());
    st->Bind(d.id);
    if (auto r = st->Run(); !r) return r;
  }
  for (const auto& tag : d.keywords) {
    auto st = conn.Prepare(
        "INSERT OR IGNORE INTO dataset_tags (dataset_id, tag, tag_lower) VALUES (?, ?, ?)");
    if (!st) return std::unexpected(st.error());
    st->Bind(d.id, tag, SearchFold(tag));
    if (auto r = st->Run(); !r) return r;
  }
  for (const auto& topic : d.topics) {
    auto st = conn.Prepare("INSERT OR IGNORE INTO dataset_topics (dataset_id, topic_slug) VALUES (?, ?)");
    if (!st) return std::unexpected(st.error());
    st->Bind(d.id, topic);
    if (auto r = st->Run(); !r) return r;
  }
  return Ok();
}

}  // namespace

int64_t SqlCount(size_t n) {
  return static_cast<int64_t>(std::min<size_t>(n, std::numeric_limits<int64_t>::max()));
}

Result<Dataset> ReadDataset(Connection& conn, std::string_view id_or_slug) {
  auto by_id = ReadDatasetWhere(conn, "id", id_or_slug);
  if (by_id || by_id.error().code != ErrorCode::kNotFound) return by_id;
  return ReadDatasetWhere(conn, "slug", id_or_slug);
}

Result<Dataset> ReadDatasetByRid(Connection& conn, int64_t rid) {
  return ReadDatasetWhere(conn, "rid", rid);
}

Result<void> WriteDataset(Connection& conn, const Dataset& d) {
  if (auto r = CheckIds(d); !r) return r;
  auto rid = UpsertDatasetRow(conn, d);
  if (!rid) return std::unexpected(rid.error());
  if (auto r = WriteTextAndDocument(conn, *rid, d); !r) return r;
  if (auto r = SeedPopularity(conn, d); !r) return r;
  if (auto r = SoftDeleteUnlistedResources(conn, d); !r) return r;
  if (auto r = UpsertResources(conn, d); !r) return r;
  return ReplaceLinkRows(conn, d);
}

Result<std::vector<std::string>> ReadAllDatasetIds(Connection& conn) {
  return QueryAll<std::string>(conn, "SELECT id FROM datasets ORDER BY rid",
                               [](Statement& st) { return st.Text(0); });
}

Result<std::vector<std::string>> ReadDatasetSlugs(Connection& conn, bool include_private,
                                                  size_t offset, size_t limit) {
  return QueryAll<std::string>(
      conn,
      "SELECT slug FROM datasets WHERE state = 'active' AND (?1 OR private = 0) "
      "ORDER BY slug LIMIT ?2 OFFSET ?3",
      [](Statement& st) { return st.Text(0); }, include_private, SqlCount(limit), SqlCount(offset));
}

Result<std::vector<DatasetStamp>> ReadDatasetStamps(Connection& conn, bool include_private,
                                                    size_t offset, size_t limit) {
  return QueryAll<DatasetStamp>(
      conn,
      "SELECT slug, metadata_modified FROM datasets WHERE state = 'active' AND (?1 OR private = 0) "
      "ORDER BY slug LIMIT ?2 OFFSET ?3",
      [](Statement& st) { return DatasetStamp{st.Text(0), st.Text(1)}; }, include_private,
      SqlCount(limit), SqlCount(offset));
}

Result<std::vector<Dataset>> ReadDatasets(Connection& conn, bool include_private, size_t offset,
                                          size_t limit) {
  std::vector<int64_t> rids;
  {
    auto st = conn.Prepare(
        "SELECT rid FROM datasets WHERE state = 'active' AND (?1 OR private = 0) "
        "ORDER BY metadata_modified DESC, slug LIMIT ?2 OFFSET ?3");
    if (!st) return std::unexpected(st.error());
    st->Bind(include_private, SqlCount(limit), SqlCount(offset));
    while (true) {
      auto row = st->Step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      rids.push_back(st->Int(0));
    }
  }
  std::vector<Dataset> out;
  out.reserve(rids.size());
  for (int64_t rid : rids) {
    auto d = ReadDatasetByRid(conn, rid);
    if (!d) return std::unexpected(d.error());
    out.push_back(std::move(*d));
  }
  return out;
}

Result<int64_t> CountDatasetsOfOrganization(Connection& conn, std::string_view org_id,
                                            bool include_private) {
  auto st = conn.Prepare(
      "SELECT count(*) FROM datasets "
      "WHERE organization_id = ?1 AND state = 'active' AND (?2 OR private = 0)");
  if (!st) return std::unexpected(st.error());
  st->Bind(org_id, include_private);
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  return st->Int(0);
}

Result<Resource> ReadResource(Connection& conn, std::string_view id) {
  auto st = conn.Prepare("SELECT doc FROM resources WHERE id = ?");
  if (!st) return std::unexpected(st.error());
  st->Bind(id);
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::unexpected(Error::NotFound("Resource"));
  return ParseResourceDocument(st->View(0));
}

Result<std::vector<std::string>> ReadTags(Connection& conn, std::string_view contains,
                                          size_t limit) {
  auto st = conn.Prepare(
      "SELECT t.tag FROM dataset_tags t WHERE pintu_contains(t.tag_lower, ?1) AND EXISTS "
      " (SELECT 1 FROM datasets d WHERE d.id = t.dataset_id AND d.state = 'active' "
      "  AND d.private = 0) "
      "GROUP BY t.tag ORDER BY t.tag LIMIT ?2");
  if (!st) return std::unexpected(st.error());
  st->Bind(SearchFold(contains), SqlCount(limit));
  std::vector<std::string> out;
  while (true) {
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(st->Text(0));
  }
  return out;
}

}  // namespace pintu::sqlite
