#include "quality/utf8.h"

#include <cstdint>
#include <cstring>

namespace pintu::quality {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// True when the 16 bytes at `p` are all ASCII.
inline bool Ascii16(const unsigned char* p) {
  uint64_t a, b;
  std::memcpy(&a, p, 8);
  std::memcpy(&b, p + 8, 8);
  return ((a | b) & kHighBits) == 0;
}

}  // namespace

Utf8Scan ScanUtf8(std::string_view bytes) {
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = begin + bytes.size();
  const auto* p = begin;
  Utf8Scan r;
  while (p < end) {
    if (*p < 0x80) {
      while (end - p >= 16 && Ascii16(p)) p += 16;
      while (p < end && *p < 0x80) ++p;
      if (p == end) break;
    }
    unsigned c = *p;
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c == 0xE0) {
      need = 2, lo = 0xA0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      need = 2;
    } else if (c == 0xED) {
      need = 2, hi = 0x9F;
    } else if (c == 0xF0) {
      need = 3, lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
      need = 3;
    } else if (c == 0xF4) {
      need = 3, hi = 0x8F;
    } else {
      r.status = Utf8Status::kInvalid;
      r.valid_prefix = static_cast<size_t>(p - begin);
      r.invalid_length = 1;
      return r;
    }
    for (size_t i = 1; i <= need; ++i) {
      if (p + i >= end) {
        r.status = Utf8Status::kIncomplete;
        r.valid_prefix = static_cast<size_t>(p - begin);
        return r;
      }
      unsigned b = p[i];
      unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
      if (b < l || b > h) {
        r.status = Utf8Status::kInvalid;
        r.valid_prefix = static_cast<size_t>(p - begin);
        r.invalid_length = i;
        return r;
      }
    }
    r.ascii_only = false;
    p += need + 1;
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
