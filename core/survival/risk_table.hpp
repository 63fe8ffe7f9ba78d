#pragma once
// The table printed under a Kaplan-Meier figure: at each chosen time, the number still at risk
// and, KMunicate style (Morris et al., BMJ Open 2019), the events and censorings so far.
#include <cstdint>
#include <vector>

#include "core/survival/kaplan_meier.hpp"

namespace itp {

struct RiskTable {
  std::vector<double> time;
  std::vector<std::int64_t> n_risk;           // subjects with time >= t
  std::vector<std::int64_t> cumulative_events;   // events at times <= t
  std::vector<std::int64_t> cumulative_censored; // censorings at times <= t
};

// Every chosen time is kept, including times after the curve's end (at risk 0).
RiskTable risk_table(const KaplanMeier& km, const std::vector<double>& times);

// Evenly spaced "nice" times (steps of 1, 2, 2.5 or 5 × 10^k) from 0 to cover `last_time`,
// about `target_count` of them: the default ticks of a figure's time axis.
std::vector<double> nice_time_ticks(double last_time, int target_count = 6);

}  // namespace itp
