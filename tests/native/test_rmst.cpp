// The restricted mean survival time (core/survival/rmst.hpp) by hand on three subjects, and its
// limits and differences as the request writes them. R's print(fit, rmean = tau) agrees on the
// golden cases (tests/golden/, make_golden.R).
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/api/workspace.hpp"

namespace {

nlohmann::json survival(const std::string& csv, const nlohmann::json& options) {
  itp::Workspace ws;
  const auto loaded = nlohmann::json::parse(
      ws.load_table(R"({"type": "load_table", "name": "t", "file": "t.csv"})", csv));
  REQUIRE(loaded["ok"] == true);
  nlohmann::json request = {
      {"type", "survival"}, {"table", "t"}, {"time", "time"}, {"event", "status"}};
  request.update(options);
  const auto answer = nlohmann::json::parse(ws.run(request.dump()));
  REQUIRE(answer["ok"] == true);
  return answer["survival"];
}

}  // namespace

TEST_CASE("restricted mean by hand: area under the curve and Greenwood's variance", "[rmst]") {
  // Times 1 (death), 2 (censored), 3 (death): S = 1 until 1, 2/3 until 3, then 0.
  // tau = 4: RMST = 1 x 1 + (3 - 1) x 2/3 + (4 - 3) x 0 = 7/3.
  // Variance: the death at 1 (n 3, d 1) weighs A^2 d / (n (n - d)) with A the area from 1 to 4,
  // 4/3: (16/9) / 6 = 8/27; the death at 3 has n = d (term 0); the censoring has d = 0.
  const auto s = survival("time,status\n1,1\n2,0\n3,1\n", {{"rmst_tau", 4}});
  const auto& rmst = s["groups"][0]["rmst"];
  CHECK(rmst["tau"] == 4);
  CHECK(rmst["estimate"].get<double>() == Approx(7.0 / 3).epsilon(1e-14));
  CHECK(rmst["std_err"].get<double>() == Approx(std::sqrt(8.0 / 27)).epsilon(1e-14));
  // 95 %: estimate -/+ 1.959964 x se, whatever the CI type of the curve.
  CHECK(rmst["lower"].get<double>() ==
        Approx(7.0 / 3 - 1.959963984540054 * std::sqrt(8.0 / 27)).epsilon(1e-12));
  // tau = 2.5, between two times: 1 + 1.5 x 2/3 = 2; A = 1.5 x 2/3 = 1, variance 1/6.
  const auto mid = survival("time,status\n1,1\n2,0\n3,1\n", {{"rmst_tau", 2.5}});
  CHECK(mid["groups"][0]["rmst"]["estimate"].get<double>() == Approx(2).epsilon(1e-14));
  CHECK(mid["groups"][0]["rmst"]["std_err"].get<double>() ==
        Approx(std::sqrt(1.0 / 6)).epsilon(1e-14));
  CHECK_FALSE(mid.contains("rmst_difference"));
}

TEST_CASE("restricted mean: the difference of each group from the first", "[rmst]") {
  // A: deaths at 1 and 2 of 2 subjects: S = 1, 1/2, 0 -> RMST(3) = 1 + 1/2 = 1.5, variance
  //    A(1)^2 x 1 / (2 x 1) = (1/2)^2 / 2 = 1/8 (the death at 2 has n = d).
  // B: no death: RMST(3) = 3, variance 0. Difference 1.5, se sqrt(1/8), z = 1.5 / sqrt(1/8).
  const auto s =
      survival("time,status,g\n1,1,A\n2,1,A\n5,0,B\n6,0,B\n", {{"group", "g"}, {"rmst_tau", 3}});
  const auto& d = s["rmst_difference"];
  REQUIRE(d.size() == 1);
  CHECK(d[0]["group"] == "B");
  CHECK(d[0]["reference"] == "A");
  CHECK(d[0]["estimate"].get<double>() == Approx(1.5).epsilon(1e-14));
  CHECK(d[0]["std_err"].get<double>() == Approx(std::sqrt(1.0 / 8)).epsilon(1e-14));
  // Two-sided p of z = 4.2426: 2 x pnorm(-4.242641) = 2.209050e-05 (R).
  CHECK(d[0]["p"].get<double>() == Approx(2.2090496998585e-05).epsilon(1e-9));
}
