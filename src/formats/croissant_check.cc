// The rules follow mlcroissant 1.1.0 (python/mlcroissant/mlcroissant/_src/structure_graph/):
// metadata.py, file_object.py, file_set.py, record_set.py, field.py, source.py and
// graph.py. docs/croissant.md maps each rule to its source.
#include "formats/croissant_check.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "formats/croissant_jsonld.h"

namespace pintu::formats {
namespace json = boost::json;
using croissant::LdGraph;
using croissant::LdNode;
using croissant::LdValue;

namespace {

const std::string kSc(croissant::kSchemaOrg);
const std::string kCr(croissant::kCroissant);

std::string Sc(std::string_view local) { return kSc + std::string(local); }
std::string Cr(std::string_view local) { return kCr + std::string(local); }

// What a property's values must be.
enum class Expect { kText, kTextOrNumber, kBool, kTextOrReference };

// One property whose type and cardinality are checked.
struct PropertyRule {
  std::string iri;
  Expect expect;
  bool one;  // at most one value
};

const std::vector<PropertyRule>& DatasetRules() {
  static const std::vector<PropertyRule> rules = {
      {Sc("name"), Expect::kText, true},           {Sc("description"), Expect::kText, true},
      {Sc("url"), Expect::kTextOrReference, true}, {Sc("version"), Expect::kTextOrNumber, true},
      {Sc("datePublished"), Expect::kText, true},  {Cr("citeAs"), Expect::kText, true},
      {Cr("isLiveDataset"), Expect::kBool, true}};
  return rules;
}

const std::vector<PropertyRule>& DistributionRules() {
  static const std::vector<PropertyRule> rules = {
      {Sc("name"), Expect::kText, true},
      {Sc("description"), Expect::kText, true},
      {Sc("contentUrl"), Expect::kTextOrReference, true},
      {Sc("contentSize"), Expect::kTextOrNumber, true},
      {Sc("sha256"), Expect::kText, true},
      {Cr("md5"), Expect::kText, true},
      {Sc("md5"), Expect::kText, true},
      {Sc("encodingFormat"), Expect::kText, false},
      {Cr("includes"), Expect::kText, false},
      {Cr("excludes"), Expect::kText, false}};
  return rules;
}

const std::vector<PropertyRule>& RecordSetRules() {
  static const std::vector<PropertyRule> rules = {{Sc("name"), Expect::kText, true},
                                                  {Sc("description"), Expect::kText, true}};
  return rules;
}

const std::vector<PropertyRule>& FieldRules() {
  static const std::vector<PropertyRule> rules = {
      {Sc("name"), Expect::kText, true},        {Sc("description"), Expect::kText, true},
      {Cr("dataType"), Expect::kTextOrReference, false},   {Cr("isArray"), Expect::kBool, true},
      {Cr("arrayShape"), Expect::kText, true}};
  return rules;
}

// Texts in distinct languages (a language map, or value objects with distinct "@language")
// are one value in several languages, not several values.
bool LanguageAlternatives(const std::vector<LdValue>& values) {
  std::set<std::string_view> languages;
  for (const auto& v : values)
    if (v.kind != LdValue::Kind::kText || v.language.empty() || !languages.insert(v.language).second) return false;
  return true;
}

std::string_view KindName(LdValue::Kind k) {
  switch (k) {
    case LdValue::Kind::kText: return "text";
    case LdValue::Kind::kNumber: return "a number";
    case LdValue::Kind::kBool: return "a boolean";
    case LdValue::Kind::kNode: return "an object";
    case LdValue::Kind::kReference: return "a reference";
    case LdValue::Kind::kJson: return "a JSON literal";
  }
  return "?";
}

bool Accepts(Expect e, LdValue::Kind k) {
  switch (e) {
    case Expect::kText: return k == LdValue::Kind::kText;
    case Expect::kTextOrNumber: return k == LdValue::Kind::kText || k == LdValue::Kind::kNumber;
    case Expect::kBool: return k == LdValue::Kind::kBool;
    case Expect::kTextOrReference: return k == LdValue::Kind::kText || k == LdValue::Kind::kReference;
  }
  return false;
}

std::string_view ExpectName(Expect e) {
  switch (e) {
    case Expect::kText: return "text";
    case Expect::kTextOrNumber: return "text or a number";
    case Expect::kBool: return "a boolean";
    case Expect::kTextOrReference: return "text or an IRI";
  }
  return "?";
}

// The first text value of `iri`, or "".
std::string FirstText(const LdNode& n, std::string_view iri) {
  if (const auto* vs = n.Values(iri))
    for (const auto& v : *vs)
      if (v.kind == LdValue::Kind::kText || v.kind == LdValue::Kind::kNumber) return v.text;
  return {};
}

bool HasValues(const LdNode& n, std::string_view iri) {
  const auto* vs = n.Values(iri);
  return vs && !vs->empty();
}

// A node of the Croissant structure found in the document.
struct Entity {
  enum class Kind { kFileObject, kFileSet, kRecordSet, kField };
  Kind kind;
  size_t node;
  std::vector<std::string> path;  // "Metadata(x)", "RecordSet(y)", …
  std::string uuid;               // @id, or the name of a node without one
  size_t record_set = 0;          // kField: index of the owning record set in entities
  bool inherited_data_type = false;  // kField: a parent field or the record set has a dataType
  std::vector<size_t> fields;        // kRecordSet: its fields and sub-fields (entity indices)
};

class Checker {
 public:
  Checker(const LdGraph& g, const CroissantLimits& limits) : g_(g), limits_(limits) {}

  CroissantReport Run() {
    if (g_.nodes.empty()) {
      Issue(CroissantSeverity::kError, "root-type", {}, Sc("Dataset"),
            "The document is not a JSON-LD object, so it does not describe a https://schema.org/Dataset.",
            "文件不是 JSON-LD 物件，因此沒有描述 https://schema.org/Dataset。");
      return Finish();
    }
    if (g_.too_large)
      Issue(CroissantSeverity::kError, "too-large", {}, {},
            "The document has more nodes or deeper nesting than the checker accepts; it was checked only in part.",
            "文件的節點數或巢狀層數超過檢查器的上限，只檢查了一部分。");
    for (const auto& id : g_.bad_ids)
      Issue(CroissantSeverity::kError, "id-whitespace", {}, "@id",
            "The dataset contains a wrong `@id`: '" + id +
                "'. Note that currently we do not support `@id`s containing whitespaces (not even if URL-escaped).",
            "資料集含有錯誤的 `@id`：「" + id + "」。`@id` 不可包含空白字元（URL 編碼後也不行）。");
    const LdNode& root = g_.nodes[0];
    report_.conforms_to = FirstText(root, "http://purl.org/dc/terms/conformsTo");
    if (!root.HasType(Sc("Dataset"))) {
      Issue(CroissantSeverity::kError, "root-type", {}, Sc("Dataset"),
            "The current JSON-LD doesn't extend https://schema.org/Dataset (its @type is " + TypesText(root) + ").",
            "此 JSON-LD 的根節點不是 https://schema.org/Dataset（其 @type 為 " + TypesText(root) + "）。");
      return Finish();
    }
    std::string name = FirstText(root, Sc("name"));
    std::vector<std::string> path{"Metadata(" + name + ")"};
    CheckMetadata(root, path);
    Collect(root, path);
    for (const auto& e : entities_) CheckEntity(e);
    return Finish();
  }

 private:
  CroissantReport Finish() {
    if (dropped_ > 0)
      report_.issues.push_back({CroissantSeverity::kError, "too-many-issues", {}, {},
                                std::to_string(dropped_) + " more issue(s) were not listed.",
                                "另有 " + std::to_string(dropped_) + " 個問題未列出。"});
    return std::move(report_);
  }

  void Issue(CroissantSeverity s, std::string kind, const std::vector<std::string>& path, std::string property,
             std::string en, std::string zh) {
    if (report_.issues.size() >= limits_.max_issues) {
      ++dropped_;
      return;
    }
    std::string joined;
    for (const auto& p : path) joined += (joined.empty() ? "" : " > ") + p;
    report_.issues.push_back({s, std::move(kind), std::move(joined), std::move(property), std::move(en), std::move(zh)});
  }
  void Error(std::string kind, const std::vector<std::string>& path, std::string property, std::string en,
             std::string zh) {
    Issue(CroissantSeverity::kError, std::move(kind), path, std::move(property), std::move(en), std::move(zh));
  }

  static std::string TypesText(const LdNode& n) {
    if (n.types.empty()) return "nothing";
    std::string s;
    for (const auto& t : n.types) s += (s.empty() ? "" : ", ") + t;
    return s;
  }

  void Mandatory(const LdNode& n, const std::vector<std::string>& path, const std::string& iri) {
    if (HasValues(n, iri)) return;
    Error("missing-property", path, iri, "Property \"" + iri + "\" is mandatory, but does not exist.",
          "缺少必要屬性「" + iri + "」。");
  }

  void Recommended(const LdNode& n, const std::vector<std::string>& path, const std::string& iri) {
    if (HasValues(n, iri)) return;
    Issue(CroissantSeverity::kWarning, "missing-recommended", path, iri,
          "Property \"" + iri + "\" is recommended, but does not exist.", "建議提供屬性「" + iri + "」，但文件中沒有。");
  }

  void CheckProperties(const LdNode& n, const std::vector<std::string>& path, const std::vector<PropertyRule>& rules) {
    for (const auto& rule : rules) {
      const auto* vs = n.Values(rule.iri);
      if (!vs) continue;
      if (rule.one && vs->size() > 1 && !LanguageAlternatives(*vs))
        Error("property-cardinality", path, rule.iri,
              "Property \"" + rule.iri + "\" takes a single value, but got " + std::to_string(vs->size()) + ".",
              "屬性「" + rule.iri + "」只能有一個值，卻有 " + std::to_string(vs->size()) + " 個。");
      for (const auto& v : *vs) {
        if (Accepts(rule.expect, v.kind)) continue;
        Error("property-type", path, rule.iri,
              "Property \"" + rule.iri + "\" expects " + std::string(ExpectName(rule.expect)) + ", but got " +
                  std::string(KindName(v.kind)) + ".",
              "屬性「" + rule.iri + "」的值應為" + std::string(ExpectName(rule.expect)) + "，實際為" +
                  std::string(KindName(v.kind)) + "。");
        break;
      }
    }
  }

  void CheckMetadata(const LdNode& root, const std::vector<std::string>& path) {
    // No Mandatory(name): upstream's own datasets/1.0/huggingface-squad has none and passes.
    CheckProperties(root, path, DatasetRules());
    for (const char* iri : {"citeAs"}) Recommended(root, path, Cr(iri));
    for (const char* iri : {"datePublished", "license", "version"}) Recommended(root, path, Sc(iri));
    if (const auto* live = root.Values(Cr("isLiveDataset")))
      for (const auto& v : *live) live_ = live_ || (v.kind == LdValue::Kind::kBool && v.boolean);
  }

  // Walks distribution and record sets (wrongly typed nodes are reported and skipped, as
  // mlcroissant does not build them), registering every uuid.
  void Collect(const LdNode& root, const std::vector<std::string>& path) {
    for (const LdNode* n : Nodes(root, Sc("distribution"))) {
      bool file_object = n->HasType(Cr("FileObject")) || n->HasType(Sc("FileObject"));
      bool file_set = n->HasType(Cr("FileSet")) || n->HasType(Sc("FileSet"));
      if (!file_object && !file_set) {
        WrongType(*n, Cr("FileObject") + "\" or \"" + Cr("FileSet"));
        continue;
      }
      Add({file_object ? Entity::Kind::kFileObject : Entity::Kind::kFileSet, Index(n),
           Child(path, file_object ? "FileObject" : "FileSet", *n), Uuid(*n)});
    }
    for (const LdNode* n : Nodes(root, Cr("recordSet"))) {
      if (!n->HasType(Cr("RecordSet"))) {
        WrongType(*n, Cr("RecordSet"));
        continue;
      }
      size_t rs = entities_.size();
      Add({Entity::Kind::kRecordSet, Index(n), Child(path, "RecordSet", *n), Uuid(*n)});
      std::vector<std::string> rs_path = entities_[rs].path;
      CollectFields(*n, rs_path, rs, HasDataType(*n), 0);
    }
  }

  void CollectFields(const LdNode& parent, const std::vector<std::string>& path, size_t rs, bool data_type,
                     int depth) {
    if (depth > 32) return;
    for (const char* prop : {"field", "subField"}) {
      for (const LdNode* f : Nodes(parent, Cr(prop))) {
        if (!f->HasType(Cr("Field"))) {
          WrongType(*f, Cr("Field"));
          continue;
        }
        Entity e{Entity::Kind::kField, Index(f), Child(path, "Field", *f), Uuid(*f), rs, data_type};
        std::vector<std::string> child_path = e.path;
        entities_[rs].fields.push_back(entities_.size());
        Add(std::move(e));
        CollectFields(*f, child_path, rs, data_type || HasDataType(*f), depth + 1);
      }
    }
  }

  void Add(Entity e) {
    const LdNode& n = g_.nodes[e.node];
    if (!n.id.empty() && !explicit_ids_.insert(n.id).second)
      Error("duplicate-id", {}, "@id", "The identifier \"" + n.id + "\" is used by several nodes.",
            "識別碼「" + n.id + "」被多個節點使用。");
    if (!e.uuid.empty()) by_uuid_.emplace(e.uuid, entities_.size());
    entities_.push_back(std::move(e));
  }

  void WrongType(const LdNode& n, const std::string& expected) {
    std::string who = n.id.empty() ? FirstText(n, Sc("name")) : n.id;
    Error("wrong-type", {}, "@type",
          "\"" + who + "\" should have an attribute \"@type\": \"" + expected + "\". Got " + TypesText(n) + " instead.",
          "「" + who + "」的 \"@type\" 應為 \"" + expected + "\"，實際為 " + TypesText(n) + "。");
  }

  // The embedded nodes among the values of `iri` (references to top-level nodes are not
  // Croissant structure and are ignored).
  std::vector<const LdNode*> Nodes(const LdNode& n, const std::string& iri) const {
    std::vector<const LdNode*> out;
    if (const auto* vs = n.Values(iri))
      for (const auto& v : *vs)
        if (v.kind == LdValue::Kind::kNode) out.push_back(&g_.nodes[v.node]);
    return out;
  }

  size_t Index(const LdNode* n) const { return static_cast<size_t>(n - g_.nodes.data()); }

  static std::string Uuid(const LdNode& n) { return n.id.empty() ? FirstText(n, Sc("name")) : n.id; }

  static std::vector<std::string> Child(std::vector<std::string> path, std::string_view type, const LdNode& n) {
    std::string name = FirstText(n, Sc("name"));
    path.push_back(std::string(type) + "(" + (name.empty() ? n.id : name) + ")");
    return path;
  }

  // The uuids a source or references node points at (fileObject, fileSet, field), or
  // nullopt (and an error) when it names none.
  std::optional<std::vector<std::string>> Origins(const LdNode& source) {
    std::vector<std::string> out;
    for (const char* prop : {"fileObject", "fileSet", "field"})
      if (const auto* vs = source.Values(Cr(prop)))
        for (const auto& v : *vs) {
          if (v.kind == LdValue::Kind::kReference || v.kind == LdValue::Kind::kText) out.push_back(v.text);
          else if (v.kind == LdValue::Kind::kNode && !g_.nodes[v.node].id.empty()) out.push_back(g_.nodes[v.node].id);
        }
    if (out.empty()) {
      Error("source-without-origin", {}, Cr("source"),
            "Source should have one of the following properties " + Cr("field") + " or " + Cr("fileObject") + " or " +
                Cr("fileSet") + ".",
            "來源（source）應有下列屬性之一：" + Cr("field") + "、" + Cr("fileObject") + " 或 " + Cr("fileSet") + "。");
      return std::nullopt;
    }
    return out;
  }

  void DanglingReference(const Entity& at, const std::string& uuid) {
    Error("dangling-reference", at.path, {},
          "There is a reference to node with UUID \"" + uuid + "\" in node \"" + at.uuid +
              "\", but this node doesn't exist.",
          "節點「" + at.uuid + "」參照了 UUID 為「" + uuid + "」的節點，但該節點不存在。");
  }

  void CheckEntity(const Entity& e) {
    const LdNode& n = g_.nodes[e.node];
    switch (e.kind) {
      case Entity::Kind::kFileObject:
      case Entity::Kind::kFileSet:
        return CheckDistribution(e, n);
      case Entity::Kind::kRecordSet:
        return CheckRecordSet(e, n);
      case Entity::Kind::kField:
        return CheckField(e, n);
    }
  }

  void CheckDistribution(const Entity& e, const LdNode& n) {
    CheckProperties(n, e.path, DistributionRules());
    Mandatory(n, e.path, Sc("encodingFormat"));
    bool contained = HasValues(n, Cr("containedIn")) || HasValues(n, Sc("containedIn"));
    if (e.kind == Entity::Kind::kFileSet) {
      Mandatory(n, e.path, Cr("includes"));
    } else if (!contained) {
      Mandatory(n, e.path, Sc("contentUrl"));
      if (!live_ && !HasValues(n, Sc("sha256")) && !HasValues(n, Cr("md5")) && !HasValues(n, Sc("md5")))
        Error("missing-checksum", e.path, Sc("sha256"),
              "A FileObject of a dataset that is not live needs \"" + Sc("sha256") + "\" or \"" + Cr("md5") +
                  "\"; neither exists.",
              "非即時資料集的 FileObject 必須提供「" + Sc("sha256") + "」或「" + Cr("md5") + "」，兩者都沒有。");
    }
    for (const char* ns : {"cr", "sc"}) {
      const auto* vs = n.Values((std::string_view(ns) == "cr" ? kCr : kSc) + "containedIn");
      if (!vs) continue;
      for (const auto& v : *vs) {
        std::string target = v.kind == LdValue::Kind::kNode ? g_.nodes[v.node].id : v.text;
        if (!target.empty() && !by_uuid_.contains(target)) DanglingReference(e, target);
      }
    }
  }

  void CheckRecordSet(const Entity& e, const LdNode& n) {
    CheckProperties(n, e.path, RecordSetRules());
    // cr:key is not resolved: mlcroissant does not check it (upstream's
    // datasets/1.1/zenodo-head-mri names a key field that does not exist and passes).
    // Several sources need a join (mlcroissant: record sets drawing from several files).
    std::set<std::string> roots;
    bool joined = false;
    for (size_t fi : e.fields) {
      const Entity& f = entities_[fi];
      const LdNode& fn = g_.nodes[f.node];
      joined = joined || HasValues(fn, Cr("references"));
      for (const LdNode* src : Nodes(fn, Cr("source")))
        for (const char* prop : {"fileObject", "fileSet", "field"})
          if (const auto* vs = src->Values(Cr(prop)))
            for (const auto& v : *vs) {
              if (v.kind != LdValue::Kind::kReference) continue;
              auto it = by_uuid_.find(v.text);
              if (it == by_uuid_.end()) continue;
              const Entity& target = entities_[it->second];
              roots.insert(target.kind == Entity::Kind::kField ? entities_[target.record_set].uuid : target.uuid);
            }
    }
    roots.erase(e.uuid);  // fields of the record set itself
    if (roots.size() > 1 && !joined) {
      std::string list;
      for (const auto& r : roots) list += (list.empty() ? "" : ", ") + r;
      Error("join-missing", e.path, Cr("references"),
            "RecordSet " + e.uuid + " takes its fields from several sources (" + list + ") but no field declares " +
                Cr("references") + " to join them.",
            "RecordSet " + e.uuid + " 的欄位來自多個來源（" + list + "），卻沒有任何欄位以 " + Cr("references") +
                " 說明如何合併。");
    }
  }

  void CheckField(const Entity& e, const LdNode& n) {
    CheckProperties(n, e.path, FieldRules());
    const Entity& rs = entities_[e.record_set];
    const LdNode& rs_node = g_.nodes[rs.node];
    bool has_subfields = !Nodes(n, Cr("subField")).empty();
    // source: resolve its origins; a source naming no origin counts as absent.
    bool has_source = false;
    for (const LdNode* src : Nodes(n, Cr("source"))) {
      auto origins = Origins(*src);
      if (!origins) continue;
      has_source = true;
      for (const auto& uuid : *origins)
        if (!by_uuid_.contains(uuid)) {
          Error("unknown-source", e.path, Cr("source"),
                "Malformed source data: " + uuid +
                    ". It does not refer to any existing node. Have you used " + Cr("field") + " or " +
                    Sc("distribution") +
                    " to indicate the source field or the source distribution? If you specified a field, it should "
                    "contain all the names from the RecordSet separated by `/`, e.g.: \"record_set_name/field_name\"",
                "來源資料錯誤：" + uuid + " 不是文件中任何節點的識別碼。欄位來源應寫成「record_set_name/field_name」。");
          DanglingReference(rs, uuid);
        }
    }
    if (const auto* refs = n.Values(Cr("references"))) {
      for (const auto& v : *refs) {
        if (v.kind != LdValue::Kind::kNode) continue;
        if (auto origins = Origins(g_.nodes[v.node]))
          for (const auto& uuid : *origins)
            if (!by_uuid_.contains(uuid)) DanglingReference(rs, uuid);
      }
    }
    bool has_value = HasValues(n, Cr("value"));
    bool inline_data = HasValues(rs_node, Cr("data"));
    if (has_source && has_value)
      Error("source-or-value", e.path, Cr("source"),
            "Field " + e.uuid + " defines both `source` and `value`. Please specify exactly one of them.",
            "欄位 " + e.uuid + " 同時定義了 `source` 與 `value`，只能擇一。");
    else if (!has_source && !has_value && !has_subfields && !inline_data)
      Error("source-or-value", e.path, Cr("source"),
            "Field " + e.uuid + " does not define `source` or `value`. Please specify exactly one of them.",
            "欄位 " + e.uuid + " 沒有定義 `source` 或 `value`，必須擇一提供。");
    if (!has_subfields && !e.inherited_data_type && !HasDataType(n))
      Error("data-type-unresolved", e.path, Cr("dataType"),
            "The field does not specify a valid " + Cr("dataType") + ", neither does any of its predecessor. Got: []",
            "此欄位沒有有效的 " + Cr("dataType") + "，其上層節點也沒有。");
    CheckArray(e, n);
  }

  static bool HasDataType(const LdNode& n) {
    if (const auto* vs = n.Values(Cr("dataType")))
      for (const auto& v : *vs)
        if ((v.kind == LdValue::Kind::kText || v.kind == LdValue::Kind::kReference) && !v.text.empty()) return true;
    return false;
  }

  // Croissant 1.1 arrays: arrayShape only with isArray true, as comma-separated integers.
  void CheckArray(const Entity& e, const LdNode& n) {
    const auto* shape = n.Values(Cr("arrayShape"));
    if (!shape || shape->empty()) return;
    bool is_array = false;
    if (const auto* a = n.Values(Cr("isArray")))
      for (const auto& v : *a) is_array = is_array || (v.kind == LdValue::Kind::kBool && v.boolean);
    if (!is_array) {
      Error("array-definition", e.path, Cr("arrayShape"),
            "Field " + e.uuid + " defines `array_shape`, but `is_array` is False.",
            "欄位 " + e.uuid + " 定義了 `array_shape`，但 `is_array` 不是 true。");
      return;
    }
    const LdValue& v = shape->front();
    if (v.kind == LdValue::Kind::kText && ParsesAsShape(v.text)) return;
    Error("array-shape", e.path, Cr("arrayShape"),
          "Field " + e.uuid + "'s attribute array_shape `" + v.text +
              "` cannot be parsed as a tuple of comma-separated values.",
          "欄位 " + e.uuid + " 的 array_shape「" + v.text + "」無法解析為以逗號分隔的整數。");
  }

  // "3", "-1,28,28", "( 2, 3 )": integers separated by commas.
  static bool ParsesAsShape(std::string_view s) {
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
    if (s.empty()) return false;
    size_t start = 0;
    while (start <= s.size()) {
      size_t comma = s.find(',', start);
      std::string_view part = s.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      long long value = 0;
      auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
      if (part.empty() || ec != std::errc() || ptr != part.data() + part.size()) return false;
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    return true;
  }

  const LdGraph& g_;
  const CroissantLimits& limits_;
  CroissantReport report_;
  size_t dropped_ = 0;
  bool live_ = false;
  std::vector<Entity> entities_;
  std::map<std::string, size_t, std::less<>> by_uuid_;
  std::set<std::string> explicit_ids_;
};

}  // namespace

CroissantValidity ValidateCroissant(const json::value& document, const CroissantLimits& limits) {
  LdGraph graph = croissant::ReadJsonLd(document, limits.max_nodes, limits.max_depth);
  CroissantValidity v;
  v.report = Checker(graph, limits).Run();
  v.errors = v.report.ErrorCount();
  v.warnings = v.report.WarningCount();
  return v;
}

Result<CroissantValidity> ValidateCroissantText(std::string_view text, const CroissantLimits& limits) {
  if (text.size() > limits.max_bytes)
    return std::unexpected(Error::TooLarge("The Croissant document is " + std::to_string(text.size()) +
                                           " bytes; the limit is " + std::to_string(limits.max_bytes) + "."));
  json::parse_options options;
  options.max_depth = limits.max_depth;
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec, {}, options);
  if (ec)
    return std::unexpected(Error::BadRequest("The Croissant document is not valid JSON: " + ec.message() + "."));
  return ValidateCroissant(doc, limits);
}

}  // namespace pintu::formats
