#pragma once
// Sample quantiles exactly as R's quantile(x, probs, type) computes them (R >= 4.5.0), and the
// "median [IQR] (min-max)" summary of a Table 1 (docs/design.md §1: type 7 by default; 2 for SAS,
// 6 for SPSS and Stata, chosen by the user and named in a footnote).
//
// Missing values: NaN is a missing value. A SortedSample leaves it out and counts it, as
// quantile(x, na.rm = TRUE) does (R without na.rm stops with an error). An empty sample (no value,
// or only missing ones) has NaN for every quantile, as R's quantile(numeric(0)) gives NA.
#include <cstddef>
#include <vector>

namespace itp {

// The nine definitions of Hyndman & Fan (1996), "Sample quantiles in statistical packages",
// The American Statistician 50(4):361-365, numbered as R numbers them.
enum class QuantileType {
  inverse_ecdf = 1,           // the empirical distribution's inverse
  averaged_inverse_ecdf = 2,  // the same, averaged at its steps (SAS's default, Stata's pctile)
  nearest_even = 3,           // nearest order statistic, ties to the even one (SAS PCTLDEF=2)
  interpolated_ecdf = 4,      // linear interpolation of the empirical distribution
  hazen = 5,                  // piecewise linear, knots at the midpoints of the steps
  weibull = 6,                // p = k / (n + 1) (SPSS, Minitab, Stata's centile)
  linear = 7,                 // p = (k - 1) / (n - 1) (R's and Excel's default)
  median_unbiased = 8,        // p = (k - 1/3) / (n + 1/3), Hyndman & Fan's recommendation
  normal_unbiased = 9,        // p = (k - 3/8) / (n + 1/4) (Blom)
};

// R's `type` argument; throws std::domain_error unless 1 <= type <= 9.
QuantileType quantile_type(int r_type);

// The non-missing values of a variable, in increasing order. Minus zero is stored as zero, so
// the order, and the sign a result prints with, do not depend on the sort.
class SortedSample {
 public:
  explicit SortedSample(std::vector<double> values);
  const std::vector<double>& values() const { return values_; }
  std::size_t size() const { return values_.size(); }
  std::size_t missing() const { return missing_; }

 private:
  std::vector<double> values_;
  std::size_t missing_ = 0;
};

// quantile(x, p, type = type, na.rm = TRUE, names = FALSE) of R >= 4.5.0, rounding included.
// p within 100 machine epsilons outside [0, 1] is moved to the end, as R does; further out
// throws std::domain_error. NaN for a NaN p or an empty sample.
double quantile(const SortedSample& sample, double p, QuantileType type = QuantileType::linear);

// n, missing, min, quartiles and max of a sample: the "median [IQR] (min-max)" of a Table 1.
// The median is the type's own 0.5 quantile, so q1 <= median <= q3 under one definition. For
// types 2, 5, 6, 7 and 9 it is R's median(x) exactly, for type 8 to rounding (1e-15); types 1,
// 3 and 4 take one order statistic or weigh a neighbour, and can differ from it.
struct FiveNumber {
  std::size_t n;                    // values summarised
  std::size_t missing;              // NaN values left out
  double min, q1, median, q3, max;  // NaN when n = 0
};

FiveNumber summarize(const SortedSample& sample, QuantileType type = QuantileType::linear);

}  // namespace itp
