#include "core/survival/quantiles.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace itp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kTolerance = std::sqrt(DBL_EPSILON);  // all.equal's, as the survival package uses

// First time at which `curve` is below 0.5 + tol. When that value equals 0.5 within tol and the
// curve drops further later, the midpoint of the two times (the median of a flat stretch).
double first_time_at_or_below_half(const std::vector<double>& time,
                                   const std::vector<double>& curve) {
  std::size_t first = curve.size();
  for (std::size_t i = 0; i < curve.size(); ++i) {
    if (!std::isnan(curve[i]) && curve[i] < 0.5 + kTolerance) {
      first = i;
      break;
    }
  }
  if (first == curve.size()) return kNaN;
  if (std::fabs(curve[first] - 0.5) < kTolerance) {
    for (std::size_t j = first + 1; j < curve.size(); ++j)
      if (!std::isnan(curve[j]) && curve[j] < curve[first]) return (time[first] + time[j]) / 2;
  }
  return time[first];
}

// The x where the non-decreasing step function y = 1 - curve crosses p, with the flat-stretch
// rule. x starts with 0 (time origin) and y with 0. NaN entries of the curve are ignored.
double crossing_time(const std::vector<double>& time, const std::vector<double>& curve, double p) {
  std::vector<double> x{0.0};
  std::vector<double> y{0.0};
  x.insert(x.end(), time.begin(), time.end());
  for (double c : curve) y.push_back(1 - c);
  const double x_last = x.back();

  double y_max = -std::numeric_limits<double>::infinity();
  for (double v : y)
    if (!std::isnan(v)) y_max = std::max(y_max, v);
  if (y_max < p) return kNaN;
  if (p == 0) return x.front();

  // Keep the first point of each value of y (censorings do not move the curve); a NaN counts as
  // one value, as R's duplicated() treats NA. A survival curve is monotone, so its repeats are
  // neighbours; a confidence limit need not be, and then a set finds them.
  bool monotone = true;
  double last_value = -std::numeric_limits<double>::infinity();
  for (double v : y) {
    if (std::isnan(v)) continue;
    monotone = monotone && v >= last_value;
    last_value = v;
  }
  std::vector<double> kx, ky;
  std::unordered_set<double> seen;
  bool seen_nan = false;
  double last_kept = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (std::isnan(y[i])) {
      if (seen_nan) continue;
      seen_nan = true;
    } else if (monotone ? last_kept == y[i] : !seen.insert(y[i]).second) {
      continue;
    } else {
      last_kept = y[i];
    }
    kx.push_back(x[i]);
    ky.push_back(y[i]);
  }

  // Index of the first knot (in ascending order of y, NaN knots left out) whose y + shift is
  // at least p; none when p is beyond the last knot. This is approx(y + shift, 1:n, p,
  // method = "constant", f = 1).
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < ky.size(); ++i)
    if (!std::isnan(ky[i])) order.push_back(i);
  if (!monotone)
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return ky[a] < ky[b]; });
  auto knot_reaching = [&](double shift) -> std::ptrdiff_t {
    if (order.empty() || p < ky[order.front()] + shift || p > ky[order.back()] + shift) return -1;
    for (std::size_t i : order)
      if (ky[i] + shift >= p) return static_cast<std::ptrdiff_t>(i);
    return -1;
  };
  const std::ptrdiff_t lo = knot_reaching(kTolerance);
  const std::ptrdiff_t hi = knot_reaching(-kTolerance);

  double result = (lo < 0 || hi < 0) ? kNaN : (kx[lo] + kx[hi]) / 2;
  const double y_end = ky.back();
  if (!std::isnan(y_end) && std::fabs(p - y_end) < kTolerance)
    result = lo < 0 ? kNaN : (kx[lo] + x_last) / 2;  // flat at 1 - p until the last time
  return result;
}

}  // namespace

QuantileEstimate median_as_printed(const KaplanMeier& km, const ConfidenceBand& band) {
  return {0.5, first_time_at_or_below_half(km.time, km.surv),
          first_time_at_or_below_half(km.time, band.lower),
          first_time_at_or_below_half(km.time, band.upper)};
}

QuantileEstimate quantile_as_computed(const KaplanMeier& km, const ConfidenceBand& band,
                                      double probability) {
  return {probability, crossing_time(km.time, km.surv, probability),
          crossing_time(km.time, band.lower, probability),
          crossing_time(km.time, band.upper, probability)};
}

}  // namespace itp
