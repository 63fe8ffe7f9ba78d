#include "core/numeric/distributions.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
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

// ---- log Gamma and the beta distribution ---------------------------------------------------

namespace {

constexpr double kLogSqrtTwoPi = 0.91893853320467274178;  // log sqrt(2 pi)
constexpr double kTwoPi = 6.28318530717958647693;
constexpr double kStirlingFrom = 15;

// delta(x) = log Gamma(x) - [(x - 1/2) log x - x + log sqrt(2 pi)] for x >= 15, by Stirling's
// series sum_k B_2k / (2k (2k-1) x^(2k-1)) (DLMF 5.11.1) to the x^-13 term; the first term left
// out is below 1e-19 at x = 15.
double stirling_series(double x) {
  const double r = 1 / (x * x);
  const double sum =
      1.0 / 12 +
      r * (-1.0 / 360 +
           r * (1.0 / 1260 +
                r * (-1.0 / 1680 + r * (1.0 / 1188 + r * (-691.0 / 360360 + r * (1.0 / 156))))));
  return sum / x;
}

// delta(z) - delta(z + 1) = (z + 1/2) log(1 + 1/z) - 1, from Gamma(z + 1) = z Gamma(z). With
// u = 1 / (2z + 1), log(1 + 1/z) = 2 atanh(u) = 2 (u + u^3/3 + u^5/5 + ...) and (2z + 1) u = 1,
// so the step is u^2/3 + u^4/5 + u^6/7 + ...: positive terms, no cancellation. Below z = 1/2
// (u > 1/2) the direct form is used, where the step is above 0.3 and nothing cancels either.
double stirling_step(double z) {
  if (z < 0.5) return (z + 0.5) * (portable::log(z + 1) - portable::log(z)) - 1;
  const double u2 = 1 / ((2 * z + 1) * (2 * z + 1));
  double power = u2, sum = 0;
  for (int k = 1; k < 100; ++k) {
    const double next = sum + power / (2 * k + 1);
    if (next == sum) break;
    sum = next;
    power *= u2;
  }
  return sum;
}

// The same delta for any x > 0: below 15, delta(x) = delta(x + k) plus the k steps above, each
// computed to a few ulps, so delta is within a few 1e-16 absolute. (Shifting log Gamma itself,
// log Gamma(x + k) - log(x (x+1) ... (x+k-1)), would cancel terms near 40 and keep 1e-14.)
double stirling_error(double x) {
  double sum = 0;
  while (x < kStirlingFrom) {
    sum += stirling_step(x);
    x += 1;
  }
  return sum + stirling_series(x);
}

// bd0(k, m) = k log(k / m) + m - k >= 0, the deviance term of Loader (2000), "Fast and accurate
// computation of binomial probabilities". With v = (k - m) / (k + m), k / m = (1 + v) / (1 - v)
// and log(k / m) = 2 (v + v^3/3 + v^5/5 + ...), so bd0 = (k - m) v + 2k (v^3/3 + v^5/5 + ...):
// a sum of positive terms where the direct formula would cancel (k close to m).
double deviance_term(double k, double m) {
  if (std::fabs(k - m) < 0.1 * (k + m)) {
    double v = (k - m) / (k + m);
    double sum = (k - m) * v;
    double term = 2 * k * v;
    v *= v;
    for (int j = 1; j < 1000; ++j) {
      term *= v;
      const double next = sum + term / (2 * j + 1);
      if (next == sum) break;
      sum = next;
    }
    return sum;
  }
  return k * portable::log(k / m) + m - k;
}

// x^a y^b / B(a, b) for 0 < x < 1 and y = 1 - x. Writing each Gamma of 1 / B(a, b) by
// Stirling's formula, Gamma(z) = sqrt(2 pi) z^(z - 1/2) e^-z e^delta(z), and c = a + b:
//   x^a y^b / B(a, b) = sqrt(a b / (2 pi c)) exp(-bd0(a, c x) - bd0(b, c y)
//                                                + delta(c) - delta(a) - delta(b)),
// which keeps full relative accuracy for large a and b, where exp(a log x + b log y - log B)
// would lose it to the cancellation of terms of size a log a (Loader 2000; Boost.Math and
// R's TOMS 708 avoid it in other ways).
double beta_power_terms(double a, double b, double x, double y) {
  const double c = a + b;
  const double exponent = -deviance_term(a, c * x) - deviance_term(b, c * y) + stirling_error(c) -
                          stirling_error(a) - stirling_error(b);
  return std::sqrt(a * b / (kTwoPi * c)) * portable::exp(exponent);
}

// The continued fraction of I_x(a, b) (DLMF 8.17.22):
//   I_x(a, b) = x^a y^b / (a B(a, b)) · 1 / (1 + d_1 / (1 + d_2 / (1 + ...))),
//   d_(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
//   d_(2m)   = m (b - m) x / ((a + 2m - 1)(a + 2m)),
// evaluated by the modified Lentz method (Numerical Recipes §6.4). It converges quickly for
// x < (a + 1) / (a + b + 2); beyond, the caller uses I_x(a, b) = 1 - I_y(b, a).
double beta_continued_fraction(double a, double b, double x) {
  const double tiny = 1e-300;
  auto guard = [tiny](double v) { return std::fabs(v) < tiny ? tiny : v; };
  double c = 1;
  double d = 1 / guard(1 - (a + b) * x / (a + 1));
  double fraction = d;
  for (int m = 1; m < 100000; ++m) {
    const double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    fraction *= d * c;
    const double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const double delta = d * c;
    fraction *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return fraction;
}

// For a whole number a, 1 - I_x(a, b) = P(Binomial(a + b - 1, x) <= a - 1) = sum_(j < a) T_j,
// T_j = Gamma(a + b) / (Gamma(j + 1) Gamma(a + b - j)) x^j y^(a+b-1-j) (DLMF 8.17.5, a finite
// sum for any b > 0), summed down from T_(a-1) = x^a y^b / (b x B(a, b)) with
// T_(j-1) = T_j j / (a + b - j) · y / x. Used for the upper tail when x < 1/2, where y = 1 - x is
// rounded: the continued fraction in y would turn that rounding (5e-17) into a relative error
// near b · 5e-17 (5e-11 at b = 10^6, the upper limit of 3 successes in 10^6 trials), while here
// y only enters through ratios and the power terms, whose Stirling form does not amplify it.
constexpr double kMostSumTerms = 100000;

double upper_tail_as_binomial_sum(double a, double b, double x, double y, double power_terms) {
  double term = power_terms / (b * x);
  double sum = term;
  for (double j = a - 1; j >= 1; j -= 1) {
    const double ratio = j / (a + b - j) * (y / x);
    term *= ratio;
    sum += term;
    // The ratio falls as j does: once below 1/2 the rest is below the last term.
    if (ratio < 0.5 && term < 0.5 * kEpsilon * sum) break;
  }
  return sum;
}

struct BetaTails {
  double lower;  // I_x(a, b)
  double upper;  // 1 - I_x(a, b)
};

// Both tails at x: the one the continued fraction converges for, and the other as its
// complement. At the switch point neither tail is small (both above 0.08 for a, b >= 1/2, above
// 0.01 for a, b >= 0.05), so the complement loses at most a few bits.
BetaTails beta_tails(double a, double b, double x) {
  if (!(x > 0)) return {0, 1};
  if (!(x < 1)) return {1, 0};
  const double y = 1 - x;
  const double power_terms = beta_power_terms(a, b, x, y);
  if (x < (a + 1) / (a + b + 2)) {
    const double lower = power_terms * beta_continued_fraction(a, b, x) / a;
    return {lower, 1 - lower};
  }
  const double upper = x < 0.5 && a == std::floor(a) && a <= kMostSumTerms
                           ? upper_tail_as_binomial_sum(a, b, x, y, power_terms)
                           : power_terms * beta_continued_fraction(b, a, y) / b;
  return {1 - upper, upper};
}

double beta_density(double a, double b, double x) {
  return beta_power_terms(a, b, x, 1 - x) / (x * (1 - x));
}

std::uint64_t to_bits(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

double from_bits(std::uint64_t bits) {
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

// The double halfway between lo and hi in their bit patterns (both in [0, 1]): bisection in that
// order reaches any double in [0, 1] in at most 62 steps, however small, where halving the
// interval would need a thousand steps to reach 1e-300.
double bit_midpoint(double lo, double hi) {
  const std::uint64_t a = to_bits(lo), b = to_bits(hi);
  return from_bits(a + (b - a) / 2);
}

// The x in [0, 1] where the lower tail I_x(a, b) equals `target` (upper = false) or the upper
// tail 1 - I_x(a, b) does (upper = true), for 0 < target <= 1/2, so the tail solved for is the
// one known to full relative accuracy. Newton's method on F(x) = I_x - target (resp.
// target - (1 - I_x)), which increases with x and has the beta density as its derivative, kept
// inside a bracket that every evaluation narrows; a step that leaves the bracket or fails to
// halve the previous one is replaced by a bisection (Numerical Recipes' rtsafe). It stops when a
// step is below 2 ulps or the bracket holds no other double.
double solve_beta_tail(double a, double b, double target, bool upper) {
  double lo = 0, hi = 1;
  double f_lo = upper ? target - 1 : -target;
  double f_hi = upper ? target : 1 - target;
  // Start from the tail approximations I_x ~ x^a / (a B(a, b)) near 0 and
  // 1 - I_x ~ y^b / (b B(a, b)) near 1, else from the mean.
  const double mean = a / (a + b);
  const double log_beta = log_gamma(a) + log_gamma(b) - log_gamma(a + b);
  double x = mean;
  if (!upper) {
    const double guess = portable::exp((portable::log(target * a) + log_beta) / a);
    if (guess < mean) x = guess;
  } else {
    const double guess = portable::exp((portable::log(target * b) + log_beta) / b);
    if (guess < 1 - mean) x = 1 - guess;
  }
  if (!(x > 0 && x < 1)) x = bit_midpoint(lo, hi);
  double previous_step = 1;
  for (int iteration = 0; iteration < 500; ++iteration) {
    const BetaTails tails = beta_tails(a, b, x);
    const double f = upper ? target - tails.upper : tails.lower - target;
    if (f == 0) return x;
    if (f < 0) {
      lo = x;
      f_lo = f;
    } else {
      hi = x;
      f_hi = f;
    }
    if (to_bits(hi) - to_bits(lo) <= 1) return -f_lo < f_hi ? lo : hi;
    const double density = beta_density(a, b, x);
    const bool newton = density > 0 && std::isfinite(density);
    double step = newton ? f / density : 0;
    double next = x - step;
    if (!newton || !(next > lo && next < hi) || std::fabs(2 * step) > std::fabs(previous_step)) {
      next = bit_midpoint(lo, hi);
      step = x - next;
    }
    previous_step = step;
    if (std::fabs(step) <= 2 * kEpsilon * next) return next;
    x = next;
  }
  return x;
}

}  // namespace

double log_gamma(double x) {
  if (!(x > 0)) return kNaN;
  if (std::isinf(x)) return x;
  if (x == 1 || x == 2) return 0;  // exactly, so log 0! = log 1! = 0 add nothing to sums
  // Stirling's formula with its exact remainder delta (above).
  return (x - 0.5) * portable::log(x) - x + kLogSqrtTwoPi + stirling_error(x);
}

Beta::Beta(double alpha, double beta) : alpha_(alpha), beta_(beta) {
  if (!(alpha > 0 && beta > 0 && std::isfinite(alpha) && std::isfinite(beta)))
    throw std::domain_error("a beta distribution needs finite shape parameters above 0");
}

double cdf(const Beta& distribution, double x) {
  if (std::isnan(x)) return kNaN;
  return beta_tails(distribution.alpha(), distribution.beta(), x).lower;
}

double upper_tail(const Beta& distribution, double x) {
  if (std::isnan(x)) return kNaN;
  return beta_tails(distribution.alpha(), distribution.beta(), x).upper;
}

double quantile(const Beta& distribution, double p) {
  if (!(p >= 0 && p <= 1)) return kNaN;
  if (p == 0) return 0;
  if (p == 1) return 1;
  const double a = distribution.alpha(), b = distribution.beta();
  return p <= 0.5 ? solve_beta_tail(a, b, p, false) : solve_beta_tail(a, b, 1 - p, true);
}

double upper_quantile(const Beta& distribution, double q) {
  if (!(q >= 0 && q <= 1)) return kNaN;
  if (q == 0) return 1;
  if (q == 1) return 0;
  const double a = distribution.alpha(), b = distribution.beta();
  return q <= 0.5 ? solve_beta_tail(a, b, q, true) : solve_beta_tail(a, b, 1 - q, false);
}

}  // namespace itp
