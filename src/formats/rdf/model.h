// A tiny RDF 1.1 model: terms (IRIs, blank nodes, literals with a language tag or a
// datatype), triples, and a graph of triples with namespace prefixes. Terms are cleaned
// when they are made, so every writer can serialise any graph: IRIs are absolute with
// unsafe characters percent-encoded, literal text is valid UTF-8 that XML 1.0 can carry.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace pintu::rdf {

enum class TermKind { kIri, kBlank, kLiteral };

// One RDF term. Make terms with the factory functions; they enforce the invariants above.
struct Term {
  TermKind kind = TermKind::kIri;
  std::string value;     // IRI, blank node label ([A-Za-z0-9]+) or literal lexical form
  std::string language;  // literals: BCP 47 tag, or "" (then `datatype` applies)
  std::string datatype;  // literals: datatype IRI, "" = xsd:string

  // An IRI term from an absolute IRI (see CleanIri). Callers must pass an IRI that
  // CleanIri accepts; an unacceptable one becomes "urn:invalid:" + its percent-encoding,
  // so a bug never yields a syntactically broken document.
  static Term Iri(std::string_view iri);
  // A blank node; the label keeps only [A-Za-z0-9] ("" → "b").
  static Term Blank(std::string_view label);
  // A plain (xsd:string) literal, or a language-tagged one when `language` is given
  // (a tag that is not BCP 47-shaped is dropped). Text is cleaned (CleanLiteralText).
  static Term Literal(std::string_view text, std::string_view language = {});
  // A typed literal; `datatype` is an IRI (cleaned like Term::Iri).
  static Term Typed(std::string_view lexical, std::string_view datatype);

  bool IsIri() const { return kind == TermKind::kIri; }
  bool IsBlank() const { return kind == TermKind::kBlank; }
  bool IsLiteral() const { return kind == TermKind::kLiteral; }
  bool operator==(const Term&) const = default;
};

struct Triple {
  Term subject;    // IRI or blank node
  Term predicate;  // IRI
  Term object;
  bool operator==(const Triple&) const = default;
};

// `iri` made safe to write in Turtle, JSON-LD and RDF/XML, or nullopt when it is not an
// absolute IRI (no scheme such as "https:"), is empty, or longer than 8 KiB. Spaces,
// < > " { } | \ ^ ` and control characters are percent-encoded, as are invalid UTF-8
// bytes; existing %XX escapes and non-ASCII characters are kept.
std::optional<std::string> CleanIri(std::string_view iri);

// `text` as valid UTF-8 that every RDF syntax carries unchanged: invalid sequences become
// U+FFFD; C0 controls other than tab, newline and carriage return, and U+FFFE/U+FFFF, are
// removed (XML 1.0 cannot hold them).
std::string CleanLiteralText(std::string_view text);

// A set of triples in insertion order (duplicates are ignored) plus prefixes for the
// writers. Not thread-safe.
class Graph {
 public:
  // Declares `prefix` (e.g. "dcat"; letters and digits, starting with a letter, else
  // ignored) for namespace IRI `ns` (ending in '/' or '#'). Re-declaring a prefix
  // replaces its namespace.
  void SetPrefix(std::string_view prefix, std::string_view ns);
  // Adds a triple unless it is already present. The subject must be an IRI or blank
  // node and the predicate an IRI; other triples are ignored (and return false).
  bool Add(Term subject, Term predicate, Term object);
  // A blank node whose label is unique within this graph.
  Term NewBlank();

  const std::vector<Triple>& triples() const { return triples_; }
  const std::vector<std::pair<std::string, std::string>>& prefixes() const { return prefixes_; }
  size_t size() const { return triples_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<Triple> triples_;
  std::unordered_set<std::string> keys_;  // duplicate detection
  size_t next_blank_ = 0;
};

// Splits `iri` into a declared prefix and a local name usable in a prefixed name
// ([A-Za-z_][A-Za-z0-9_-]*, which is valid in Turtle, JSON-LD compact IRIs and XML
// names), or nullopt when no declared namespace fits.
std::optional<std::pair<std::string, std::string>> SplitPrefixed(
    const std::vector<std::pair<std::string, std::string>>& prefixes, std::string_view iri);

}  // namespace pintu::rdf
