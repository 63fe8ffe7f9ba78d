// Cumulative incidence (competing risks) checked by hand, with the edges cuminc reaches: all rows
// censored, a cause with no event in a group, tied times of different causes, one subject; and
// the "cif" request through the workspace (rows left out, causes named and sorted, Gray's test).
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/workspace.hpp"
#include "core/survival/competing_counts.hpp"
#include "core/survival/cumulative_incidence.hpp"

namespace {

using itp::CumulativeIncidence;
using itp::TimeTable;
using Catch::Matchers::WithinRel;
using Catch::Matchers::WithinAbs;

// One group's rows (time, status: 0 censored, 1 + c for cause c) as a TimeTable.
TimeTable one_group(const std::vector<double>& time, const std::vector<std::uint32_t>& status,
                    std::size_t causes) {
  const std::vector<std::uint32_t> set(time.size(), 0);
  return itp::tabulate_by_time(time, set, 1, status, causes + 1).front();
}

nlohmann::json run_cif(const std::string& csv, nlohmann::json request) {
  itp::Workspace workspace;
  const nlohmann::json load = {{"type", "load_table"}, {"name", "d"}, {"file", "d.csv"}};
  REQUIRE(nlohmann::json::parse(workspace.load_table(load.dump(), csv)).value("ok", false));
  request["type"] = "cif";
  request["table"] = "d";
  return nlohmann::json::parse(workspace.run(request.dump()));
}

}  // namespace

// Five subjects, two causes:
//
//   time    1  2  2  3  5
//   status  1  2  1  0  2      (0 censored; causes 1 and 2 tie at time 2)
//
// With n at risk, S(t-) the all-cause Kaplan-Meier just before t, d_c the events of the cause:
//   F(t) = F(t-) + S(t-) d_c / n,   S(t) = S(t-) (n - d) / n.
// The variance (cuminc's) adds, per time, w = S(t-)^2 d_x / n^2 (one event each: no tie factor)
// for the other causes' events (a = F(t)/S(t), b = 1/S(t), when S(t) > 0) and then for the
// cause's own (a = 1 + F(t)/S(t), b = 1/S(t), or b = 0 when S(t) = 0) into
//   v1 += a^2 w,  v2 += a b w,  v3 += b^2 w;   Var F(t) = v1 + F^2 v3 - 2 F v2.
//
// Cause 1:
//   t = 1: n = 5, S- = 1, d_1 = 1: F = 1/5 = 0.2, S = 4/5 = 0.8.
//          own: w = 1/25 = 0.04, b = 1.25, a = 1 + 1.25 * 0.2 = 1.25:
//          v1 = v2 = v3 = 1.5625 * 0.04 = 0.0625.
//          Var = 0.0625 + 0.04 * 0.0625 - 0.4 * 0.0625 = 0.0625 * 0.64 = 0.04.
//   t = 2: n = 4, S- = 0.8, d_1 = 1, d_2 = 1: F = 0.2 + 0.8/4 = 0.4, S = 0.8 * 2/4 = 0.4.
//          other cause: w = 0.64/16 = 0.04, b = 2.5, a = 0.4/0.4 = 1:
//          v1 = 0.1025, v2 = 0.0625 + 0.1 = 0.1625, v3 = 0.0625 + 0.25 = 0.3125.
//          own: w = 0.04, b = 2.5, a = 1 + 2.5 * 0.4 = 2:
//          v1 = 0.1025 + 0.16 = 0.2625, v2 = 0.1625 + 0.2 = 0.3625, v3 = 0.3125 + 0.25 = 0.5625.
//          Var = 0.2625 + 0.16 * 0.5625 - 0.8 * 0.3625 = 0.2625 + 0.09 - 0.29 = 0.0625.
//   t = 3: a censoring; t = 5: a cause-2 event with S(5) = 0, which adds nothing.
// Cause 2:
//   t = 1: other cause, F = 0: a = 0, b = 1.25: v3 = 0.0625.
//   t = 2: F = 0 + 0.8/4 = 0.2, S = 0.4. Other cause: a = 0.5, b = 2.5, w = 0.04:
//          v1 = 0.01, v2 = 0.05, v3 = 0.3125. Own: a = 1.5: v1 = 0.1, v2 = 0.2, v3 = 0.5625.
//          Var = 0.1 + 0.04 * 0.5625 - 0.4 * 0.2 = 0.0425.
//   t = 5: n = 1, S- = 0.4: F = 0.2 + 0.4 = 0.6, S = 0. Own: w = 0.16, b = 0, a = 1:
//          v1 = 0.26. Var = 0.26 + 0.36 * 0.5625 - 1.2 * 0.2 = 0.2225.
// cmprsk::cuminc(c(1,2,2,3,5), c(1,2,1,0,2)) gives the same numbers.
TEST_CASE("cumulative incidence of two causes on five subjects, by hand", "[cif]") {
  const TimeTable group = one_group({1, 2, 2, 3, 5}, {1, 2, 1, 0, 2}, 2);

  const CumulativeIncidence cause1 = itp::cumulative_incidence(group, 0);
  REQUIRE(cause1.time == std::vector<double>{1, 2});
  CHECK_THAT(cause1.estimate[0], WithinRel(0.2, 1e-14));
  CHECK_THAT(cause1.estimate[1], WithinRel(0.4, 1e-14));
  CHECK_THAT(cause1.variance[0], WithinRel(0.04, 1e-14));
  CHECK_THAT(cause1.variance[1], WithinRel(0.0625, 1e-14));
  CHECK(cause1.last_time == 5);

  const CumulativeIncidence cause2 = itp::cumulative_incidence(group, 1);
  REQUIRE(cause2.time == std::vector<double>{2, 5});
  CHECK_THAT(cause2.estimate[0], WithinRel(0.2, 1e-14));
  CHECK_THAT(cause2.estimate[1], WithinRel(0.6, 1e-14));
  CHECK_THAT(cause2.variance[0], WithinRel(0.0425, 1e-14));
  CHECK_THAT(cause2.variance[1], WithinRel(0.2225, 1e-14));

  // The curve between and around its times, as cmprsk::timepoints reads it.
  const itp::IncidenceAtTimes at = itp::incidence_at_times(cause1, {-1, 0, 1.5, 2, 5, 6});
  CHECK(std::isnan(at.estimate[0]));                       // before time 0: NA
  CHECK(at.estimate[1] == 0);                              // before the first event
  CHECK_THAT(at.estimate[2], WithinRel(0.2, 1e-14));       // the last event time <= t
  CHECK_THAT(at.variance[3], WithinRel(0.0625, 1e-14));
  CHECK_THAT(at.estimate[4], WithinRel(0.4, 1e-14));       // at the group's last time
  CHECK(std::isnan(at.estimate[5]));                       // past it: NA

  // log(-log) limits at t = 1: est^exp(±z·0.2/(0.2·log 0.2)).
  const itp::IncidenceLimits limits = itp::log_log_limits({0.2}, {0.04}, 0.95);
  const double c = 1.959963984540054 * 0.2 / (0.2 * std::log(0.2));
  CHECK_THAT(limits.lower[0], WithinRel(std::pow(0.2, std::exp(-c)), 1e-12));
  CHECK_THAT(limits.upper[0], WithinRel(std::pow(0.2, std::exp(c)), 1e-12));
}

TEST_CASE("cumulative incidence edges: one subject, a cause absent, limits at 0 and 1", "[cif]") {
  // One subject with an event: the incidence jumps to 1 and cinc's variance is S(t-)^2 d/n^2 = 1
  // (its b is 0 once nobody is left); the limits at 1 are 1.
  const CumulativeIncidence single = itp::cumulative_incidence(one_group({3}, {1}, 1), 0);
  REQUIRE(single.time == std::vector<double>{3});
  CHECK(single.estimate[0] == 1);
  CHECK(single.variance[0] == 1);
  const itp::IncidenceLimits at_one = itp::log_log_limits(single.estimate, single.variance, 0.95);
  CHECK(at_one.lower[0] == 1);
  CHECK(at_one.upper[0] == 1);

  // A cause with no event in this group: no row, the curve is 0 up to the last time.
  const CumulativeIncidence absent =
      itp::cumulative_incidence(one_group({4, 5, 6}, {0, 1, 0}, 2), 1);
  CHECK(absent.time.empty());
  CHECK(absent.last_time == 6);
  const itp::IncidenceAtTimes at = itp::incidence_at_times(absent, {0, 6});
  CHECK(at.estimate == std::vector<double>{0, 0});
  CHECK(at.variance == std::vector<double>{0, 0});
  const itp::IncidenceLimits at_zero = itp::log_log_limits({0}, {0}, 0.95);
  CHECK(std::isnan(at_zero.lower[0]));
  CHECK(std::isnan(at_zero.upper[0]));
}

TEST_CASE("cif request: Gray's test, a cause absent from a group, R's values", "[cif]") {
  // cuminc(c(1,2,3,4,5,6), c(1,1,2,0,1,0), group = c("a","a","a","b","b","b")):
  // Tests stat 2.43811656055411685 (cause 1) and 0.76190476190476186 = 16/21 (cause 2), df 1.
  const auto answer = run_cif("t,s,g\n1,1,a\n2,1,a\n3,2,a\n4,0,b\n5,1,b\n6,0,b\n",
                              {{"time", "t"}, {"status", "s"}, {"group", "g"}});
  REQUIRE(answer["ok"] == true);
  const auto& cif = answer["cif"];
  REQUIRE(cif["groups"].size() == 4);  // causes outer, groups inner, as cuminc
  CHECK(cif["groups"][3]["name"] == "b");
  CHECK(cif["groups"][3]["cause"] == "2");
  CHECK(cif["groups"][3]["table"]["time"].empty());
  CHECK(cif["groups"][3]["last_time"] == 6);
  CHECK_THAT(cif["gray"][0]["stat"].get<double>(), WithinRel(2.43811656055411685, 1e-12));
  CHECK_THAT(cif["gray"][1]["stat"].get<double>(), WithinRel(16.0 / 21.0, 1e-12));
  CHECK(cif["gray"][1]["df"] == 1);
  CHECK_THAT(cif["gray"][1]["p"].get<double>(), WithinRel(0.38273308888522606, 1e-9));
}

TEST_CASE("cif request: every row censored gives no curve, no test and a warning", "[cif]") {
  // cuminc stops here ("NAs in foreign function call"): there is no cause to estimate.
  const auto answer = run_cif("t,s,g\n1,0,a\n2,0,b\n3,0,a\n",
                              {{"time", "t"}, {"status", "s"}, {"group", "g"}});
  REQUIRE(answer["ok"] == true);
  CHECK(answer["cif"]["groups"].empty());
  CHECK(answer["cif"]["gray"].empty());
  CHECK(answer["warnings"][0]["code"] == "no_events");
}

TEST_CASE("cif request: rows left out name row and column; causes as written", "[cif]") {
  // Row 3 has no status, row 4 no time, row 6 no group: each left out with its own warning.
  // "1.0" and "1" are one cause (the column is numeric, as read.csv reads it), named "1" after
  // its first cell; "0.0" is the censor code 0.
  const auto answer = run_cif("t,s,g\n1,1,x\n2,,x\n,2,y\n4,1.0,y\n5,2,\n6,0.0,x\n7,2,y\n",
                              {{"time", "t"}, {"status", "s"}, {"group", "g"}, {"times", {7, 3}}});
  REQUIRE(answer["ok"] == true);
  const auto& cif = answer["cif"];
  CHECK(cif["rows"]["read"] == 7);
  CHECK(cif["rows"]["used"] == 4);
  CHECK(cif["rows"]["censored"] == 1);
  CHECK(cif["rows"]["left_out"]["missing_status"] == 1);
  CHECK(cif["rows"]["left_out"]["missing_time"] == 1);
  CHECK(cif["rows"]["left_out"]["missing_group"] == 1);
  CHECK(cif["causes"] == nlohmann::json({"1", "2"}));
  // The times' notice comes first (the request is read before the rows); cuminc finds cause 2's
  // variance singular here too (stat -1).
  const auto& warnings = answer["warnings"];
  REQUIRE(warnings.size() == 5);
  CHECK(warnings[0]["code"] == "times_reordered");
  CHECK(warnings[1]["code"] == "missing_status");
  CHECK(warnings[1]["row"] == 3);
  CHECK(warnings[1]["column"] == "s");
  CHECK(warnings[2]["row"] == 4);
  CHECK(warnings[2]["column"] == "t");
  CHECK(warnings[3]["row"] == 6);
  CHECK(warnings[3]["column"] == "g");
  CHECK(warnings[4]["code"] == "singular_test");
  CHECK(cif["gray"][1]["stat"].is_null());
  CHECK(cif["groups"][0]["at_times"]["time"] == nlohmann::json({3, 7}));

  // Words: the censor code as given, causes sorted by bytes (R's sort under LC_COLLATE=C).
  const auto words = run_cif("t,s\n1,relapse\n2,Death\n3,alive\n4,relapse\n",
                             {{"time", "t"}, {"status", "s"}, {"censor_value", "alive"}});
  REQUIRE(words["ok"] == true);
  CHECK(words["cif"]["causes"] == nlohmann::json({"Death", "relapse"}));
  CHECK(words["cif"]["groups"][0]["name"] == "all");
}

TEST_CASE("cif request: a negative time or a missing column is an error", "[cif]") {
  CHECK(run_cif("t,s\n1,1\n-2,0\n", {{"time", "t"}, {"status", "s"}})["error"]["code"] ==
        "negative_time");
  CHECK(run_cif("t,s\n1,1\n", {{"time", "t"}, {"status", "status"}})["error"]["code"] ==
        "unknown_column");
  CHECK(run_cif("t,s\n1,1\n", {{"time", "t"}})["error"]["code"] == "bad_request");
  // A column of 60 distinct values is no status column: refused, not tabulated.
  std::string many = "t,s\n";
  for (int i = 1; i <= 60; ++i) many += std::to_string(i) + "," + std::to_string(i) + "\n";
  CHECK(run_cif(many, {{"time", "t"}, {"status", "s"}})["error"]["code"] == "too_many_causes");
}
