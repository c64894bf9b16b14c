// Internal to formats/: the little JSON-LD that Croissant checking needs. A compacted
// document is read into a graph of nodes whose property names and @type values are full
// IRIs, resolved through the document's @context (@vocab, prefixes, term definitions with
// "@type": "@vocab" | "@id" | "@json" and "@container": "@language"). Embedded objects are
// nodes; {"@id": …} objects are references. Nothing is fetched: a remote context (a URL
// string) is ignored.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace pintu::formats::croissant {

inline constexpr std::string_view kSchemaOrg = "https://schema.org/";
inline constexpr std::string_view kCroissant = "http://mlcommons.org/croissant/";

// One value of a property.
struct LdValue {
  enum class Kind { kText, kNumber, kBool, kNode, kReference, kJson };
  Kind kind = Kind::kText;
  std::string text;  // kText: the string (an expanded IRI for "@type": "@vocab" terms);
                     // kReference: the @id; kNumber: the number as JSON text
  bool boolean = false;  // kBool
  size_t node = 0;       // kNode: index in LdGraph::nodes
  std::string language;  // kText: the "@language" of a value object or a language map key
};

// A node object with expanded property IRIs, in document order.
struct LdNode {
  std::string id;                  // "@id" as written; "" for a blank node
  std::vector<std::string> types;  // expanded "@type" IRIs
  std::vector<std::pair<std::string, std::vector<LdValue>>> properties;

  // The values of property `iri` (merged when several keys expand to it); nullptr when
  // the node has none.
  const std::vector<LdValue>* Values(std::string_view iri) const;
  // True when `iri` is one of the node's types.
  bool HasType(std::string_view iri) const;
};

// A whole document.
struct LdGraph {
  std::vector<LdNode> nodes;          // nodes[0] is the document's top-level object
  std::vector<std::string> bad_ids;   // distinct "@id" values containing whitespace
  bool too_large = false;             // a node-count or depth limit stopped the reading
};

// Reads `document` (an object; anything else gives an empty graph) with at most
// `max_nodes` nodes and `max_depth` levels of nesting. "@id"s containing whitespace are
// listed in bad_ids and dropped, as a JSON-LD processor drops invalid IRIs: a node keeps
// no id, a reference disappears. "http://schema.org/" IRIs are written "https://…".
LdGraph ReadJsonLd(const boost::json::value& document, size_t max_nodes, size_t max_depth);

}  // namespace pintu::formats::croissant
