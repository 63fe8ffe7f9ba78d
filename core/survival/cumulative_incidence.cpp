#include "core/survival/cumulative_incidence.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/numeric/distributions.hpp"
#include "core/numeric/portable_math.hpp"

namespace itp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 1 for one event at a time; for d > 1 tied events among n at risk, the factor
// 1 - (d - 1)/(n - 1) cinc applies to their contribution (ties drawn without replacement).
double tie_factor(std::int64_t d, double n_risk) {
  return d > 1 ? 1 - (static_cast<double>(d) - 1.) / (n_risk - 1.) : 1.;
}

}  // namespace

CumulativeIncidence cumulative_incidence(const TimeTable& group, std::size_t cause) {
  // With S(t-) the all-cause Kaplan-Meier just before t, n the number at risk and d_c, d the
  // events of the cause and of all causes at t:
  //   F(t) = F(t-) + S(t-) d_c / n,    S(t) = S(t-) (n - d) / n.
  // The variance is cinc's delta-method sum. Each time adds to three running sums, for the
  // events of other causes (d_o = d - d_c, when S(t) > 0) and then for those of the cause:
  //   w = S(t-)^2 · tie_factor · d_x / n^2,
  //   other causes: a = F(t)/S(t),  b = 1/S(t);   the cause: a = 1 + F(t)/S(t), b = 1/S(t)
  //                                                (b = 0 when S(t) = 0),
  //   v1 += a^2 w,  v2 += a b w,  v3 += b^2 w,
  // and Var F(t) = v1 + F(t)^2 v3 - 2 F(t) v2 at each time the cause has an event.
  // Operations are written in cinc's order so the numbers agree to the last bits.
  const std::size_t cell = cause + 1;
  CumulativeIncidence curve;
  double n_risk = static_cast<double>(group.total());
  double surv = 1;  // S(t-)
  double estimate = 0, v1 = 0, v2 = 0, v3 = 0;
  for (std::size_t t = 0; t < group.time.size(); ++t) {
    std::int64_t n_at_time = 0, n_event = 0;
    for (std::size_t c = 0; c < group.width; ++c) n_at_time += group.at(t, c);
    n_event = n_at_time - group.at(t, 0);
    const std::int64_t n_cause = group.at(t, cell);
    const std::int64_t n_other = n_event - n_cause;
    if (n_event > 0) {
      const double surv_after = surv * (n_risk - static_cast<double>(n_event)) / n_risk;
      if (n_cause > 0) estimate = estimate + surv * static_cast<double>(n_cause) / n_risk;
      if (n_other > 0 && surv_after > 0) {
        const double w = surv * surv * tie_factor(n_other, n_risk) *
                         static_cast<double>(n_other) / (n_risk * n_risk);
        const double b = 1. / surv_after;
        const double a = estimate / surv_after;
        v1 = v1 + a * a * w;
        v2 = v2 + b * a * w;
        v3 = v3 + b * b * w;
      }
      if (n_cause > 0) {
        const double w = surv * surv * tie_factor(n_cause, n_risk) *
                         static_cast<double>(n_cause) / (n_risk * n_risk);
        const double b = surv_after > 0 ? 1 / surv_after : 0.;
        const double a = 1 + b * estimate;
        v1 = v1 + a * a * w;
        v2 = v2 + b * a * w;
        v3 = v3 + b * b * w;
        curve.time.push_back(group.time[t]);
        curve.estimate.push_back(estimate);
        curve.variance.push_back(v1 + estimate * estimate * v3 - 2 * estimate * v2);
      }
      surv = surv_after;
    }
    n_risk -= static_cast<double>(n_at_time);
  }
  if (!group.time.empty()) curve.last_time = group.time.back();
  return curve;
}

IncidenceAtTimes incidence_at_times(const CumulativeIncidence& curve,
                                    const std::vector<double>& times) {
  IncidenceAtTimes at;
  for (double t : times) {
    at.time.push_back(t);
    if (t < 0 || t > curve.last_time) {
      at.estimate.push_back(kNaN);
      at.variance.push_back(kNaN);
      continue;
    }
    const auto after = std::upper_bound(curve.time.begin(), curve.time.end(), t);
    if (after == curve.time.begin()) {
      at.estimate.push_back(0);
      at.variance.push_back(0);
    } else {
      const std::size_t row = static_cast<std::size_t>(after - curve.time.begin()) - 1;
      at.estimate.push_back(curve.estimate[row]);
      at.variance.push_back(curve.variance[row]);
    }
  }
  return at;
}

IncidenceLimits log_log_limits(const std::vector<double>& estimate,
                               const std::vector<double>& variance, double conf_level) {
  const double z = quantile(StandardNormal{}, 0.5 + conf_level / 2);
  IncidenceLimits limits;
  for (std::size_t i = 0; i < estimate.size(); ++i) {
    const double est = estimate[i];
    if (!(est > 0)) {
      limits.lower.push_back(kNaN);
      limits.upper.push_back(kNaN);
    } else if (est >= 1) {  // above 1 only by rounding in the sum of jumps: no spread left
      limits.lower.push_back(1);
      limits.upper.push_back(1);
    } else {
      // log est < 0, so the exponent exp(-c) > 1 gives the lower limit.
      const double c = z * std::sqrt(variance[i]) / (est * portable::log(est));
      limits.lower.push_back(portable::pow(est, portable::exp(-c)));
      limits.upper.push_back(portable::pow(est, portable::exp(c)));
    }
  }
  return limits;
}

}  // namespace itp
