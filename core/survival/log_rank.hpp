#pragma once
// The G-rho family of k-sample tests (Harrington & Fleming 1982) as survival::survdiff computes
// it: rho = 0 is the log-rank test, rho = 1 the Peto-Peto modification of the Gehan-Wilcoxon.
#include <vector>

#include "core/survival/event_counts.hpp"

namespace itp {

struct LogRankTest {
  double rho = 0;
  std::vector<double> observed;  // per group, summed over strata (weighted when rho != 0)
  std::vector<double> expected;
  std::vector<std::vector<double>> variance;  // of observed - expected, groups × groups
  double chisq = 0;
  int df = 0;      // groups with expected > 0, minus 1
  double p = 0;    // NaN when df < 1 or the variance is singular
  bool singular = false;
};

// counts[s][g]: the events of group g within stratum s (all strata have the same groups).
LogRankTest log_rank_test(const std::vector<std::vector<EventCounts>>& counts, double rho);

}  // namespace itp
