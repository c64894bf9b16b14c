#include "quality/bounded_hash_set.h"

namespace pintu::quality {
namespace {
constexpr std::size_t kFirstSlots = 16;
}  // namespace

BoundedHashSet::BoundedHashSet(std::size_t budget_bytes) : budget_bytes_(budget_bytes) {}

void BoundedHashSet::Place(std::uint64_t hash) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = hash;
}

bool BoundedHashSet::Grow() {
  std::size_t next = slots_.empty() ? kFirstSlots : slots_.size() * 2;
  if (!slots_.empty() && next * sizeof(std::uint64_t) > budget_bytes_) {
    overflowed_ = true;
    return false;
  }
  std::vector<std::uint64_t> old;
  old.swap(slots_);
  slots_.assign(next, 0);
  for (std::uint64_t h : old) {
    if (h != 0) Place(h);
  }
  return true;
}

void BoundedHashSet::Release() {
  size_ = 0;
  std::vector<std::uint64_t>().swap(slots_);
}

BoundedHashSet::Outcome BoundedHashSet::Insert(std::uint64_t hash) {
  if (overflowed_) return Outcome::kOverflowed;
  if (hash == 0) hash = 1;
  if (slots_.empty()) Grow();  // the first table is always allowed
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (slots_[i] != 0) {
    if (slots_[i] == hash) return Outcome::kAlreadyPresent;
    i = (i + 1) & mask;
  }
  // Keep the load factor at or below 1/2 so probes stay short.
  if ((size_ + 1) * 2 > slots_.size()) {
    if (!Grow()) return Outcome::kOverflowed;
    Place(hash);
  } else {
    slots_[i] = hash;
  }
  ++size_;
  return Outcome::kInserted;
}

}  // namespace pintu::quality
