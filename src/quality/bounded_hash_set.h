// An exact set of 64-bit value hashes that stops, instead of growing, at a memory budget.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pintu::quality {

// Open-addressing set of non-zero 64-bit hashes (0 is stored as 1). It grows by doubling
// while the table fits in `budget_bytes`; the insert that would need a bigger table is
// refused instead and puts the set in the "overflowed" state for good: from then on
// nothing more is stored and Insert answers kOverflowed. The hashes stored before the
// overflow stay readable (ForEach) until Release() frees them. MemoryBytes() never
// exceeds max(budget_bytes, 128) plus the object itself (while growing, the old and the
// new table briefly coexist: 1.5 × that).
class BoundedHashSet {
 public:
  // What Insert found.
  enum class Outcome { kInserted, kAlreadyPresent, kOverflowed };

  explicit BoundedHashSet(std::size_t budget_bytes);

  // Adds `hash`; amortised O(1). kOverflowed from the insert that broke the budget on.
  Outcome Insert(std::uint64_t hash);

  // True once the budget was exceeded.
  bool overflowed() const { return overflowed_; }
  // Number of distinct hashes held (0 after Release).
  std::size_t size() const { return size_; }
  // Frees the stored hashes; the set stays overflowed if it was.
  void Release();
  // Bytes held by this set, including the object itself.
  std::size_t MemoryBytes() const { return sizeof(*this) + slots_.capacity() * sizeof(std::uint64_t); }

  // Calls `fn(hash)` for every stored hash, in no particular order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (std::uint64_t h : slots_) {
      if (h != 0) fn(h);
    }
  }

 private:
  bool Grow();
  void Place(std::uint64_t hash);

  std::size_t budget_bytes_;
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
  bool overflowed_ = false;
};

}  // namespace pintu::quality
