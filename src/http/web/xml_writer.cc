#include "http/web/xml_writer.h"

namespace pintu::http::web {
XmlWriter::XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"; }

void XmlWriter::Indent() {
  out_ += '\n';
  out_.append(2 * open_.size(), ' ');
}

void XmlWriter::StartTag(std::string_view name, Attrs attrs) {
  Indent();
  out_ += '<';
  out_ += name;
  for (const auto& [k, v] : attrs) {
    out_ += ' ';
    out_ += k;
    out_ += "=\"";
    AppendXmlEscaped(out_, v, true);
    out_ += '"';
  }
}

XmlWriter& XmlWriter::Open(std::string_view name, Attrs attrs) {
  StartTag(name, attrs);
  out_ += '>';
  open_.emplace_back(name);
  return *this;
}

XmlWriter& XmlWriter::Close() {
  if (open_.empty()) return *this;
  std::string name = std::move(open_.back());
  open_.pop_back();
  Indent();
  out_ += "</" + name + ">";
  return *this;
}

XmlWriter& XmlWriter::Element(std::string_view name, std::string_view text, Attrs attrs) {
  StartTag(name, attrs);
  out_ += '>';
  AppendXmlEscaped(out_, text);
  out_ += "</";
  out_ += name;
  out_ += '>';
  return *this;
}

XmlWriter& XmlWriter::Empty(std::string_view name, Attrs attrs) {
  StartTag(name, attrs);
  out_ += "/>";
  return *this;
}

std::string XmlWriter::Finish() {
  while (!open_.empty()) Close();
  out_ += '\n';
  return std::move(out_);
}

}  // namespace pintu::http::web
