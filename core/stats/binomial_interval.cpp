#include "core/stats/binomial_interval.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/numeric/distributions.hpp"

namespace itp {
namespace {

void check_arguments(int x, int n, double conf_level) {
  if (n < 1) throw std::domain_error("a proportion needs at least one trial");
  if (x < 0 || x > n)
    throw std::domain_error("the number of successes must lie between 0 and the number of trials");
  if (!(conf_level > 0 && conf_level < 1))
    throw std::domain_error("a confidence level must lie strictly between 0 and 1");
}

}  // namespace

// As binom.test computes it: alpha = (1 - conf.level) / 2, the lower limit the beta quantile at
// alpha, the upper one at 1 - alpha, found here as the upper-tail quantile at alpha (the same
// number, without rounding 1 - alpha).
BinomialInterval clopper_pearson(int x, int n, double conf_level) {
  check_arguments(x, n, conf_level);
  const double alpha = (1 - conf_level) / 2;
  const double lower = x == 0 ? 0.0 : quantile(Beta(x, n - x + 1.0), alpha);
  const double upper = x == n ? 1.0 : upper_quantile(Beta(x + 1.0, n - x), alpha);
  return {lower, upper};
}

// The roots in p of (x/n - p)^2 = z^2 p (1 - p) / n, written as prop.test writes them, with
// z22n = z^2 / (2n):
//   (x/n + z22n -/+ z sqrt(x/n (1 - x/n) / n + z22n / (2n))) / (1 + 2 z22n),
// and, as there, 0 for the lower limit when x = 0 and 1 for the upper when x = n.
BinomialInterval wilson(int x, int n, double conf_level) {
  check_arguments(x, n, conf_level);
  const double z = quantile(StandardNormal{}, (1 + conf_level) / 2);
  const double estimate = static_cast<double>(x) / n;
  const double z22n = z * z / (2.0 * n);
  const double spread = z * std::sqrt(estimate * (1 - estimate) / n + z22n / (2.0 * n));
  const double lower = estimate <= 0 ? 0.0 : (estimate + z22n - spread) / (1 + 2 * z22n);
  const double upper = estimate >= 1 ? 1.0 : (estimate + z22n + spread) / (1 + 2 * z22n);
  return {std::max(lower, 0.0), std::min(upper, 1.0)};
}

}  // namespace itp
