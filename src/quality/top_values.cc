#include "quality/top_values.h"

#include <algorithm>
#include <bit>

#include "quality/display_text.h"

namespace pintu::quality {

TopValues::TopValues(std::size_t counters, std::size_t max_value_bytes)
    : counters_(std::clamp<std::size_t>(counters, 1, 4096)), max_value_bytes_(max_value_bytes) {
  // Index at load factor ≤ 1/2.
  index_.assign(std::bit_ceil(counters_ * 2), -1);
}

int TopValues::FindSlot(std::uint64_t hash) const {
  const std::size_t mask = index_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    int s = index_[i];
    if (s < 0) return -1;
    if (slots_[static_cast<std::size_t>(s)].hash == hash) return s;
  }
}

void TopValues::IndexInsert(std::uint64_t hash, int slot) {
  const std::size_t mask = index_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (index_[i] >= 0) i = (i + 1) & mask;
  index_[i] = slot;
}

// Backward-shift deletion keeps linear probing free of tombstones.
void TopValues::IndexErase(std::uint64_t hash) {
  const std::size_t mask = index_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (slots_[static_cast<std::size_t>(index_[i])].hash != hash) i = (i + 1) & mask;
  std::size_t hole = i;
  for (std::size_t j = (hole + 1) & mask; index_[j] >= 0; j = (j + 1) & mask) {
    std::size_t home = static_cast<std::size_t>(slots_[static_cast<std::size_t>(index_[j])].hash) & mask;
    // Move j into the hole unless its home lies cyclically in (hole, j].
    bool home_between = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
    if (!home_between) {
      index_[hole] = index_[j];
      hole = j;
    }
  }
  index_[hole] = -1;
}

void TopValues::SwapHeap(std::size_t a, std::size_t b) {
  std::swap(heap_[a], heap_[b]);
  heap_pos_[static_cast<std::size_t>(heap_[a])] = static_cast<std::int32_t>(a);
  heap_pos_[static_cast<std::size_t>(heap_[b])] = static_cast<std::int32_t>(b);
}

void TopValues::SiftDown(std::size_t pos) {
  auto count = [&](std::size_t p) { return slots_[static_cast<std::size_t>(heap_[p])].count; };
  for (;;) {
    std::size_t l = 2 * pos + 1, r = l + 1, smallest = pos;
    if (l < heap_.size() && count(l) < count(smallest)) smallest = l;
    if (r < heap_.size() && count(r) < count(smallest)) smallest = r;
    if (smallest == pos) return;
    SwapHeap(pos, smallest);
    pos = smallest;
  }
}

void TopValues::SiftUp(std::size_t pos) {
  auto count = [&](std::size_t p) { return slots_[static_cast<std::size_t>(heap_[p])].count; };
  while (pos > 0) {
    std::size_t parent = (pos - 1) / 2;
    if (count(parent) <= count(pos)) return;
    SwapHeap(pos, parent);
    pos = parent;
  }
}

void TopValues::StoreText(Slot& slot, std::string_view value) {
  std::size_t keep = Utf8PrefixLength(value, max_value_bytes_);
  slot.text.assign(value.data(), keep);  // reuses the slot's capacity
  slot.truncated = keep < value.size();
}

bool TopValues::PassesDoorkeeper(std::uint64_t hash) {
  constexpr std::size_t kBits = std::size_t{1} << 16;
  if (doorkeeper_.empty()) doorkeeper_.assign(kBits / 64, 0);
  const std::size_t bit = static_cast<std::size_t>(hash >> 24) & (kBits - 1);
  std::uint64_t& word = doorkeeper_[bit / 64];
  const std::uint64_t mask = std::uint64_t{1} << (bit % 64);
  if (word & mask) return true;
  word |= mask;
  if (++doorkeeper_bits_set_ > kBits / 2) {
    std::fill(doorkeeper_.begin(), doorkeeper_.end(), 0);
    doorkeeper_bits_set_ = 0;
  }
  return false;
}

void TopValues::Add(std::uint64_t hash, std::string_view value) {
  int s = FindSlot(hash);
  if (s >= 0) {
    ++slots_[static_cast<std::size_t>(s)].count;
    SiftDown(static_cast<std::size_t>(heap_pos_[static_cast<std::size_t>(s)]));
    return;
  }
  if (slots_.size() < counters_) {
    auto slot_no = static_cast<std::int32_t>(slots_.size());
    Slot& slot = slots_.emplace_back();
    slot.text.reserve(std::min(max_value_bytes_, value.size()));
    slot.hash = hash;
    slot.count = 1;
    StoreText(slot, value);
    heap_.push_back(slot_no);
    heap_pos_.push_back(static_cast<std::int32_t>(heap_.size() - 1));
    IndexInsert(hash, slot_no);
    SiftUp(heap_.size() - 1);
    return;
  }
  // Replace the least counted value; the newcomer inherits its count as error bound.
  evicted_ = true;
  if (!PassesDoorkeeper(hash)) return;
  std::int32_t victim = heap_[0];
  Slot& slot = slots_[static_cast<std::size_t>(victim)];
  IndexErase(slot.hash);
  slot.hash = hash;
  slot.error = slot.count;
  slot.count += 1;
  StoreText(slot, value);
  IndexInsert(hash, victim);
  SiftDown(0);
}

std::vector<TopValue> TopValues::Top(std::size_t k) const {
  std::vector<const Slot*> order;
  order.reserve(slots_.size());
  for (const Slot& s : slots_) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const Slot* a, const Slot* b) {
    if (a->count != b->count) return a->count > b->count;
    return a->text < b->text;
  });
  std::vector<TopValue> out;
  for (std::size_t i = 0; i < order.size() && i < k; ++i) {
    out.push_back({order[i]->text, order[i]->truncated, order[i]->count, order[i]->error});
  }
  return out;
}

std::size_t TopValues::MemoryBytes() const {
  std::size_t bytes = sizeof(*this) + slots_.capacity() * sizeof(Slot) +
                      (heap_.capacity() + heap_pos_.capacity() + index_.capacity()) * sizeof(std::int32_t) +
                      doorkeeper_.capacity() * sizeof(std::uint64_t);
  for (const Slot& s : slots_) bytes += s.text.capacity() > 15 ? s.text.capacity() + 1 : 0;
  return bytes;
}

}  // namespace pintu::quality
