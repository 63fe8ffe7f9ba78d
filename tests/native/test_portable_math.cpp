// The portable elementary functions and distributions against independent references: the C
// library for exp/log/pow/sin/asin, Boost.Math for the normal and chi-squared distributions,
// and values R prints.
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/numeric/distributions.hpp"
#include "core/numeric/portable_math.hpp"

namespace {

double ulps_apart(double a, double b) {
  if (a == b) return 0;
  return std::fabs(a - b) / std::fabs(std::nextafter(b, INFINITY) - b);
}

}  // namespace

TEST_CASE("exp, log, sin and asin are within a few ulps of the C library", "[numeric]") {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> exponent(-700, 700), angle(0, 1.5707963267948966),
      unit(0, 1);
  double worst_exp = 0, worst_log = 0, worst_sin = 0, worst_asin = 0;
  for (int i = 0; i < 200000; ++i) {
    const double x = exponent(rng);
    worst_exp = std::fmax(worst_exp, ulps_apart(itp::portable::exp(x), std::exp(x)));
    const double y = std::exp(exponent(rng));
    worst_log = std::fmax(worst_log, ulps_apart(itp::portable::log(y), std::log(y)));
    const double a = angle(rng);
    worst_sin = std::fmax(worst_sin, ulps_apart(itp::portable::sin(a), std::sin(a)));
    const double u = unit(rng);
    worst_asin = std::fmax(worst_asin, ulps_apart(itp::portable::asin(u), std::asin(u)));
  }
  CHECK(worst_exp <= 2);
  CHECK(worst_log <= 2);
  CHECK(worst_sin <= 4);
  CHECK(worst_asin <= 4);
}

TEST_CASE("edges of the elementary functions", "[numeric]") {
  CHECK(itp::portable::exp(0) == 1);
  CHECK(std::isinf(itp::portable::exp(710)));
  CHECK(itp::portable::exp(-746) == 0);
  CHECK(itp::portable::log(1) == 0);
  CHECK(std::isinf(itp::portable::log(0)));
  CHECK(std::isnan(itp::portable::log(-1)));
  CHECK_THAT(itp::portable::log(4.9406564584124654e-324),  // the smallest subnormal
             Catch::Matchers::WithinRel(std::log(4.9406564584124654e-324), 1e-15));
  CHECK(itp::portable::pow(0, 0) == 1);  // as R: 0^0 = 1
  CHECK(itp::portable::pow(0, 2) == 0);
  CHECK_THAT(itp::portable::pow(0.3, 0.5), Catch::Matchers::WithinRel(std::sqrt(0.3), 1e-15));
  CHECK(itp::portable::asin(1) == 1.5707963267948966);
  CHECK(std::isnan(itp::portable::asin(1.5)));
}

TEST_CASE("normal quantiles and tails agree with Boost.Math and with R", "[numeric]") {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> unit(0, 1);
  const boost::math::normal normal;
  for (int i = 0; i < 20000; ++i) {
    double p = std::pow(10.0, -12 * unit(rng));
    if (i % 2) p = 1 - p;
    if (!(p > 0 && p < 1)) continue;
    const double reference = boost::math::quantile(normal, p);
    CHECK(std::fabs(itp::quantile(itp::StandardNormal{}, p) - reference) <=
          1e-14 * std::fmax(1.0, std::fabs(reference)));
    const double z = (unit(rng) - 0.3) * 20;
    CHECK_THAT(itp::upper_tail(itp::StandardNormal{}, z),
               Catch::Matchers::WithinRel(boost::math::cdf(boost::math::complement(normal, z)), 1e-13));
  }
  // qnorm(0.975) in R: 1.959963984540054
  CHECK_THAT(itp::quantile(itp::StandardNormal{}, 0.975),
             Catch::Matchers::WithinRel(1.959963984540054, 1e-14));
}

TEST_CASE("chi-squared upper tails agree with Boost.Math and with R", "[numeric]") {
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int i = 0; i < 20000; ++i) {
    const int df = 1 + static_cast<int>(unit(rng) * 40);
    const double x = unit(rng) * 300;
    const double reference =
        boost::math::cdf(boost::math::complement(boost::math::chi_squared(df), x));
    if (reference < 1e-290) continue;
    CHECK_THAT(itp::upper_tail(itp::ChiSquared(df), x), Catch::Matchers::WithinRel(reference, 1e-12));
  }
  // survdiff(Surv(time, status) ~ x, aml): chisq 3.3963886989776, p 0.0653393220405051 (R).
  CHECK_THAT(itp::upper_tail(itp::ChiSquared(1), 3.3963886989776011),
             Catch::Matchers::WithinRel(0.065339322040505132, 1e-13));
  CHECK(itp::upper_tail(itp::ChiSquared(3), 0) == 1);
  CHECK_THROWS_AS(itp::ChiSquared(0), std::domain_error);
}
