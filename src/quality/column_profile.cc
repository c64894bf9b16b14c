#include "quality/column_profile.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <limits>

#include "quality/cell_types.h"
#include "quality/display_text.h"
#include "quality/hyperloglog.h"
#include "quality/key_memory.h"
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

// Exact powers of ten: an integer below 2^53 divided by one of them is correctly rounded
// (Clinger's fast path), so short decimals need no general conversion.
constexpr double kExactPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// Reads [+-]digits[.digits] with at most 15 digits; false for anything else.
bool ParseShortDecimal(std::string_view s, double& out) {
  std::size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) i = 1;
  std::int64_t mantissa = 0;
  std::size_t digits = 0, fraction = 0;
  bool point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (++digits > 15) return false;  // beyond the exact range: the general parser
      mantissa = mantissa * 10 + (c - '0');
      fraction += point;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  if (digits == 0) return false;
  const double v = static_cast<double>(mantissa) / kExactPow10[fraction];
  out = negative ? -v : v;
  return true;
}

// Parses a number the way a cell that conformed to "number" may be written: optional
// sign, digits, decimal point, exponent, and thousands separators (",") that are
// dropped. False when the text is something else (e.g. "NaN" handled by cell types).
bool ParseDouble(std::string_view s, double& out) {
  if (ParseShortDecimal(s, out)) return true;
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
  const bool negative = s.front() == '-';
  const std::size_t start = negative ? 1 : 0;
  if (s.size() - start <= 18 && s.size() > start) {  // cannot overflow
    std::int64_t v = 0;
    for (std::size_t i = start; i < s.size(); ++i) {
      const unsigned d = static_cast<unsigned char>(s[i]) - unsigned{'0'};
      if (d > 9) return false;
      v = v * 10 + static_cast<std::int64_t>(d);
    }
    out = negative ? -v : v;
    return true;
  }
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// The first 8 bytes of `s` as a big-endian number, zero-padded: when two strings'
// prefixes differ, they order like the strings (bytewise).
std::uint64_t OrderPrefix(std::string_view s) {
  unsigned char bytes[8] = {};
  std::memcpy(bytes, s.data(), std::min<std::size_t>(s.size(), 8));
  std::uint64_t v;
  std::memcpy(&v, bytes, 8);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
  return v;
}

}  // namespace

// The running state of one column.
class ColumnProfile {
 public:
  ColumnProfile(const ProfileOptions& o, std::size_t unique_budget, std::uint64_t seed)
      : options_(o),
        keys_(unique_budget),
        top_(std::max(o.top_counters, o.top_k), o.max_value_bytes),
        sample_(o.sample_size, o.max_value_bytes, seed) {}

  void AddNull() { ++null_count_; }

  // The types every non-null cell so far conforms to (kAllTypes before the first).
  TypeMask shared_types() const { return shared_; }

  // Starts loading what AddValue of a value with hash `h` will touch (the exact map's
  // slot or the estimate's register), so that the loads of a row's cells overlap.
  void Prefetch(std::uint64_t h) const {
    if (hll_) {
      hll_->Prefetch(h);
    } else {
      keys_.Prefetch(h);
    }
  }

  // Adds a non-null cell whose HashValue is `h`.
  void AddValue(std::uint64_t row_number, std::string_view cell, std::uint64_t h, TypeMask mask) {
    ++non_null_;
    shared_ &= mask;
    if (hll_) {
      hll_->Add(h);
    } else {
      // The map's "row" is the value's ordinal: always ≥ 1, and only its presence matters.
      const BoundedKeyMap::Seen seen = keys_.Remember(h, non_null_);
      if (seen.full) {
        StartEstimating(h, true);
      } else if (seen.previous_row != 0) {
        duplicate_seen_ = true;
      } else if (duplicate_seen_ && keys_.memory_bytes() > kExactDistinctBytes) {
        StartEstimating(0, false);
      }
    }
    top_.Add(h, cell);
    sample_.Offer(row_number, cell);
    UpdateLengths(cell);
    UpdateTextBounds(cell);
    // Numeric bounds matter only while every cell so far was a number.
    if (shared_ & (kTypeInteger | kTypeNumber)) UpdateNumericBounds(cell, shared_);
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
      s.distinct = keys_.size();
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
    return sizeof(*this) + keys_.memory_bytes() + top_.MemoryBytes() - sizeof(top_) +
           sample_.MemoryBytes() - sizeof(sample_) + (hll_ ? hll_->MemoryBytes() : 0) + heap(min_text_) +
           heap(max_text_);
  }

 private:
  // The exact map outgrew its budget (or is no longer worth its size): continue with a
  // HyperLogLog seeded with every hash seen so far (and `h` when `add_h`: the value the
  // map refused), and free the map.
  void StartEstimating(std::uint64_t h, bool add_h) {
    hll_ = std::make_unique<HyperLogLog>(options_.hll_precision);
    keys_.ForEachKey([&](std::uint64_t stored) { hll_->Add(stored); });
    exact_before_overflow_ = keys_.size();
    if (add_h) hll_->Add(h);
    keys_.Release();
  }

  void UpdateLengths(std::string_view cell) {
    if (non_null_ == 1) {
      min_length_ = max_length_ = CountCharacters(cell);
      return;
    }
    // A cell of n bytes has between ceil(n/4) and n characters: count them only when
    // that range reaches outside [min_length_, max_length_].
    const std::size_t bytes = cell.size();
    if (bytes <= max_length_ && (bytes + 3) / 4 >= min_length_) return;
    const std::size_t length = CountCharacters(cell);
    min_length_ = std::min(min_length_, length);
    max_length_ = std::max(max_length_, length);
  }

  void UpdateTextBounds(std::string_view cell) {
    const std::size_t keep =
        cell.size() <= options_.max_value_bytes ? cell.size() : Utf8PrefixLength(cell, options_.max_value_bytes);
    const std::string_view key = cell.substr(0, keep);
    const std::uint64_t prefix = OrderPrefix(key);
    if (non_null_ == 1) {
      min_text_.reserve(std::min(options_.max_value_bytes, std::size_t{32}));
      max_text_.reserve(std::min(options_.max_value_bytes, std::size_t{32}));
      min_text_.assign(key);
      max_text_.assign(key);
      min_prefix_ = max_prefix_ = prefix;
      min_truncated_ = max_truncated_ = keep < cell.size();
      return;
    }
    if (prefix > min_prefix_ && prefix < max_prefix_) return;  // strictly inside: no change
    if (prefix <= min_prefix_ && key < std::string_view(min_text_)) {
      min_text_.assign(key);
      min_prefix_ = prefix;
      min_truncated_ = keep < cell.size();
    } else if (prefix >= max_prefix_ && key > std::string_view(max_text_)) {
      max_text_.assign(key);
      max_prefix_ = prefix;
      max_truncated_ = keep < cell.size();
    }
  }

  void UpdateNumericBounds(std::string_view cell, TypeMask mask) {
    const std::string_view s = TrimAsciiSpaces(cell);
    std::int64_t i;
    double d;
    bool number = false;
    if ((mask & kTypeInteger) && ParseInt(s, i)) {
      if (int_parsed_ == 0) {
        int_min_ = int_max_ = i;
      } else {
        int_min_ = std::min(int_min_, i);
        int_max_ = std::max(int_max_, i);
      }
      ++int_parsed_;
      // The same double a decimal parse would give ("-0" stays negative zero).
      d = (i == 0 && s.front() == '-') ? -0.0 : static_cast<double>(i);
      number = true;
    } else {
      number = ParseDouble(s, d);
    }
    if (number && d == d) {  // NaN has no place in min/max
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
  BoundedKeyMap keys_;  // exact set of value hashes, until it is full
  std::unique_ptr<HyperLogLog> hll_;
  std::uint64_t exact_before_overflow_ = 0;
  bool duplicate_seen_ = false;
  TopValues top_;
  ReservoirSample sample_;
  std::size_t min_length_ = 0, max_length_ = 0;
  std::string min_text_, max_text_;
  std::uint64_t min_prefix_ = 0, max_prefix_ = 0;  // OrderPrefix of min_text_, max_text_
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
  row_hashes_.assign(n, 0);
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
  AddCells(row_number, cells, masks, false);
}

void TableProfile::AddRowDetectingTypes(std::uint64_t row_number, std::span<const std::string_view> cells) {
  AddCells(row_number, cells, {}, true);
}

void TableProfile::AddCells(std::uint64_t row_number, std::span<const std::string_view> cells,
                            std::span<const TypeMask> masks, bool detect_types) {
  ++rows_;
  const std::size_t n = columns_.size();
  const std::size_t present = std::min(n, cells.size());
  // First hash every value and start loading the memory each column will touch, then
  // add the values: the cache misses of the columns overlap instead of adding up.
  for (std::size_t i = 0; i < present; ++i) {
    if (IsMissing(cells[i])) {
      row_hashes_[i] = kMissingCell;
      continue;
    }
    const std::uint64_t h = HashValue(cells[i]);
    row_hashes_[i] = h == kMissingCell ? h + 1 : h;  // one value in 2^64 shares a hash with its neighbour
    columns_[i]->Prefetch(row_hashes_[i]);
  }
  for (std::size_t i = 0; i < present; ++i) {
    ColumnProfile& column = *columns_[i];
    if (row_hashes_[i] == kMissingCell) {
      column.AddNull();
      continue;
    }
    TypeMask mask = 0;
    if (detect_types) {
      const TypeMask candidates = column.shared_types();
      if (candidates != 0) mask = ConformingTypesWithin(cells[i], candidates);
    } else if (i < masks.size()) {
      mask = masks[i];
    }
    column.AddValue(row_number, cells[i], row_hashes_[i], mask);
  }
  for (std::size_t i = present; i < n; ++i) columns_[i]->AddNull();
}

ColumnSummary TableProfile::Summarize(std::size_t index) const {
  return columns_.at(index)->Summarize(names_[index], rows_);
}

std::size_t TableProfile::MemoryBytes() const {
  std::size_t bytes = sizeof(*this) + columns_.capacity() * sizeof(columns_[0]) +
                      row_hashes_.capacity() * sizeof(std::uint64_t);
  for (const auto& c : columns_) bytes += c->MemoryBytes();
  return bytes;
}

}  // namespace pintu::quality
