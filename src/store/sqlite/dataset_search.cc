#include "store/sqlite/dataset_search.h"

#include <algorithm>
#include <unordered_map>

#include "core/text.h"
#include "store/sqlite/dataset_rows.h"
#include "store/sqlite/derived_columns.h"

namespace pintu::sqlite {
namespace {

// How a filterable / facetable field is stored.
enum class FieldKind {
  kScalar,            // a datasets column holding one value
  kPacked,            // a datasets column holding a packed list
  kOrganizationSlug,  // the slug of the dataset's organisation
  kOrganizationLevel, // the level of the dataset's organisation
};

struct FieldInfo {
  std::string_view key;     // DatasetQuery facet / filter key
  std::string_view column;  // datasets column read for it
  FieldKind kind;
  bool upper_case = false;  // values compare upper-cased (formats)
};

constexpr FieldInfo kFields[] = {
    {"organization", "d.organization_id", FieldKind::kOrganizationSlug},
    {"tags", "d.tags_packed", FieldKind::kPacked},
    {"res_format", "d.formats_packed", FieldKind::kPacked, true},
    {"groups", "d.topics_packed", FieldKind::kPacked},
    {"license_id", "d.license_id", FieldKind::kScalar},
    {"dataset_type", "d.type", FieldKind::kScalar},
    {"themes", "d.themes_packed", FieldKind::kPacked},
    {"organization_level", "d.organization_id", FieldKind::kOrganizationLevel},
};

const FieldInfo* FindField(std::string_view key) {
  for (const auto& f : kFields)
    if (f.key == key) return &f;
  return nullptr;
}

// SQL text with numbered parameters; every user value goes through Param().
class SqlBuilder {
 public:
  // Adds a bound text parameter and returns its placeholder ("?N").
  std::string Param(std::string value) {
    params_.push_back(std::move(value));
    return "?" + std::to_string(params_.size());
  }
  std::string& sql() { return sql_; }
  const std::string& sql() const { return sql_; }
  const std::vector<std::string>& params() const { return params_; }

 private:
  std::string sql_;
  std::vector<std::string> params_;
};

// SQL that is true when the dataset has `value` in `field`. Organisation fields
// become a set of organisation ids that SQLite computes once per query.
std::string FieldMatches(SqlBuilder& b, const FieldInfo& field, std::string_view value) {
  std::string v = field.upper_case ? AsciiUpper(Trim(value)) : std::string(value);
  switch (field.kind) {
    case FieldKind::kPacked:
      return "pintu_contains(" + std::string(field.column) + ", " + b.Param(PackedNeedle(v)) + ")";
    case FieldKind::kScalar:
      return std::string(field.column) + " = " + b.Param(std::move(v));
    case FieldKind::kOrganizationSlug:
      return "d.organization_id IN (SELECT id FROM organizations WHERE slug = " + b.Param(std::move(v)) + ")";
    case FieldKind::kOrganizationLevel:
      return "d.organization_id IN (SELECT id FROM organizations WHERE level = " + b.Param(std::move(v)) + ")";
  }
  return "0";
}

// Adds " AND (a OR b …)" (any_of) or " AND a AND b …" (every value) for one filter.
void AddFilter(SqlBuilder& b, std::string_view key, const std::vector<std::string>& values,
               bool any_of) {
  if (values.empty()) return;
  const FieldInfo& field = *FindField(key);
  std::string clause;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) clause += any_of ? " OR " : " AND ";
    clause += FieldMatches(b, field, values[i]);
  }
  b.sql() += " AND (" + clause + ")";
}

std::vector<std::string> FoldTerms(const std::vector<std::string>& terms) {
  std::vector<std::string> out;
  for (const auto& t : terms) {
    std::string folded = SearchFold(Trim(t));
    if (!folded.empty()) out.push_back(std::move(folded));
  }
  return out;
}

// SQL true when the folded term behind placeholder `p` occurs in the dataset's
// search text, in its organisation's titles or in the title of a topic it is filed
// under (so "長照" finds every dataset of the 長照 topic). Both subqueries are
// independent of the row, so SQLite evaluates them once per query.
std::string TermOccurs(const std::string& p) {
  return "(pintu_contains(s.search_text, " + p + ") OR d.organization_id IN "
         "(SELECT id FROM organizations WHERE pintu_contains(title_search, " + p + ")) OR d.id IN "
         "(SELECT dt.dataset_id FROM dataset_topics dt JOIN topics t ON t.slug = dt.topic_slug "
         " WHERE t.state = 'active' AND pintu_contains(lower((SELECT group_concat(value, char(10)) "
         " FROM json_each(t.doc, '$.title_translated'))), " + p + ")))";
}

Result<void> CheckQuery(const DatasetQuery& q) {
  static constexpr std::string_view kSorts[] = {"score", "metadata_modified", "title",
                                                "name", "views", "downloads"};
  if (std::find(std::begin(kSorts), std::end(kSorts), q.sort_field) == std::end(kSorts))
    return std::unexpected(Error::BadRequest("Cannot sort by \"" + q.sort_field + "\""));
  for (const auto& f : q.facet_fields)
    if (!FindField(f)) return std::unexpected(Error::BadRequest("Unknown facet field \"" + f + "\""));
  for (const auto& [key, value] : q.excluded)
    if (!FindField(key)) return std::unexpected(Error::BadRequest("Unknown filter field \"" + key + "\""));
  return Ok();
}

// Result columns of the match query; facet columns follow in requested order.
enum Column { kRid, kSlug, kSortKey, kSortNumber, kScore, kFirstFacet };

// The match query: every visible dataset that satisfies terms and filters, with
// only the columns this query's sorting and facets need.
SqlBuilder BuildMatchQuery(const DatasetQuery& q) {
  SqlBuilder b;
  std::vector<std::string> term_params;
  for (auto& t : FoldTerms(q.terms)) term_params.push_back(b.Param(std::move(t)));
  std::vector<std::string> excluded_params;
  for (auto& t : FoldTerms(q.excluded_terms)) excluded_params.push_back(b.Param(std::move(t)));
  bool needs_text = !term_params.empty() || !excluded_params.empty();
  bool popularity = q.sort_field == "views" || q.sort_field == "downloads";

  std::string& sql = b.sql();
  sql = "SELECT d.rid, d.slug, ";
  sql += q.sort_field == "title" ? "d.title_sort, " : "d.metadata_modified, ";
  sql += !popularity ? "0, " : q.sort_field == "views" ? "coalesce(p.views, 0), " : "coalesce(p.downloads, 0), ";
  sql += "0";
  for (const auto& p : term_params) sql += " + pintu_contains(s.title_search, " + p + ")";
  for (const auto& f : q.facet_fields) sql += ", " + std::string(FindField(f)->column);
  sql += " FROM datasets d ";
  if (needs_text) sql += "JOIN dataset_texts s ON s.rid = d.rid ";
  if (popularity) sql += "LEFT JOIN dataset_popularity p ON p.dataset_id = d.id ";
  // "+d.state": scan the table rather than walk the state index and look every row up.
  sql += "WHERE +d.state = 'active' AND (d.private = 0";
  if (q.all_private) {
    sql += " OR 1";
  } else if (q.include_private && !q.private_org_ids.empty()) {
    sql += " OR d.organization_id IN (";
    for (size_t i = 0; i < q.private_org_ids.size(); ++i) {
      if (i) sql += ", ";
      sql += b.Param(q.private_org_ids[i]);
    }
    sql += ")";
  }
  sql += ")";
  for (const auto& p : term_params) sql += " AND " + TermOccurs(p);
  for (const auto& p : excluded_params) sql += " AND NOT " + TermOccurs(p);
  AddFilter(b, "organization", q.organization_slugs, /*any_of=*/true);
  AddFilter(b, "tags", q.tags, false);
  AddFilter(b, "res_format", q.formats, false);
  AddFilter(b, "groups", q.topics, false);
  AddFilter(b, "license_id", q.licenses, true);
  AddFilter(b, "dataset_type", q.dataset_types, true);
  AddFilter(b, "themes", q.themes, false);
  AddFilter(b, "organization_level", q.org_levels, true);
  for (const auto& [key, value] : q.excluded)
    sql += " AND NOT (" + FieldMatches(b, *FindField(key), value) + ")";
  return b;
}

// What sorting needs of one match.
struct Hit {
  int64_t rid = 0;
  int64_t score = 0;
  int64_t number = 0;  // views or downloads
  std::string key;     // title_sort or metadata_modified
  std::string slug;
};

// Strict-weak "comes first" order for the requested sort; ties by slug ascending.
std::function<bool(const Hit&, const Hit&)> Ordering(const DatasetQuery& q) {
  bool desc = q.sort_desc;
  if (q.sort_field == "score") {
    return [desc](const Hit& a, const Hit& b) {
      if (a.score != b.score) return desc ? a.score > b.score : a.score < b.score;
      if (a.key != b.key) return desc ? a.key > b.key : a.key < b.key;
      return a.slug < b.slug;
    };
  }
  if (q.sort_field == "views" || q.sort_field == "downloads") {
    return [desc](const Hit& a, const Hit& b) {
      if (a.number != b.number) return desc ? a.number > b.number : a.number < b.number;
      return a.slug < b.slug;
    };
  }
  if (q.sort_field == "name") {
    return [desc](const Hit& a, const Hit& b) { return desc ? a.slug > b.slug : a.slug < b.slug; };
  }
  return [desc](const Hit& a, const Hit& b) {  // title, metadata_modified
    if (a.key != b.key) return desc ? a.key > b.key : a.key < b.key;
    return a.slug < b.slug;
  };
}

// Hashes std::string and std::string_view alike, so lookups need no copy.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using CountMap = std::unordered_map<std::string, int64_t, TextHash, std::equal_to<>>;

void Increment(CountMap& counts, std::string_view value, int64_t by = 1) {
  auto it = counts.find(value);
  if (it != counts.end()) it->second += by;
  else counts.emplace(std::string(value), by);
}

// Slug and level of every organisation, by id (organisations are few).
struct OrganizationKeys {
  std::string slug;
  std::string level;
};
Result<std::unordered_map<std::string, OrganizationKeys>> ReadOrganizationKeys(Connection& conn) {
  auto st = conn.Prepare("SELECT id, slug, level FROM organizations");
  if (!st) return std::unexpected(st.error());
  std::unordered_map<std::string, OrganizationKeys> out;
  while (true) {
    auto row = st->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.emplace(st->Text(0), OrganizationKeys{st->Text(1), st->Text(2)});
  }
  return out;
}

// Counts facet values while matches stream by. Organisation facets count
// organisation ids and translate them to slugs or levels at the end.
class FacetCounter {
 public:
  explicit FacetCounter(const std::vector<std::string>& keys) {
    for (const auto& k : keys) fields_.push_back({FindField(k), {}});
  }
  bool empty() const { return fields_.empty(); }

  void Add(const Statement& st) {
    for (size_t i = 0; i < fields_.size(); ++i) {
      auto& [field, counts] = fields_[i];
      std::string_view value = st.View(kFirstFacet + static_cast<int>(i));
      if (field->kind == FieldKind::kPacked) {
        for (std::string_view v : UnpackList(value)) Increment(counts, v);
      } else if (!value.empty()) {
        Increment(counts, value);
      }
    }
  }

  Result<std::vector<std::pair<std::string, std::vector<FacetCount>>>> Finish(Connection& conn,
                                                                              size_t limit) {
    std::optional<std::unordered_map<std::string, OrganizationKeys>> orgs;
    std::vector<std::pair<std::string, std::vector<FacetCount>>> out;
    for (auto& [field, counts] : fields_) {
      bool by_org = field->kind == FieldKind::kOrganizationSlug ||
                    field->kind == FieldKind::kOrganizationLevel;
      if (by_org) {
        if (!orgs) {
          auto loaded = ReadOrganizationKeys(conn);
          if (!loaded) return std::unexpected(loaded.error());
          orgs = std::move(*loaded);
        }
        CountMap translated;
        for (const auto& [org_id, n] : counts) {
          auto it = orgs->find(org_id);
          if (it == orgs->end()) continue;  // dataset names an unknown organisation
          const auto& keys = it->second;
          Increment(translated,
                    field->kind == FieldKind::kOrganizationSlug ? keys.slug : keys.level, n);
        }
        counts = std::move(translated);
      }
      std::vector<FacetCount> list;
      list.reserve(counts.size());
      for (auto& [value, n] : counts) list.push_back({value, n});
      auto order = [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
      };
      size_t keep = std::min(limit, list.size());
      std::partial_sort(list.begin(), list.begin() + static_cast<ptrdiff_t>(keep), list.end(), order);
      list.resize(keep);
      out.emplace_back(std::string(field->key), std::move(list));
    }
    return out;
  }

 private:
  std::vector<std::pair<const FieldInfo*, CountMap>> fields_;
};

}  // namespace

Result<DatasetPage> SearchDatasets(Connection& conn, const DatasetQuery& q) {
  if (auto r = CheckQuery(q); !r) return std::unexpected(r.error());
  SqlBuilder b = BuildMatchQuery(q);
  std::vector<Hit> hits;
  FacetCounter facets(q.facet_fields);
  {
    auto st = conn.Prepare(b.sql());
    if (!st) return std::unexpected(st.error());
    for (size_t i = 0; i < b.params().size(); ++i)
      st->BindAt(static_cast<int>(i + 1), b.params()[i]);
    while (true) {
      auto row = st->Step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      Hit& h = hits.emplace_back();
      h.rid = st->Int(kRid);
      h.slug = st->View(kSlug);
      h.key = st->View(kSortKey);
      h.number = st->Int(kSortNumber);
      h.score = st->Int(kScore);
      facets.Add(*st);
    }
  }

  DatasetPage page;
  page.total = static_cast<int64_t>(hits.size());
  auto counted = facets.Finish(conn, q.facet_limit);
  if (!counted) return std::unexpected(counted.error());
  page.facets = std::move(*counted);
  size_t begin = std::min(q.offset, hits.size());
  size_t end = begin + std::min(q.limit, hits.size() - begin);
  std::partial_sort(hits.begin(), hits.begin() + static_cast<ptrdiff_t>(end), hits.end(),
                    Ordering(q));
  for (size_t i = begin; i < end; ++i) {
    auto d = ReadDatasetByRid(conn, hits[i].rid);
    if (!d) return std::unexpected(d.error());
    page.results.push_back(std::move(*d));
  }
  return page;
}

}  // namespace pintu::sqlite
