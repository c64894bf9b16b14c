// A small uniform random sample of a stream's values, reproducible from a seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pintu::quality {

// One sampled value and the row it came from.
struct SampledValue {
  std::uint64_t row_number = 0;
  std::string value;       // cut to the display cap at a UTF-8 boundary
  bool truncated = false;  // `value` is a prefix of the real value
};

// Keeps `size` values chosen uniformly at random among all offered values (reservoir
// sampling, Li's "Algorithm L": the position of the next replacement is drawn ahead, so
// Offer costs one comparison for values that are skipped). The same seed and the same
// stream give the same sample. Memory: size × (max_value_bytes + a small constant).
class ReservoirSample {
 public:
  ReservoirSample(std::size_t size, std::size_t max_value_bytes, std::uint64_t seed);

  // Considers one value. Copies it only when it enters the sample.
  void Offer(std::uint64_t row_number, std::string_view value) {
    ++seen_;
    if (seen_ == next_) Take(row_number, value);
  }

  // The sample in row order (fewer than `size` values when fewer were offered).
  std::vector<SampledValue> Values() const;

  // Bytes held, including the stored value texts.
  std::size_t MemoryBytes() const;

 private:
  void Take(std::uint64_t row_number, std::string_view value);
  double Uniform();  // in (0, 1)
  void AdvanceSkip();

  std::size_t size_;
  std::size_t max_value_bytes_;
  std::uint64_t state_;
  std::uint64_t seen_ = 0;
  std::uint64_t next_ = 1;  // 1-based index of the next value to take
  double w_ = 1.0;
  std::vector<SampledValue> values_;
};

}  // namespace pintu::quality
