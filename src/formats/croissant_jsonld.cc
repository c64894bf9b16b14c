#include "formats/croissant_jsonld.h"

#include <algorithm>
#include <map>
#include <optional>

#include <boost/json.hpp>

namespace pintu::formats::croissant {
namespace json = boost::json;
namespace {

// A term definition of the active context.
struct TermDef {
  std::string id;    // as written (may itself be a compact IRI or another term)
  std::string type;  // "@vocab", "@id", "@json" or "" (plain)
  bool language_container = false;
};

struct Context {
  std::string vocab;
  std::map<std::string, TermDef, std::less<>> terms;
};

bool HasWhitespace(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

std::string NormalizeSchemaOrg(std::string iri) {
  constexpr std::string_view kHttp = "http://schema.org/";
  if (iri.starts_with(kHttp)) iri = std::string(kSchemaOrg) + iri.substr(kHttp.size());
  return iri;
}

// Expands a term, compact IRI or (when `vocab_relative`) a vocabulary-relative name.
// `depth` bounds chains of terms defined through other terms.
std::string Expand(const Context& ctx, std::string_view s, bool vocab_relative, int depth = 0) {
  if (s.empty() || s.front() == '@' || depth > 8) return std::string(s);
  if (vocab_relative) {
    if (auto t = ctx.terms.find(s); t != ctx.terms.end() && !t->second.id.empty() && t->second.id != s)
      return Expand(ctx, t->second.id, true, depth + 1);
  }
  if (size_t colon = s.find(':'); colon != std::string_view::npos) {
    std::string_view prefix = s.substr(0, colon), suffix = s.substr(colon + 1);
    if (prefix == "_" || suffix.starts_with("//")) return NormalizeSchemaOrg(std::string(s));
    if (auto t = ctx.terms.find(prefix); t != ctx.terms.end() && !t->second.id.empty())
      return NormalizeSchemaOrg(Expand(ctx, t->second.id, true, depth + 1) + std::string(suffix));
    return std::string(s);  // an absolute IRI of another scheme (urn:, mailto:)
  }
  if (vocab_relative && !ctx.vocab.empty()) return NormalizeSchemaOrg(ctx.vocab + std::string(s));
  return std::string(s);
}

void ApplyContext(Context& ctx, const json::value& c, int depth = 0) {
  if (depth > 4) return;
  if (c.is_null()) {
    ctx = Context{};
    return;
  }
  if (c.is_array()) {
    for (const auto& item : c.get_array()) ApplyContext(ctx, item, depth + 1);
    return;
  }
  if (!c.is_object()) return;  // a remote context URL: not fetched
  for (const auto& [key, v] : c.get_object()) {
    if (key == "@vocab") {
      if (v.is_string()) ctx.vocab = Expand(ctx, v.get_string(), false);
      else if (v.is_null()) ctx.vocab.clear();
      continue;
    }
    if (key.starts_with("@")) continue;  // @language, @base, @version: not needed here
    TermDef def;
    if (v.is_string()) {
      def.id = std::string(v.get_string());
    } else if (v.is_object()) {
      const json::object& o = v.get_object();
      if (auto* id = o.if_contains("@id"); id && id->is_string()) def.id = std::string(id->get_string());
      if (auto* t = o.if_contains("@type"); t && t->is_string()) def.type = std::string(t->get_string());
      if (auto* cont = o.if_contains("@container"); cont && cont->is_string())
        def.language_container = cont->get_string() == "@language";
      if (def.id.empty()) def.id = std::string(key);
    } else {
      continue;  // null: the term is undefined
    }
    ctx.terms.insert_or_assign(std::string(key), std::move(def));
  }
}

class Reader {
 public:
  Reader(size_t max_nodes, size_t max_depth) : max_nodes_(max_nodes), max_depth_(max_depth) {}

  LdGraph Read(const json::value& doc) {
    if (doc.is_object()) ReadNode(doc.get_object(), Context{}, 0);
    return std::move(graph_);
  }

 private:
  // Reads `o` as a node; returns its index, or nullopt when a limit was hit.
  std::optional<size_t> ReadNode(const json::object& o, const Context& outer, size_t depth) {
    if (graph_.too_large) return std::nullopt;
    if (graph_.nodes.size() >= max_nodes_ || depth > max_depth_) {
      graph_.too_large = true;
      return std::nullopt;
    }
    Context local;
    const Context* ctx = &outer;
    if (auto* c = o.if_contains("@context")) {
      local = outer;
      ApplyContext(local, *c);
      ctx = &local;
    }
    size_t index = graph_.nodes.size();
    graph_.nodes.emplace_back();
    std::string id;
    if (auto* v = o.if_contains("@id"); v && v->is_string()) id = CheckedId(v->get_string());
    std::vector<std::string> types;
    if (auto* t = o.if_contains("@type")) {
      if (t->is_string()) types.push_back(Expand(*ctx, t->get_string(), true));
      else if (t->is_array())
        for (const auto& x : t->get_array())
          if (x.is_string()) types.push_back(Expand(*ctx, x.get_string(), true));
    }
    std::vector<std::pair<std::string, std::vector<LdValue>>> properties;
    for (const auto& [key, v] : o) {
      if (key.starts_with("@")) continue;
      std::string iri = Expand(*ctx, key, true);
      if (iri.find(':') == std::string::npos) continue;  // JSON-LD drops what is not an IRI
      auto term = ctx->terms.find(std::string_view(key));
      const TermDef* def = term == ctx->terms.end() ? nullptr : &term->second;
      std::vector<LdValue> values;
      ReadValues(v, def, *ctx, depth + 1, values);
      auto same = std::find_if(properties.begin(), properties.end(), [&](const auto& p) { return p.first == iri; });
      if (same == properties.end()) properties.emplace_back(std::move(iri), std::move(values));
      else same->second.insert(same->second.end(), values.begin(), values.end());
    }
    LdNode& node = graph_.nodes[index];
    node.id = std::move(id);
    node.types = std::move(types);
    node.properties = std::move(properties);
    return index;
  }

  void ReadValues(const json::value& v, const TermDef* def, const Context& ctx, size_t depth,
                  std::vector<LdValue>& out) {
    if (graph_.too_large) return;
    if (depth > max_depth_) {
      graph_.too_large = true;
      return;
    }
    if (def && def->type == "@json") {
      out.push_back({LdValue::Kind::kJson});
      return;
    }
    switch (v.kind()) {
      case json::kind::null:
        return;
      case json::kind::array:
        for (const auto& item : v.get_array()) ReadValues(item, def, ctx, depth + 1, out);
        return;
      case json::kind::string:
        ReadString(v.get_string(), def, ctx, out);
        return;
      case json::kind::bool_:
        out.push_back({LdValue::Kind::kBool, {}, v.get_bool()});
        return;
      case json::kind::int64:
      case json::kind::uint64:
      case json::kind::double_:
        out.push_back({LdValue::Kind::kNumber, json::serialize(v)});
        return;
      case json::kind::object:
        break;
    }
    const json::object& o = v.get_object();
    if (auto* value = o.if_contains("@value")) {
      if (value->is_string()) {
        LdValue text{LdValue::Kind::kText, std::string(value->get_string())};
        if (auto* lang = o.if_contains("@language"); lang && lang->is_string()) text.language = lang->get_string();
        out.push_back(std::move(text));
      }
      else if (value->is_bool()) out.push_back({LdValue::Kind::kBool, {}, value->get_bool()});
      else if (value->is_number()) out.push_back({LdValue::Kind::kNumber, json::serialize(*value)});
      return;
    }
    for (const char* list : {"@list", "@set"})
      if (auto* items = o.if_contains(list)) {
        ReadValues(*items, def, ctx, depth + 1, out);
        return;
      }
    if (def && def->language_container) {
      for (const auto& [lang, text] : o) {
        size_t first = out.size();
        ReadValues(text, nullptr, ctx, depth + 1, out);
        for (size_t i = first; i < out.size(); ++i)
          if (out[i].kind == LdValue::Kind::kText) out[i].language = lang;
      }
      return;
    }
    if (o.size() == 1 && o.contains("@id")) {
      const json::value& id = o.at("@id");
      if (!id.is_string()) return;
      std::string checked = CheckedId(id.get_string());
      if (!checked.empty()) out.push_back({LdValue::Kind::kReference, std::move(checked)});
      return;
    }
    if (auto index = ReadNode(o, ctx, depth)) out.push_back({LdValue::Kind::kNode, {}, false, *index});
  }

  void ReadString(std::string_view s, const TermDef* def, const Context& ctx, std::vector<LdValue>& out) {
    if (def && def->type == "@vocab") {
      out.push_back({LdValue::Kind::kText, Expand(ctx, s, true)});
    } else if (def && def->type == "@id") {
      std::string checked = CheckedId(s);
      if (!checked.empty()) out.push_back({LdValue::Kind::kReference, std::move(checked)});
    } else {
      out.push_back({LdValue::Kind::kText, std::string(s)});
    }
  }

  // `id`, or "" (and a note in bad_ids) when it contains whitespace.
  std::string CheckedId(std::string_view id) {
    if (!HasWhitespace(id)) return std::string(id);
    if (std::find(graph_.bad_ids.begin(), graph_.bad_ids.end(), id) == graph_.bad_ids.end() &&
        graph_.bad_ids.size() < 100)
      graph_.bad_ids.emplace_back(id);
    return {};
  }

  size_t max_nodes_;
  size_t max_depth_;
  LdGraph graph_;
};

}  // namespace

const std::vector<LdValue>* LdNode::Values(std::string_view iri) const {
  for (const auto& [name, values] : properties)
    if (name == iri) return &values;
  return nullptr;
}

bool LdNode::HasType(std::string_view iri) const {
  return std::find(types.begin(), types.end(), iri) != types.end();
}

LdGraph ReadJsonLd(const json::value& document, size_t max_nodes, size_t max_depth) {
  return Reader(max_nodes, max_depth).Read(document);
}

}  // namespace pintu::formats::croissant
