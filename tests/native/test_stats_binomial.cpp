// Clopper-Pearson and Wilson intervals (core/stats/binomial_interval) by their defining
// equations, closed forms at the edges, and R's printed values; the full comparison with R is
// in test_stats_golden_r.cpp.
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/numeric/distributions.hpp"
#include "core/stats/binomial_interval.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("binom.test(4, 9)$conf.int", "[stats][binomial]") {
  const itp::BinomialInterval ci = itp::clopper_pearson(4, 9, 0.95);
  CHECK_THAT(ci.lower, WithinAbs(0.1369957, 5e-8));  // as R prints it
  CHECK_THAT(ci.upper, WithinAbs(0.7879915, 5e-8));
  CHECK_THAT(ci.lower, WithinRel(0.13699566226516655, 1e-14));  // print(digits = 17)
  CHECK_THAT(ci.upper, WithinRel(0.78799149322113193, 1e-14));
}

TEST_CASE("Clopper-Pearson limits leave alpha/2 in each binomial tail", "[stats][binomial]") {
  // The defining equations, checked with Boost.Math's binomial distribution:
  // P(X >= x | p = lower) = alpha/2 and P(X <= x | p = upper) = alpha/2.
  for (int n : {1, 2, 9, 25, 26, 100, 1000}) {
    for (int x = 0; x <= n; x += (n > 30 ? n / 10 : 1)) {
      for (double level : {0.9, 0.95, 0.99}) {
        INFO(x << "/" << n << " at " << level);
        const itp::BinomialInterval ci = itp::clopper_pearson(x, n, level);
        const double alpha = (1 - level) / 2;
        CHECK(ci.lower <= static_cast<double>(x) / n);
        CHECK(ci.upper >= static_cast<double>(x) / n);
        if (x > 0) {
          const boost::math::binomial at_lower(n, ci.lower);
          CHECK_THAT(boost::math::cdf(boost::math::complement(at_lower, x - 1)),
                     WithinRel(alpha, 1e-11));
        } else {
          CHECK(ci.lower == 0);
        }
        if (x < n) {
          const boost::math::binomial at_upper(n, ci.upper);
          CHECK_THAT(boost::math::cdf(at_upper, x), WithinRel(alpha, 1e-11));
        } else {
          CHECK(ci.upper == 1);
        }
        // Swapping successes and failures mirrors the interval.
        const itp::BinomialInterval mirror = itp::clopper_pearson(n - x, n, level);
        CHECK_THAT(ci.lower, WithinAbs(1 - mirror.upper, 1e-15));
      }
    }
  }
}

TEST_CASE("Clopper-Pearson limits are Boost.Math's beta quantiles to a few ulps",
          "[stats][binomial]") {
  // Every x of every n up to 60 (up to 300, and 3 of 10^6, the worst is 2.5e-15).
  double worst = 0;
  for (int n = 1; n <= 60; ++n) {
    for (int x = 0; x <= n; ++x) {
      for (double level : {0.9, 0.95, 0.99}) {
        const itp::BinomialInterval ci = itp::clopper_pearson(x, n, level);
        const double alpha = (1 - level) / 2;
        if (x > 0) {
          const double lower = boost::math::ibeta_inv(x, n - x + 1.0, alpha);
          worst = std::fmax(worst, std::fabs(ci.lower - lower) / lower);
        }
        if (x < n) {
          const double upper = boost::math::ibetac_inv(x + 1.0, n - x, alpha);
          worst = std::fmax(worst, std::fabs(ci.upper - upper) / upper);
        }
      }
    }
  }
  CHECK(worst < 1e-14);
  const itp::BinomialInterval rare = itp::clopper_pearson(3, 1000000, 0.95);
  CHECK_THAT(rare.lower, WithinRel(boost::math::ibeta_inv(3.0, 999998.0, 0.025), 1e-14));
  CHECK_THAT(rare.upper, WithinRel(boost::math::ibetac_inv(4.0, 999997.0, 0.025), 1e-14));
}

TEST_CASE("Clopper-Pearson in closed form at 0 and n", "[stats][binomial]") {
  // x = 0: (1 - p)^n = alpha/2; x = n: p^n = alpha/2.
  for (int n : {1, 10, 26, 1000}) {
    const itp::BinomialInterval none = itp::clopper_pearson(0, n, 0.95);
    CHECK(none.lower == 0);
    CHECK_THAT(none.upper, WithinRel(-std::expm1(std::log(0.025) / n), 1e-13));
    const itp::BinomialInterval all = itp::clopper_pearson(n, n, 0.95);
    CHECK_THAT(all.lower, WithinRel(std::pow(0.025, 1.0 / n), 1e-13));
    CHECK(all.upper == 1);
  }
}

TEST_CASE("Wilson intervals", "[stats][binomial]") {
  const double z = itp::quantile(itp::StandardNormal{}, 0.975);
  for (int n : {1, 10, 26, 100}) {
    // x = 0: the upper root of p^2 (n + z^2) = z^2 p is z^2 / (n + z^2).
    const itp::BinomialInterval none = itp::wilson(0, n, 0.95);
    CHECK(none.lower == 0);
    CHECK_THAT(none.upper, WithinRel(z * z / (n + z * z), 1e-14));
    const itp::BinomialInterval all = itp::wilson(n, n, 0.95);
    CHECK(all.upper == 1);
    CHECK_THAT(all.lower, WithinRel(n / (n + z * z), 1e-14));
    for (int x = 0; x <= n; ++x) {
      const itp::BinomialInterval ci = itp::wilson(x, n, 0.95);
      const itp::BinomialInterval mirror = itp::wilson(n - x, n, 0.95);
      CHECK_THAT(ci.lower, WithinAbs(1 - mirror.upper, 1e-15));
      // Both limits solve the score equation (x/n - p)^2 = z^2 p (1 - p) / n.
      for (double p : {ci.lower, ci.upper}) {
        if (p == 0 || p == 1) continue;
        const double gap = static_cast<double>(x) / n - p;
        CHECK_THAT(gap * gap, WithinAbs(z * z * p * (1 - p) / n, 1e-14));
      }
    }
  }
  // prop.test(52, 100, correct = FALSE)$conf.int, print(digits = 17) in R.
  const itp::BinomialInterval orr = itp::wilson(52, 100, 0.95);
  CHECK_THAT(orr.lower, WithinRel(0.42316577765223962, 1e-14));
  CHECK_THAT(orr.upper, WithinRel(0.61535448241948099, 1e-14));
}

TEST_CASE("binomial intervals check their arguments", "[stats][binomial]") {
  for (auto interval : {&itp::clopper_pearson, &itp::wilson}) {
    CHECK_THROWS_AS(interval(0, 0, 0.95), std::domain_error);
    CHECK_THROWS_AS(interval(-1, 5, 0.95), std::domain_error);
    CHECK_THROWS_AS(interval(6, 5, 0.95), std::domain_error);
    CHECK_THROWS_AS(interval(2, 5, 0), std::domain_error);
    CHECK_THROWS_AS(interval(2, 5, 1), std::domain_error);
    CHECK_THROWS_AS(interval(2, 5, NAN), std::domain_error);
    CHECK_NOTHROW(interval(2, 5, 0.5));
  }
}
