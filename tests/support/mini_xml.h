// A small, strict XML parser for tests. It checks what a feed reader or crawler needs of
// a document — one root element, balanced and properly nested tags, quoted and unique
// attributes, only the predefined and numeric entities, no stray '<' or '&', well-formed
// UTF-8 without forbidden control characters, declared namespace prefixes — and returns
// the element tree. Not supported (rejected): DOCTYPE, comments, CDATA, processing
// instructions other than the leading XML declaration.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pintu::test {

struct XmlNode {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attrs;  // decoded values, in order
  std::vector<XmlNode> children;
  std::string text;  // decoded character data directly inside this element

  // The first child element named `n`, or nullptr.
  const XmlNode* Child(std::string_view n) const {
    for (const auto& c : children)
      if (c.name == n) return &c;
    return nullptr;
  }
  // Every child element named `n`, in order.
  std::vector<const XmlNode*> All(std::string_view n) const {
    std::vector<const XmlNode*> out;
    for (const auto& c : children)
      if (c.name == n) out.push_back(&c);
    return out;
  }
  // The text of the first child named `n` ("" when there is none).
  std::string ChildText(std::string_view n) const {
    const XmlNode* c = Child(n);
    return c ? c->text : "";
  }
  // The value of attribute `n` ("" when absent).
  std::string Attr(std::string_view n) const {
    for (const auto& [k, v] : attrs)
      if (k == n) return v;
    return "";
  }
};

class MiniXmlParser {
 public:
  explicit MiniXmlParser(std::string_view doc) : s_(doc) {}

  std::expected<XmlNode, std::string> Parse() {
    if (auto bad = CheckChars(); !bad.empty()) return std::unexpected(bad);
    if (s_.substr(0, 5) == "<?xml") {
      size_t end = s_.find("?>");
      if (end == std::string_view::npos) return std::unexpected("unterminated XML declaration");
      i_ = end + 2;
    }
    SkipSpace();
    XmlNode root;
    std::vector<std::string> prefixes = {"xml"};
    if (!Element(root, prefixes)) return std::unexpected(error_);
    SkipSpace();
    if (i_ != s_.size()) return std::unexpected("content after the root element at byte " + std::to_string(i_));
    return root;
  }

 private:
  std::string CheckChars() const {
    for (size_t i = 0; i < s_.size();) {
      unsigned char c = static_cast<unsigned char>(s_[i]);
      if (c < 0x80) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return "control character at byte " + std::to_string(i);
        ++i;
        continue;
      }
      size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (len == 0 || i + len > s_.size()) return "invalid UTF-8 at byte " + std::to_string(i);
      char32_t v = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
      for (size_t k = 1; k < len; ++k) {
        unsigned char cc = static_cast<unsigned char>(s_[i + k]);
        if ((cc & 0xC0) != 0x80) return "invalid UTF-8 at byte " + std::to_string(i);
        v = (v << 6) | (cc & 0x3F);
      }
      if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) || (v >= 0xD800 && v <= 0xDFFF) ||
          v == 0xFFFE || v == 0xFFFF)
        return "invalid character at byte " + std::to_string(i);
      i += len;
    }
    return "";
  }

  bool Fail(std::string msg) {
    error_ = msg + " at byte " + std::to_string(i_);
    return false;
  }
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  static bool NameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
           c == '-' || c == '.';
  }
  bool Name(std::string& out) {
    size_t start = i_;
    while (i_ < s_.size() && NameChar(s_[i_])) ++i_;
    if (i_ == start || (s_[start] >= '0' && s_[start] <= '9') || s_[start] == '-' || s_[start] == '.')
      return Fail("expected a name");
    out = std::string(s_.substr(start, i_ - start));
    return true;
  }
  // Decodes an entity reference starting at '&'.
  bool Entity(std::string& out) {
    size_t semi = s_.find(';', i_);
    if (semi == std::string_view::npos || semi - i_ > 10) return Fail("bad entity");
    std::string_view e = s_.substr(i_ + 1, semi - i_ - 1);
    if (e == "amp") out += '&';
    else if (e == "lt") out += '<';
    else if (e == "gt") out += '>';
    else if (e == "quot") out += '"';
    else if (e == "apos") out += '\'';
    else if (e.size() >= 2 && e[0] == '#') {
      bool hex = e[1] == 'x';
      std::string digits(e.substr(hex ? 2 : 1));
      if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
        return Fail("bad character reference");
      unsigned long v = std::stoul(digits, nullptr, hex ? 16 : 10);
      if (v == 0 || (v < 0x20 && v != 9 && v != 10 && v != 13) || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        return Fail("character reference to a forbidden character");
      char32_t cp = static_cast<char32_t>(v);
      if (cp < 0x80) out += static_cast<char>(cp);
      else if (cp < 0x800) out += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
      else if (cp < 0x10000)
        out += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                static_cast<char>(0x80 | (cp & 0x3F))};
      else
        out += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    } else {
      return Fail("unknown entity &" + std::string(e) + ";");
    }
    i_ = semi + 1;
    return true;
  }
  static bool PrefixDeclared(const std::string& name, const std::vector<std::string>& prefixes) {
    size_t colon = name.find(':');
    if (colon == std::string::npos) return true;
    std::string p = name.substr(0, colon);
    if (p == "xmlns" || p == "xml") return true;  // the xml prefix is always bound
    for (const auto& d : prefixes)
      if (d == p) return true;
    return false;
  }

  bool Element(XmlNode& node, std::vector<std::string> prefixes) {
    if (i_ >= s_.size() || s_[i_] != '<') return Fail("expected '<'");
    ++i_;
    if (!Name(node.name)) return false;
    for (;;) {
      size_t before = i_;
      SkipSpace();
      if (i_ >= s_.size()) return Fail("unterminated start tag");
      if (s_[i_] == '>' || s_.substr(i_, 2) == "/>") break;
      if (i_ == before) return Fail("expected whitespace before an attribute");
      std::string key, value;
      if (!Name(key)) return false;
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != '=') return Fail("expected '='");
      ++i_;
      SkipSpace();
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return Fail("attribute value must be quoted");
      char q = s_[i_++];
      while (i_ < s_.size() && s_[i_] != q) {
        if (s_[i_] == '<') return Fail("'<' in an attribute value");
        if (s_[i_] == '&') {
          if (!Entity(value)) return false;
        } else {
          value += s_[i_++];
        }
      }
      if (i_ >= s_.size()) return Fail("unterminated attribute value");
      ++i_;
      for (const auto& [k, v] : node.attrs)
        if (k == key) return Fail("duplicate attribute " + key);
      if (key.starts_with("xmlns:")) prefixes.push_back(key.substr(6));
      node.attrs.emplace_back(std::move(key), std::move(value));
    }
    if (!PrefixDeclared(node.name, prefixes)) return Fail("undeclared namespace prefix in " + node.name);
    for (const auto& [k, v] : node.attrs)
      if (!PrefixDeclared(k, prefixes)) return Fail("undeclared namespace prefix in " + k);
    if (s_[i_] == '/') {
      i_ += 2;
      return true;
    }
    ++i_;  // '>'
    for (;;) {
      if (i_ >= s_.size()) return Fail("unclosed element " + node.name);
      char c = s_[i_];
      if (c == '&') {
        if (!Entity(node.text)) return false;
      } else if (c == '<') {
        if (s_.substr(i_, 2) == "</") {
          i_ += 2;
          std::string end;
          if (!Name(end)) return false;
          if (end != node.name) return Fail("</" + end + "> closes <" + node.name + ">");
          SkipSpace();
          if (i_ >= s_.size() || s_[i_] != '>') return Fail("expected '>'");
          ++i_;
          return true;
        }
        if (s_.substr(i_, 2) == "<!" || s_.substr(i_, 2) == "<?") return Fail("unsupported markup");
        XmlNode child;
        if (!Element(child, prefixes)) return false;
        node.children.push_back(std::move(child));
      } else {
        if (c == '>' && i_ >= 2 && s_.substr(i_ - 2, 3) == "]]>") return Fail("']]>' in text");
        node.text += c;
        ++i_;
      }
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  std::string error_;
};

// Parses a whole XML document, or says what is wrong with it.
inline std::expected<XmlNode, std::string> ParseXml(std::string_view doc) { return MiniXmlParser(doc).Parse(); }

}  // namespace pintu::test
