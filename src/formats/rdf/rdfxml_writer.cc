// RDF/XML (https://www.w3.org/TR/rdf-syntax-grammar/) writer: a flat list of
// rdf:Description elements.
#include <algorithm>
#include <map>

#include "core/xml_escape.h"
#include "formats/rdf/writers.h"

namespace pintu::rdf {
namespace {

constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

// Character data with carriage returns kept as &#13; (an XML parser would turn a raw
// CR into LF).
void AppendText(std::string& out, std::string_view text) {
  for (size_t start = 0;;) {
    size_t cr = text.find('\r', start);
    AppendXmlEscaped(out, text.substr(start, cr == std::string_view::npos ? std::string_view::npos : cr - start));
    if (cr == std::string_view::npos) return;
    out += "&#13;";
    start = cr + 1;
  }
}

void AppendAttr(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  AppendXmlEscaped(out, value, true);
  out += '"';
}

}  // namespace

Result<std::string> WriteRdfXml(const Graph& g) {
  auto prefixes = g.prefixes();
  if (std::none_of(prefixes.begin(), prefixes.end(), [](const auto& p) { return p.first == "rdf"; }))
    prefixes.emplace_back("rdf", std::string(kRdfNs));
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF";
  for (const auto& [prefix, ns] : prefixes) {
    out += "\n    ";
    AppendAttr(out, "xmlns:" + prefix, ns);
  }
  out += ">\n";

  std::vector<std::pair<int, std::string>> order;
  std::map<std::pair<int, std::string>, std::vector<const Triple*>> by_subject;
  for (const auto& t : g.triples()) {
    auto key = std::pair{static_cast<int>(t.subject.kind), t.subject.value};
    auto& list = by_subject[key];
    if (list.empty()) order.push_back(key);
    list.push_back(&t);
  }
  for (const auto& key : order) {
    const auto& list = by_subject[key];
    const Term& s = list.front()->subject;
    out += "  <rdf:Description";
    AppendAttr(out, s.IsBlank() ? "rdf:nodeID" : "rdf:about", s.value);
    out += ">\n";
    for (const Triple* t : list) {
      auto qname = SplitPrefixed(prefixes, t->predicate.value);
      if (!qname) return std::unexpected(Error::Internal("RDF/XML cannot name the property " + t->predicate.value));
      std::string name = qname->first + ":" + qname->second;
      out += "    <" + name;
      const Term& o = t->object;
      if (o.IsIri()) {
        AppendAttr(out, "rdf:resource", o.value);
        out += "/>\n";
        continue;
      }
      if (o.IsBlank()) {
        AppendAttr(out, "rdf:nodeID", o.value);
        out += "/>\n";
        continue;
      }
      if (!o.language.empty()) AppendAttr(out, "xml:lang", o.language);
      else if (!o.datatype.empty()) AppendAttr(out, "rdf:datatype", o.datatype);
      out += '>';
      AppendText(out, o.value);
      out += "</" + name + ">\n";
    }
    out += "  </rdf:Description>\n";
  }
  out += "</rdf:RDF>\n";
  return out;
}

}  // namespace pintu::rdf
