// A fast, well-mixed 64-bit hash of a cell's bytes, shared by the profile sketches
// (distinct-count estimate, exact key-candidate set, top values) so each cell is hashed
// once. Not cryptographic: it resists accidents, not adversaries; collisions between
// different values happen with probability ~ n²/2⁶⁵ for n values.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace pintu::quality {

namespace value_hash_detail {

inline std::uint64_t Read8(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline std::uint64_t Read4(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
// 64×64 → 128-bit multiply folded to 64 bits (the "mum" step of wyhash).
inline std::uint64_t Mix(std::uint64_t a, std::uint64_t b) {
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

inline constexpr std::uint64_t kP0 = 0xa0761d6478bd642full;
inline constexpr std::uint64_t kP1 = 0xe7037ed1a0b428dbull;
inline constexpr std::uint64_t kP2 = 0x8ebc6af09c88c6e3ull;
inline constexpr std::uint64_t kP3 = 0x589965cc75374cc3ull;

}  // namespace value_hash_detail

// The 64-bit hash of `bytes` (wyhash construction). Equal inputs give equal hashes on
// every platform of the same endianness; the empty string hashes to a fixed value.
inline std::uint64_t HashValue(std::string_view bytes, std::uint64_t seed = 0) {
  using namespace value_hash_detail;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  seed ^= Mix(seed ^ kP0, kP1);
  std::uint64_t a = 0, b = 0;
  if (n <= 16) {
    if (n >= 4) {
      a = (Read4(p) << 32) | Read4(p + ((n >> 3) << 2));
      b = (Read4(p + n - 4) << 32) | Read4(p + n - 4 - ((n >> 3) << 2));
    } else if (n > 0) {
      a = (std::uint64_t{p[0]} << 16) | (std::uint64_t{p[n >> 1]} << 8) | p[n - 1];
    }
  } else {
    std::size_t i = n;
    if (i > 48) {
      std::uint64_t s1 = seed, s2 = seed;
      do {
        seed = Mix(Read8(p) ^ kP1, Read8(p + 8) ^ seed);
        s1 = Mix(Read8(p + 16) ^ kP2, Read8(p + 24) ^ s1);
        s2 = Mix(Read8(p + 32) ^ kP3, Read8(p + 40) ^ s2);
        p += 48;
        i -= 48;
      } while (i > 48);
      seed ^= s1 ^ s2;
    }
    while (i > 16) {
      seed = Mix(Read8(p) ^ kP1, Read8(p + 8) ^ seed);
      i -= 16;
      p += 16;
    }
    a = Read8(p + i - 16);
    b = Read8(p + i - 8);
  }
  a ^= kP1;
  b ^= seed;
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  a = static_cast<std::uint64_t>(r);
  b = static_cast<std::uint64_t>(r >> 64);
  return Mix(a ^ kP0 ^ n, b ^ kP1);
}

}  // namespace pintu::quality
