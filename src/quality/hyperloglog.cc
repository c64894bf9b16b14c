#include "quality/hyperloglog.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pintu::quality {
namespace {

// σ and τ of Ertl's improved estimator ("New cardinality estimation algorithms for
// HyperLogLog sketches", 2017, algorithm 6): they correct the small and the large range
// without empirical bias tables, so the estimate is unbiased from 0 to billions.
double Sigma(double x) {
  if (x == 1.0) return std::numeric_limits<double>::infinity();
  double y = 1.0, z = x;
  for (;;) {
    x *= x;
    double previous = z;
    z += x * y;
    y += y;
    if (z == previous) return z;
  }
}

double Tau(double x) {
  if (x == 0.0 || x == 1.0) return 0.0;
  double y = 1.0, z = 1.0 - x;
  for (;;) {
    x = std::sqrt(x);
    double previous = z;
    y *= 0.5;
    z -= (1.0 - x) * (1.0 - x) * y;
    if (z == previous) return z / 3.0;
  }
}

}  // namespace

HyperLogLog::HyperLogLog(int precision)
    : precision_(std::clamp(precision, 4, 18)), registers_(std::size_t{1} << precision_, 0) {}

std::uint64_t HyperLogLog::Estimate() const {
  const int q = 64 - precision_;  // register values run from 0 to q + 1
  std::uint64_t histogram[66] = {};
  for (std::uint8_t r : registers_) ++histogram[r];
  const double m = static_cast<double>(registers_.size());
  if (histogram[0] == registers_.size()) return 0;
  double z = m * Tau(1.0 - static_cast<double>(histogram[q + 1]) / m);
  for (int k = q; k >= 1; --k) z = 0.5 * (z + static_cast<double>(histogram[k]));
  z += m * Sigma(static_cast<double>(histogram[0]) / m);
  const double alpha_infinity = 1.0 / (2.0 * std::log(2.0));
  return static_cast<std::uint64_t>(std::llround(alpha_infinity * m * m / z));
}

}  // namespace pintu::quality
