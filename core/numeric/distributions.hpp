#pragma once
// The normal and chi-squared distributions as far as the survival analysis needs them, in the
// style of Boost.Math (a small checked type, free functions) but computed with the portable
// elementary functions, so p-values and confidence limits are the same bits in the CLI and the
// page. Boost.Math is the reference they are tested against (tests/native/test_distributions.cpp).
namespace itp {

struct StandardNormal {};

// P(Z > z).
double upper_tail(StandardNormal, double z);
// The z with P(Z <= z) = p, for 0 < p < 1.
double quantile(StandardNormal, double p);

class ChiSquared {
 public:
  explicit ChiSquared(int degrees_of_freedom);  // throws std::domain_error unless >= 1
  int degrees_of_freedom() const { return df_; }

 private:
  int df_;
};

// P(X > x); 1 for x <= 0.
double upper_tail(const ChiSquared& distribution, double x);

// log Gamma(x) for x > 0 (NaN otherwise), by Stirling's formula with its remainder computed to
// a few 1e-16: within 1e-15 relative of Boost.Math, or 1e-15 absolute where |log Gamma| < 1
// (near x = 1 and 2) (tests/native/test_stats_beta.cpp).
double log_gamma(double x);

// The beta distribution, for exact binomial (Clopper-Pearson) limits. cdf is the regularised
// incomplete beta function I_x(a, b) (Boost.Math's ibeta), upper_tail its complement 1 - I_x
// (ibetac), each computed directly rather than as 1 minus the other, so a small tail keeps its
// relative accuracy: within 1e-12 relative of Boost.Math for 0.5 <= a, b <= 5000 (a few 1e-16
// for the shapes of binomial limits; up to 5e-13 near the mean when a shape is in the
// thousands), and the quantiles found to the last bit of that (tests/native/test_stats_beta.cpp).
class Beta {
 public:
  Beta(double alpha, double beta);  // throws std::domain_error unless both are finite and > 0
  double alpha() const { return alpha_; }
  double beta() const { return beta_; }

 private:
  double alpha_;
  double beta_;
};

// P(X <= x) = I_x(a, b); 0 below 0, 1 above 1.
double cdf(const Beta& distribution, double x);
// P(X > x) = 1 - I_x(a, b).
double upper_tail(const Beta& distribution, double x);
// The x with P(X <= x) = p (R's qbeta(p, a, b), Boost.Math's ibeta_inv), for 0 <= p <= 1.
double quantile(const Beta& distribution, double p);
// The x with P(X > x) = q (R's qbeta(q, a, b, lower.tail = FALSE), Boost.Math's ibetac_inv),
// found without forming 1 - q.
double upper_quantile(const Beta& distribution, double q);

}  // namespace itp
