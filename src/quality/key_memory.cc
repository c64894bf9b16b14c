#include "quality/key_memory.h"

#include <limits>

namespace pintu::quality {
namespace {
constexpr std::size_t kSlotBytes = sizeof(std::uint64_t) + sizeof(std::uint32_t);
constexpr std::size_t kFirstSlots = 1024;
}  // namespace

BoundedKeyMap::BoundedKeyMap(std::size_t budget_bytes) : budget_(budget_bytes) {}

std::size_t BoundedKeyMap::Find(std::uint64_t key) const {
  const std::size_t mask = keys_.size() - 1;
  std::size_t i = static_cast<std::size_t>(key ^ (key >> 29)) & mask;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  return i;
}

bool BoundedKeyMap::Grow() {
  const std::size_t slots = keys_.empty() ? kFirstSlots : keys_.size() * 2;
  if (slots * kSlotBytes > budget_) return false;
  std::vector<std::uint64_t> old_keys(slots, 0);
  std::vector<std::uint32_t> old_rows(slots, 0);
  old_keys.swap(keys_);
  old_rows.swap(rows_);
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    const std::size_t at = Find(old_keys[i]);
    keys_[at] = old_keys[i];
    rows_[at] = old_rows[i];
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
  if (!keys_.empty()) {
    const std::size_t at = Find(key);
    if (keys_[at] == key) {
      Seen seen{false, rows_[at]};
      rows_[at] = row32;
      return seen;
    }
  }
  if ((size_ + 1) * 4 > keys_.size() * 3 && !Grow()) return Seen{true, 0};
  const std::size_t at = Find(key);
  keys_[at] = key;
  rows_[at] = row32;
  ++size_;
  return Seen{false, 0};
}

bool BoundedKeyMap::Contains(std::uint64_t key) const {
  if (key == 0) return zero_row_ != 0;
  if (keys_.empty()) return false;
  return keys_[Find(key)] == key;
}

}  // namespace pintu::quality
