#include "core/survival/risk_table.hpp"

#include <algorithm>
#include <cmath>

namespace itp {

RiskTable risk_table(const KaplanMeier& km, const std::vector<double>& times) {
  std::vector<std::int64_t> cum_event(km.size() + 1, 0), cum_censor(km.size() + 1, 0);
  for (std::size_t i = 0; i < km.size(); ++i) {
    cum_event[i + 1] = cum_event[i] + km.n_event[i];
    cum_censor[i + 1] = cum_censor[i] + km.n_censor[i];
  }
  RiskTable table;
  for (double t : times) {
    const std::size_t upto = std::upper_bound(km.time.begin(), km.time.end(), t) - km.time.begin();
    const std::size_t before = std::lower_bound(km.time.begin(), km.time.end(), t) - km.time.begin();
    table.time.push_back(t);
    table.n_risk.push_back(before < km.size() ? km.n_risk[before] : 0);
    table.cumulative_events.push_back(cum_event[upto]);
    table.cumulative_censored.push_back(cum_censor[upto]);
  }
  return table;
}

std::vector<double> nice_time_ticks(double last_time, int target_count) {
  if (!(last_time > 0) || target_count < 1) return {0.0};
  const double raw_step = last_time / target_count;
  // The power of ten at or below the raw step, by plain multiplication: the C library's pow
  // and log10 are not rounded alike everywhere, and ticks must not depend on the platform.
  double magnitude = 1.0;
  while (magnitude * 10 <= raw_step) magnitude *= 10;
  while (magnitude > raw_step) magnitude /= 10;
  double step = magnitude * 10;
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (magnitude * factor >= raw_step) {
      step = magnitude * factor;
      break;
    }
  }
  std::vector<double> ticks;
  for (int i = 0;; ++i) {
    const double t = i * step;
    ticks.push_back(t);
    if (t >= last_time) break;
  }
  return ticks;
}

}  // namespace itp
