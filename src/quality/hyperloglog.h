// HyperLogLog distinct-count estimate over 64-bit value hashes, in fixed memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pintu::quality {

// Estimates how many distinct hashes were added. Memory is 2^precision bytes whatever
// the number of additions; the relative standard error is 1.04 / sqrt(2^precision)
// (precision 14: 16 KiB, ~0.8 %), from small to very large counts (Ertl's improved
// estimator, no bias tables). Hashes must be well mixed (HashValue).
class HyperLogLog {
 public:
  // `precision` is clamped to [4, 18].
  explicit HyperLogLog(int precision = 14);

  // Records one hash. O(1), never allocates.
  void Add(std::uint64_t hash) {
    std::uint32_t index = static_cast<std::uint32_t>(hash >> (64 - precision_));
    std::uint64_t rest = (hash << precision_) | (std::uint64_t{1} << (precision_ - 1));
    auto rank = static_cast<std::uint8_t>(__builtin_clzll(rest) + 1);
    std::uint8_t& r = registers_[index];
    r = rank > r ? rank : r;  // an unconditional store: whether it grows is unpredictable
  }

  // Starts loading the register Add(hash) will update (a hint for the CPU).
  void Prefetch(std::uint64_t hash) const { __builtin_prefetch(&registers_[hash >> (64 - precision_)]); }

  // The estimated number of distinct hashes added so far (0 when none).
  std::uint64_t Estimate() const;

  // Bytes held by this sketch (constant after construction).
  std::size_t MemoryBytes() const { return sizeof(*this) + registers_.capacity(); }

 private:
  int precision_;
  std::vector<std::uint8_t> registers_;
};

}  // namespace pintu::quality
