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
  std::uint64_t count = 0;  // its count; an estimate when the list is not exact
  std::uint64_t error = 0;  // the count it inherited when admitted (0 when exact):
                            // count - error occurrences were counted since
};

// Tracks at most `counters` values with their counts. While no more than `counters`
// distinct values were seen, counts are exact. After that, a value that is not tracked
// replaces the least counted one (count m) with probability 1/(m+1) and then counts
// m+1, with `error` = m (Space-Saving with randomized admission: Metwally et al. 2005;
// Ben Basat et al., "Randomized admission policy for efficient top-k and frequency
// estimation", 2017). Frequent values stay tracked, while one-off values (ids) and the
// many recurring values of a medium-cardinality column stop churning the counters as m
// grows. Once the counters are full, occurrences of untracked values go uncounted, so
// counts are estimates, flagged by exact() == false. The random draws come from a fixed
// seed: the same stream gives the same counters. Memory is bounded by
// counters × (max_value_bytes + a small constant); Add allocates only the first time
// each slot is used (or when a slot's text outgrows it). Counting a tracked value is
// O(1); an admission scans the counters once.
class TopValues {
 public:
  // `counters` is clamped to [1, 4096]; values are stored cut to `max_value_bytes` bytes
  // (at a UTF-8 character boundary), but counted by their full hash.
  TopValues(std::size_t counters, std::size_t max_value_bytes);

  // Counts one occurrence of `value`, whose HashValue is `hash`. Inline: a tracked value
  // and a skipped untracked one cost an index probe and an increment.
  void Add(std::uint64_t hash, std::string_view value) {
    if (hash == 0) hash = 1;  // 0 marks an empty index entry
    const int found = FindSlot(hash);
    if (found >= 0) {
      ++counts_[static_cast<std::size_t>(found)];
    } else if (hashes_.size() == counters_ && misses_before_trial_ > 0) {
      evicted_ = true;  // the counters are full: the occurrence goes uncounted
      --misses_before_trial_;
    } else {
      AddUntracked(hash, value);
    }
  }

  // The `k` most frequent tracked values, by count (descending) then value bytes.
  std::vector<TopValue> Top(std::size_t k) const;

  // True while every count is exact (no value was ever evicted).
  bool exact() const { return !evicted_; }

  // Bytes held, including the stored value texts.
  std::size_t MemoryBytes() const;

 private:
  // The counters, one array per field (slot i is hashes_[i], counts_[i], …), so that
  // lookups touch only hashes and the victim scan only counts.
  int FindSlot(std::uint64_t hash) const {
    const std::size_t mask = index_hashes_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
      const std::uint64_t h = index_hashes_[i];
      if (h == hash) return index_slots_[i];
      if (h == 0) return -1;
    }
  }
  void AddUntracked(std::uint64_t hash, std::string_view value);  // a new slot or a trial
  double Uniform();               // in (0, 1)
  void DrawMissesBeforeTrial();   // sets misses_before_trial_ for the current bound
  void IndexInsert(std::uint64_t hash, int slot);
  void IndexErase(std::uint64_t hash);
  std::size_t LeastCountedSlot() const;
  void StoreText(std::size_t slot, std::string_view value);

  std::size_t counters_;
  std::size_t max_value_bytes_;
  std::vector<std::uint64_t> hashes_;
  std::vector<std::uint64_t> counts_;
  std::vector<std::uint64_t> errors_;
  std::vector<std::string> texts_;
  std::vector<std::uint8_t> truncated_;
  // Open addressing, hash → slot number: the hashes (0 = empty) and, beside, the slots.
  std::vector<std::uint64_t> index_hashes_;
  std::vector<std::int32_t> index_slots_;
  std::uint64_t least_count_bound_ = 0;  // ≤ the least count, once the counters are full
  std::uint64_t misses_before_trial_ = 0;  // untracked values to skip before the next trial
  std::uint64_t random_state_ = 0x70B5EED5ull;
  bool evicted_ = false;
};

}  // namespace pintu::quality
