#include "quality/table_validator.h"

#include <algorithm>
#include <map>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "quality/cell_types.h"
#include "quality/error_messages.h"
#include "quality/key_memory.h"
#include "quality/pattern.h"

namespace pintu::quality {
namespace {

constexpr std::uint64_t kNullHash = 0x6e756c6c6e756c6cULL;  // stands for a null cell in row keys

std::uint64_t Combine(std::uint64_t seed, std::uint64_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 12) + (seed >> 4);
  seed *= 0xbf58476d1ce4e5b9ULL;
  return seed ^ (seed >> 31);
}

// Python's repr of a list of strings, as frictionless prints enum constraints.
std::string PythonList(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + values[i] + "'";
  }
  return out + "]";
}

// A schema field with everything needed to check its cells, prepared once.
struct FieldRuntime {
  SchemaField field;
  std::optional<PatternMatcher> pattern;
  std::optional<CellValue> minimum, maximum, exclusive_minimum, exclusive_maximum;
  std::vector<std::uint64_t> enum_hashes;  // sorted
  bool plain = true;        // every cell conforms (any, or string without format) and no constraint besides required
  bool needs_hash = false;  // the value takes part in unique / primary / foreign / duplicate-row checks
};

struct Pending {
  std::uint64_t row;
  std::uint64_t key;
  std::string values;
};

struct ForeignGroup {
  std::vector<std::size_t> source;
  std::vector<std::size_t> target;
  std::string source_names;
  std::string target_names;
  std::unique_ptr<BoundedKeyMap> referenced;
  std::vector<Pending> pending;
  std::size_t pending_bytes = 0;
  std::size_t pending_budget = 0;
  bool active = true;
};

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

}  // namespace

struct TableValidator::State {
  ValidatorOptions opts;
  std::vector<FieldRuntime> fields;
  bool fields_ready = false;
  bool saw_record = false;
  std::vector<std::string> labels;
  bool missing_only_empty = true;
  Report report;
  bool stop = false;
  bool limit_reached = false;
  std::uint64_t data_rows = 0;

  bool need_hashes = false;
  std::vector<std::size_t> unique_fields;
  std::vector<std::unique_ptr<BoundedKeyMap>> unique_maps;
  std::vector<bool> unique_active;
  std::vector<std::size_t> primary_fields;
  std::unique_ptr<BoundedKeyMap> primary_map;
  bool primary_active = false;
  std::vector<ForeignGroup> foreign;
  std::unique_ptr<BoundedKeyMap> duplicate_map;
  bool duplicate_active = false;

  std::vector<ReportError> row_errors;
  std::vector<std::uint64_t> value_hash;
  std::vector<char> value_null;

  // ---- set-up ----

  Result<void> PrepareFields(std::size_t first_record_cells) {
    TableSchema effective;
    const bool schema_given = opts.schema.has_value();
    if (schema_given) {
      effective = *opts.schema;
      if (opts.schema_sync && opts.header) {
        TableSchema synced = effective;
        synced.fields.clear();
        for (const std::string& label : labels) {
          if (auto at = effective.FieldIndex(label)) {
            synced.fields.push_back(effective.fields[*at]);
          } else {
            SchemaField any;
            any.name = label;
            any.format.type = FieldType::kAny;
            synced.fields.push_back(std::move(any));
          }
        }
        effective = std::move(synced);
      }
    } else {
      effective = opts.header ? SchemaFromLabels(labels)
                              : SchemaFromLabels(std::vector<std::string>(first_record_cells));
    }
    missing_only_empty = effective.missing_values == std::vector<std::string>{""};
    opts.schema = effective;  // the schema actually used (reported)

    fields.resize(effective.fields.size());  // final size: bounds below point into these fields
    for (std::size_t i = 0; i < fields.size(); ++i) {
      FieldRuntime& f = fields[i];
      f.field = effective.fields[i];
      const FieldConstraints& c = f.field.constraints;
      const FieldFormat& fmt = f.field.format;
      auto bound = [&](const std::optional<std::string>& text, std::optional<CellValue>& out) {
        if (text) out = ParseCell(*text, fmt);
      };
      bound(c.minimum, f.minimum);
      bound(c.maximum, f.maximum);
      bound(c.exclusive_minimum, f.exclusive_minimum);
      bound(c.exclusive_maximum, f.exclusive_maximum);
      if (c.pattern) {
        auto matcher = PatternMatcher::Compile(*c.pattern);
        if (!matcher) return std::unexpected(matcher.error());
        f.pattern = std::move(*matcher);
      }
      if (c.enum_values) {
        for (const std::string& v : *c.enum_values) {
          if (auto parsed = ParseCell(v, fmt)) f.enum_hashes.push_back(HashCellValue(*parsed));
        }
        std::sort(f.enum_hashes.begin(), f.enum_hashes.end());
      }
      const bool always_conforms =
          fmt.type == FieldType::kAny || fmt.type == FieldType::kList ||
          (fmt.type == FieldType::kString && (fmt.format == "default" || fmt.format.empty() || fmt.format == "any"));
      f.plain = always_conforms && !c.min_length && !c.max_length && !c.minimum && !c.maximum &&
                !c.exclusive_minimum && !c.exclusive_maximum && !c.pattern && !c.enum_values;
      if (c.unique) unique_fields.push_back(i);
    }

    // Integrity checks share the memory budget evenly.
    for (const std::string& name : effective.primary_key) {
      auto at = effective.FieldIndex(name);
      if (!at) {
        report.Warn("check-skipped", fmt::format("primary key field \"{}\" is not in the table; primary key not checked", name),
                    fmt::format("主鍵欄位「{}」不在表格中；未檢查主鍵", name));
        primary_fields.clear();
        break;
      }
      primary_fields.push_back(*at);
    }
    std::vector<ForeignGroup> groups;
    for (const ForeignKey& key : effective.foreign_keys) {
      if (!key.reference_resource.empty()) {
        report.Warn("check-skipped",
                    fmt::format("foreign key to resource \"{}\" not checked (only keys within the same table are)",
                                key.reference_resource),
                    fmt::format("未檢查指向資源「{}」的外鍵（僅檢查同一表格內的外鍵）", key.reference_resource));
        continue;
      }
      ForeignGroup g;
      bool ok = true;
      for (const std::string& n : key.fields) {
        auto at = effective.FieldIndex(n);
        if (!at) ok = false; else g.source.push_back(*at);
      }
      for (const std::string& n : key.reference_fields) {
        auto at = effective.FieldIndex(n);
        if (!at) ok = false; else g.target.push_back(*at);
      }
      if (!ok) {
        report.Warn("check-skipped", "a foreign key names fields that are not in the table; it was not checked",
                    "外鍵指向表格中不存在的欄位；未檢查");
        continue;
      }
      g.source_names = JoinNames(key.fields);
      g.target_names = JoinNames(key.reference_fields);
      groups.push_back(std::move(g));
    }
    const std::size_t users = unique_fields.size() + (primary_fields.empty() ? 0 : 1) + groups.size() * 2 +
                              (opts.check_duplicate_rows ? 1 : 0);
    const std::size_t share = users == 0 ? 0 : opts.memory_budget_bytes / users;
    for (std::size_t i = 0; i < unique_fields.size(); ++i) {
      unique_maps.push_back(std::make_unique<BoundedKeyMap>(share));
      unique_active.push_back(true);
    }
    if (!primary_fields.empty()) {
      primary_map = std::make_unique<BoundedKeyMap>(share);
      primary_active = true;
    }
    for (ForeignGroup& g : groups) {
      g.referenced = std::make_unique<BoundedKeyMap>(share);
      g.pending_budget = share;
      foreign.push_back(std::move(g));
    }
    if (opts.check_duplicate_rows) {
      duplicate_map = std::make_unique<BoundedKeyMap>(share);
      duplicate_active = true;
    }
    need_hashes = users > 0;
    for (std::size_t i : unique_fields) fields[i].needs_hash = true;
    for (std::size_t i : primary_fields) fields[i].needs_hash = true;
    for (const ForeignGroup& g : foreign) {
      for (std::size_t i : g.source) fields[i].needs_hash = true;
      for (std::size_t i : g.target) fields[i].needs_hash = true;
    }
    if (opts.check_duplicate_rows) {
      for (FieldRuntime& f : fields) f.needs_hash = true;
    }
    value_hash.assign(fields.size(), 0);
    value_null.assign(fields.size(), 0);
    report.stats.fields = fields.size();
    fields_ready = true;
    return Ok();
  }

  // ---- errors ----

  bool Keep(std::string_view type) const {
    const std::vector<std::string_view> tags = ErrorTags(type);
    auto matches = [&](const std::vector<std::string>& list) {
      for (const std::string& item : list) {
        if (item == type || std::find(tags.begin(), tags.end(), item) != tags.end()) return true;
      }
      return false;
    };
    if (!opts.pick.empty() && !matches(opts.pick)) return false;
    if (!opts.skip.empty() && matches(opts.skip)) return false;
    return true;
  }

  ReportError& NewError(std::string type, std::optional<std::uint64_t> row, std::optional<std::uint64_t> field) {
    ReportError& e = row_errors.emplace_back();
    e.type = std::move(type);
    e.row_number = row;
    e.field_number = field;
    return e;
  }

  ReportError& CellError(std::string type, std::uint64_t row, std::size_t index, std::string_view cell) {
    ReportError& e = NewError(std::move(type), row, index + 1);
    if (index < fields.size()) e.field_name = fields[index].field.name;
    e.cell = ShortenForReport(cell);
    return e;
  }

  // Moves row_errors into the report (pick/skip applied) and enforces the limit.
  void Flush() {
    for (ReportError& e : row_errors) {
      if (!Keep(e.type)) continue;
      WordError(e);
      report.errors.push_back(std::move(e));
    }
    row_errors.clear();
    EnforceLimit();
  }

  void EnforceLimit() {
    if (report.errors.size() >= opts.limit_errors) {
      report.errors.resize(opts.limit_errors);
      if (!limit_reached) {
        report.Warn("error-limit", fmt::format("reached error limit: {}", opts.limit_errors),
                    fmt::format("已達錯誤上限：{}", opts.limit_errors));
      }
      limit_reached = true;
      stop = true;
    }
  }

  // ---- header ----

  void CheckLabels() {
    const bool schema_given = opts.schema.has_value();
    const std::size_t nf = fields.size();
    const std::size_t nl = labels.size();
    for (std::size_t i = 0; i < std::max(nf, nl); ++i) {
      if (i >= nf) {
        ReportError& e = NewError("extra-label", std::nullopt, i + 1);
        e.cell = ShortenForReport(labels[i]);
        continue;
      }
      if (i >= nl) {
        ReportError& e = NewError("missing-label", std::nullopt, i + 1);
        e.field_name = fields[i].field.name;
        continue;
      }
      const std::string& label = labels[i];
      if (label.empty()) {
        ReportError& e = NewError("blank-label", std::nullopt, i + 1);
        e.field_name = fields[i].field.name;
        continue;
      }
      std::string positions;
      for (std::size_t j = 0; j < i; ++j) {
        if (labels[j] == label) positions += (positions.empty() ? "" : ", ") + std::to_string(j + 1);
      }
      if (!positions.empty()) {
        ReportError& e = NewError("duplicate-label", std::nullopt, i + 1);
        e.field_name = fields[i].field.name;
        e.cell = ShortenForReport(label);
        e.note = fmt::format("at position \"{}\"", positions);
        e.note_zh = fmt::format("與第 {} 欄相同", positions);
        continue;
      }
      if (schema_given && fields[i].field.name != label) {
        ReportError& e = NewError("incorrect-label", std::nullopt, i + 1);
        e.field_name = fields[i].field.name;
        e.cell = ShortenForReport(label);
      }
    }
    Flush();
  }

  // ---- rows ----

  bool IsMissing(std::string_view cell) const {
    if (missing_only_empty) return cell.empty();
    const auto& values = opts.schema->missing_values;
    return std::find(values.begin(), values.end(), cell) != values.end();
  }

  void ConstraintError(std::uint64_t row, std::size_t i, std::string_view cell, std::string_view name,
                       std::string_view value) {
    ReportError& e = CellError("constraint-error", row, i, cell);
    e.note = fmt::format("constraint \"{}\" is \"{}\"", name, value);
    e.note_zh = fmt::format("限制條件 {} 為「{}」", name, value);
  }

  void CheckConstraints(std::uint64_t row, std::size_t i, FieldRuntime& f, std::string_view cell, const CellValue& v) {
    const FieldConstraints& c = f.field.constraints;
    if (c.min_length || c.max_length) {
      const std::size_t length = CellLength(cell, f.field.format);
      if (c.min_length && length < *c.min_length) ConstraintError(row, i, cell, "minLength", std::to_string(*c.min_length));
      if (c.max_length && length > *c.max_length) ConstraintError(row, i, cell, "maxLength", std::to_string(*c.max_length));
    }
    if (f.minimum && CompareCellValues(v, *f.minimum) < 0) ConstraintError(row, i, cell, "minimum", *c.minimum);
    if (f.maximum && CompareCellValues(v, *f.maximum) > 0) ConstraintError(row, i, cell, "maximum", *c.maximum);
    if (f.exclusive_minimum && CompareCellValues(v, *f.exclusive_minimum) <= 0) {
      ConstraintError(row, i, cell, "exclusiveMinimum", *c.exclusive_minimum);
    }
    if (f.exclusive_maximum && CompareCellValues(v, *f.exclusive_maximum) >= 0) {
      ConstraintError(row, i, cell, "exclusiveMaximum", *c.exclusive_maximum);
    }
    if (f.pattern && !f.pattern->FullMatch(cell)) ConstraintError(row, i, cell, "pattern", *c.pattern);
    if (c.enum_values && !std::binary_search(f.enum_hashes.begin(), f.enum_hashes.end(), HashCellValue(v))) {
      ConstraintError(row, i, cell, "enum", PythonList(*c.enum_values));
    }
  }

  void SkipCheck(std::string_view what, std::string_view what_zh, std::uint64_t row) {
    report.Warn("check-skipped",
                fmt::format("{} check stopped at row {}: its memory budget of {} bytes is spent", what, row,
                            opts.memory_budget_bytes),
                fmt::format("{}檢查在第 {} 列停止：已用完記憶體預算 {} 位元組", what_zh, row, opts.memory_budget_bytes),
                row);
  }

  std::uint64_t KeyOf(const std::vector<std::size_t>& indexes, bool* all_null) const {
    std::uint64_t key = 0x51ed270b27a4d3c5ULL;
    bool nulls = true;
    for (std::size_t i : indexes) {
      const bool is_null = value_null[i] != 0;
      nulls = nulls && is_null;
      key = Combine(key, is_null ? kNullHash : value_hash[i]);
    }
    if (all_null != nullptr) *all_null = nulls;
    return key;
  }

  void CheckIntegrity(std::uint64_t row, std::span<const std::string_view> cells) {
    for (std::size_t k = 0; k < unique_fields.size(); ++k) {
      const std::size_t i = unique_fields[k];
      if (!unique_active[k] || value_null[i]) continue;
      const BoundedKeyMap::Seen seen = unique_maps[k]->Remember(value_hash[i], row);
      if (seen.full) {
        unique_active[k] = false;
        SkipCheck(fmt::format("unique ({})", fields[i].field.name), fmt::format("唯一值（{}）", fields[i].field.name), row);
      } else if (seen.previous_row != 0) {
        ReportError& e = CellError("unique-error", row, i, i < cells.size() ? cells[i] : std::string_view());
        e.note = fmt::format("the same as in the row at position {}", seen.previous_row);
        e.note_zh = fmt::format("與第 {} 列相同", seen.previous_row);
      }
    }
    if (primary_active) {
      bool all_null = false;
      const std::uint64_t key = KeyOf(primary_fields, &all_null);
      if (all_null) {
        ReportError& e = NewError("primary-key", row, std::nullopt);
        e.note = "cells composing the primary keys are all \"None\"";
        e.note_zh = "組成主鍵的欄位全部空白";
      } else {
        const BoundedKeyMap::Seen seen = primary_map->Remember(key, row);
        if (seen.full) {
          primary_active = false;
          SkipCheck("primary key", "主鍵", row);
        } else if (seen.previous_row != 0) {
          ReportError& e = NewError("primary-key", row, std::nullopt);
          e.note = fmt::format("the same as in the row at position {}", seen.previous_row);
          e.note_zh = fmt::format("與第 {} 列相同", seen.previous_row);
        }
      }
    }
    for (ForeignGroup& g : foreign) {
      if (!g.active) continue;
      if (g.referenced->Remember(KeyOf(g.target, nullptr), row).full) {
        g.active = false;
        g.pending.clear();
        SkipCheck(fmt::format("foreign key ({})", g.source_names), fmt::format("外鍵（{}）", g.source_names), row);
        continue;
      }
      bool all_null = false;
      const std::uint64_t key = KeyOf(g.source, &all_null);
      if (all_null || g.referenced->Contains(key)) continue;
      std::string values;
      for (std::size_t i : g.source) {
        if (!values.empty()) values += ", ";
        values += value_null[i] ? std::string("None") : ShortenForReport(i < cells.size() ? cells[i] : "");
      }
      g.pending_bytes += sizeof(Pending) + values.size();
      if (g.pending_bytes > g.pending_budget) {
        g.active = false;
        g.pending.clear();
        SkipCheck(fmt::format("foreign key ({})", g.source_names), fmt::format("外鍵（{}）", g.source_names), row);
        continue;
      }
      g.pending.push_back(Pending{row, key, std::move(values)});
    }
    if (duplicate_active) {
      std::uint64_t key = 0x2545f4914f6cdd1dULL;
      for (std::size_t i = 0; i < fields.size(); ++i) key = Combine(key, value_null[i] ? kNullHash : value_hash[i]);
      const BoundedKeyMap::Seen seen = duplicate_map->Remember(key, row);
      if (seen.full) {
        duplicate_active = false;
        SkipCheck("duplicate-row", "重複列", row);
      } else if (seen.previous_row != 0) {
        ReportError& e = NewError("duplicate-row", row, std::nullopt);
        e.note = fmt::format("the same as row at position \"{}\"", seen.previous_row);
        e.note_zh = fmt::format("與第 {} 列相同", seen.previous_row);
      }
    }
  }

  void CheckRow(std::uint64_t row, std::span<const std::string_view> cells) {
    ++data_rows;
    const std::size_t nf = fields.size();
    const std::size_t nc = cells.size();
    std::size_t blank = 0;
    for (std::size_t i = 0; i < nf; ++i) {
      FieldRuntime& f = fields[i];
      const bool absent = i >= nc;
      const std::string_view cell = absent ? std::string_view() : cells[i];
      if (absent || IsMissing(cell)) {
        value_null[i] = 1;
        ++blank;
        if (f.field.constraints.required) ConstraintError(row, i, cell, "required", "True");
        continue;
      }
      value_null[i] = 0;
      if (f.plain && !f.needs_hash) continue;
      const std::optional<CellValue> v = ParseCell(cell, f.field.format);
      if (!v) {
        value_null[i] = 1;  // like frictionless: a cell that failed its type is None for integrity
        ReportError& e = CellError("type-error", row, i, cell);
        e.note = fmt::format("type is \"{}/{}\"", FieldTypeName(f.field.format.type), f.field.format.format);
        e.note_zh = fmt::format("型別應為 {}（格式 {}）", FieldTypeName(f.field.format.type), f.field.format.format);
        continue;
      }
      if (!f.plain) CheckConstraints(row, i, f, cell, *v);
      if (f.needs_hash) value_hash[i] = HashCellValue(*v);
    }
    for (std::size_t i = nf; i < nc; ++i) CellError("extra-cell", row, i, cells[i]);
    for (std::size_t i = nc; i < nf; ++i) CellError("missing-cell", row, i, "");
    if (blank == nf) {
      row_errors.clear();
      NewError("blank-row", row, std::nullopt);
    }
    if (need_hashes) CheckIntegrity(row, cells);
    if (!row_errors.empty()) Flush();
  }

  // ---- end ----

  void ResolveForeignKeys() {
    std::vector<ReportError> late;
    for (ForeignGroup& g : foreign) {
      if (!g.active) continue;
      for (Pending& p : g.pending) {
        if (g.referenced->Contains(p.key)) continue;
        ReportError e;
        e.type = "foreign-key";
        e.row_number = p.row;
        e.note = fmt::format("for \"{}\": values \"{}\" not found in the lookup table \"\" as \"{}\"", g.source_names,
                             p.values, g.target_names);
        e.note_zh = fmt::format("「{}」的值「{}」在本表的「{}」欄中找不到", g.source_names, p.values, g.target_names);
        if (!Keep(e.type)) continue;
        WordError(e);
        late.push_back(std::move(e));
      }
    }
    if (late.empty()) return;
    std::stable_sort(late.begin(), late.end(),
                     [](const ReportError& a, const ReportError& b) { return *a.row_number < *b.row_number; });
    std::vector<ReportError> merged;
    merged.reserve(report.errors.size() + late.size());
    std::size_t k = 0;
    for (ReportError& e : report.errors) {
      // A foreign-key error goes after every error of its row and before later rows.
      while (k < late.size() && e.row_number && *e.row_number > *late[k].row_number) merged.push_back(std::move(late[k++]));
      merged.push_back(std::move(e));
    }
    while (k < late.size()) merged.push_back(std::move(late[k++]));
    report.errors = std::move(merged);
    EnforceLimit();
  }

  void TableError(std::string type, std::string note) {
    ReportError& e = NewError(std::move(type), std::nullopt, std::nullopt);
    e.note = std::move(note);
    e.note_zh = fmt::format("預期值與實際值不同（{}）", e.note);
  }

  void CheckDeclared(const FileDigests* digests) {
    if (opts.expected_hash) {
      std::string_view declared = *opts.expected_hash;
      std::string_view algorithm = "md5";
      if (const auto colon = declared.find(':'); colon != std::string_view::npos) {
        algorithm = declared.substr(0, colon);
        declared.remove_prefix(colon + 1);
      }
      if (algorithm != "md5" && algorithm != "sha256") {
        report.Warn("hash-ignored", "hash is ignored; supported algorithms: md5/sha256",
                    "已忽略宣告的雜湊值；僅支援 md5 與 sha256");
      } else if (digests == nullptr) {
        report.Warn("hash-ignored", "hash is not checked: the file's digest is not available", "無法取得檔案雜湊值，未檢查");
      } else {
        const std::string& actual = algorithm == "md5" ? digests->md5 : digests->sha256;
        if (declared != actual) TableError("hash-count", fmt::format("expected is \"{}\" and actual is \"{}\"", declared, actual));
      }
    }
    if (opts.expected_bytes) {
      if (digests == nullptr) {
        report.Warn("bytes-ignored", "bytes are not checked: the file's size is not available", "無法取得檔案大小，未檢查");
      } else if (*opts.expected_bytes != digests->bytes) {
        TableError("byte-count", fmt::format("expected is \"{}\" and actual is \"{}\"", *opts.expected_bytes, digests->bytes));
      }
    }
    if (opts.expected_rows && *opts.expected_rows != data_rows) {
      TableError("row-count", fmt::format("expected is \"{}\" and actual is \"{}\"", *opts.expected_rows, data_rows));
    }
    Flush();
  }
};

TableValidator::TableValidator(std::unique_ptr<State> state) : state_(std::move(state)) {}
TableValidator::TableValidator(TableValidator&&) noexcept = default;
TableValidator& TableValidator::operator=(TableValidator&&) noexcept = default;
TableValidator::~TableValidator() = default;

Result<TableValidator> TableValidator::Create(ValidatorOptions options) {
  if (options.limit_errors == 0 || options.limit_errors > kMaxErrorLimit) {
    return std::unexpected(Error::Invalid("limit_errors", fmt::format("must be between 1 and {}", kMaxErrorLimit),
                                          fmt::format("必須介於 1 與 {} 之間", kMaxErrorLimit)));
  }
  if (options.schema) {
    for (std::size_t i = 0; i < options.schema->fields.size(); ++i) {
      if (const auto& p = options.schema->fields[i].constraints.pattern) {
        if (auto m = PatternMatcher::Compile(*p); !m) return std::unexpected(m.error());
      }
    }
  }
  auto state = std::make_unique<State>();
  state->report.dialect.header = options.header;
  state->opts = std::move(options);
  return TableValidator(std::move(state));
}

bool TableValidator::OnRecord(const CsvRecord& record) {
  State& s = *state_;
  if (s.stop) return false;
  s.saw_record = true;
  if (!s.fields_ready) {
    if (s.opts.header) {
      s.labels.assign(record.cells.begin(), record.cells.end());
      if (auto r = s.PrepareFields(0); !r) {
        AddSourceError("source-error", r.error().message);
        return false;
      }
      s.CheckLabels();
      return !s.stop;
    }
    if (auto r = s.PrepareFields(record.cells.size()); !r) {
      AddSourceError("source-error", r.error().message);
      return false;
    }
  }
  s.CheckRow(record.row_number, record.cells);
  return !s.stop;
}

void TableValidator::AddSourceError(std::string type, std::string note, std::string note_zh) {
  State& s = *state_;
  if (s.limit_reached) return;
  ReportError& e = s.NewError(std::move(type), std::nullopt, std::nullopt);
  e.note = std::move(note);
  e.note_zh = std::move(note_zh);
  s.Flush();
  s.stop = true;
}

void TableValidator::AddWarning(std::string type, std::string message, std::string message_zh) {
  state_->report.Warn(std::move(type), std::move(message), std::move(message_zh));
}

bool TableValidator::finished_early() const { return state_->stop; }

Report TableValidator::Finish(const FileDigests* digests) {
  State& s = *state_;
  if (!s.saw_record && !s.stop) {
    AddSourceError("source-error", "the source is empty", "資料來源是空的");
  }
  if (!s.stop) {
    s.ResolveForeignKeys();
    if (!s.stop) s.CheckDeclared(digests);
  }
  Report report = std::move(s.report);
  report.stats.rows = s.data_rows;
  if (digests != nullptr) {
    report.stats.bytes = digests->bytes;
    report.stats.sha256 = digests->sha256;
    report.stats.md5 = digests->md5;
  }
  if (s.fields_ready && s.opts.schema) report.schema = TableSchemaToJson(*s.opts.schema);
  report.valid = report.errors.empty();
  return report;
}

}  // namespace pintu::quality
