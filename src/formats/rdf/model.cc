#include "formats/rdf/model.h"

#include <cctype>

#include "core/text.h"

namespace pintu::rdf {
namespace {

constexpr size_t kMaxIriBytes = 8192;

void AppendPercent(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// True for a BCP 47-shaped tag: 1–8 letters, then "-" and 1–8 letters or digits, repeated.
bool IsLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  size_t part = 0;
  bool first = true;
  for (char c : tag) {
    if (c == '-') {
      if (part == 0) return false;
      part = 0;
      first = false;
      continue;
    }
    bool ok = first ? std::isalpha(static_cast<unsigned char>(c)) : std::isalnum(static_cast<unsigned char>(c));
    if (!ok || ++part > 8) return false;
  }
  return part > 0;
}

}  // namespace

std::optional<std::string> CleanIri(std::string_view iri) {
  if (iri.empty() || iri.size() > kMaxIriBytes) return std::nullopt;
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  if (!std::isalpha(static_cast<unsigned char>(iri[0]))) return std::nullopt;
  for (size_t i = 1; i < colon; ++i) {
    char c = iri[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return std::nullopt;
  }
  if (colon + 1 == iri.size()) return std::nullopt;  // nothing after the scheme
  std::string out;
  out.reserve(iri.size());
  for (size_t i = 0; i < iri.size();) {
    char32_t cp = 0;
    size_t len = Utf8SequenceAt(iri, i, &cp);
    if (len == 0) {
      AppendPercent(out, static_cast<unsigned char>(iri[i]));
      ++i;
      continue;
    }
    if (len > 1) {
      out.append(iri.substr(i, len));
    } else {
      char c = iri[i];
      unsigned char u = static_cast<unsigned char>(c);
      bool unsafe = u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
                    c == '|' || c == '\\' || c == '^' || c == '`';
      // A '%' that does not start a %XX escape is itself escaped.
      if (c == '%' && !(i + 2 < iri.size() && IsHex(iri[i + 1]) && IsHex(iri[i + 2]))) unsafe = true;
      if (unsafe) AppendPercent(out, u);
      else out += c;
    }
    i += len;
  }
  return out;
}

std::string CleanLiteralText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t len = Utf8SequenceAt(text, i, &cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    bool keep = len > 1 ? (cp != 0xFFFE && cp != 0xFFFF) : (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r');
    if (keep) out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

Term Term::Iri(std::string_view iri) {
  Term t;
  t.kind = TermKind::kIri;
  if (auto clean = CleanIri(iri)) {
    t.value = std::move(*clean);
  } else {
    t.value = "urn:invalid:";
    for (unsigned char c : iri.substr(0, kMaxIriBytes)) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') t.value += static_cast<char>(c);
      else AppendPercent(t.value, c);
    }
  }
  return t;
}

Term Term::Blank(std::string_view label) {
  Term t;
  t.kind = TermKind::kBlank;
  for (char c : label)
    if (std::isalnum(static_cast<unsigned char>(c))) t.value += c;
  if (t.value.empty() || !std::isalpha(static_cast<unsigned char>(t.value[0]))) t.value.insert(0, "b");
  return t;
}

Term Term::Literal(std::string_view text, std::string_view language) {
  Term t;
  t.kind = TermKind::kLiteral;
  t.value = CleanLiteralText(text);
  if (IsLanguageTag(language)) t.language = std::string(language);
  return t;
}

Term Term::Typed(std::string_view lexical, std::string_view datatype) {
  Term t;
  t.kind = TermKind::kLiteral;
  t.value = CleanLiteralText(lexical);
  t.datatype = Iri(datatype).value;
  if (t.datatype == "http://www.w3.org/2001/XMLSchema#string") t.datatype.clear();
  return t;
}

void Graph::SetPrefix(std::string_view prefix, std::string_view ns_iri) {
  // A prefix is a plain name (valid in Turtle, JSON-LD and XML); the namespace is cleaned
  // like every IRI so that SplitPrefixed matches cleaned terms.
  if (prefix.empty() || !std::isalpha(static_cast<unsigned char>(prefix[0]))) return;
  for (char c : prefix)
    if (!std::isalnum(static_cast<unsigned char>(c))) return;
  std::string ns = Term::Iri(ns_iri).value;
  for (auto& [p, n] : prefixes_)
    if (p == prefix) {
      n = std::move(ns);
      return;
    }
  prefixes_.emplace_back(std::string(prefix), std::move(ns));
}

bool Graph::Add(Term subject, Term predicate, Term object) {
  if (subject.IsLiteral() || !predicate.IsIri()) return false;
  std::string key;
  key.reserve(subject.value.size() + predicate.value.size() + object.value.size() + 16);
  for (const Term* t : {&subject, &predicate, &object}) {
    key += static_cast<char>('0' + static_cast<int>(t->kind));
    key += t->value;
    key += '\x1F';
    key += t->language;
    key += '\x1F';
    key += t->datatype;
    key += '\x1E';
  }
  if (!keys_.insert(std::move(key)).second) return false;
  triples_.push_back({std::move(subject), std::move(predicate), std::move(object)});
  return true;
}

Term Graph::NewBlank() { return Term::Blank("b" + std::to_string(++next_blank_)); }

std::optional<std::pair<std::string, std::string>> SplitPrefixed(
    const std::vector<std::pair<std::string, std::string>>& prefixes, std::string_view iri) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& p : prefixes)
    if (iri.size() > p.second.size() && iri.starts_with(p.second) &&
        (!best || p.second.size() > best->second.size()))
      best = &p;
  if (!best) return std::nullopt;
  std::string_view local = iri.substr(best->second.size());
  if (!(std::isalpha(static_cast<unsigned char>(local[0])) || local[0] == '_')) return std::nullopt;
  for (char c : local)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return std::nullopt;
  return std::pair{best->first, std::string(local)};
}

}  // namespace pintu::rdf
