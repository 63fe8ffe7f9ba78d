#pragma once
// The log-rank (G-rho) test of each pair of groups on that pair's rows alone, as
// survdiff(Surv(time, event) ~ group + strata(s), subset = group %in% pair) gives it: the tie
// rule is applied to the pair's times, and rows without a stratum are left out when there are
// strata. The p-values are adjusted over the pairs by the report (core/stats/p_adjust).
#include <cstddef>
#include <vector>

#include "core/survival/log_rank.hpp"
#include "core/survival/survival_rows.hpp"

namespace itp {

struct PairTest {
  std::size_t first;   // group indexes into SurvivalRows::group_names, first < second
  std::size_t second;
  LogRankTest test;    // over the two groups; p is NaN where survdiff could not test them
};

// Every pair (a, b), a < b, in the order (0,1), (0,2), ..., (1,2), ...
std::vector<PairTest> pairwise_log_rank(const SurvivalRows& rows, bool has_strata, double rho);

}  // namespace itp
