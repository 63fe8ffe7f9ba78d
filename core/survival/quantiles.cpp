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
// This is R's approx() over the curve's knots, done in two passes without copying the curve: it
// runs for two quantiles on each curve and its limits, whose every distinct time is a point.
double crossing_time(const std::vector<double>& time, const std::vector<double>& curve, double p) {
  const std::size_t points = curve.size() + 1;  // the origin, then the curve
  auto x_at = [&](std::size_t i) { return i == 0 ? 0.0 : time[i - 1]; };
  auto y_at = [&](std::size_t i) { return i == 0 ? 0.0 : 1 - curve[i - 1]; };
  const double x_last = x_at(points - 1);

  double y_max = -std::numeric_limits<double>::infinity();
  // A survival curve is monotone, so its repeated values are neighbours; a confidence limit
  // need not be, and then a set finds them.
  bool monotone = true;
  double last_value = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < points; ++i) {
    const double v = y_at(i);
    if (std::isnan(v)) continue;
    y_max = std::max(y_max, v);
    monotone = monotone && v >= last_value;
    last_value = v;
  }
  if (y_max < p) return kNaN;
  if (p == 0) return 0.0;

  // The knots are the first point of each value of y (censorings do not move the curve); a NaN
  // counts as one value, as R's duplicated() treats NA, and is no knot to interpolate on.
  // approx(y + shift, 1:n, p, method = "constant", f = 1) picks, among the knots in ascending
  // order of y, the first whose y + shift reaches p, and none when p is outside the knots' range
  // shifted: that is the knot of least y reaching p (knots have distinct values).
  struct Reaching {
    double shift;
    bool found = false;
    double y = 0, x = 0;
  };
  Reaching lo{kTolerance}, hi{-kTolerance};
  double knot_min = std::numeric_limits<double>::infinity();
  double knot_max = -std::numeric_limits<double>::infinity();
  double y_end = kNaN;  // the last knot's y
  std::unordered_set<double> seen;
  bool seen_nan = false;
  double last_kept = kNaN;
  for (std::size_t i = 0; i < points; ++i) {
    const double v = y_at(i);
    if (std::isnan(v)) {
      if (!seen_nan) y_end = kNaN;
      seen_nan = true;
      continue;
    }
    if (monotone ? last_kept == v : !seen.insert(v).second) continue;
    last_kept = y_end = v;
    knot_min = std::min(knot_min, v);
    knot_max = std::max(knot_max, v);
    for (Reaching* r : {&lo, &hi}) {
      if (v + r->shift >= p && (!r->found || v < r->y)) *r = {r->shift, true, v, x_at(i)};
    }
  }
  auto reaches = [&](const Reaching& r) {
    return r.found && !(p < knot_min + r.shift) && !(p > knot_max + r.shift);
  };
  const bool has_lo = reaches(lo), has_hi = reaches(hi);
  double result = has_lo && has_hi ? (lo.x + hi.x) / 2 : kNaN;
  if (!std::isnan(y_end) && std::fabs(p - y_end) < kTolerance)
    result = has_lo ? (lo.x + x_last) / 2 : kNaN;  // flat at 1 - p until the last time
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
