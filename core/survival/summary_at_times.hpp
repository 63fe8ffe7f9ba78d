#pragma once
// The curve read at chosen times, as summary(fit, times = ...) reports it.
#include <cstdint>
#include <vector>

#include "core/survival/confidence_band.hpp"
#include "core/survival/kaplan_meier.hpp"

namespace itp {

struct SummaryAtTimes {
  std::vector<double> time;
  std::vector<std::int64_t> n_risk;    // at risk at the time (time >= t)
  std::vector<std::int64_t> n_event;   // in (previous chosen time, t]
  std::vector<std::int64_t> n_censor;
  std::vector<double> surv;
  std::vector<double> std_err;  // of S(t), not of log S(t)
  std::vector<double> lower;
  std::vector<double> upper;
};

// R's rules for `times` in increasing order (callers sort them): a time after the curve's last
// time is left out; before the first time S = 1 with standard error 0; events and censorings
// are summed over (previous time, t].
SummaryAtTimes summary_at_times(const KaplanMeier& km, const ConfidenceBand& band,
                                const std::vector<double>& increasing_times);

}  // namespace itp
