// Writes well-formed XML documents (sitemaps, Atom feeds) with every text and attribute
// value escaped. Element and attribute names come from the code, never from data.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/xml_escape.h"

namespace pintu::http::web {

// XML escaping lives in core (the RDF/XML writer in formats/ uses it too).
using pintu::AppendXmlEscaped;
using pintu::XmlEscape;

// Builds one XML document, indented for people reading it.
class XmlWriter {
 public:
  using Attrs = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  // Starts the document with the XML declaration (UTF-8).
  XmlWriter();
  // Opens <name attrs…>; Close() ends it.
  XmlWriter& Open(std::string_view name, Attrs attrs = {});
  // Ends the innermost open element.
  XmlWriter& Close();
  // <name attrs…>text</name> on one line.
  XmlWriter& Element(std::string_view name, std::string_view text, Attrs attrs = {});
  // <name attrs…/>
  XmlWriter& Empty(std::string_view name, Attrs attrs);
  // Closes every open element and returns the document.
  std::string Finish();

 private:
  void StartTag(std::string_view name, Attrs attrs);
  void Indent();

  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace pintu::http::web
