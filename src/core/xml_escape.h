// Escaping of text for XML 1.0 documents (sitemaps, Atom feeds, RDF/XML).
#pragma once

#include <string>
#include <string_view>

namespace pintu {

// Appends `text` escaped for XML character data, or for a double-quoted attribute value
// when `attribute`: & < > (and " ' in attributes) become entities; characters XML 1.0
// forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are
// dropped and invalid UTF-8 becomes U+FFFD, so the document stays well-formed.
void AppendXmlEscaped(std::string& out, std::string_view text, bool attribute = false);

// `text` escaped for XML character data (see AppendXmlEscaped).
std::string XmlEscape(std::string_view text);

}  // namespace pintu
