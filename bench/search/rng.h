// A tiny deterministic random generator (SplitMix64), so query sets and synthetic
// catalogs are the same on every machine and standard library.
#pragma once

#include <cstdint>

namespace pintu::bench {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  // Next 64 random bits.
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) (n > 0; the modulo bias is irrelevant here).
  uint64_t Below(uint64_t n) { return Next() % n; }

 private:
  uint64_t state_;
};

}  // namespace pintu::bench
