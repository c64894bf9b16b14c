// A compact open-addressing hash map from 64-bit keys (hashes of values or rows) to the
// last row number where the key was seen, with a hard memory budget. It is the one exact
// "seen before?" structure of the quality engine: the validator's unique, primary-key,
// foreign-key and duplicate-row checks, and the column profile's exact distinct count and
// key-candidate test. Memory never grows with the file: when the next growth would pass
// the budget the map reports that it is full and the caller stops that check (with a
// warning saying from which row) or, for the profile, falls back to an estimate.
//
// Keys are 64-bit hashes, so two different values collide with probability about
// n²/2⁶⁵ (under 10⁻⁷ for a million keys); a collision would be reported as a duplicate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pintu::quality {

class BoundedKeyMap {
 public:
  // The map never allocates a table of more than `budget_bytes` (12 bytes per slot, at
  // most 3/4 of the slots used; while it grows, the old table — half the size — is
  // freed right after the new one is filled). The first table has 16 slots (192 bytes).
  explicit BoundedKeyMap(std::size_t budget_bytes);

  // Result of Remember().
  struct Seen {
    bool full = false;               // the key could not be stored: the budget is spent
    std::uint64_t previous_row = 0;  // the row where the key was seen before, 0 if new
  };

  // Stores `row` as the latest row of `key` and says where the key was seen before.
  // A key already stored is always found, even once the map is full. Rows 0 and above
  // 2³²-1 cannot be stored and report full.
  Seen Remember(std::uint64_t key, std::uint64_t row);

  // True when `key` has been remembered.
  bool Contains(std::uint64_t key) const;

  // Calls `fn(key)` for every key stored, in no particular order.
  template <typename Fn>
  void ForEachKey(Fn&& fn) const {
    if (zero_row_ != 0) fn(std::uint64_t{0});
    for (const Slot& s : slots_) {
      if (s.key != 0) fn(s.key);
    }
  }

  // Starts loading the slot where `key` would be (a hint for the CPU: the map does not
  // change). Callers that look up many keys prefetch them all first.
  void Prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(key)]);
  }

  // Forgets every key and frees the table (the budget stays as it was).
  void Release();

  // Keys stored.
  std::size_t size() const { return size_; }
  // Bytes allocated for slots.
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  bool Grow();
  std::size_t Find(std::uint64_t key) const;  // slot of key, or of the empty slot where it would go
  std::size_t Home(std::uint64_t key) const {  // the first slot probed for key
    return static_cast<std::size_t>(key ^ (key >> 29)) & (slots_.size() - 1);
  }

  std::size_t budget_;
#pragma pack(push, 4)
  struct Slot {
    std::uint64_t key;  // 0 marks an empty slot (key 0 is stored as zero_row_)
    std::uint32_t row;
  };
#pragma pack(pop)
  static_assert(sizeof(Slot) == 12);
  std::vector<Slot> slots_;  // key and row side by side: one cache miss per lookup
  std::size_t size_ = 0;
  std::uint32_t zero_row_ = 0;  // row of key 0, 0 when absent
};

}  // namespace pintu::quality
