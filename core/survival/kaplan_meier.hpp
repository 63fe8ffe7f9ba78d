#pragma once
// The Kaplan-Meier estimate with Greenwood's variance, one row per distinct time (events and
// censorings), as survival::survfit gives it for right-censored data without weights.
#include <cstdint>
#include <vector>

#include "core/survival/event_counts.hpp"

namespace itp {

struct KaplanMeier {
  std::vector<double> time;
  std::vector<std::int64_t> n_risk;
  std::vector<std::int64_t> n_event;
  std::vector<std::int64_t> n_censor;
  std::vector<double> surv;
  // Standard error of log S(t) (R's fit$std.err); +inf once S has reached 0.
  std::vector<double> std_err_log;

  std::size_t size() const { return time.size(); }
};

KaplanMeier kaplan_meier(EventCounts counts);  // takes the counts' columns over

}  // namespace itp
