#include "quality/reservoir_sample.h"

#include <algorithm>
#include <cmath>

#include "quality/display_text.h"

namespace pintu::quality {

ReservoirSample::ReservoirSample(std::size_t size, std::size_t max_value_bytes, std::uint64_t seed)
    : size_(size), max_value_bytes_(max_value_bytes), state_(seed) {
  if (size_ == 0) next_ = UINT64_MAX;
}

double ReservoirSample::Uniform() {
  // splitmix64, then 53 random bits mapped into the open interval (0, 1).
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return (static_cast<double>(z >> 11) + 0.5) * 0x1.0p-53;
}

void ReservoirSample::AdvanceSkip() {
  w_ *= std::exp(std::log(Uniform()) / static_cast<double>(size_));
  double skip = std::floor(std::log(Uniform()) / std::log1p(-w_));
  if (!(skip >= 0) || skip > 1e18) skip = 1e18;  // w_ underflow: effectively never again
  next_ = seen_ + static_cast<std::uint64_t>(skip) + 1;
}

void ReservoirSample::Take(std::uint64_t row_number, std::string_view value) {
  std::string_view kept = value.substr(0, Utf8PrefixLength(value, max_value_bytes_));
  if (values_.size() < size_) {
    values_.push_back({row_number, std::string(kept), kept.size() < value.size()});
    if (values_.size() < size_) {
      next_ = seen_ + 1;
    } else {
      AdvanceSkip();
    }
    return;
  }
  auto victim = static_cast<std::size_t>(Uniform() * static_cast<double>(size_));
  victim = std::min(victim, size_ - 1);
  values_[victim].row_number = row_number;
  values_[victim].value.assign(kept);
  values_[victim].truncated = kept.size() < value.size();
  AdvanceSkip();
}

std::vector<SampledValue> ReservoirSample::Values() const {
  std::vector<SampledValue> out = values_;
  std::sort(out.begin(), out.end(),
            [](const SampledValue& a, const SampledValue& b) { return a.row_number < b.row_number; });
  return out;
}

std::size_t ReservoirSample::MemoryBytes() const {
  std::size_t bytes = sizeof(*this) + values_.capacity() * sizeof(SampledValue);
  for (const SampledValue& v : values_) bytes += v.value.capacity() > 15 ? v.value.capacity() + 1 : 0;
  return bytes;
}

}  // namespace pintu::quality
