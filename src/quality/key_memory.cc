#include "quality/key_memory.h"

#include <limits>

namespace pintu::quality {
namespace {
constexpr std::size_t kSlotBytes = 12;
constexpr std::size_t kFirstSlots = 16;
}  // namespace

BoundedKeyMap::BoundedKeyMap(std::size_t budget_bytes) : budget_(budget_bytes) {}

std::size_t BoundedKeyMap::Find(std::uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = Home(key);
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
  return i;
}

bool BoundedKeyMap::Grow() {
  const std::size_t slots = slots_.empty() ? kFirstSlots : slots_.size() * 2;
  if (slots * kSlotBytes > budget_) return false;
  std::vector<Slot> old(slots, Slot{0, 0});
  old.swap(slots_);
  for (const Slot& s : old) {
    if (s.key != 0) slots_[Find(s.key)] = s;
  }
  return true;
}

BoundedKeyMap::Seen BoundedKeyMap::Remember(std::uint64_t key, std::uint64_t row) {
  if (row > std::numeric_limits<std::uint32_t>::max() || row == 0) return Seen{true, 0};
  const auto row32 = static_cast<std::uint32_t>(row);
  if (key == 0) {
    Seen seen{false, zero_row_};
    if (zero_row_ == 0) ++size_;
    zero_row_ = row32;
    return seen;
  }
  if (!slots_.empty()) {
    Slot& slot = slots_[Find(key)];
    if (slot.key == key) {
      Seen seen{false, slot.row};
      slot.row = row32;
      return seen;
    }
    // Keep at most 3/4 of the slots used.
    if ((size_ + 1) * 4 <= slots_.size() * 3) {
      slot = Slot{key, row32};
      ++size_;
      return Seen{false, 0};
    }
  }
  if (!Grow()) return Seen{true, 0};
  slots_[Find(key)] = Slot{key, row32};
  ++size_;
  return Seen{false, 0};
}

bool BoundedKeyMap::Contains(std::uint64_t key) const {
  if (key == 0) return zero_row_ != 0;
  if (slots_.empty()) return false;
  return slots_[Find(key)].key == key;
}

void BoundedKeyMap::Release() {
  std::vector<Slot>().swap(slots_);
  size_ = 0;
  zero_row_ = 0;
}

}  // namespace pintu::quality
