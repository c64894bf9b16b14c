#include "quality/utf8.h"

#include <cstdint>
#include <cstring>

namespace pintu::quality {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Björn Höhrmann's UTF-8 DFA (http://bjoern.hoehrmann.de/utf-8/decoder/dfa/): byte classes,
// then transitions; states are multiples of 12, 0 accepts, 12 rejects. It rejects exactly
// at the first byte that cannot continue a sequence, which gives maximal subparts.
constexpr uint8_t kAccept = 0, kReject = 12;
constexpr uint8_t kDfa[] = {
    // byte → class
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    8, 8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    10, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 11, 6, 6, 6, 5, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    // (state, class) → state
    0, 12, 24, 36, 60, 96, 84, 12, 12, 12, 48, 72, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
    12, 0, 12, 12, 12, 12, 12, 0, 12, 0, 12, 12, 12, 24, 12, 12, 12, 12, 12, 24, 12, 24, 12, 12,
    12, 12, 12, 12, 12, 12, 12, 24, 12, 12, 12, 12, 12, 24, 12, 12, 12, 12, 12, 12, 12, 24, 12, 12,
    12, 12, 12, 12, 12, 12, 12, 36, 12, 36, 12, 12, 12, 36, 12, 12, 12, 12, 12, 36, 12, 36, 12, 12,
    12, 36, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
};

// True when the 8 bytes at `p` are all ASCII.
inline bool Ascii8(const unsigned char* p) {
  uint64_t a;
  std::memcpy(&a, p, 8);
  return (a & kHighBits) == 0;
}

}  // namespace

Utf8Scan ScanUtf8(std::string_view bytes) {
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = begin + bytes.size();
  const auto* p = begin;
  Utf8Scan r;
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      while (end - p >= 8 && Ascii8(p)) p += 8;
      while (p < end && *p < 0x80) ++p;
      continue;
    }
    // Chinese text is mostly three-byte sequences; leads E1–EC and EE–EF take any two
    // continuation bytes (E0 has overlongs and ED surrogates: those go through the DFA).
    if (*p >= 0xE1 && *p <= 0xEF && *p != 0xED && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      p += 3;
      r.ascii_only = false;
      continue;
    }
    const auto* sequence = p;
    uint32_t state = kAccept;
    do {
      if (p == end) {
        r.status = Utf8Status::kIncomplete;
        r.valid_prefix = static_cast<size_t>(sequence - begin);
        return r;
      }
      state = kDfa[256 + state + kDfa[*p]];
      if (state == kReject) {
        r.status = Utf8Status::kInvalid;
        r.valid_prefix = static_cast<size_t>(sequence - begin);
        r.invalid_length = p == sequence ? 1 : static_cast<size_t>(p - sequence);
        return r;
      }
      ++p;
    } while (state != kAccept);
    r.ascii_only = false;
  }
  r.valid_prefix = bytes.size();
  return r;
}

Utf8Census CountUtf8(std::string_view bytes, bool at_end) {
  Utf8Census census;
  size_t pos = 0;
  while (pos < bytes.size()) {
    Utf8Scan s = ScanUtf8(bytes.substr(pos));
    // Count the multi-byte sequences in the valid prefix (bytes that are not continuations
    // and not ASCII start one).
    if (!s.ascii_only) {
      for (size_t i = pos; i < pos + s.valid_prefix; ++i) {
        if (static_cast<unsigned char>(bytes[i]) >= 0xC0) ++census.multibyte_sequences;
      }
    }
    if (s.status == Utf8Status::kValid) break;
    size_t at = pos + s.valid_prefix;
    if (s.status == Utf8Status::kIncomplete) {
      census.truncated_at_end = true;
      census.truncated_offset = at;
      if (at_end) {
        if (census.invalid_sequences++ == 0) census.first_invalid_offset = at;
      }
      break;
    }
    if (census.invalid_sequences++ == 0) census.first_invalid_offset = at;
    pos = at + s.invalid_length;
  }
  return census;
}

}  // namespace pintu::quality

namespace pintu::quality {

std::string ToValidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  size_t pos = 0;
  while (pos < bytes.size()) {
    Utf8Scan s = ScanUtf8(bytes.substr(pos));
    out.append(bytes.substr(pos, s.valid_prefix));
    if (s.status == Utf8Status::kValid) break;
    out.append("\xEF\xBF\xBD");
    if (s.status == Utf8Status::kIncomplete) break;
    pos += s.valid_prefix + s.invalid_length;
  }
  return out;
}

}  // namespace pintu::quality
