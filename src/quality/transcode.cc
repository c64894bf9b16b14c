#include "quality/transcode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <cstring>

#include "quality/encoding.h"
#include "quality/utf8.h"

namespace pintu::quality {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// UTF-8 input: validation only. Valid runs go to the sink as views of the caller's chunk.
class Utf8Validator final : public Utf8Decoder {
 public:
  explicit Utf8Validator(bool strip_bom) : at_start_(strip_bom) { encoding_ = "utf-8"; }
  bool ExactOffsets() const override { return true; }

  void Decode(std::string_view chunk, DecodeSink& sink) override {
    const uint64_t base = bytes_in_;
    bytes_in_ += chunk.size();
    size_t pos = 0;
    // Complete a sequence carried over from the previous chunk, one byte at a time.
    while (carry_length_ > 0 && pos < chunk.size()) {
      carry_[carry_length_++] = chunk[pos++];
      Utf8Scan s = ScanUtf8(std::string_view(carry_, carry_length_));
      if (s.status == Utf8Status::kIncomplete) continue;
      if (s.status == Utf8Status::kValid) {
        Emit(std::string_view(carry_, carry_length_), sink);
      } else {
        // The byte just added broke the sequence: the carried bytes are the invalid part and
        // that byte is looked at again as the start of what follows.
        Report({carry_offset_, static_cast<uint32_t>(s.invalid_length), InvalidKind::kMalformed}, sink);
        Emit(kReplacement, sink);
        --pos;
      }
      carry_length_ = 0;
    }
    while (pos < chunk.size()) {
      Utf8Scan s = ScanUtf8(chunk.substr(pos));
      if (s.valid_prefix > 0) Emit(chunk.substr(pos, s.valid_prefix), sink);
      pos += s.valid_prefix;
      if (s.status == Utf8Status::kValid) break;
      if (s.status == Utf8Status::kIncomplete) {
        carry_length_ = chunk.size() - pos;
        std::memcpy(carry_, chunk.data() + pos, carry_length_);
        carry_offset_ = base + pos;
        break;
      }
      Report({base + pos, static_cast<uint32_t>(s.invalid_length), InvalidKind::kMalformed}, sink);
      Emit(kReplacement, sink);
      pos += s.invalid_length;
    }
  }

  void Finish(DecodeSink& sink) override {
    if (carry_length_ == 0) return;
    Report({carry_offset_, static_cast<uint32_t>(carry_length_), InvalidKind::kTruncated}, sink);
    Emit(kReplacement, sink);
    carry_length_ = 0;
  }

 private:
  void Emit(std::string_view text, DecodeSink& sink) {
    if (at_start_) {
      at_start_ = false;
      if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
      if (text.empty()) return;
    }
    sink.Text(text);
  }

  bool at_start_;
  char carry_[4] = {};
  size_t carry_length_ = 0;
  uint64_t carry_offset_ = 0;
};

// Where a chunk of an encoding can be cut so that no character is split.
enum class Boundary {
  kLowByte,  // after any byte below 0x30: never inside a Big5, HKSCS or GB18030 sequence
  kUtf16Le,  // between UTF-16 code units, not after a high surrogate
  kUtf16Be,
  kUtf32,    // between 4-byte units
  kNone,     // stateful or unknown encodings: rely on ICU's own state between calls
};

Boundary BoundaryFor(std::string_view canonical, UConverter* converter) {
  if (IsStrictLegacyEncoding(canonical)) return Boundary::kLowByte;
  if (canonical == "utf-16le") return Boundary::kUtf16Le;
  if (canonical == "utf-16be") return Boundary::kUtf16Be;
  if (canonical == "utf-32le" || canonical == "utf-32be") return Boundary::kUtf32;
  // Stateless table-driven encodings (single-byte, Shift_JIS, EUC, UHC …): their trail bytes
  // are all at or above 0x30 (Johab's lowest is 0x31), so a lower byte ends a character.
  switch (ucnv_getType(converter)) {
    case UCNV_SBCS:
    case UCNV_DBCS:
    case UCNV_MBCS:
    case UCNV_LATIN_1:
    case UCNV_US_ASCII:
    case UCNV_CESU8:
      return Boundary::kLowByte;
    default:
      return Boundary::kNone;  // ISO-2022, HZ, UTF-7, SCSU, BOCU-1, UTF-16 with BOM …: stateful
  }
}

// Everything else: an ICU converter whose callback records invalid sequences. Input is
// decoded in segments that end on a character boundary (see Boundary), each converted
// completely, so that ICU never holds bytes between calls and every offset it reports is
// exact. A run of more than kMaxCarry bytes without a boundary is handed to ICU unfinished
// (bounded memory; offsets at that one seam may be approximate).
class IcuDecoder final : public Utf8Decoder {
 public:
  IcuDecoder(UConverter* converter, std::string canonical, bool strip_bom)
      : converter_(converter), strict_legacy_(IsStrictLegacyEncoding(canonical)), at_start_(strip_bom) {
    encoding_ = std::move(canonical);
    big5_family_ = encoding_ == "big5" || encoding_ == "cp950" || encoding_ == "big5-hkscs";
    boundary_ = BoundaryFor(encoding_, converter_);
    UErrorCode err = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter_, &IcuDecoder::Callback, this, nullptr, nullptr, &err);
    units_.resize(kUnits);
    offsets_.resize(kUnits);
    utf8_.reserve(kUnits * 3 + 8);
  }
  ~IcuDecoder() override { ucnv_close(converter_); }

  bool ExactOffsets() const override { return boundary_ != Boundary::kNone; }

  void Decode(std::string_view chunk, DecodeSink& sink) override {
    bytes_in_ += chunk.size();
    if (boundary_ == Boundary::kNone) {
      Convert(chunk, pending_base_, false, sink);
      pending_base_ = bytes_in_;
      return;
    }
    pending_.append(chunk);
    size_t cut = SafeCut();
    bool flush = true;
    if (cut == 0 && pending_.size() > kMaxCarry) cut = pending_.size(), flush = false;
    if (cut == 0) return;
    Convert(std::string_view(pending_).substr(0, cut), pending_base_, flush, sink);
    pending_.erase(0, cut);
    pending_base_ += cut;
  }

  void Finish(DecodeSink& sink) override {
    Convert(pending_, pending_base_, true, sink);
    pending_base_ += pending_.size();
    pending_.clear();
  }

 private:
  static constexpr size_t kUnits = 16 * 1024;
  static constexpr size_t kMaxCarry = 1 << 20;

  // Length of the longest prefix of pending_ that ends on a character boundary.
  size_t SafeCut() const {
    const auto* p = reinterpret_cast<const unsigned char*>(pending_.data());
    size_t n = pending_.size();
    switch (boundary_) {
      case Boundary::kLowByte:
        for (size_t i = n; i > 0; --i) {
          if (p[i - 1] < 0x30) return i;
        }
        return 0;
      case Boundary::kUtf16Le:
      case Boundary::kUtf16Be: {
        size_t end = n - static_cast<size_t>((pending_base_ + n) % 2);  // units start at even offsets
        if (end >= 2) {
          unsigned high_byte = boundary_ == Boundary::kUtf16Le ? p[end - 1] : p[end - 2];
          if (high_byte >= 0xD8 && high_byte <= 0xDB) end -= 2;  // keep a high surrogate with its pair
        }
        return end;
      }
      case Boundary::kUtf32:
        return n - static_cast<size_t>((pending_base_ + n) % 4);
      case Boundary::kNone:
        return n;
    }
    return n;
  }

  void Convert(std::string_view segment, uint64_t base, bool flush, DecodeSink& sink) {
    chunk_ = segment;
    chunk_base_ = base;
    pending_before_ = static_cast<uint64_t>(std::max(0, ucnv_toUCountPending(converter_, nullptr)));
    const char* source = segment.data();
    const char* source_end = segment.data() + segment.size();
    for (;;) {
      UChar* target = units_.data();
      UErrorCode err = U_ZERO_ERROR;
      ucnv_toUnicode(converter_, &target, units_.data() + kUnits, &source, source_end, offsets_.data(), flush, &err);
      bool full = err == U_BUFFER_OVERFLOW_ERROR;
      Deliver(static_cast<size_t>(target - units_.data()), full, sink);
      if (!full) break;
    }
    if (flush && pending_high_ != 0) {  // cannot happen with ICU's well-formed output; be safe
      pending_high_ = 0;
      utf8_.append(kReplacement);
      Flush(sink);
    }
  }

  static void Callback(const void* context, UConverterToUnicodeArgs* args, const char* code_units, int32_t length,
                       UConverterCallbackReason reason, UErrorCode* err) {
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
    auto* self = const_cast<IcuDecoder*>(static_cast<const IcuDecoder*>(context));
    // args->source points into the segment unless ICU replays bytes it kept from an earlier
    // unfinished call (only after a kMaxCarry run); then the offset is approximate.
    const char* begin = self->chunk_.data();
    bool inside = args->source >= begin && args->source <= begin + self->chunk_.size();
    int64_t consumed = inside ? args->source - begin : 0;
    int64_t offset = static_cast<int64_t>(self->chunk_base_) + consumed - length;
    InvalidKind kind = *err == U_TRUNCATED_CHAR_FOUND ? InvalidKind::kTruncated : InvalidKind::kMalformed;
    // Text decoded before the problem is still in the output buffer: queue the report at the
    // output position it belongs to; Deliver() hands it on in order.
    size_t unit = static_cast<size_t>(args->target - self->units_.data());
    self->queued_.push_back(
        {unit, {static_cast<uint64_t>(std::max<int64_t>(0, offset)), static_cast<uint32_t>(length), kind}});
    *err = U_ZERO_ERROR;
    static const UChar kFffd = 0xFFFD;
    ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
  }

  uint64_t OffsetOf(size_t unit) const {
    int32_t o = offsets_[unit];
    if (o < 0) return chunk_base_ >= pending_before_ ? chunk_base_ - pending_before_ : 0;
    return chunk_base_ + static_cast<uint64_t>(o);
  }

  // Converts `count` UTF-16 units to UTF-8 and hands them on, checking the strict rules.
  // Reports queued by the callback are handed on just before the unit they precede; with
  // `more` (the converter has more output for the same input), later ones wait for it.
  void Deliver(size_t count, bool more, DecodeSink& sink) {
    size_t next_report = 0;
    for (size_t i = 0; i < count; ++i) {
      while (next_report < queued_.size() && queued_[next_report].unit <= i) {
        Flush(sink);
        Report(queued_[next_report++].sequence, sink);
      }
      uint32_t u = units_[i];
      if (at_start_) {
        at_start_ = false;
        if (u == 0xFEFF) continue;
      }
      if (pending_high_ != 0) {
        if (u >= 0xDC00 && u <= 0xDFFF) {
          AppendUtf8(0x10000 + ((pending_high_ - 0xD800) << 10) + (u - 0xDC00));
          pending_high_ = 0;
          continue;
        }
        pending_high_ = 0;
        utf8_.append(kReplacement);
      }
      if (u >= 0xD800 && u <= 0xDBFF) {
        pending_high_ = u;
        continue;
      }
      if (u >= 0xDC00 && u <= 0xDFFF) {
        utf8_.append(kReplacement);
        continue;
      }
      if (strict_legacy_) {
        bool c1 = u >= 0x80 && u <= 0x9F;
        bool lone_ff = big5_family_ && u == 0xF8F8 && IsLoneByte(i, 0xFF);
        if (c1 || lone_ff) {
          Flush(sink);
          Report({OffsetOf(i), 1, InvalidKind::kMalformed}, sink);
          utf8_.append(kReplacement);
          continue;
        }
        if (u >= 0xE000 && u <= 0xF8FF) {
          Flush(sink);
          uint32_t length = encoding_ == "gb18030" && i + 1 < count && offsets_[i] >= 0 && offsets_[i + 1] >= 0
                                ? static_cast<uint32_t>(offsets_[i + 1] - offsets_[i])
                                : 2;
          Report({OffsetOf(i), length, InvalidKind::kPrivateUse}, sink);
        }
      }
      AppendUtf8(u);
    }
    Flush(sink);
    if (more) {
      queued_.erase(queued_.begin(), queued_.begin() + static_cast<std::ptrdiff_t>(next_report));
      for (auto& q : queued_) q.unit = 0;
      return;
    }
    for (; next_report < queued_.size(); ++next_report) Report(queued_[next_report].sequence, sink);
    queued_.clear();
  }

  bool IsLoneByte(size_t unit, unsigned char byte) const {
    int32_t o = offsets_[unit];
    return o >= 0 && static_cast<size_t>(o) < chunk_.size() && static_cast<unsigned char>(chunk_[o]) == byte;
  }

  void AppendUtf8(uint32_t c) {
    if (c < 0x80) {
      utf8_.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      utf8_.push_back(static_cast<char>(0xC0 | (c >> 6)));
      utf8_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      utf8_.push_back(static_cast<char>(0xE0 | (c >> 12)));
      utf8_.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      utf8_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      utf8_.push_back(static_cast<char>(0xF0 | (c >> 18)));
      utf8_.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      utf8_.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      utf8_.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }

  void Flush(DecodeSink& sink) {
    if (utf8_.empty()) return;
    sink.Text(utf8_);
    utf8_.clear();
  }

  UConverter* converter_;
  bool strict_legacy_;
  bool big5_family_ = false;
  bool at_start_;
  std::vector<UChar> units_;
  std::vector<int32_t> offsets_;
  std::string utf8_;
  uint32_t pending_high_ = 0;
  struct QueuedReport {
    size_t unit;  // index in units_ of the U+FFFD that replaces the sequence
    InvalidSequence sequence;
  };
  std::vector<QueuedReport> queued_;
  // Per-call state read by the callback.
  std::string_view chunk_;
  uint64_t chunk_base_ = 0;
  uint64_t pending_before_ = 0;
  Boundary boundary_ = Boundary::kNone;
  std::string pending_;        // bytes after the last safe cut
  uint64_t pending_base_ = 0;  // absolute offset of pending_[0]
};

// Collects everything for DecodeAll.
class CollectingSink final : public DecodeSink {
 public:
  CollectingSink(DecodedText& out, size_t max_problems) : out_(out), max_problems_(max_problems) {}
  void Text(std::string_view utf8) override { out_.text.append(utf8); }
  void Invalid(const InvalidSequence& sequence) override {
    ++out_.invalid_count;
    if (out_.invalid.size() < max_problems_) out_.invalid.push_back(sequence);
  }

 private:
  DecodedText& out_;
  size_t max_problems_;
};

}  // namespace

std::string_view InvalidKindName(InvalidKind kind) {
  switch (kind) {
    case InvalidKind::kMalformed: return "malformed";
    case InvalidKind::kTruncated: return "truncated";
    case InvalidKind::kPrivateUse: return "private-use";
  }
  return "malformed";
}

void Utf8Decoder::Report(const InvalidSequence& sequence, DecodeSink& sink) {
  if (invalid_count_++ == 0) first_invalid_ = sequence;
  sink.Invalid(sequence);
}

Result<std::unique_ptr<Utf8Decoder>> Utf8Decoder::Create(std::string_view encoding, bool strip_bom) {
  std::string canonical = NormalizeEncodingName(encoding);
  if (canonical == "utf-8") return std::make_unique<Utf8Validator>(strip_bom);
  std::string icu_name = IcuConverterName(canonical);
  UErrorCode err = U_ZERO_ERROR;
  UConverter* converter = icu_name.empty() ? nullptr : ucnv_open(icu_name.c_str(), &err);
  if (!converter || U_FAILURE(err)) {
    if (converter) ucnv_close(converter);
    std::string name(encoding);
    return std::unexpected(Error::Invalid("encoding", "unknown encoding \"" + name + "\"",
                                          "不認得的編碼「" + name + "」"));
  }
  return std::make_unique<IcuDecoder>(converter, std::move(canonical), strip_bom);
}

Result<DecodedText> DecodeAll(std::string_view bytes, std::string_view encoding, size_t max_problems) {
  auto decoder = Utf8Decoder::Create(encoding);
  if (!decoder) return std::unexpected(decoder.error());
  DecodedText out;
  CollectingSink sink(out, max_problems);
  (*decoder)->Decode(bytes, sink);
  (*decoder)->Finish(sink);
  return out;
}

}  // namespace pintu::quality
