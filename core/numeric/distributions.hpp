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

}  // namespace itp
