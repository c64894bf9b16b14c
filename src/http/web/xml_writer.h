// Writes well-formed XML documents (sitemaps, Atom feeds) with every text and attribute
// value escaped. Element and attribute names come from the code, never from data.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pintu::http::web {

// Appends `text` escaped for XML character data, or for a double-quoted attribute value
// when `attribute`: & < > (and " ' in attributes) become entities; characters XML 1.0
// forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are
// dropped and invalid UTF-8 becomes U+FFFD, so the document stays well-formed.
void AppendXmlEscaped(std::string& out, std::string_view text, bool attribute = false);

// `text` escaped for XML character data (see AppendXmlEscaped).
std::string XmlEscape(std::string_view text);

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
