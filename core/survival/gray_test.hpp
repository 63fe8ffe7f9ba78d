#pragma once
// Gray's test (Gray 1988, Ann. Statist. 16:1141) that the cumulative incidence of one cause is
// the same in every group, optionally stratified, as cmprsk::cuminc computes it (its Fortran
// routine crstm, with rho = 0): a score per group but the last and their covariance, summed
// over strata, and the chi-squared s' V^-1 s on groups - 1 degrees of freedom.
#include <cstddef>
#include <vector>

#include "core/survival/competing_counts.hpp"

namespace itp {

struct GrayTest {
  std::vector<double> score;     // groups - 1
  std::vector<double> variance;  // (groups - 1)^2, row by row
  bool singular = false;  // V not of full rank by R's qr() (tol 1e-7); cuminc then says -1
  double stat = 0;        // NaN when singular
  int df = 0;
  double p = 1;  // P(chi-squared > stat), computed directly (not 1 - pchisq); NaN when singular
};

// `by_stratum`: each stratum's rows in time order, cell g * (causes + 1) + s for a row of group
// g with status s (0 censored, 1 + c for cause c). Needs groups >= 2. Time O(n + T groups^2)
// per cause (T distinct times), memory O(groups^2): the rows are read, not tabulated.
GrayTest gray_test(const std::vector<TimeSortedRows>& by_stratum, std::size_t groups,
                   std::size_t causes, std::size_t cause);

}  // namespace itp
