#include "quality/top_values.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

#include "quality/display_text.h"

namespace pintu::quality {

TopValues::TopValues(std::size_t counters, std::size_t max_value_bytes)
    : counters_(std::clamp<std::size_t>(counters, 1, 4096)), max_value_bytes_(max_value_bytes) {
  // Index at load factor ≤ 1/4: a value that is not tracked is usually told so by the
  // first entry probed.
  index_hashes_.assign(std::bit_ceil(counters_ * 4), 0);
  index_slots_.assign(index_hashes_.size(), -1);
}

void TopValues::IndexInsert(std::uint64_t hash, int slot) {
  const std::size_t mask = index_hashes_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (index_hashes_[i] != 0) i = (i + 1) & mask;
  index_hashes_[i] = hash;
  index_slots_[i] = slot;
}

// Backward-shift deletion keeps linear probing free of tombstones.
void TopValues::IndexErase(std::uint64_t hash) {
  const std::size_t mask = index_hashes_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (index_hashes_[i] != hash) i = (i + 1) & mask;
  std::size_t hole = i;
  for (std::size_t j = (hole + 1) & mask; index_hashes_[j] != 0; j = (j + 1) & mask) {
    const std::size_t home = static_cast<std::size_t>(index_hashes_[j]) & mask;
    // Move j into the hole unless its home lies cyclically in (hole, j].
    const bool home_between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
    if (!home_between) {
      index_hashes_[hole] = index_hashes_[j];
      index_slots_[hole] = index_slots_[j];
      hole = j;
    }
  }
  index_hashes_[hole] = 0;
  index_slots_[hole] = -1;
}

std::size_t TopValues::LeastCountedSlot() const {
  std::size_t victim = 0;
  std::uint64_t least = counts_[0];
  for (std::size_t i = 1; i < counts_.size(); ++i) {
    if (counts_[i] < least) {
      least = counts_[i];
      victim = i;
    }
  }
  return victim;
}

void TopValues::StoreText(std::size_t slot, std::string_view value) {
  const std::size_t keep = value.size() <= max_value_bytes_ ? value.size() : Utf8PrefixLength(value, max_value_bytes_);
  texts_[slot].assign(value.data(), keep);  // reuses the slot's capacity
  truncated_[slot] = keep < value.size();
}

double TopValues::Uniform() {
  // splitmix64 from a fixed seed (reproducible counters), 53 bits into (0, 1).
  std::uint64_t z = (random_state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return (static_cast<double>(z >> 11) + 0.5) * 0x1.0p-53;
}

void TopValues::DrawMissesBeforeTrial() {
  // Trials succeed with probability p = 1/(bound+1): the number of failures before the
  // next success is geometric, floor(ln U / ln(1-p)).
  const double p = 1.0 / static_cast<double>(least_count_bound_ + 1);
  const double failures = p >= 1.0 ? 0.0 : std::floor(std::log(Uniform()) / std::log1p(-p));
  misses_before_trial_ = failures < 1e18 ? static_cast<std::uint64_t>(failures) : std::uint64_t{1} << 60;
}

void TopValues::AddUntracked(std::uint64_t hash, std::string_view value) {
  if (hashes_.size() < counters_) {
    const std::size_t slot = hashes_.size();
    hashes_.push_back(hash);
    counts_.push_back(1);
    errors_.push_back(0);
    texts_.emplace_back().reserve(std::min(max_value_bytes_, value.size()));
    truncated_.push_back(0);
    StoreText(slot, value);
    IndexInsert(hash, static_cast<int>(slot));
    if (hashes_.size() == counters_) {
      least_count_bound_ = 1;
      DrawMissesBeforeTrial();
    }
    return;
  }
  // Randomized admission: replace the least counted value (count m) with probability
  // 1/(m+1). least_count_bound_ ≤ m (counts only grow), so run Bernoulli trials of
  // probability 1/(bound+1) — Add skips the failures counted by misses_before_trial_ —
  // and, on a success (here), scan the counters and keep the success with probability
  // (bound+1)/(m+1).
  evicted_ = true;
  const std::size_t victim = LeastCountedSlot();
  const std::uint64_t least = counts_[victim];
  const std::uint64_t bound = least_count_bound_;
  least_count_bound_ = least;
  DrawMissesBeforeTrial();
  if (least != bound && Uniform() * static_cast<double>(least + 1) >= static_cast<double>(bound + 1)) return;
  IndexErase(hashes_[victim]);
  hashes_[victim] = hash;
  errors_[victim] = least;
  counts_[victim] = least + 1;
  StoreText(victim, value);
  IndexInsert(hash, static_cast<int>(victim));
}

std::vector<TopValue> TopValues::Top(std::size_t k) const {
  std::vector<std::size_t> order(hashes_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (counts_[a] != counts_[b]) return counts_[a] > counts_[b];
    return texts_[a] < texts_[b];
  });
  std::vector<TopValue> out;
  for (std::size_t i = 0; i < order.size() && i < k; ++i) {
    const std::size_t s = order[i];
    out.push_back({texts_[s], truncated_[s] != 0, counts_[s], errors_[s]});
  }
  return out;
}

std::size_t TopValues::MemoryBytes() const {
  std::size_t bytes = sizeof(*this) +
                      (hashes_.capacity() + counts_.capacity() + errors_.capacity()) *
                          sizeof(std::uint64_t) +
                      texts_.capacity() * sizeof(std::string) + truncated_.capacity() +
                      index_hashes_.capacity() * sizeof(std::uint64_t) + index_slots_.capacity() * sizeof(std::int32_t);
  for (const std::string& t : texts_) bytes += t.capacity() > 15 ? t.capacity() + 1 : 0;
  return bytes;
}

}  // namespace pintu::quality
