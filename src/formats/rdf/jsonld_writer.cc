// JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/) writer: a compacted document whose
// context declares the graph's prefixes.
#include <map>

#include <boost/json.hpp>

#include "formats/rdf/writers.h"

namespace pintu::rdf {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

std::string Compact(const Graph& g, std::string_view iri) {
  if (auto p = SplitPrefixed(g.prefixes(), iri)) return p->first + ":" + p->second;
  return std::string(iri);
}

std::string NodeId(const Graph& g, const Term& t) {
  return t.IsBlank() ? "_:" + t.value : Compact(g, t.value);
}

boost::json::value ObjectValue(const Graph& g, const Term& t) {
  if (!t.IsLiteral()) return boost::json::object{{"@id", NodeId(g, t)}};
  boost::json::object v{{"@value", t.value}};
  if (!t.language.empty()) v["@language"] = t.language;
  else if (!t.datatype.empty()) v["@type"] = Compact(g, t.datatype);
  return v;
}

// Pretty-prints `v` with two-space indentation (Boost.JSON only writes compact text).
void Pretty(std::string& out, const boost::json::value& v, int depth) {
  auto indent = [&](int d) {
    out += '\n';
    out.append(2 * d, ' ');
  };
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& kv : o) {
      if (!first) out += ',';
      first = false;
      indent(depth + 1);
      out += boost::json::serialize(boost::json::string(kv.key()));
      out += ": ";
      Pretty(out, kv.value(), depth + 1);
    }
    indent(depth);
    out += '}';
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    if (a.empty()) {
      out += "[]";
      return;
    }
    out += '[';
    for (size_t i = 0; i < a.size(); ++i) {
      if (i) out += ',';
      indent(depth + 1);
      Pretty(out, a[i], depth + 1);
    }
    indent(depth);
    out += ']';
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

std::string WriteJsonLd(const Graph& g) {
  boost::json::object context;
  for (const auto& [prefix, ns] : g.prefixes()) context[prefix] = ns;
  boost::json::array nodes;
  std::map<std::pair<int, std::string>, size_t> index;  // subject → position in nodes
  for (const auto& t : g.triples()) {
    auto key = std::pair{static_cast<int>(t.subject.kind), t.subject.value};
    auto [it, inserted] = index.try_emplace(key, nodes.size());
    if (inserted) nodes.emplace_back(boost::json::object{{"@id", NodeId(g, t.subject)}});
    auto& node = nodes[it->second].as_object();
    if (t.predicate.value == kRdfType && t.object.IsIri()) {
      auto& types = node["@type"];
      if (!types.is_array()) types = boost::json::array();
      types.as_array().emplace_back(Compact(g, t.object.value));
      continue;
    }
    auto& values = node[Compact(g, t.predicate.value)];
    if (!values.is_array()) values = boost::json::array();
    values.as_array().push_back(ObjectValue(g, t.object));
  }
  boost::json::object doc{{"@context", std::move(context)}, {"@graph", std::move(nodes)}};
  std::string out;
  Pretty(out, doc, 0);
  out += '\n';
  return out;
}

}  // namespace pintu::rdf
