// Sample quantiles (core/stats/sample_quantiles) by hand and at their edges; the comparison with
// R over types 1 to 9 is in test_stats_golden_r.cpp.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "core/stats/sample_quantiles.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<double> one_to(int n) {
  std::vector<double> x;
  for (int i = 1; i <= n; ++i) x.push_back(i);
  return x;
}

// The 26 made-up ages of tests/golden/stats/make_stats_golden.R, whose type-7 quartiles are the
// published 41.0 and 72.8 (docs/design.md §1).
const std::vector<double> kAges = {60.2, 19.4, 72.2, 44.0, 84.0, 35.6, 57.0, 27.8, 79.9,
                                   50.3, 66.0, 40.0, 88.6, 23.1, 73.0, 52.9, 38.2, 69.5,
                                   31.0, 81.4, 55.1, 47.5, 63.7, 77.3, 58.4, 75.8};

}  // namespace

TEST_CASE("quantile types are R's numbers 1 to 9", "[stats][quantile]") {
  for (int type = 1; type <= 9; ++type) CHECK(static_cast<int>(itp::quantile_type(type)) == type);
  CHECK(itp::quantile_type(7) == itp::QuantileType::linear);
  CHECK(itp::quantile_type(6) == itp::QuantileType::weibull);
  CHECK(itp::quantile_type(2) == itp::QuantileType::averaged_inverse_ecdf);
  CHECK_THROWS_AS(itp::quantile_type(0), std::domain_error);
  CHECK_THROWS_AS(itp::quantile_type(10), std::domain_error);
}

TEST_CASE("a sorted sample leaves missing values out and counts them", "[stats][quantile]") {
  const itp::SortedSample sample({3, kNaN, -0.0, 1, kNaN, 2});
  CHECK(sample.size() == 4);
  CHECK(sample.missing() == 2);
  CHECK(sample.values() == std::vector<double>{0, 1, 2, 3});
  CHECK_FALSE(std::signbit(sample.values().front()));  // -0 is stored as 0
  const itp::SortedSample empty({kNaN, kNaN});
  CHECK(empty.size() == 0);
  CHECK(empty.missing() == 2);
}

TEST_CASE("quantiles by hand", "[stats][quantile]") {
  const itp::SortedSample ten(one_to(10));
  using T = itp::QuantileType;
  CHECK(itp::quantile(ten, 0.25) == 3.25);              // 1 + 9/4
  CHECK(itp::quantile(ten, 0.25, T::weibull) == 2.75);  // 11/4
  CHECK(itp::quantile(ten, 0.5, T::averaged_inverse_ecdf) == 5.5);
  CHECK(itp::quantile(ten, 0.5, T::inverse_ecdf) == 5);
  CHECK(itp::quantile(ten, 0.0, T::hazen) == 1);
  CHECK(itp::quantile(ten, 1.0, T::weibull) == 10);
  // Type 3 rounds n p - 1/2 half to even: for n = 5 the 0.5 quantile is x_(2) (R: 2).
  CHECK(itp::quantile(itp::SortedSample(one_to(5)), 0.5, T::nearest_even) == 2);
  // Order does not matter; every type gives the only value of a one-value sample.
  CHECK(itp::quantile(itp::SortedSample({10, 3}), 0.5) == 6.5);
  for (int type = 1; type <= 9; ++type) {
    CHECK(itp::quantile(itp::SortedSample({42}), 0.3, itp::quantile_type(type)) == 42);
  }
}

TEST_CASE("R 4.5.0's fuzz: n p a few ulps below a whole number counts as that number",
          "[stats][quantile]") {
  // 50 * 0.58 = 28.999999999999996: as 29, type 2 averages x_(29) and x_(30) (R >= 4.5.0);
  // R up to 4.4 floored it to 28 and gave x_(29) = 29.
  const itp::SortedSample fifty(one_to(50));
  CHECK(itp::quantile(fifty, 0.58, itp::QuantileType::averaged_inverse_ecdf) == 29.5);
  CHECK(itp::quantile(fifty, 0.58, itp::QuantileType::inverse_ecdf) == 29);
  // 25 * 0.28 = 7.0000000000000009 is above 7, and stays there in every R: type 1 takes x_(8)
  // and type 2 does not average (R: 8 and 8), where exact arithmetic would give 7 and 7.5.
  const itp::SortedSample twenty_five(one_to(25));
  CHECK(itp::quantile(twenty_five, 0.28, itp::QuantileType::inverse_ecdf) == 8);
  CHECK(itp::quantile(twenty_five, 0.28, itp::QuantileType::averaged_inverse_ecdf) == 8);
}

TEST_CASE("quantile edges: empty samples, NaN and out-of-range probabilities, infinities",
          "[stats][quantile]") {
  const itp::SortedSample empty({});
  const itp::SortedSample three({1, 2, 3});
  for (int type = 1; type <= 9; ++type) {
    CHECK(std::isnan(itp::quantile(empty, 0.5, itp::quantile_type(type))));
    CHECK(std::isnan(itp::quantile(three, kNaN, itp::quantile_type(type))));
  }
  // R accepts 100 machine epsilons of overshoot and moves p to the end; beyond, an error.
  CHECK(itp::quantile(three, 1 + 1e-15) == 3);
  CHECK(itp::quantile(three, -1e-15) == 1);
  CHECK_THROWS_AS(itp::quantile(three, 1.01), std::domain_error);
  CHECK_THROWS_AS(itp::quantile(three, -1e-13), std::domain_error);
  // As R: infinities are kept where no interpolation is needed, and -Inf + Inf is NaN.
  CHECK(itp::quantile(itp::SortedSample({1, kInf}), 0.5) == kInf);
  CHECK(itp::quantile(itp::SortedSample({kInf, kInf}), 0.5) == kInf);
  CHECK(std::isnan(itp::quantile(itp::SortedSample({-kInf, kInf}), 0.5)));
  CHECK(itp::quantile(itp::SortedSample({-kInf, kInf}), 0) == -kInf);
}

TEST_CASE("the Table 1 summary: median [IQR] (min-max)", "[stats][quantile]") {
  const itp::FiveNumber linear = itp::summarize(itp::SortedSample(kAges));
  CHECK(linear.n == 26);
  CHECK(linear.missing == 0);
  CHECK(linear.min == 19.4);
  CHECK(linear.max == 88.6);
  // R: quantile(ages, c(.25, .5, .75)) = 41, 57.7, 72.8 (the published IQR 41.0-72.8).
  CHECK(linear.q1 == 41);
  CHECK(linear.median == 57.700000000000003);
  CHECK(linear.q3 == 72.799999999999997);
  // type = 6: 39.55, 57.7, 73.7; type = 2: 40, 57.7, 73.
  const itp::FiveNumber weibull =
      itp::summarize(itp::SortedSample(kAges), itp::QuantileType::weibull);
  CHECK(weibull.q1 == 39.549999999999997);
  CHECK(weibull.median == 57.700000000000003);
  CHECK(weibull.q3 == 73.700000000000003);
  const itp::FiveNumber sas =
      itp::summarize(itp::SortedSample(kAges), itp::QuantileType::averaged_inverse_ecdf);
  CHECK(sas.q1 == 40);
  CHECK(sas.q3 == 73);

  std::vector<double> with_missing = kAges;
  with_missing.push_back(kNaN);
  const itp::FiveNumber counted = itp::summarize(itp::SortedSample(with_missing));
  CHECK(counted.n == 26);
  CHECK(counted.missing == 1);
  CHECK(counted.q3 == linear.q3);

  const itp::FiveNumber none = itp::summarize(itp::SortedSample({kNaN}));
  CHECK(none.n == 0);
  CHECK(none.missing == 1);
  CHECK(std::isnan(none.min));
  CHECK(std::isnan(none.median));
  CHECK(std::isnan(none.max));
}
