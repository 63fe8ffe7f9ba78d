// The portable log Gamma and beta distribution (core/numeric/distributions) against Boost.Math,
// which computes them independently (Lanczos approximation, TOMS 708-like series, in long
// double): the regularised incomplete beta function and its complement to 1e-12 relative, and
// its inverses, over a grid that covers the shapes exact binomial limits use.
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "core/numeric/distributions.hpp"

namespace {

const std::vector<double> kShapes = {0.5, 1,  1.5, 2,  3,     4.5, 9,    10,
                                     13,  15, 26,  50, 100.5, 500, 1000, 5000};

double relative_error(double actual, double expected) {
  if (actual == expected) return 0;
  return std::fabs(actual - expected) / std::fabs(expected);
}

// Boost.Math gives up on a few extreme inverses (ibeta_inv(0.5, 2, 1e-12): "Root finding
// evaluation exceeded 200 iterations"); those points are skipped, and counted.
int boost_failures = 0;

template <class F>
double boost_or_nan(F f) {
  try {
    return f();
  } catch (const std::exception&) {
    ++boost_failures;
    return NAN;
  }
}

}  // namespace

TEST_CASE("log Gamma agrees with Boost.Math", "[stats][beta]") {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> unit(0, 1);
  double worst_small = 0, worst_large = 0;
  for (int i = 0; i < 20000; ++i) {
    const double small = 15 * unit(rng) + 1e-300;
    const double large = 15 * std::pow(10.0, 8 * unit(rng));
    const double reference = boost::math::lgamma(small);
    worst_small = std::fmax(worst_small, std::fabs(itp::log_gamma(small) - reference) /
                                             std::fmax(1.0, std::fabs(reference)));
    worst_large =
        std::fmax(worst_large, relative_error(itp::log_gamma(large), boost::math::lgamma(large)));
  }
  WARN("log Gamma: worst error " << worst_small << " (absolute below 1, else relative), "
                                 << worst_large << " (relative, from 15 on)");
  CHECK(worst_small < 1e-15);
  CHECK(worst_large < 1e-15);
  for (int n = 1; n <= 170; ++n) {  // log n! exactly as Boost gives it
    const double reference = boost::math::lgamma(n + 1.0);
    CHECK(std::fabs(itp::log_gamma(n + 1.0) - reference) <= 1e-15 * std::fmax(1.0, reference));
  }
  CHECK(std::isnan(itp::log_gamma(0)));
  CHECK(std::isnan(itp::log_gamma(-1)));
}

TEST_CASE("the incomplete beta function and its complement agree with Boost.Math",
          "[stats][beta]") {
  double worst = 0;
  for (double a : kShapes) {
    for (double b : kShapes) {
      std::vector<double> xs = {1e-12, 1e-6, 1e-3, 0.01, 0.05, 0.1,  0.25,  0.4,
                                0.5,   0.6,  0.75, 0.9,  0.95, 0.99, 0.999, 1 - 1e-6};
      // and around the mean, where the continued fraction is slowest
      const double mean = a / (a + b);
      const double sd = std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
      for (double k : {-3.0, -1.0, -0.1, 0.0, 0.1, 1.0, 3.0}) {
        const double x = mean + k * sd;
        if (x > 0 && x < 1) xs.push_back(x);
      }
      for (double x : xs) {
        const itp::Beta beta(a, b);
        const double lower = boost::math::ibeta(a, b, x);
        const double upper = boost::math::ibetac(a, b, x);
        INFO("a = " << a << ", b = " << b << ", x = " << x);
        if (lower > 1e-290) {
          const double error = relative_error(itp::cdf(beta, x), lower);
          worst = std::fmax(worst, error);
          CHECK(error < 1e-12);
        }
        if (upper > 1e-290) {
          const double error = relative_error(itp::upper_tail(beta, x), upper);
          worst = std::fmax(worst, error);
          CHECK(error < 1e-12);
        }
      }
    }
  }
  WARN("worst relative error of cdf and upper_tail: " << worst);
  CHECK(itp::cdf(itp::Beta(2, 3), 0) == 0);
  CHECK(itp::cdf(itp::Beta(2, 3), 1) == 1);
  CHECK(itp::cdf(itp::Beta(2, 3), -1) == 0);
  CHECK(itp::upper_tail(itp::Beta(2, 3), 2) == 0);
  CHECK(std::isnan(itp::cdf(itp::Beta(2, 3), NAN)));
  CHECK_THROWS_AS(itp::Beta(0, 1), std::domain_error);
  CHECK_THROWS_AS(itp::Beta(1, -1), std::domain_error);
  CHECK_THROWS_AS(itp::Beta(1, INFINITY), std::domain_error);
  CHECK_THROWS_AS(itp::Beta(NAN, 1), std::domain_error);
}

TEST_CASE("beta quantiles agree with Boost.Math's ibeta_inv and ibetac_inv", "[stats][beta]") {
  const std::vector<double> ps = {1e-300, 1e-12, 1e-8, 1e-4, 0.005, 0.025, 0.05,     0.1,      0.25,
                                  0.5,    0.75,  0.9,  0.95, 0.975, 0.995, 1 - 1e-4, 1 - 1e-10};
  double worst = 0;
  for (double a : kShapes) {
    for (double b : kShapes) {
      const itp::Beta beta(a, b);
      for (double p : ps) {
        INFO("a = " << a << ", b = " << b << ", p = " << p);
        const double lower = boost_or_nan([&] { return boost::math::ibeta_inv(a, b, p); });
        if (lower > 1e-290 && lower < 1) {
          const double error = relative_error(itp::quantile(beta, p), lower);
          worst = std::fmax(worst, error);
          CHECK(error < 1e-12);
        }
        const double upper = boost_or_nan([&] { return boost::math::ibetac_inv(a, b, p); });
        if (upper > 1e-290 && upper < 1) {
          const double error = relative_error(itp::upper_quantile(beta, p), upper);
          worst = std::fmax(worst, error);
          CHECK(error < 1e-12);
        }
      }
    }
  }
  WARN("worst relative error of quantile and upper_quantile: " << worst << " (" << boost_failures
                                                               << " points Boost.Math fails)");
  // The point Boost.Math fails on, in closed form: I_x(1/2, 2) = x^(1/2) (3 - x) / 2, so
  // x = 4/9 10^-24 to within 1e-24 relative (R: qbeta(1e-12, 0.5, 2) = 4.4444444444444361e-25).
  CHECK_THAT(itp::quantile(itp::Beta(0.5, 2), 1e-12),
             Catch::Matchers::WithinRel(4.0 / 9 * 1e-24, 1e-14));
  CHECK(itp::quantile(itp::Beta(2, 3), 0) == 0);
  CHECK(itp::quantile(itp::Beta(2, 3), 1) == 1);
  CHECK(itp::upper_quantile(itp::Beta(2, 3), 0) == 1);
  CHECK(itp::upper_quantile(itp::Beta(2, 3), 1) == 0);
  CHECK(std::isnan(itp::quantile(itp::Beta(2, 3), 1.5)));
  CHECK(std::isnan(itp::upper_quantile(itp::Beta(2, 3), NAN)));
  // Beta(1, 1) is uniform and Beta(a, 1) has cdf x^a: the quantiles are known in closed form.
  CHECK(itp::quantile(itp::Beta(1, 1), 0.3) == Approx(0.3).epsilon(1e-15));
  CHECK(itp::quantile(itp::Beta(4, 1), 0.0625) == Approx(0.5).epsilon(1e-15));
}

TEST_CASE("random shapes and points agree with Boost.Math", "[stats][beta]") {
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int i = 0; i < 3000; ++i) {
    const double a = 0.5 + std::pow(10.0, 3.5 * unit(rng));
    const double b = 0.5 + std::pow(10.0, 3.5 * unit(rng));
    const double x = unit(rng);
    const itp::Beta beta(a, b);
    INFO("a = " << a << ", b = " << b << ", x = " << x);
    const double lower = boost::math::ibeta(a, b, x), upper = boost::math::ibetac(a, b, x);
    if (lower > 1e-290) CHECK(relative_error(itp::cdf(beta, x), lower) < 1e-12);
    if (upper > 1e-290) CHECK(relative_error(itp::upper_tail(beta, x), upper) < 1e-12);
    const double p = unit(rng);
    const double inverse = boost_or_nan([&] { return boost::math::ibeta_inv(a, b, p); });
    if (inverse > 1e-290 && inverse < 1)
      CHECK(relative_error(itp::quantile(beta, p), inverse) < 1e-12);
  }
}
