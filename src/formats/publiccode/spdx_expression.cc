#include "formats/publiccode/spdx_expression.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_set>

namespace pintu::formats::publiccode {
namespace {

#include "formats/publiccode/spdx_data.inc"

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const std::unordered_set<std::string>& LowerSet(int which) {
  static const auto sets = [] {
    std::array<std::unordered_set<std::string>, 2> s;
    for (auto id : kSpdxLicenseIds) s[0].insert(Lower(id));
    for (auto id : kSpdxDeprecatedIds) s[0].insert(Lower(id));
    for (auto id : kSpdxExceptionIds) s[1].insert(Lower(id));
    return s;
  }();
  return sets[which];
}

bool IsIdChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == ':'; }

// Tokens: "(", ")", "+", "AND", "OR", "WITH" or an id (idstring or LicenseRef-…).
struct Lexer {
  std::string_view text;
  std::size_t pos = 0;
  std::vector<std::string> tokens;
  std::string problem;

  bool Run() {
    while (pos < text.size()) {
      char c = text[pos];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos;
      } else if (c == '(' || c == ')' || c == '+') {
        tokens.emplace_back(1, c);
        ++pos;
      } else if (IsIdChar(c)) {
        std::size_t start = pos;
        while (pos < text.size() && IsIdChar(text[pos])) ++pos;
        tokens.emplace_back(text.substr(start, pos - start));
      } else {
        // Quote the whole UTF-8 character, never a piece of one.
        auto lead = static_cast<unsigned char>(c);
        std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        problem = "unexpected character '" + std::string(text.substr(pos, length)) + "'";
        return false;
      }
    }
    return true;
  }
};

// expression := and-expr ("OR" and-expr)* ; and-expr := with-expr ("AND" with-expr)*
// with-expr := primary ("WITH" exception-id)? ; primary := "(" expression ")" | licence ["+"]
class Parser {
 public:
  Parser(const std::vector<std::string>& tokens, SpdxCheck& out) : tokens_(tokens), out_(out) {}

  bool Parse() {
    if (tokens_.empty()) return Fail("empty expression");
    if (!Expression(0)) return false;
    if (i_ != tokens_.size()) return Fail("unexpected '" + tokens_[i_] + "'");
    return true;
  }

 private:
  static constexpr int kMaxNesting = 32;

  bool Fail(std::string problem) {
    if (out_.problem.empty()) out_.problem = std::move(problem);
    return false;
  }
  bool Peek(std::string_view t) const { return i_ < tokens_.size() && tokens_[i_] == t; }

  bool Expression(int depth) {
    if (!And(depth)) return false;
    while (Peek("OR")) {
      ++i_;
      if (!And(depth)) return false;
    }
    return true;
  }
  bool And(int depth) {
    if (!With(depth)) return false;
    while (Peek("AND")) {
      ++i_;
      if (!With(depth)) return false;
    }
    return true;
  }
  bool With(int depth) {
    if (!Primary(depth)) return false;
    if (!Peek("WITH")) return true;
    ++i_;
    if (i_ >= tokens_.size()) return Fail("missing exception after WITH");
    const std::string& exception = tokens_[i_++];
    if (!IsSpdxExceptionId(exception)) return Fail("unknown licence exception '" + exception + "'");
    return true;
  }
  bool Primary(int depth) {
    if (i_ >= tokens_.size()) return Fail("expression ends too early");
    if (Peek("(")) {
      if (depth >= kMaxNesting) return Fail("parentheses nested too deeply");
      ++i_;
      if (!Expression(depth + 1)) return false;
      if (!Peek(")")) return Fail("missing ')'");
      ++i_;
      return true;
    }
    const std::string& id = tokens_[i_];
    if (id == ")" || id == "+" || id == "AND" || id == "OR" || id == "WITH") return Fail("unexpected '" + id + "'");
    ++i_;
    out_.licence_ids.push_back(id);
    bool reference = id.starts_with("LicenseRef-") ||
                     (id.starts_with("DocumentRef-") && id.find(":LicenseRef-") != std::string::npos);
    if (reference) {
      if (id.find(':') != std::string::npos && !id.starts_with("DocumentRef-")) return Fail("malformed reference '" + id + "'");
    } else if (!IsSpdxLicenseId(id)) {
      return Fail("unknown licence '" + id + "'");
    }
    if (Peek("+")) ++i_;
    return true;
  }

  const std::vector<std::string>& tokens_;
  SpdxCheck& out_;
  std::size_t i_ = 0;
};

// Lower case, "licence"/"license"/"the"/"version" dropped, separators collapsed to '-'.
std::string NormaliseInformal(std::string_view s) {
  std::string words = Lower(s);
  for (std::string_view drop : {"licence", "license", "the ", "version", "public"}) {
    for (std::size_t p; (p = words.find(drop)) != std::string::npos;) words.erase(p, drop.size());
  }
  std::string out;
  for (char c : words) {
    bool sep = c == ' ' || c == '_' || c == '-' || c == ',' || c == '/';
    if (sep) {
      if (!out.empty() && out.back() != '-') out += '-';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  // "apache-2" and "apache-v2" mean 2.0
  if (out.size() > 2 && out.ends_with("-2") ) out += ".0";
  return out;
}

}  // namespace

bool IsSpdxLicenseId(std::string_view id) { return LowerSet(0).contains(Lower(id)); }

bool IsSpdxExceptionId(std::string_view id) { return LowerSet(1).contains(Lower(id)); }

SpdxCheck CheckSpdxExpression(std::string_view expression) {
  SpdxCheck out;
  if (expression.size() > 4096) {
    out.problem = "expression too long";
    return out;
  }
  Lexer lexer{expression};
  if (!lexer.Run()) {
    out.problem = lexer.problem;
    return out;
  }
  Parser parser(lexer.tokens, out);
  out.valid = parser.Parse();
  return out;
}

std::optional<std::string> SuggestSpdxId(std::string_view informal) {
  std::string key = NormaliseInformal(informal);
  if (key.empty()) return std::nullopt;
  for (auto id : kSpdxLicenseIds) {
    std::string lower = Lower(id);
    if (lower == key) return std::string(id);
  }
  // "gpl-3.0" → "GPL-3.0-only" style: prefer the -only / -or-later spelling of a bare version.
  for (std::string_view suffix : {"-only", "-or-later"}) {
    for (auto id : kSpdxLicenseIds) {
      if (Lower(id) == key + std::string(suffix)) return std::string(id);
    }
  }
  return std::nullopt;
}

std::string_view SpdxDataSource() { return kSpdxDataSource; }

}  // namespace pintu::formats::publiccode
