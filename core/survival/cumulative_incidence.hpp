#pragma once
// The cumulative incidence of one cause in one group, F_c(t) = P(T <= t, cause c), by the
// Aalen-Johansen estimator with the variance cmprsk::cuminc gives (Gray's Fortran routine cinc,
// after Aalen 1978 and Dinse & Larson 1986), and its log(-log) limits.
#include <cstddef>
#include <vector>

#include "core/survival/competing_counts.hpp"

namespace itp {

struct CumulativeIncidence {
  // One row per distinct time at which the cause has an event, the value just after it.
  // cuminc writes the same curve as a step function: (0, 0), then each of these times twice
  // (the value before and after), then the group's last time; only these rows carry numbers.
  std::vector<double> time;
  std::vector<double> estimate;
  std::vector<double> variance;
  double last_time = 0;  // the group's largest time, event or censoring (cuminc's last row)
};

// `group`: the group's rows with cell 0 the censored ones and cell 1 + c those of cause c.
CumulativeIncidence cumulative_incidence(const TimeTable& group, std::size_t cause);

// The curve at chosen times, as cmprsk::timepoints: the value at the last event time <= t
// (0 before the first); NaN (R's NA) before time 0 and after the group's last time.
struct IncidenceAtTimes {
  std::vector<double> time;
  std::vector<double> estimate;
  std::vector<double> variance;
};
IncidenceAtTimes incidence_at_times(const CumulativeIncidence& curve,
                                    const std::vector<double>& times);

// Pointwise limits on the log(-log) scale, the transform that keeps them inside (0, 1):
// est^exp(±z·√var / (est·log est)). NaN (null) where est is 0 (or is NaN); 1 where est is 1
// (or a rounding above it: the sum of the jumps can end at 1 + 2^-52, where the formula would
// give an upper limit of infinity).
struct IncidenceLimits {
  std::vector<double> lower;
  std::vector<double> upper;
};
IncidenceLimits log_log_limits(const std::vector<double>& estimate,
                               const std::vector<double>& variance, double conf_level);

}  // namespace itp
