// Turtle 1.1 (https://www.w3.org/TR/turtle/) writer.
#include <algorithm>
#include <cstdio>
#include <map>

#include "formats/rdf/writers.h"

namespace pintu::rdf {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

void AppendIri(std::string& out, const Graph& g, std::string_view iri) {
  if (auto p = SplitPrefixed(g.prefixes(), iri)) {
    out += p->first;
    out += ':';
    out += p->second;
    return;
  }
  out += '<';
  out += iri;  // CleanIri made it safe for IRIREF
  out += '>';
}

void AppendString(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void AppendTerm(std::string& out, const Graph& g, const Term& t) {
  switch (t.kind) {
    case TermKind::kIri: AppendIri(out, g, t.value); return;
    case TermKind::kBlank: out += "_:" + t.value; return;
    case TermKind::kLiteral:
      AppendString(out, t.value);
      if (!t.language.empty()) {
        out += '@';
        out += t.language;
      } else if (!t.datatype.empty()) {
        out += "^^";
        AppendIri(out, g, t.datatype);
      }
      return;
  }
}

}  // namespace

std::string WriteTurtle(const Graph& g) {
  std::string out;
  for (const auto& [prefix, ns] : g.prefixes()) out += "@prefix " + prefix + ": <" + ns + "> .\n";
  // Subjects in order of first appearance; each subject's predicates likewise.
  std::vector<const Term*> subjects;
  std::map<std::pair<int, std::string>, std::vector<const Triple*>> by_subject;
  for (const auto& t : g.triples()) {
    auto& list = by_subject[{static_cast<int>(t.subject.kind), t.subject.value}];
    if (list.empty()) subjects.push_back(&t.subject);
    list.push_back(&t);
  }
  for (const Term* s : subjects) {
    const auto& list = by_subject[{static_cast<int>(s->kind), s->value}];
    out += '\n';
    AppendTerm(out, g, *s);
    std::vector<std::string_view> predicates;
    for (const Triple* t : list)
      if (std::find(predicates.begin(), predicates.end(), t->predicate.value) == predicates.end())
        predicates.push_back(t->predicate.value);
    for (size_t i = 0; i < predicates.size(); ++i) {
      out += i == 0 ? "\n    " : " ;\n    ";
      if (predicates[i] == kRdfType) out += 'a';
      else AppendIri(out, g, predicates[i]);
      bool first = true;
      for (const Triple* t : list) {
        if (t->predicate.value != predicates[i]) continue;
        out += first ? " " : ", ";
        first = false;
        AppendTerm(out, g, t->object);
      }
    }
    out += " .\n";
  }
  return out;
}

}  // namespace pintu::rdf
