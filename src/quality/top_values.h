// The most frequent values of a stream in fixed memory (Space-Saving, Metwally et al.).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pintu::quality {

// One frequent value.
struct TopValue {
  std::string value;        // the value, cut to the display cap (see `truncated`)
  bool truncated = false;   // true when `value` is a prefix of a longer value
  std::uint64_t count = 0;  // its count; an upper bound when the list is not exact
  std::uint64_t error = 0;  // the most `count` may exceed the true count (0 when exact)
};

// Tracks at most `counters` values with their counts. While no more than `counters`
// distinct values were seen, counts are exact. After that, Space-Saving replaces the
// least counted value by the newcomer, whose count then overestimates by at most
// `error`; frequent values stay tracked. To keep one-off values (ids, addresses) from
// churning the counters, a newcomer is admitted only when a 64 Kibit "doorkeeper" filter
// has seen its hash before (TinyLFU); the filter is cleared whenever half of it is set.
// So once the counters are full, a value's first occurrence per filter period may go
// uncounted: counts are then estimates, flagged by exact() == false. Memory is bounded by
// counters × (max_value_bytes + a small constant) + 8 KiB; Add allocates only the first
// time each slot is used and when the filter is first needed.
class TopValues {
 public:
  // `counters` is clamped to [1, 4096]; values are stored cut to `max_value_bytes` bytes
  // (at a UTF-8 character boundary), but counted by their full hash.
  TopValues(std::size_t counters, std::size_t max_value_bytes);

  // Counts one occurrence of `value`, whose HashValue is `hash`.
  void Add(std::uint64_t hash, std::string_view value);

  // The `k` most frequent tracked values, by count (descending) then value bytes.
  std::vector<TopValue> Top(std::size_t k) const;

  // True while every count is exact (no value was ever evicted).
  bool exact() const { return !evicted_; }

  // Bytes held, including the stored value texts.
  std::size_t MemoryBytes() const;

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t count = 0;
    std::uint64_t error = 0;
    std::string text;
    bool truncated = false;
  };

  int FindSlot(std::uint64_t hash) const;
  bool PassesDoorkeeper(std::uint64_t hash);
  void IndexInsert(std::uint64_t hash, int slot);
  void IndexErase(std::uint64_t hash);
  void SiftDown(std::size_t heap_pos);
  void SiftUp(std::size_t heap_pos);
  void SwapHeap(std::size_t a, std::size_t b);
  void StoreText(Slot& slot, std::string_view value);

  std::size_t counters_;
  std::size_t max_value_bytes_;
  std::vector<Slot> slots_;
  std::vector<std::int32_t> heap_;      // slot numbers, min-heap by count
  std::vector<std::int32_t> heap_pos_;  // slot number → position in heap_
  std::vector<std::int32_t> index_;     // open addressing: hash → slot number (-1 empty)
  std::vector<std::uint64_t> doorkeeper_;  // bit per hash bucket: seen since the last clear
  std::size_t doorkeeper_bits_set_ = 0;
  bool evicted_ = false;
};

}  // namespace pintu::quality
