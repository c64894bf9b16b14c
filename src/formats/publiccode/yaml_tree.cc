#include "formats/publiccode/yaml_tree.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace pintu::formats::publiccode {
namespace {

using NodePtr = std::shared_ptr<YamlNode>;

// Thrown by the handler to stop yaml-cpp's parser; caught in LoadYaml.
struct Stop {
  YamlLoadError error;
};

std::uint64_t SaturatingAdd(std::uint64_t a, std::uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

// Builds the tree from yaml-cpp's events, counting expanded nodes and depth as it goes.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const YamlLimits& limits) : limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto node = NewNode(mark, YamlNode::Kind::kNull);
    Finish(node, 1, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      Fail(YamlLoadError::Kind::kSyntax, mark, "alias refers to an anchor that is not complete (recursive alias)",
           "別名參照了尚未完成的錨點（遞迴別名）");
    }
    Attach(it->second.node, it->second.size, mark);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    auto node = NewNode(mark, YamlNode::Kind::kScalar);
    node->value = value;
    node->plain = tag == "?";
    if (tag != "?" && tag != "!") node->tag = tag;
    Finish(node, 1, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, YamlNode::Kind::kSequence, tag, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, YamlNode::Kind::kMap, tag, anchor);
  }
  void OnMapEnd() override { Close(); }

  std::shared_ptr<const YamlNode> root() const { return root_; }
  std::uint64_t expanded() const { return expanded_; }

 private:
  struct Open_ {
    NodePtr node;
    YAML::anchor_t anchor;
    std::uint64_t size = 1;            // expanded nodes below and including this one
    std::shared_ptr<const YamlNode> pending_key;  // maps: key waiting for its value
    std::set<std::string> keys;        // maps: scalar keys seen (duplicate check)
  };
  struct Anchored {
    std::shared_ptr<const YamlNode> node;
    std::uint64_t size;
  };

  [[noreturn]] void Fail(YamlLoadError::Kind kind, const YAML::Mark& mark, std::string message,
                         std::string message_zh) {
    throw Stop{{kind, std::move(message), std::move(message_zh), mark.line + 1, mark.column + 1}};
  }

  NodePtr NewNode(const YAML::Mark& mark, YamlNode::Kind kind) {
    auto node = std::make_shared<YamlNode>();
    node->kind = kind;
    node->line = mark.line + 1;
    node->column = mark.column + 1;
    return node;
  }

  void Open(const YAML::Mark& mark, YamlNode::Kind kind, const std::string& tag, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      Fail(YamlLoadError::Kind::kTooDeep, mark,
           fmt::format("nesting deeper than {} levels", limits_.max_depth),
           fmt::format("巢狀層數超過 {} 層", limits_.max_depth));
    }
    auto node = NewNode(mark, kind);
    if (tag != "?" && tag != "!") node->tag = tag;
    stack_.push_back({node, anchor});
  }

  void Close() {
    Open_ top = std::move(stack_.back());
    stack_.pop_back();
    Finish(top.node, top.size, top.anchor);
  }

  // Registers a completed node under its anchor and attaches it to its parent.
  void Finish(const NodePtr& node, std::uint64_t size, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = {node, size};
    YAML::Mark mark;
    mark.line = node->line - 1;
    mark.column = node->column - 1;
    Attach(node, size, mark);
  }

  void Attach(const std::shared_ptr<const YamlNode>& node, std::uint64_t size, const YAML::Mark& mark) {
    expanded_ = SaturatingAdd(expanded_, size);
    if (expanded_ > limits_.max_expanded_nodes) {
      Fail(YamlLoadError::Kind::kAliasBudget, mark,
           fmt::format("the document expands to more than {} nodes (too many aliases: a YAML bomb?)",
                       limits_.max_expanded_nodes),
           fmt::format("文件展開後超過 {} 個節點（別名過多，可能是 YAML 炸彈）", limits_.max_expanded_nodes));
    }
    if (stack_.empty()) {
      root_ = node;
      return;
    }
    Open_& parent = stack_.back();
    parent.size = SaturatingAdd(parent.size, size);
    YamlNode& p = *parent.node;
    if (p.kind == YamlNode::Kind::kSequence) {
      p.items.push_back(node);
      return;
    }
    if (!parent.pending_key) {
      if (node->kind == YamlNode::Kind::kScalar || node->kind == YamlNode::Kind::kNull) {
        if (!parent.keys.insert(node->value).second) {
          Fail(YamlLoadError::Kind::kSyntax, mark,
               fmt::format("mapping key \"{}\" already defined", node->value),
               fmt::format("對應鍵「{}」重複定義", node->value));
        }
      }
      parent.pending_key = node;
      return;
    }
    p.entries.emplace_back(std::move(parent.pending_key), node);
    parent.pending_key.reset();
  }

  const YamlLimits& limits_;
  std::vector<Open_> stack_;
  std::map<YAML::anchor_t, Anchored> anchors_;
  std::shared_ptr<const YamlNode> root_;
  std::uint64_t expanded_ = 0;
};

// Stops yaml-cpp as soon as a second document starts (it is never parsed).
struct SecondDocument {
  YAML::Mark start;
};
class SecondDocumentDetector : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { throw SecondDocument{mark}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

YamlLoadError MakeError(YamlLoadError::Kind kind, std::string message, std::string message_zh, int line = 0,
                        int column = 0) {
  return {kind, std::move(message), std::move(message_zh), line, column};
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    unsigned c = b[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07;
    else return false;
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size() || (b[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

std::expected<YamlDocument, YamlLoadError> LoadYaml(std::string_view bytes, const YamlLimits& limits) {
  using K = YamlLoadError::Kind;
  if (bytes.size() > limits.max_bytes) {
    return std::unexpected(MakeError(
        K::kTooLarge,
        fmt::format("file too large: {} bytes (the limit is {} bytes)", bytes.size(), limits.max_bytes),
        fmt::format("檔案過大：{} 位元組（上限為 {} 位元組）", bytes.size(), limits.max_bytes)));
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return std::unexpected(MakeError(K::kBinary, "binary file: a publiccode.yml must be UTF-8 text",
                                     "二進位檔案：publiccode.yml 必須是 UTF-8 文字檔"));
  }
  if (!IsValidUtf8(bytes)) return std::unexpected(MakeError(K::kInvalidUtf8, "Invalid UTF-8", "無效的 UTF-8 編碼"));
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);

  std::istringstream in{std::string(bytes)};
  TreeBuilder builder(limits);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      auto empty = std::make_shared<YamlNode>();
      return YamlDocument{empty, 0};
    }
    SecondDocumentDetector detector;
    parser.HandleNextDocument(detector);
  } catch (const SecondDocument& second) {
    return std::unexpected(MakeError(K::kSyntax, "a publiccode.yml must hold one YAML document, not several",
                                     "publiccode.yml 只能有一份 YAML 文件，不能有多份", second.start.line + 1,
                                     second.start.column + 1));
  } catch (const Stop& stop) {
    return std::unexpected(stop.error);
  } catch (const YAML::Exception& e) {
    return std::unexpected(MakeError(K::kSyntax, e.msg, "YAML 語法錯誤：" + e.msg, e.mark.line + 1, e.mark.column + 1));
  } catch (const std::exception& e) {
    return std::unexpected(MakeError(K::kSyntax, e.what(), std::string("YAML 無法讀取：") + e.what()));
  }
  auto root = builder.root();
  if (!root) root = std::make_shared<YamlNode>();
  return YamlDocument{root, builder.expanded()};
}

}  // namespace pintu::formats::publiccode
