#include "core/numeric/distributions.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/numeric/portable_math.hpp"

namespace itp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInvSqrtTwoPi = 0.39894228040143267794;
constexpr double kLogPi = 1.14472988584940017414;
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();

double normal_density(double z) { return kInvSqrtTwoPi * portable::exp(-0.5 * z * z); }

// Q(z) = P(Z > z) for z >= 0.
double normal_upper_tail_positive(double z) {
  if (z < 2) {
    // Q = 1/2 - phi(z) (z + z^3/3 + z^5/(3·5) + ...): positive terms, no cancellation inside
    // the sum (Abramowitz & Stegun 26.2.11).
    double term = z, sum = z;
    for (int n = 1; n < 200 && term > kEpsilon * sum; ++n) {
      term *= z * z / (2 * n + 1);
      sum += term;
    }
    return 0.5 - normal_density(z) * sum;
  }
  // Q = phi(z) / (z + 1/(z + 2/(z + 3/(z + ...)))), Laplace's continued fraction
  // (A&S 26.2.14), evaluated by the modified Lentz method.
  const double tiny = 1e-300;
  double f = z, c = z, d = 0;
  for (int n = 1; n < 5000; ++n) {
    d = z + n * d;
    d = d == 0 ? tiny : d;
    c = z + n / c;
    c = c == 0 ? tiny : c;
    d = 1 / d;
    const double delta = c * d;
    f *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return normal_density(z) / f;
}

// log Gamma(df / 2) for a whole df >= 1, from Gamma(n) = (n-1)! and
// Gamma(n + 1/2) = sqrt(pi) (1/2)(3/2)...(n - 1/2).
double log_gamma_half(int df) {
  double sum = 0;
  if (df % 2 == 0) {
    for (int i = 2; i < df / 2; ++i) sum += portable::log(i);
  } else {
    sum = 0.5 * kLogPi;
    for (int i = 1; i <= df / 2; ++i) sum += portable::log(i - 0.5);
  }
  return sum;
}

}  // namespace

double upper_tail(StandardNormal, double z) {
  if (std::isnan(z)) return kNaN;
  return z >= 0 ? normal_upper_tail_positive(z) : 1 - normal_upper_tail_positive(-z);
}

double quantile(StandardNormal normal, double p) {
  if (!(p > 0 && p < 1)) return kNaN;
  // Solve Q(z) = q for the smaller tail q, as R's qnorm does with 1 - p (Wichura 1988).
  const double q = p > 0.5 ? 1 - p : p;
  if (q == 0.5) return 0.0;
  // Start from A&S 26.2.23 (error < 4.5e-4), then Newton steps z += (Q(z) - q) / phi(z).
  const double t = std::sqrt(-2 * portable::log(q));
  double z = t - (2.515517 + t * (0.802853 + t * 0.010328)) /
                     (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
  for (int i = 0; i < 50; ++i) {
    const double step = (upper_tail(normal, z) - q) / normal_density(z);
    z += step;
    if (std::fabs(step) <= 4 * kEpsilon * z) break;
  }
  return p > 0.5 ? z : -z;
}

ChiSquared::ChiSquared(int degrees_of_freedom) : df_(degrees_of_freedom) {
  if (degrees_of_freedom < 1)
    throw std::domain_error("a chi-squared distribution needs at least 1 degree of freedom");
}

double upper_tail(const ChiSquared& distribution, double x) {
  if (std::isnan(x)) return kNaN;
  if (x <= 0) return 1.0;
  if (std::isinf(x)) return 0.0;
  // P(X > x) = Q(a, y), the regularised upper incomplete gamma function with a = df/2,
  // y = x/2 (Numerical Recipes §6.2): the series of P for y < a + 1, else the continued
  // fraction of Q, each times y^a e^-y / Gamma(a).
  const double a = distribution.degrees_of_freedom() / 2.0;
  const double y = x / 2;
  const double prefactor =
      portable::exp(a * portable::log(y) - y - log_gamma_half(distribution.degrees_of_freedom()));
  if (y < a + 1) {
    double term = 1 / a, sum = term;
    for (int n = 1; n < 10000; ++n) {
      term *= y / (a + n);
      sum += term;
      if (term < sum * kEpsilon) break;
    }
    return 1 - prefactor * sum;
  }
  const double tiny = 1e-300;
  double b = y + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (int n = 1; n < 10000; ++n) {
    const double an = -n * (n - a);
    b += 2;
    d = an * d + b;
    d = std::fabs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = std::fabs(c) < tiny ? tiny : c;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return prefactor * h;
}

}  // namespace itp
