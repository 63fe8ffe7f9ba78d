#include "core/stats/sample_quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace itp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
// R accepts probabilities this far outside [0, 1] and moves them to the end.
constexpr double kProbabilityOvershoot = 100 * kEpsilon;
// R's `fuzz` (R >= 4.5.0): j = floor(np * (1 + fuzz)) takes an np computed a few ulps below a
// whole number (1390 * 0.7 = 972.9999999999999) as that number, and for types 4 to 9 a
// fraction h below fuzz counts as 0.
constexpr double kFuzz = 4 * kEpsilon;

// Hyndman & Fan's m = a + p (1 - a - b) for the continuous types, by their a and b.
struct PlottingPosition {
  double a, b;
};

PlottingPosition plotting_position(QuantileType type) {
  switch (type) {
    case QuantileType::interpolated_ecdf:
      return {0, 1};
    case QuantileType::hazen:
      return {0.5, 0.5};
    case QuantileType::weibull:
      return {0, 0};
    case QuantileType::median_unbiased:
      return {1.0 / 3, 1.0 / 3};
    case QuantileType::normal_unbiased:
      return {3.0 / 8, 3.0 / 8};
    default:
      return {1, 1};  // linear; computed apart, as R does
  }
}

// Type 7, as R computes it apart from the others: index = 1 + (n - 1) p, then
// x[lo] + h (x[hi] - x[lo]) in the form (1 - h) x[lo] + h x[hi], skipped when x[lo] = x[hi]
// (so infinities are kept) or h = 0.
double linear_quantile(const std::vector<double>& x, double p) {
  const double index = 1 + static_cast<double>(x.size() - 1) * p;
  const double lo = std::floor(index);
  const double hi = std::ceil(index);
  const double x_lo = x[static_cast<std::size_t>(lo) - 1];
  const double x_hi = x[static_cast<std::size_t>(hi) - 1];
  if (!(index > lo) || x_hi == x_lo) return x_lo;
  const double h = index - lo;
  return (1 - h) * x_lo + h * x_hi;
}

}  // namespace

QuantileType quantile_type(int r_type) {
  if (r_type < 1 || r_type > 9)
    throw std::domain_error("a quantile type is a whole number from 1 to 9, not " +
                            std::to_string(r_type));
  return static_cast<QuantileType>(r_type);
}

SortedSample::SortedSample(std::vector<double> values) {
  const auto kept =
      std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); });
  missing_ = static_cast<std::size_t>(values.end() - kept);
  values.erase(kept, values.end());
  for (double& v : values) {
    if (v == 0) v = 0;  // -0 -> +0
  }
  std::sort(values.begin(), values.end());
  values_ = std::move(values);
}

// Hyndman & Fan (1996): Q(p) = (1 - h) x_(j) + h x_(j+1), with x_(k) the k-th smallest value
// (x_(k) = x_(1) for k < 1 and x_(n) for k > n), j = floor(np + m) and h from np + m - j:
//   type 1: m = 0,    h = 1 if np > j else 0;
//   type 2: m = 0,    h = 1 if np > j else 1/2 (the average at a step);
//   type 3: m = -1/2, h = 0 if np + m = j and j is even, else 1;
//   types 4-9: m = a + p (1 - a - b), h = np + m - j (plotting_position above).
// R computes np + m as a + p (n + 1 - a - b) for types 4 to 9, and with floating point that is
// not np + m exactly: the order of operations and the fuzz below are R's, so results agree to
// the last bit (quantile.default in R's src/library/stats/R/quantile.R, R >= 4.5.0).
double quantile(const SortedSample& sample, double p, QuantileType type) {
  if (std::isnan(p)) return kNaN;
  if (p < -kProbabilityOvershoot || p > 1 + kProbabilityOvershoot)
    throw std::domain_error("a quantile's probability must lie between 0 and 1");
  p = std::max(0.0, std::min(1.0, p));
  const std::vector<double>& x = sample.values();
  if (x.empty()) return kNaN;
  if (type == QuantileType::linear) return linear_quantile(x, p);

  const auto n = static_cast<double>(x.size());
  double np_m;  // np + m, R's `nppm`
  double h;
  double j;
  if (type == QuantileType::inverse_ecdf || type == QuantileType::averaged_inverse_ecdf ||
      type == QuantileType::nearest_even) {
    np_m = type == QuantileType::nearest_even ? n * p - 0.5 : n * p;
    j = std::floor(np_m * (1 + kFuzz));
    const bool past_step = np_m > j;
    if (type == QuantileType::inverse_ecdf) {
      h = past_step ? 1 : 0;
    } else if (type == QuantileType::averaged_inverse_ecdf) {
      h = past_step ? 1 : 0.5;
    } else {
      const bool j_odd = std::fmod(j, 2) != 0;  // j may be -1 (p = 0)
      h = (np_m != j || j_odd) ? 1 : 0;
    }
  } else {
    const PlottingPosition position = plotting_position(type);
    np_m = position.a + p * (n + 1 - position.a - position.b);
    j = std::floor(np_m * (1 + kFuzz));
    h = np_m - j;
    if (std::fabs(h) < kFuzz) h = 0;
  }
  // x_(k) with R's padding: its x[j + 2] and x[j + 3] of c(x[1], x[1], x, x[n], x[n]).
  auto order_statistic = [&x, n](double k) {
    const double clamped = std::max(1.0, std::min(n, k));
    return x[static_cast<std::size_t>(clamped) - 1];
  };
  const double x_j = order_statistic(j);
  const double x_next = order_statistic(j + 1);
  if (h == 1) return x_next;
  // A fraction h outside (0, 1) (h = 0, or a tiny negative one left by the fuzz) takes x_(j).
  if (h > 0 && h < 1 && x_j != x_next) return (1 - h) * x_j + h * x_next;
  return x_j;
}

FiveNumber summarize(const SortedSample& sample, QuantileType type) {
  FiveNumber summary{sample.size(), sample.missing(), kNaN, kNaN, kNaN, kNaN, kNaN};
  if (sample.size() == 0) return summary;
  summary.min = sample.values().front();
  summary.max = sample.values().back();
  summary.q1 = quantile(sample, 0.25, type);
  summary.median = quantile(sample, 0.5, type);
  summary.q3 = quantile(sample, 0.75, type);
  return summary;
}

}  // namespace itp
