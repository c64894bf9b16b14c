#include "quality/display_text.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pintu::quality {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is not one.
std::size_t SequenceLength(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  }
  return n;
}

}  // namespace

std::size_t Utf8PrefixLength(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = SequenceLength(text, i);
    if (n == 0) n = 1;
    if (i + n > max_bytes) break;
    i += n;
  }
  return i;
}

std::size_t CountCharacters(std::string_view text) {
  std::size_t continuation = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: continuation bytes (0x80–0xBF) are below -64 as signed bytes.
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))));
    m = m - ((m >> 1) & 0x5555u);
    m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
    m = (m + (m >> 4)) & 0x0F0Fu;
    continuation += (m + (m >> 8)) & 0x1Fu;
  }
#endif
  // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const std::uint64_t marks = (w & ~(w << 1) & kHighBits) >> 7;  // one per continuation byte
    continuation += static_cast<std::size_t>((marks * 0x0101010101010101ull) >> 56);
  }
  for (; i < text.size(); ++i) continuation += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  return text.size() - continuation;
}

}  // namespace pintu::quality
