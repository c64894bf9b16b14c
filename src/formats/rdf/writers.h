// Serialisations of an rdf::Graph: Turtle 1.1, JSON-LD 1.1 (compacted against a context
// made of the graph's prefixes) and RDF/XML. Each keeps the graph's triples exactly: a
// conforming parser of the syntax reads back the same set of triples (blank node
// labels aside).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "formats/rdf/model.h"

namespace pintu::rdf {

enum class Syntax { kTurtle, kJsonLd, kRdfXml };

// Turtle: @prefix lines, then one block per subject (in order of first appearance) with
// its predicates grouped; literals escaped (\" \\ \n \r \t, other controls as \uXXXX).
std::string WriteTurtle(const Graph& g);

// JSON-LD: {"@context": {prefix: namespace…}, "@graph": [node objects]}, pretty-printed.
// Literals are value objects with "@language" or "@type". Compact IRIs "prefix:local"
// are used where the local part is a plain name; other IRIs are written in full (an IRI
// whose scheme equals a declared prefix name would be misread, so do not declare
// prefixes named like schemes, e.g. "http").
std::string WriteJsonLd(const Graph& g);

// RDF/XML: one rdf:Description per subject (rdf:about or rdf:nodeID), one property
// element per triple. Every predicate must be expressible as a qualified name: its IRI
// must start with a declared namespace followed by a plain local name; otherwise
// kInternal (a bug in the caller's vocabulary, not in the data).
Result<std::string> WriteRdfXml(const Graph& g);

// The writer for `syntax`.
Result<std::string> Write(const Graph& g, Syntax syntax);

// "text/turtle", "application/ld+json", "application/rdf+xml" (with ";charset=utf-8").
std::string_view ContentType(Syntax syntax);
// "ttl", "jsonld", "rdf".
std::string_view FileExtension(Syntax syntax);
// The syntax of a file extension ("ttl", "jsonld", "rdf"), or nullopt.
std::optional<Syntax> SyntaxFromExtension(std::string_view ext);

}  // namespace pintu::rdf
