#include "quality/taiwan_checks.h"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "core/text.h"
#include "quality/cjk_characters.h"
#include "quality/display_text.h"
#include "quality/personal_data.h"
#include "quality/taiwan_messages.h"

namespace pintu::quality {
namespace {

namespace msg = taiwan_messages;

// The per-cell findings, in report order.
enum Kind : std::size_t {
  kRocDate,
  kFullWidth,
  kCjkCompatibility,
  kNationalId,
  kPhone,
  kEmail,
  kWhitespace,
  kKindCount,
};

constexpr std::size_t kMaxRowsListed = 8;       // hard cap behind options.max_rows_listed
constexpr std::size_t kMaxDateCellBytes = 60;   // longer cells are never dates
constexpr std::size_t kPaddings = 3;

// Count, first rows and first example of one finding in one column.
struct Tally {
  std::uint64_t count = 0;
  std::uint8_t listed = 0;
  std::array<std::uint64_t, kMaxRowsListed> rows{};
  std::string example;

  // Records a cell; `example` is evaluated (and copied) for the first cell only.
  template <typename MakeExample>
  void Add(std::uint64_t row, std::size_t max_rows, MakeExample&& make_example) {
    if (count == 0) example = make_example();
    ++count;
    if (listed < max_rows) rows[listed++] = row;
  }
  std::vector<std::uint64_t> Rows() const { return {rows.begin(), rows.begin() + listed}; }
};

bool StartsOrEndsWithSpace(std::string_view s) {
  const char f = s.front(), b = s.back();
  if (f == ' ' || f == '\t' || b == ' ' || b == '\t') return true;
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  return s.starts_with(kIdeographicSpace) || s.ends_with(kIdeographicSpace);
}

// What one pass over a cell's bytes tells about which detectors can match.
struct ByteSummary {
  std::size_t digits = 0;         // ASCII digits
  bool letters = false;           // some ASCII letter
  bool at = false;                // some '@'
  bool cjk_special_lead = false;  // some lead byte E2, E3 or EF–F4: the only way to
                                  // full-width, radical or compatibility characters
};

#if defined(__SSE2__)

// Bit i set when byte i of a 16-byte block matches, for each class.
struct BlockMasks {
  unsigned digits, letters, at, special;
};

// Classifies 16 bytes at once. Signed byte compares: bytes ≥ 0x80 are negative, so they
// fall outside the ASCII ranges by themselves.
BlockMasks ClassifyBlock(__m128i v) {
  auto splat = [](int c) { return _mm_set1_epi8(static_cast<char>(c)); };
  auto between = [&](__m128i x, int lo, int hi) {  // lo ≤ x ≤ hi (signed)
    return _mm_and_si128(_mm_cmpgt_epi8(x, splat(lo - 1)), _mm_cmplt_epi8(x, splat(hi + 1)));
  };
  const __m128i folded = _mm_or_si128(v, splat(0x20));
  // 0xEF–0xFF are -17…-1 as signed bytes; 0xE2/0xE3 are 0xE2 once bit 0 is cleared.
  const __m128i special = _mm_or_si128(between(v, -17, -1), _mm_cmpeq_epi8(_mm_and_si128(v, splat(0xFE)), splat(0xE2)));
  return {static_cast<unsigned>(_mm_movemask_epi8(between(v, '0', '9'))),
          static_cast<unsigned>(_mm_movemask_epi8(between(folded, 'a', 'z'))),
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, splat('@')))),
          static_cast<unsigned>(_mm_movemask_epi8(special))};
}

unsigned CountBits16(unsigned x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

std::uint64_t Load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

std::uint64_t Load4(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// One pass in 16-byte blocks. A cell shorter than 16 bytes is read with two overlapping
// loads (never past its end); the duplicated bytes are dropped from the masks.
ByteSummary SummarizeBytes(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  unsigned digits = 0, letters = 0, at = 0, special = 0;
  auto add = [&](__m128i v, unsigned keep) {
    const BlockMasks m = ClassifyBlock(v);
    digits += CountBits16(m.digits & keep);
    letters |= m.letters & keep;
    at |= m.at & keep;
    special |= m.special & keep;
  };
  if (n >= 16) {
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) add(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), 0xFFFFu);
    if (i < n) {  // the last 16 bytes; keep only those not seen yet
      const std::size_t fresh = n - i;
      add(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)), (0xFFFFu << (16 - fresh)) & 0xFFFFu);
    }
  } else if (n >= 8) {  // bytes 0–7, then bytes n-8 … n-1 (the first 16-n of them repeat)
    const __m128i v = _mm_set_epi64x(static_cast<long long>(Load8(p + n - 8)), static_cast<long long>(Load8(p)));
    add(v, 0x00FFu | (((0xFFu << (16 - n)) & 0xFFu) << 8));
  } else if (n >= 4) {  // bytes 0–3, then bytes n-4 … n-1 (the first 8-n of them repeat)
    const std::uint64_t w = Load4(p) | (Load4(p + n - 4) << 32);
    add(_mm_cvtsi64_si128(static_cast<long long>(w)), 0x0Fu | (((0xFu << (8 - n)) & 0xFu) << 4));
  } else {  // 0–3 bytes, zero-padded (a zero byte matches no class)
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < n; ++i) w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    add(_mm_cvtsi64_si128(static_cast<long long>(w)), (1u << n) - 1);
  }
  return ByteSummary{digits, letters != 0, at != 0, special != 0};
}

#else

// Portable fallback: one byte at a time.
ByteSummary SummarizeBytes(std::string_view s) {
  ByteSummary out;
  for (char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    out.digits += u >= '0' && u <= '9';
    out.letters |= (u | 0x20u) >= 'a' && (u | 0x20u) <= 'z';
    out.at |= u == '@';
    out.cjk_special_lead |= u == 0xE2 || u == 0xE3 || u >= 0xEF;
  }
  return out;
}

#endif

// True when `cell` may start a date for ClassifyDateShape: after leading spaces, tabs
// and U+3000 it starts with an ASCII digit or with "民國" / "中華民國".
bool MayStartDate(std::string_view cell) {
  for (;;) {
    if (cell.empty()) return false;
    const char c = cell.front();
    if (c == ' ' || c == '\t') {
      cell.remove_prefix(1);
    } else if (cell.starts_with("\xE3\x80\x80")) {
      cell.remove_prefix(3);
    } else {
      return (c >= '0' && c <= '9') || cell.starts_with("民國") || cell.starts_with("中華民國");
    }
  }
}

// True when `cell` has a '9' right after '0', '6', '-' or ' ': every mobile number that
// FindMobilePhone accepts ("09…", "886…9", "+886-9…", "886 9…") has one.
bool MayHoldMobilePhone(std::string_view cell) {
  for (std::size_t i = cell.find('9', 1); i != std::string_view::npos; i = cell.find('9', i + 1)) {
    const char before = cell[i - 1];
    if (before == '0' || before == '6' || before == '-' || before == ' ') return true;
  }
  return false;
}

std::string CodePointLabel(char32_t cp) { return fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp)); }

// Merges the first rows of several tallies into one ascending list of at most `max`.
std::vector<std::uint64_t> MergeRows(std::initializer_list<const Tally*> tallies, std::size_t max) {
  std::vector<std::uint64_t> rows;
  for (const Tally* t : tallies) {
    auto r = t->Rows();
    rows.insert(rows.end(), r.begin(), r.end());
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  if (rows.size() > max) rows.resize(max);
  return rows;
}

}  // namespace

struct TaiwanChecks::Column {
  std::uint64_t non_empty = 0;
  std::uint64_t date_cells = 0;
  std::array<Tally, kKindCount> tally;
  Tally roc_compact;  // ROC YYYMMDD: reported only when the column is a date column
  std::string roc_gregorian, roc_compact_gregorian;  // the examples' Gregorian dates
  std::array<std::array<Tally, kPaddings>, kDateFamilyCount> dates;
  std::array<char32_t, 8> compat_chars{};
};

TaiwanChecks::TaiwanChecks(std::vector<std::string> field_names, TaiwanCheckOptions options)
    : options_(options), names_(std::move(field_names)) {
  options_.max_rows_listed = std::min(options_.max_rows_listed, kMaxRowsListed);
  const std::size_t n = std::min(names_.size(), options_.max_columns);
  columns_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) columns_.push_back(std::make_unique<Column>());
}

TaiwanChecks::~TaiwanChecks() = default;

void TaiwanChecks::AddRow(std::uint64_t row_number, std::span<const std::string_view> cells) {
  const std::size_t n = std::min(columns_.size(), cells.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!cells[i].empty()) CheckCell(*columns_[i], row_number, cells[i]);
  }
}

void TaiwanChecks::CheckCell(Column& c, std::uint64_t row, std::string_view cell) {
  ++c.non_empty;
  const std::size_t max_rows = options_.max_rows_listed;
  auto example = [&] { return ToValidUtf8(cell.substr(0, Utf8PrefixLength(cell, options_.max_example_bytes))); };

  if (StartsOrEndsWithSpace(cell)) c.tally[kWhitespace].Add(row, max_rows, example);

  // One pass over the bytes decides which detectors can match; each prefilter only
  // skips cells its detector would reject.
  const ByteSummary bytes = SummarizeBytes(cell);

  if (bytes.cjk_special_lead) {
    CjkCharacterFindings f = ScanCjkCharacters(cell);
    if (f.full_width) c.tally[kFullWidth].Add(row, max_rows, example);
    if (f.has_compatibility()) {
      c.tally[kCjkCompatibility].Add(row, max_rows, example);
      for (char32_t cp : f.compatibility) {
        if (cp == 0) break;
        for (char32_t& slot : c.compat_chars) {
          if (slot == cp) break;
          if (slot == 0) {
            slot = cp;
            break;
          }
        }
      }
    }
  }

  // Dates need 3+ digits; a cell of digits only is a date candidate at 7 or 8 digits.
  const std::size_t digits = bytes.digits;
  const bool only_digits = digits == cell.size();
  if (digits >= 3 && cell.size() <= kMaxDateCellBytes && (!only_digits || digits == 7 || digits == 8) &&
      MayStartDate(cell)) {
    if (std::optional<DateShape> d = ClassifyDateShape(cell)) {
      ++c.date_cells;
      c.dates[static_cast<std::size_t>(d->family)][static_cast<std::size_t>(d->padding)].Add(row, max_rows, example);
      if (d->family == DateFamily::kRocCompact) {
        if (c.roc_compact.count == 0) c.roc_compact_gregorian = GregorianIso(*d);
        c.roc_compact.Add(row, max_rows, example);
      } else if (IsRocFamily(d->family)) {
        if (c.tally[kRocDate].count == 0) c.roc_gregorian = GregorianIso(*d);
        c.tally[kRocDate].Add(row, max_rows, example);
      }
    }
  }

  if (bytes.letters && digits >= 8) {
    if (auto id = FindTaiwanIdNumber(cell)) {
      c.tally[kNationalId].Add(row, max_rows, [&] { return MaskIdNumber(cell.substr(id->offset, id->length)); });
    }
  }
  if (digits >= 10 && MayHoldMobilePhone(cell)) {
    if (auto phone = FindMobilePhone(cell)) {
      c.tally[kPhone].Add(row, max_rows, [&] { return MaskPhone(cell.substr(phone->offset, phone->length)); });
    }
  }
  if (bytes.at) {
    if (auto email = FindEmailAddress(cell)) {
      c.tally[kEmail].Add(row, max_rows, [&] { return MaskEmail(cell.substr(email->offset, email->length)); });
    }
  }
}

namespace {

// One date format of a column, for mixed-date-formats.
struct FormatUse {
  std::string name;
  std::uint64_t count = 0;
  std::vector<const Tally*> tallies;  // the cells written this way (neutral ones excluded)
};

}  // namespace

void TaiwanChecks::AppendColumnWarnings(std::size_t index, std::vector<TaiwanWarning>& out) const {
  const Column& c = *columns_[index];
  const std::size_t max_rows = options_.max_rows_listed;
  const bool date_column =
      c.non_empty > 0 && static_cast<double>(c.date_cells) >= options_.date_column_share * static_cast<double>(c.non_empty);

  auto base = [&](std::string type, const Tally& t) {
    TaiwanWarning w;
    w.type = std::move(type);
    w.severity = "warning";
    w.field_number = index + 1;
    w.field_name = ToValidUtf8(names_[index]);
    w.count = t.count;
    w.row_numbers = t.Rows();
    w.example = t.example;
    return w;
  };

  // roc-date (compact ROC dates only in a date column).
  {
    const Tally& roc = c.tally[kRocDate];
    const bool with_compact = date_column && c.roc_compact.count > 0;
    if (roc.count > 0 || with_compact) {
      const Tally& first = roc.count > 0 ? roc : c.roc_compact;
      const std::string& gregorian = roc.count > 0 ? c.roc_gregorian : c.roc_compact_gregorian;
      TaiwanWarning w = base("roc-date", first);
      if (with_compact && roc.count > 0) {
        w.count = roc.count + c.roc_compact.count;
        w.row_numbers = MergeRows({&roc, &c.roc_compact}, max_rows);
      }
      w.suggestion = gregorian;
      w.message = msg::RocDate(w.count, w.example, gregorian);
      w.hint = msg::RocDateHint(gregorian);
      out.push_back(std::move(w));
    }
  }

  // mixed-date-formats: one format per family, split in two only when both zero-padded
  // and unpadded cells occur; neutral cells (2021/12/25) fit either spelling.
  {
    std::vector<FormatUse> formats;
    for (int f = 0; f < kDateFamilyCount; ++f) {
      const auto family = static_cast<DateFamily>(f);
      if (IsCompactFamily(family) && !date_column) continue;
      const auto& p = c.dates[static_cast<std::size_t>(f)];
      const Tally& neutral = p[static_cast<std::size_t>(DatePadding::kNeutral)];
      const Tally& padded = p[static_cast<std::size_t>(DatePadding::kZeroPadded)];
      const Tally& unpadded = p[static_cast<std::size_t>(DatePadding::kUnpadded)];
      if (neutral.count + padded.count + unpadded.count == 0) continue;
      if (padded.count > 0 && unpadded.count > 0) {
        const bool padded_major = padded.count >= unpadded.count;
        formats.push_back({std::string(DateShapeName(family, DatePadding::kZeroPadded)),
                           padded.count + (padded_major ? neutral.count : 0), {&padded}});
        formats.push_back({std::string(DateShapeName(family, DatePadding::kUnpadded)),
                           unpadded.count + (padded_major ? 0 : neutral.count), {&unpadded}});
      } else {
        const DatePadding shown = unpadded.count > 0 ? DatePadding::kUnpadded : DatePadding::kZeroPadded;
        formats.push_back({std::string(DateShapeName(family, shown)), neutral.count + padded.count + unpadded.count,
                           {&neutral, &padded, &unpadded}});
      }
    }
    if (formats.size() >= 2) {
      std::stable_sort(formats.begin(), formats.end(),
                       [](const FormatUse& a, const FormatUse& b) { return a.count > b.count; });
      std::vector<std::uint64_t> rows;
      std::uint64_t minority = 0;
      const Tally* first_minority = nullptr;
      std::string list;
      for (std::size_t i = 0; i < formats.size(); ++i) {
        if (!list.empty()) list += ", ";
        list += fmt::format("{} ({})", formats[i].name, formats[i].count);
        if (i == 0) continue;
        for (const Tally* t : formats[i].tallies) {
          if (t->count == 0) continue;
          minority += t->count;
          auto r = t->Rows();
          rows.insert(rows.end(), r.begin(), r.end());
          if (!first_minority || (!r.empty() && r.front() < first_minority->rows[0])) first_minority = t;
        }
      }
      std::sort(rows.begin(), rows.end());
      if (rows.size() > max_rows) rows.resize(max_rows);
      TaiwanWarning w = base("mixed-date-formats", first_minority ? *first_minority : Tally{});
      w.count = minority;
      w.row_numbers = std::move(rows);
      for (const FormatUse& f : formats) w.formats.emplace_back(f.name, f.count);
      w.message = msg::MixedDateFormats(formats.size(), list);
      w.hint = msg::MixedDateFormatsHint(formats.front().name);
      out.push_back(std::move(w));
    }
  }

  if (const Tally& t = c.tally[kFullWidth]; t.count > 0) {
    TaiwanWarning w = base("full-width-characters", t);
    w.suggestion = ToHalfWidth(w.example);
    w.message = msg::FullWidth(t.count, w.example, w.suggestion);
    w.hint = msg::FullWidthHint();
    out.push_back(std::move(w));
  }

  if (const Tally& t = c.tally[kCjkCompatibility]; t.count > 0) {
    TaiwanWarning w = base("cjk-compatibility-character", t);
    std::string list;
    for (char32_t cp : c.compat_chars) {
      if (cp == 0) break;
      if (!list.empty()) list += ", ";
      AppendUtf8(list, cp);
      list += " (" + CodePointLabel(cp) + ")";
      if (char32_t to = CjkCompatibilityReplacement(cp)) {
        list += " → ";
        AppendUtf8(list, to);
      }
    }
    w.suggestion = ReplaceCjkCompatibility(w.example);
    w.message = msg::CjkCompatibility(t.count, list, w.example);
    w.hint = msg::CjkCompatibilityHint();
    out.push_back(std::move(w));
  }

  if (const Tally& t = c.tally[kNationalId]; t.count > 0) {
    TaiwanWarning w = base("personal-data-national-id", t);
    w.severity = "error";
    w.message = msg::NationalId(t.count, w.example);
    w.hint = msg::NationalIdHint();
    out.push_back(std::move(w));
  }
  if (const Tally& t = c.tally[kPhone]; t.count > 0) {
    TaiwanWarning w = base("personal-data-phone", t);
    w.message = msg::MobilePhone(t.count, w.example);
    w.hint = msg::MobilePhoneHint();
    out.push_back(std::move(w));
  }
  if (const Tally& t = c.tally[kEmail]; t.count > 0) {
    TaiwanWarning w = base("personal-data-email", t);
    w.message = msg::Email(t.count, w.example);
    w.hint = msg::EmailHint();
    out.push_back(std::move(w));
  }
  if (const Tally& t = c.tally[kWhitespace]; t.count > 0) {
    TaiwanWarning w = base("leading-trailing-whitespace", t);
    w.suggestion = std::string(Trim(w.example));
    w.message = msg::Whitespace(t.count, w.example);
    w.hint = msg::WhitespaceHint();
    out.push_back(std::move(w));
  }
}

std::vector<TaiwanWarning> TaiwanChecks::Warnings() const {
  std::vector<TaiwanWarning> out;
  for (std::size_t i = 0; i < columns_.size(); ++i) AppendColumnWarnings(i, out);
  return out;
}

std::optional<DateFamily> TaiwanChecks::ColumnDateFamily(std::size_t index) const {
  const Column& c = *columns_.at(index);
  if (c.non_empty == 0 ||
      static_cast<double>(c.date_cells) < options_.date_column_share * static_cast<double>(c.non_empty)) {
    return std::nullopt;
  }
  std::optional<DateFamily> found;
  for (int f = 0; f < kDateFamilyCount; ++f) {
    std::uint64_t n = 0;
    for (const Tally& t : c.dates[static_cast<std::size_t>(f)]) n += t.count;
    if (n == 0) continue;
    if (found) return std::nullopt;
    found = static_cast<DateFamily>(f);
  }
  return found;
}

std::size_t TaiwanChecks::MemoryBytes() const {
  auto heap = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
  std::size_t bytes = sizeof(*this) + columns_.capacity() * sizeof(columns_[0]);
  for (const auto& c : columns_) {
    bytes += sizeof(Column) + heap(c->roc_gregorian) + heap(c->roc_compact_gregorian) + heap(c->roc_compact.example);
    for (const Tally& t : c->tally) bytes += heap(t.example);
    for (const auto& f : c->dates) {
      for (const Tally& t : f) bytes += heap(t.example);
    }
  }
  return bytes;
}

}  // namespace pintu::quality
