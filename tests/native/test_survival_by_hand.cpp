// Kaplan-Meier, Greenwood, confidence limits, quantiles, summaries and the log-rank test on
// data small enough to compute by hand; each expected value is worked out in the comment above.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/survival/confidence_band.hpp"
#include "core/survival/kaplan_meier.hpp"
#include "core/survival/log_rank.hpp"
#include "core/survival/quantiles.hpp"
#include "core/survival/risk_table.hpp"
#include "core/survival/summary_at_times.hpp"
#include "survival_fixtures.hpp"

using itp::testing::curves_of;
using Catch::Matchers::WithinRel;

namespace {
const double z95 = 1.959963984540054;  // qnorm(0.975)
}

TEST_CASE("all events, no ties: S falls by 1/n at each time", "[km][hand]") {
  // n = 4, deaths at 1, 2, 3, 4.
  // S = 3/4, 2/4, 1/4, 0.
  // Greenwood var(log S): 1/(4·3) = 1/12; + 1/(3·2) = 1/4; + 1/(2·1) = 3/4; + 1/(1·0) = inf.
  const auto km = itp::kaplan_meier(curves_of({{1, true}, {2, true}, {3, true}, {4, true}})[0]);
  REQUIRE(km.time == std::vector<double>{1, 2, 3, 4});
  REQUIRE(km.n_risk == std::vector<std::int64_t>{4, 3, 2, 1});
  CHECK(km.surv == std::vector<double>{0.75, 0.5, 0.25, 0});
  CHECK_THAT(km.std_err_log[0], WithinRel(std::sqrt(1.0 / 12), 1e-15));
  CHECK_THAT(km.std_err_log[1], WithinRel(0.5, 1e-15));
  CHECK_THAT(km.std_err_log[2], WithinRel(std::sqrt(0.75), 1e-15));
  CHECK(std::isinf(km.std_err_log[3]));

  // log limits at t = 1: exp(log 0.75 ± z·sqrt(1/12)); the upper is above 1 and is cut to 1.
  const auto band = itp::confidence_band(km.surv, km.std_err_log, itp::ConfType::log, 0.95);
  CHECK_THAT(band.lower[0], WithinRel(std::exp(std::log(0.75) - z95 * std::sqrt(1.0 / 12)), 1e-14));
  CHECK(band.upper[0] == 1.0);
  // At S = 0 log(0) is undefined: both limits NA.
  CHECK(std::isnan(band.lower[3]));
  CHECK(std::isnan(band.upper[3]));

  // S is exactly 0.5 from t = 2 until the drop at t = 3: the median is the midpoint, 2.5.
  CHECK(itp::median_as_printed(km, band).estimate == 2.5);
  // quantile.survfit: 1 - S reaches 0.25 at t = 1 exactly and stays flat until t = 2 → 1.5.
  CHECK(itp::quantile_as_computed(km, band, 0.25).estimate == 1.5);
}

TEST_CASE("ties of events and censorings: events come first", "[km][hand]") {
  // t = 2: two deaths and one censoring among 5 → S = 3/5; the censored subject is still at
  //        risk at 2 but not at 3.
  // t = 3: one death among 2 → S = 0.6 · 1/2 = 0.3.
  // t = 5: one censoring, S stays 0.3.
  // Greenwood: 2/(5·3) = 2/15, then + 1/(2·1): 2/15 + 1/2 = 19/30.
  const auto km = itp::kaplan_meier(
      curves_of({{2, true}, {2, true}, {2, false}, {3, true}, {5, false}})[0]);
  REQUIRE(km.time == std::vector<double>{2, 3, 5});
  CHECK(km.n_risk == std::vector<std::int64_t>{5, 2, 1});
  CHECK(km.n_event == std::vector<std::int64_t>{2, 1, 0});
  CHECK(km.n_censor == std::vector<std::int64_t>{1, 0, 1});
  CHECK_THAT(km.surv[0], WithinRel(0.6, 1e-15));
  CHECK_THAT(km.surv[1], WithinRel(0.3, 1e-15));
  CHECK_THAT(km.surv[2], WithinRel(0.3, 1e-15));
  CHECK_THAT(km.std_err_log[1], WithinRel(std::sqrt(19.0 / 30), 1e-15));

  // summary(fit, times = c(0, 2, 4, 6)): 6 is after the last time and left out; at 4, one
  // subject (time 5) is at risk and the death at 3 is counted in (2, 4].
  const auto band = itp::confidence_band(km.surv, km.std_err_log, itp::ConfType::plain, 0.95);
  const auto s = itp::summary_at_times(km, band, {0, 2, 4, 6});
  CHECK(s.time == std::vector<double>{0, 2, 4});
  CHECK(s.n_risk == std::vector<std::int64_t>{5, 5, 1});
  CHECK(s.n_event == std::vector<std::int64_t>{0, 2, 1});
  CHECK(s.n_censor == std::vector<std::int64_t>{0, 1, 0});
  CHECK(s.surv[0] == 1.0);
  CHECK(s.std_err[0] == 0.0);
  // plain limits at t = 4: 0.3 ± z · 0.3 · sqrt(19/30) = 0.3 ± 0.468, the lower cut to 0.
  const double se = 0.3 * std::sqrt(19.0 / 30);
  CHECK_THAT(s.std_err[2], WithinRel(se, 1e-14));
  CHECK(s.lower[2] == 0.0);
  CHECK_THAT(s.upper[2], WithinRel(0.3 + z95 * se, 1e-14));
}

TEST_CASE("all censored: S stays 1 and the median is not reached", "[km][hand]") {
  const auto km = itp::kaplan_meier(curves_of({{1, false}, {2, false}, {3, false}})[0]);
  CHECK(km.surv == std::vector<double>{1, 1, 1});
  CHECK(km.std_err_log == std::vector<double>{0, 0, 0});
  const auto band = itp::confidence_band(km.surv, km.std_err_log, itp::ConfType::log_log, 0.95);
  CHECK(band.lower == std::vector<double>{1, 1, 1});  // se = 0: the limits are S itself
  CHECK(std::isnan(itp::median_as_printed(km, band).estimate));
}

TEST_CASE("one subject who dies: S = 0 at once, limits and their median undefined", "[km][hand]") {
  const auto km = itp::kaplan_meier(curves_of({{5, true}})[0]);
  CHECK(km.surv == std::vector<double>{0});
  const auto band = itp::confidence_band(km.surv, km.std_err_log, itp::ConfType::log, 0.95);
  const auto median = itp::median_as_printed(km, band);
  CHECK(median.estimate == 5);
  CHECK(std::isnan(median.lower));
  CHECK(std::isnan(median.upper));
}

TEST_CASE("times within sqrt(eps) are one time, as aeqSurv merges them", "[km][hand]") {
  const auto merged = itp::kaplan_meier(curves_of({{1, true}, {1 + 1e-10, true}, {2, false}})[0]);
  CHECK(merged.time == std::vector<double>{1, 2});
  CHECK(merged.n_event == std::vector<std::int64_t>{2, 0});
  const auto apart = itp::kaplan_meier(curves_of({{1, true}, {1 + 1e-6, true}, {2, false}})[0]);
  CHECK(apart.time.size() == 3);
}

TEST_CASE("log-rank by hand on two groups of two", "[logrank][hand]") {
  // A: deaths at 1 and 3; B: death at 2, censored at 4.
  // t=1: N=4, nA=2, D=1 → E_A = 2/4,  V = D·nA·nB·(N-D)/(N²(N-1)) = 1·2·2·3/(16·3) = 1/4
  // t=2: N=3, nA=1, D=1 → E_A = 1/3,  V = 1·1·2·2/(9·2) = 2/9
  // t=3: N=2, nA=1, D=1 → E_A = 1/2,  V = 1·1·1·1/(4·1) = 1/4
  // O_A = 2, E_A = 4/3, V = 13/18, chi² = (2/3)² / (13/18) = 8/13.
  // p for 1 df: P(χ²₁ > x) = erfc(sqrt(x/2)).
  auto curves = curves_of({{1, true, 0}, {3, true, 0}, {2, true, 1}, {4, false, 1}}, 2);
  const auto test = itp::log_rank_test({curves}, 0);
  CHECK(test.observed == std::vector<double>{2, 1});
  CHECK_THAT(test.expected[0], WithinRel(4.0 / 3, 1e-15));
  CHECK_THAT(test.expected[1], WithinRel(5.0 / 3, 1e-15));
  CHECK_THAT(test.variance[0][0], WithinRel(13.0 / 18, 1e-15));
  CHECK(test.df == 1);
  CHECK_THAT(test.chisq, WithinRel(8.0 / 13, 1e-14));
  CHECK_THAT(test.p, WithinRel(std::erfc(std::sqrt(8.0 / 13 / 2)), 1e-12));
}

TEST_CASE("a group without expected events leaves the test without degrees of freedom",
          "[logrank][hand]") {
  // Everyone censored: E = 0 for both groups, df = 2 - 2... = -1 as R reports; p is not given.
  auto curves = curves_of({{1, false, 0}, {2, false, 1}}, 2);
  const auto test = itp::log_rank_test({curves}, 0);
  CHECK(test.df == -1);
  CHECK(test.chisq == 0);
  CHECK(std::isnan(test.p));
}

TEST_CASE("quantile.survfit: a curve flat at 1 - p until its last time gives the midpoint",
          "[km][hand]") {
  // Deaths at 1 and 2 among 4, censorings at 3 and 4: S = 3/4 at 1, then 1/2 from 2 to the end.
  // p = 0.5: 1 - S reaches 0.5 at t = 2 and never rises again; the last time, 4, stands in for
  // the next drop: (2 + 4) / 2 = 3. R (survival 3.5.3):
  //   quantile(survfit(Surv(c(1, 2, 3, 4), c(1, 1, 0, 0)) ~ 1), c(0.25, 0.5))$quantile
  //   25  50
  //   1.5 3.0
  // (0.25: 1 - S is 0.25 from 1 until the drop at 2, midpoint 1.5.) print.survfit's median is
  // the first time S is at or below 0.5, with no later drop to average with: 2.
  const auto km = itp::kaplan_meier(curves_of({{1, true}, {2, true}, {3, false}, {4, false}})[0]);
  const auto band = itp::confidence_band(km.surv, km.std_err_log, itp::ConfType::log, 0.95);
  CHECK(itp::quantile_as_computed(km, band, 0.5).estimate == 3);
  CHECK(itp::quantile_as_computed(km, band, 0.25).estimate == 1.5);
  CHECK(itp::median_as_printed(km, band).estimate == 2);
}

TEST_CASE("number at risk table: at risk at t counts time >= t, events and censorings <= t",
          "[km][hand]") {
  // Times 1 (death), 2 (death), 2 (censored), 3 (death), 5 (censored).
  //   t = 0: all 5 at risk; nothing has happened.
  //   t = 2: at risk = times >= 2: {2, 2, 3, 5} = 4; events at <= 2: 1 and 2 = 2; censored: 1.
  //   t = 4: at risk = {5} = 1; events 3; censored 1.
  //   t = 6: after the last time: 0 at risk; events 3; censored 2.
  const auto km = itp::kaplan_meier(
      curves_of({{1, true}, {2, true}, {2, false}, {3, true}, {5, false}})[0]);
  const auto table = itp::risk_table(km, {0, 2, 4, 6});
  CHECK(table.time == std::vector<double>{0, 2, 4, 6});
  CHECK(table.n_risk == std::vector<std::int64_t>{5, 4, 1, 0});
  CHECK(table.cumulative_events == std::vector<std::int64_t>{0, 2, 3, 3});
  CHECK(table.cumulative_censored == std::vector<std::int64_t>{0, 1, 1, 2});
}

TEST_CASE("quantile.survfit on limits with NA and limits that are not monotone", "[km][hand]") {
  // A limit can be NA (log limits once S is 0) or not monotone (limits set by hand below).
  // R (survival 3.5.3):
  //   fit <- survfit(Surv(c(1, 2, 3, 4), c(1, 1, 1, 0)) ~ 1)
  //   fit$lower <- c(0.75, 0.5, 0.5, NA); fit$upper <- c(0.9, 0.7, 0.8, 0.4)
  //   quantile(fit, c(0.25, 0.5, 0.75))
  //   $quantile 1.5 2.5 3.5   $lower 1.5 NA NA   $upper 2 4 NA
  // Lower, p = 0.5: 1 - lower reaches 0.5 at t = 2 and stays there; the NA at t = 4 is the
  // last knot, so this is no flat stretch up to the last time and nothing is past 0.5: NA.
  // Upper: 1 - upper = 0.1, 0.3, 0.2, 0.6 at t = 1..4; p = 0.25 is first reached, in order of
  // value, by 0.3 (t = 2) and p = 0.5 by 0.6 (t = 4).
  auto km = itp::kaplan_meier(curves_of({{1, true}, {2, true}, {3, true}, {4, false}})[0]);
  itp::ConfidenceBand band;
  band.lower = {0.75, 0.5, 0.5, NAN};
  band.upper = {0.9, 0.7, 0.8, 0.4};
  const auto q25 = itp::quantile_as_computed(km, band, 0.25);
  const auto q50 = itp::quantile_as_computed(km, band, 0.5);
  const auto q75 = itp::quantile_as_computed(km, band, 0.75);
  CHECK(q25.estimate == 1.5);
  CHECK(q50.estimate == 2.5);
  CHECK(q75.estimate == 3.5);
  CHECK(q25.lower == 1.5);
  CHECK(std::isnan(q50.lower));
  CHECK(std::isnan(q75.lower));
  CHECK(q25.upper == 2);
  CHECK(q50.upper == 4);
  CHECK(std::isnan(q75.upper));

  // A value met again later is no new knot: 1 - upper = 0.1, 0.3, 0.1, 0.1 has its last knot at
  // 0.3 (t = 2), flat at p = 0.3 up to the last time: (2 + 4) / 2 = 3. R, as above with
  //   fit$upper <- c(0.9, 0.7, 0.9, 0.9); quantile(fit, 0.3)$upper   # 3
  band.upper = {0.9, 0.7, 0.9, 0.9};
  CHECK(itp::quantile_as_computed(km, band, 0.3).upper == 3);
}
