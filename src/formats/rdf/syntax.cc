// Choosing a writer, and the media types and file extensions of the RDF syntaxes.
#include "formats/rdf/writers.h"

namespace pintu::rdf {

Result<std::string> Write(const Graph& g, Syntax syntax) {
  switch (syntax) {
    case Syntax::kTurtle: return WriteTurtle(g);
    case Syntax::kJsonLd: return WriteJsonLd(g);
    case Syntax::kRdfXml: return WriteRdfXml(g);
  }
  return std::unexpected(Error::Internal("unknown RDF syntax"));
}

std::string_view ContentType(Syntax syntax) {
  switch (syntax) {
    case Syntax::kTurtle: return "text/turtle;charset=utf-8";
    case Syntax::kJsonLd: return "application/ld+json;charset=utf-8";
    case Syntax::kRdfXml: return "application/rdf+xml;charset=utf-8";
  }
  return "application/octet-stream";
}

std::string_view FileExtension(Syntax syntax) {
  switch (syntax) {
    case Syntax::kTurtle: return "ttl";
    case Syntax::kJsonLd: return "jsonld";
    case Syntax::kRdfXml: return "rdf";
  }
  return "";
}

std::optional<Syntax> SyntaxFromExtension(std::string_view ext) {
  if (ext == "ttl") return Syntax::kTurtle;
  if (ext == "jsonld") return Syntax::kJsonLd;
  if (ext == "rdf") return Syntax::kRdfXml;
  return std::nullopt;
}

}  // namespace pintu::rdf
