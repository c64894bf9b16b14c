// A YAML document loaded into a small immutable tree that keeps the line and column of
// every node, with hard limits checked while parsing (before any alias is expanded).
// yaml-cpp stays inside yaml_tree.cc: include this header, not <yaml-cpp/…>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pintu::formats::publiccode {

// One YAML node. Aliases share the node they refer to (no copy), so a tree may be a DAG.
struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  std::string value;    // scalar text as written (after YAML unescaping and folding)
  bool plain = false;   // an untagged plain scalar: its type follows its text (YAML core schema)
  std::string tag;      // explicit tag such as "tag:yaml.org,2002:str"; empty when none
  int line = 0;         // 1-based line of the node's first character
  int column = 0;       // 1-based column of the node's first character
  std::vector<std::shared_ptr<const YamlNode>> items;  // sequence items, in order
  // Mapping entries in document order: key node (a scalar) and value node.
  std::vector<std::pair<std::shared_ptr<const YamlNode>, std::shared_ptr<const YamlNode>>> entries;

  // Kind tests.
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsNull() const { return kind == Kind::kNull; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMap() const { return kind == Kind::kMap; }
};

// Limits enforced while the YAML is read. The defaults suit publiccode.yml files (real
// ones are a few kilobytes with a few hundred nodes).
struct YamlLimits {
  std::size_t max_bytes = 4 * 1024 * 1024;  // larger input is refused before parsing
  int max_depth = 64;                       // nesting of sequences and mappings
  // Nodes the document would have with every alias expanded (billion-laughs guard). Counted
  // as nodes are built, so a bomb is refused without ever being expanded.
  std::uint64_t max_expanded_nodes = 200'000;
};

// Why a document could not be loaded. `line`/`column` are 1-based, 0 when not located.
struct YamlLoadError {
  enum class Kind {
    kTooLarge,       // more than max_bytes
    kBinary,         // NUL bytes: not a text file
    kInvalidUtf8,    // not UTF-8 text
    kSyntax,         // YAML syntax error, duplicate key, several documents, unknown alias
    kTooDeep,        // nesting deeper than max_depth
    kAliasBudget,    // alias expansion would exceed max_expanded_nodes
  };
  Kind kind = Kind::kSyntax;
  std::string message;     // English, in the style of the reference validator
  std::string message_zh;  // zh-TW
  int line = 0;
  int column = 0;
};

// A loaded document: `root` is a null node for an empty file.
struct YamlDocument {
  std::shared_ptr<const YamlNode> root;
  std::uint64_t expanded_nodes = 0;  // node count with aliases expanded (≤ the limit)
};

// Parses `bytes` (one YAML document, UTF-8, optional BOM) within `limits`. Never throws;
// malformed, oversized, binary or hostile input yields a YamlLoadError.
std::expected<YamlDocument, YamlLoadError> LoadYaml(std::string_view bytes, const YamlLimits& limits = {});

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

}  // namespace pintu::formats::publiccode
