#pragma once
// The log-rank test for trend across ordered groups: with scores s for the groups and
// survdiff's observed O, expected E and variance V of O - E (summed over strata),
//   chi² = (s'(O - E))² / (s'V s)   on 1 degree of freedom
// (Collett, Modelling Survival Data in Medical Research, 3rd ed., §2.7). The default scores
// are the groups' order, 1, 2, 3, ...
#include <vector>

#include "core/survival/log_rank.hpp"

namespace itp {

struct TrendTest {
  std::vector<double> scores;
  double statistic = 0;  // s'(O - E)
  double variance = 0;   // s'V s
  double chisq = 0;      // NaN with fewer than two groups with expected events, or when s'Vs
                         // is 0 (no information on the trend)
  double p = 0;          // NaN likewise
};

// `scores` holds one score per group of `test` (its observed, expected and variance).
TrendTest trend_test(const LogRankTest& test, std::vector<double> scores);

}  // namespace itp
