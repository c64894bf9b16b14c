#include "quality/column_profile.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "quality/bounded_hash_set.h"
#include "quality/display_text.h"
#include "quality/hyperloglog.h"
#include "quality/value_hash.h"

namespace pintu::quality {
namespace {

constexpr std::size_t kMinUniqueBudgetPerColumn = 2048;
// Once a duplicate is known, the exact set only serves the exact distinct count; past
// this size (cache-resident) the estimate takes over, so that random accesses into a
// large table are paid only by columns that may still be keys.
constexpr std::size_t kExactDistinctBytes = 32 << 10;

std::string_view TrimAsciiSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses a number the way a cell that conformed to "number" may be written: optional
// sign, digits, decimal point, exponent, and thousands separators (",") that are
// dropped. False when the text is something else (e.g. "NaN" handled by cell types).
bool ParseDouble(std::string_view s, double& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec == std::errc() && end == s.data() + s.size()) return true;
  if (s.find(',') == std::string_view::npos || s.size() > 64) return false;
  char buf[64];
  std::size_t n = 0;
  for (char c : s) {
    if (c != ',') buf[n++] = c;
  }
  auto [end2, ec2] = std::from_chars(buf, buf + n, out);
  return ec2 == std::errc() && end2 == buf + n;
}

bool ParseInt(std::string_view s, std::int64_t& out) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

// The running state of one column.
class ColumnProfile {
 public:
  ColumnProfile(const ProfileOptions& o, std::size_t unique_budget, std::uint64_t seed)
      : options_(o),
        set_(unique_budget),
        top_(std::max(o.top_counters, o.top_k), o.max_value_bytes),
        sample_(o.sample_size, o.max_value_bytes, seed) {}

  void AddNull() { ++null_count_; }

  void AddValue(std::uint64_t row_number, std::string_view cell, TypeMask mask) {
    ++non_null_;
    shared_ &= mask;
    const std::uint64_t h = HashValue(cell);
    if (hll_) {
      hll_->Add(h);
    } else {
      switch (set_.Insert(h)) {
        case BoundedHashSet::Outcome::kInserted:
          if (duplicate_seen_ && set_.MemoryBytes() > kExactDistinctBytes) StartEstimating(0, false);
          break;
        case BoundedHashSet::Outcome::kAlreadyPresent: duplicate_seen_ = true; break;
        case BoundedHashSet::Outcome::kOverflowed: StartEstimating(h, true); break;
      }
    }
    top_.Add(h, cell);
    sample_.Offer(row_number, cell);

    const std::size_t length = CountCharacters(cell);
    if (non_null_ == 1) {
      min_length_ = max_length_ = length;
    } else {
      min_length_ = std::min(min_length_, length);
      max_length_ = std::max(max_length_, length);
    }
    UpdateTextBounds(cell);
    if (mask & (kTypeInteger | kTypeNumber)) UpdateNumericBounds(cell, mask);
  }

  ColumnSummary Summarize(std::string name, std::uint64_t rows) const {
    ColumnSummary s;
    s.name = std::move(name);
    s.non_null = non_null_;
    s.null_count = null_count_;
    s.null_ratio = rows == 0 ? 0.0 : static_cast<double>(null_count_) / static_cast<double>(rows);
    s.shared_types = non_null_ == 0 ? 0 : shared_;
    s.type = non_null_ == 0 ? "any" : std::string(PreferredTypeName(shared_));
    if (hll_) {
      // The estimate can drift below what was counted exactly before the overflow.
      s.distinct = std::min<std::uint64_t>(std::max(hll_->Estimate(), exact_before_overflow_), non_null_);
      s.distinct_exact = false;
      if (duplicate_seen_) s.unique = false;  // otherwise unknown
    } else {
      s.distinct = set_.size();
      s.distinct_exact = true;
      s.unique = !duplicate_seen_;
    }
    if (s.unique.has_value()) s.key_candidate = *s.unique && null_count_ == 0 && non_null_ > 0;
    if (non_null_ > 0) {
      s.min_length = min_length_;
      s.max_length = max_length_;
      if (s.type == "integer" && int_parsed_ == non_null_) {
        s.min = ProfileBound{ProfileBound::Kind::kInteger, int_min_, 0, {}, false};
        s.max = ProfileBound{ProfileBound::Kind::kInteger, int_max_, 0, {}, false};
      } else if ((s.type == "integer" || s.type == "number") && number_parsed_ > 0) {
        s.min = ProfileBound{ProfileBound::Kind::kNumber, 0, number_min_, {}, false};
        s.max = ProfileBound{ProfileBound::Kind::kNumber, 0, number_max_, {}, false};
      } else {
        s.min = ProfileBound{ProfileBound::Kind::kText, 0, 0, min_text_, min_truncated_};
        s.max = ProfileBound{ProfileBound::Kind::kText, 0, 0, max_text_, max_truncated_};
      }
    }
    s.top = top_.Top(options_.top_k);
    s.top_exact = top_.exact();
    s.sample = sample_.Values();
    return s;
  }

  std::size_t MemoryBytes() const {
    auto heap = [](const std::string& t) { return t.capacity() > 15 ? t.capacity() + 1 : 0; };
    return sizeof(*this) + set_.MemoryBytes() - sizeof(set_) + top_.MemoryBytes() - sizeof(top_) +
           sample_.MemoryBytes() - sizeof(sample_) + (hll_ ? hll_->MemoryBytes() : 0) + heap(min_text_) +
           heap(max_text_);
  }

 private:
  // The exact set outgrew its budget (or is no longer worth its size): continue with a
  // HyperLogLog seeded with every hash seen so far (and `h` when `add_h`: the value the
  // set refused), and free the set.
  void StartEstimating(std::uint64_t h, bool add_h) {
    hll_ = std::make_unique<HyperLogLog>(options_.hll_precision);
    set_.ForEach([&](std::uint64_t stored) { hll_->Add(stored); });
    exact_before_overflow_ = set_.size();
    if (add_h) hll_->Add(h);
    set_.Release();
  }

  void UpdateTextBounds(std::string_view cell) {
    const std::size_t keep = Utf8PrefixLength(cell, options_.max_value_bytes);
    const std::string_view key = cell.substr(0, keep);
    if (non_null_ == 1) {
      min_text_.reserve(std::min(options_.max_value_bytes, std::size_t{32}));
      max_text_.reserve(std::min(options_.max_value_bytes, std::size_t{32}));
      min_text_.assign(key);
      max_text_.assign(key);
      min_truncated_ = max_truncated_ = keep < cell.size();
      return;
    }
    if (key < std::string_view(min_text_)) {
      min_text_.assign(key);
      min_truncated_ = keep < cell.size();
    } else if (key > std::string_view(max_text_)) {
      max_text_.assign(key);
      max_truncated_ = keep < cell.size();
    }
  }

  void UpdateNumericBounds(std::string_view cell, TypeMask mask) {
    const std::string_view s = TrimAsciiSpaces(cell);
    std::int64_t i;
    if ((mask & kTypeInteger) && ParseInt(s, i)) {
      if (int_parsed_ == 0) {
        int_min_ = int_max_ = i;
      } else {
        int_min_ = std::min(int_min_, i);
        int_max_ = std::max(int_max_, i);
      }
      ++int_parsed_;
    }
    double d;
    if (ParseDouble(s, d) && d == d) {  // NaN has no place in min/max
      if (number_parsed_ == 0) {
        number_min_ = number_max_ = d;
      } else {
        number_min_ = std::min(number_min_, d);
        number_max_ = std::max(number_max_, d);
      }
      ++number_parsed_;
    }
  }

  const ProfileOptions& options_;
  std::uint64_t non_null_ = 0;
  std::uint64_t null_count_ = 0;
  TypeMask shared_ = kAllTypes;
  BoundedHashSet set_;
  std::unique_ptr<HyperLogLog> hll_;
  std::uint64_t exact_before_overflow_ = 0;
  bool duplicate_seen_ = false;
  TopValues top_;
  ReservoirSample sample_;
  std::size_t min_length_ = 0, max_length_ = 0;
  std::string min_text_, max_text_;
  bool min_truncated_ = false, max_truncated_ = false;
  std::uint64_t int_parsed_ = 0, number_parsed_ = 0;
  std::int64_t int_min_ = 0, int_max_ = 0;
  double number_min_ = 0, number_max_ = 0;
};

TableProfile::TableProfile(std::vector<std::string> field_names, ProfileOptions options)
    : options_(std::move(options)), names_(std::move(field_names)) {
  options_.top_counters = std::max(options_.top_counters, options_.top_k);
  only_empty_is_missing_ = options_.missing_values.size() == 1 && options_.missing_values[0].empty();
  const std::size_t n = std::min(names_.size(), options_.max_columns);
  const std::size_t share =
      n == 0 ? 0 : std::max(options_.unique_budget_bytes / n, kMinUniqueBudgetPerColumn);
  columns_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    columns_.push_back(std::make_unique<ColumnProfile>(options_, share, options_.seed ^ (i * 0x9E3779B97F4A7C15ull)));
  }
}

TableProfile::~TableProfile() = default;

bool TableProfile::IsMissing(std::string_view cell) const {
  if (only_empty_is_missing_) return cell.empty();
  for (const std::string& m : options_.missing_values) {
    if (cell == m) return true;
  }
  return false;
}

void TableProfile::AddRow(std::uint64_t row_number, std::span<const std::string_view> cells,
                          std::span<const TypeMask> masks) {
  ++rows_;
  const std::size_t n = columns_.size();
  const std::size_t present = std::min(n, cells.size());
  for (std::size_t i = 0; i < present; ++i) {
    if (IsMissing(cells[i])) {
      columns_[i]->AddNull();
    } else {
      columns_[i]->AddValue(row_number, cells[i], i < masks.size() ? masks[i] : TypeMask{0});
    }
  }
  for (std::size_t i = present; i < n; ++i) columns_[i]->AddNull();
}

ColumnSummary TableProfile::Summarize(std::size_t index) const {
  return columns_.at(index)->Summarize(names_[index], rows_);
}

std::size_t TableProfile::MemoryBytes() const {
  std::size_t bytes = sizeof(*this) + columns_.capacity() * sizeof(columns_[0]);
  for (const auto& c : columns_) bytes += c->MemoryBytes();
  return bytes;
}

}  // namespace pintu::quality
