#include "actions/search.h"

#include "actions/search_sync.h"
#include "core/text.h"

namespace pintu::actions {
namespace {

// Splits a query string into clauses, keeping "quoted phrases" (and key:"value") whole.
std::vector<std::string> Tokenize(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      quoted = !quoted;
      cur.push_back(c);
    } else if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else if (!quoted && i + 2 < s.size() && s.substr(i, 3) == "\xE3\x80\x80") {
      if (!cur.empty()) out.push_back(std::move(cur));  // ideographic space
      cur.clear();
      i += 2;
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string Unquote(std::string_view s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  else if (!s.empty() && s.front() == '"') s.remove_prefix(1);
  return std::string(s);
}

// Maps CKAN/Solr field names onto DatasetQuery filter lists.
std::vector<std::string>* FilterList(DatasetQuery& q, std::string_view key) {
  if (key == "organization" || key == "owner_org") return &q.organization_slugs;
  if (key == "tags" || key == "tag") return &q.tags;
  if (key == "res_format" || key == "format") return &q.formats;
  if (key == "groups" || key == "topic" || key == "topics") return &q.topics;
  if (key == "license_id" || key == "license") return &q.licenses;
  if (key == "dataset_type") return &q.dataset_types;
  if (key == "themes" || key == "theme") return &q.themes;
  if (key == "organization_level" || key == "level") return &q.org_levels;
  return nullptr;
}

std::string_view CanonicalKey(std::string_view key) {
  if (key == "owner_org") return "organization";
  if (key == "tag") return "tags";
  if (key == "format") return "res_format";
  if (key == "topic" || key == "topics") return "groups";
  if (key == "license") return "license_id";
  if (key == "theme") return "themes";
  if (key == "level") return "organization_level";
  return key;
}

// Applies one clause; returns false when the clause names an unknown field.
bool ApplyClause(DatasetQuery& q, std::string_view clause, bool in_fq, std::string* bad_key) {
  bool negate = false;
  if (!clause.empty() && (clause[0] == '+' || clause[0] == '-')) {
    negate = clause[0] == '-';
    clause.remove_prefix(1);
  }
  if (clause.empty()) return true;
  size_t colon = clause.find(':');
  bool quoted_start = clause[0] == '"';
  if (colon != std::string_view::npos && !quoted_start && colon > 0) {
    std::string_view key = clause.substr(0, colon);
    std::string value = Unquote(clause.substr(colon + 1));
    if (key == "*" && value == "*") return true;  // Solr's match-all
    if (auto* list = FilterList(q, key)) {
      if (value.empty() || value == "*") return true;
      if (negate) q.excluded.emplace_back(std::string(CanonicalKey(key)), value);
      else list->push_back(value);
      return true;
    }
    if (key == "name" || key == "title" || key == "text" || key == "notes") {
      if (negate) q.excluded_terms.push_back(value);
      else q.terms.push_back(value);
      return true;
    }
    // An unknown field name is an error; a word with a colon that is not a field
    // name (a time "10:30", a URL) is searched as text — except in fq.
    bool looks_like_field = true;
    for (char c : key)
      if (!((c >= 'a' && c <= 'z') || c == '_' || c == '.')) looks_like_field = false;
    if (in_fq || (looks_like_field && key != "http" && key != "https")) {
      *bad_key = std::string(key);
      return false;
    }
  }
  // A quoted clause stays quoted: the index matches it as a phrase.
  std::string term = Unquote(clause);
  if (term.empty() || term == "*" || term == "*:*") return true;
  if (quoted_start && term.find_first_of(" \t") != std::string::npos) term = "\"" + term + "\"";
  if (negate) q.excluded_terms.push_back(term);
  else q.terms.push_back(term);
  return true;
}

// Checks one free-text parameter (q or an fq clause list) before it is parsed.
Result<void> CheckQueryText(std::string_view field, std::string_view text) {
  if (!IsValidUtf8(text))
    return std::unexpected(Error::Invalid(std::string(field), "Is not valid UTF-8 text", "不是有效的 UTF-8 文字"));
  if (text.size() > kMaxQueryBytes)
    return std::unexpected(Error::Invalid(std::string(field), "Query is too long (at most 2000 bytes)",
                                          "查詢過長（最多 2000 位元組）"));
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
      return std::unexpected(Error::Invalid(std::string(field), "Contains control characters",
                                            "含有控制字元"));
  if (std::count(text.begin(), text.end(), '"') % 2 != 0)
    return std::unexpected(Error::Invalid(std::string(field),
                                          "Unbalanced quotation mark: close the phrase with another \"",
                                          "引號未成對：請以另一個 \" 結束片語"));
  return {};
}

// Curly quotation marks typed by phones and word processors count as straight ones.
std::string StraightenQuotes(std::string_view s) {
  std::string out(s);
  for (std::string_view curly : {"\u201C", "\u201D"}) {
    for (size_t p = out.find(curly); p != std::string::npos; p = out.find(curly, p + 1)) out.replace(p, curly.size(), "\"");
  }
  return out;
}

}  // namespace

Result<DatasetQuery> BuildQuery(const SearchRequest& req, const Identity& who) {
  DatasetQuery q;
  if (req.rows > kMaxRows)
    return std::unexpected(Error::Invalid("rows", "Must be less than or equal to 1000", "不可超過 1000"));
  q.limit = req.rows;
  q.offset = req.start;
  std::string text = StraightenQuotes(req.q);
  if (auto ok = CheckQueryText("q", text); !ok) return std::unexpected(ok.error());
  for (const auto& fq : req.fq)
    if (auto ok = CheckQueryText("fq", fq); !ok) return std::unexpected(ok.error());
  std::string bad_key;
  for (const auto& clause : Tokenize(text)) {
    if (!ApplyClause(q, clause, false, &bad_key))
      return std::unexpected(Error::Invalid("q", "Unknown search field \"" + bad_key + "\"", "未知的搜尋欄位「" + bad_key + "」"));
  }
  for (const auto& fq : req.fq) {
    for (const auto& clause : Tokenize(fq)) {
      if (!ApplyClause(q, clause, true, &bad_key))
        return std::unexpected(Error::Invalid("fq", "Unknown filter field \"" + bad_key + "\"", "未知的篩選欄位「" + bad_key + "」"));
    }
  }
  if (q.terms.size() + q.excluded_terms.size() > 32)
    return std::unexpected(Error::Invalid("q", "Too many search terms (at most 32)", "搜尋詞過多"));

  // Sort: the first clause decides (CKAN lists several; ties fall back to the store's order).
  if (!req.sort.empty()) {
    std::string first(Trim(Split(req.sort, ',')[0]));
    auto parts = Split(first, ' ');
    std::string field(Trim(parts[0]));
    std::string dir = parts.size() > 1 ? AsciiLower(Trim(parts.back())) : "asc";
    if (dir != "asc" && dir != "desc")
      return std::unexpected(Error::Invalid("sort", "Direction must be asc or desc", "排序方向必須是 asc 或 desc"));
    if (field == "title_string") field = "title";
    if (field == "views_recent" || field == "views_total") field = "views";
    if (field != "score" && field != "metadata_modified" && field != "metadata_created" &&
        field != "title" && field != "name" && field != "views" && field != "downloads")
      return std::unexpected(Error::Invalid("sort", "Cannot sort by \"" + field + "\"", "無法依「" + field + "」排序"));
    if (field == "metadata_created") field = "metadata_modified";
    q.sort_field = field;
    q.sort_desc = dir == "desc";
  }
  for (const auto& f : req.facet_fields) {
    std::string_view key = CanonicalKey(f);
    static constexpr std::string_view kFacets[] = {"organization", "tags", "res_format", "groups",
                                                   "license_id", "dataset_type", "themes",
                                                   "organization_level"};
    if (std::find(std::begin(kFacets), std::end(kFacets), key) == std::end(kFacets))
      return std::unexpected(Error::Invalid("facet.field", "Cannot facet on \"" + f + "\"", "無法依「" + f + "」分面"));
    q.facet_fields.emplace_back(key);
  }
  q.facet_limit = req.facet_limit;

  // Visibility.
  if (req.include_private) {
    q.include_private = true;
    q.all_private = who.IsSysadmin();
    for (const auto& m : who.memberships) q.private_org_ids.push_back(m.organization_id);
  }
  return q;
}

Result<SearchResult> SearchDatasets(Context& ctx, const SearchRequest& req) {
  if (!ctx.search) return std::unexpected(Error::Internal("The search index is not open"));
  auto q = BuildQuery(req, ctx.identity);
  if (!q) return std::unexpected(q.error());
  auto hits = ctx.search->Search(*q);
  if (!hits) return std::unexpected(hits.error());
  SearchResult out;
  out.total = hits->total;
  out.facets = std::move(hits->facets);
  out.did_you_mean = std::move(hits->did_you_mean);
  for (const auto& id : hits->ids) {
    auto d = ctx.store.GetDataset(id);
    if (d) out.results.push_back(std::move(*d));
    else if (d.error().code != ErrorCode::kNotFound) return std::unexpected(d.error());
  }
  return out;
}

Result<std::vector<std::string>> SuggestSearches(Context& ctx, std::string_view prefix, size_t limit) {
  if (!ctx.search) return std::unexpected(Error::Internal("The search index is not open"));
  if (auto ok = CheckQueryText("q", prefix); !ok) return std::unexpected(ok.error());
  if (prefix.size() > 200)
    return std::unexpected(Error::Invalid("q", "Too long for a suggestion (at most 200 bytes)", "過長（最多 200 位元組）"));
  if (limit > 50) return std::unexpected(Error::Invalid("limit", "Must be at most 50", "不可超過 50"));
  return ctx.search->Suggest(prefix, limit);
}

}  // namespace pintu::actions
