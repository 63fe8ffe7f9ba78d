// Pairwise log-rank tests with adjusted p-values, the log-rank test for trend and landmark
// analysis, by hand on small data. R's survdiff and p.adjust agree on the golden cases
// (tests/golden/make_golden.R) and in the randomised cross-check.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/api/workspace.hpp"
#include "core/stats/p_adjust.hpp"

namespace {

nlohmann::json run_survival(const std::string& csv, const nlohmann::json& options) {
  itp::Workspace ws;
  const auto loaded = nlohmann::json::parse(
      ws.load_table(R"({"type": "load_table", "name": "t", "file": "t.csv"})", csv));
  REQUIRE(loaded["ok"] == true);
  nlohmann::json request = {
      {"type", "survival"}, {"table", "t"}, {"time", "time"}, {"event", "status"}};
  request.update(options);
  return nlohmann::json::parse(ws.run(request.dump()));
}

// A dies at 1 and 3, B at 2 and 4, C at 5 and 6.
const char* kThreeGroups =
    "time,status,arm\n1,1,A\n3,1,A\n2,1,B\n4,1,B\n5,1,C\n6,1,C\n";

}  // namespace

TEST_CASE("p-values adjusted as p.adjust, missing ones kept out of the count", "[pairwise]") {
  using itp::PAdjustMethod;
  const double na = std::nan("");
  const std::vector<double> p = {0.01, 0.04, 0.03, na, 0.2};  // four present: n = 4
  // Bonferroni: 4p, at most 1.
  const auto bonferroni = itp::p_adjust(p, PAdjustMethod::bonferroni);
  CHECK(bonferroni[0] == Approx(0.04));
  CHECK(bonferroni[1] == Approx(0.16));
  CHECK(bonferroni[4] == Approx(0.8));
  CHECK(std::isnan(bonferroni[3]));
  // Holm, ascending: 0.01 x 4 = 0.04; 0.03 x 3 = 0.09; 0.04 x 2 = 0.08, raised to 0.09 (never
  // below the one before); 0.2 x 1 = 0.2.
  const auto holm = itp::p_adjust(p, PAdjustMethod::holm);
  CHECK(holm[0] == Approx(0.04));
  CHECK(holm[2] == Approx(0.09));
  CHECK(holm[1] == Approx(0.09));
  CHECK(holm[4] == Approx(0.2));
  // BH, descending: 0.2 x 4/4 = 0.2; 0.04 x 4/3 = 0.0533; 0.03 x 4/2 = 0.06, lowered to 0.0533
  // (never above the one after); 0.01 x 4/1 = 0.04.
  const auto bh = itp::p_adjust(p, PAdjustMethod::benjamini_hochberg);
  CHECK(bh[4] == Approx(0.2));
  CHECK(bh[1] == Approx(0.04 * 4 / 3));
  CHECK(bh[2] == Approx(0.04 * 4 / 3));
  CHECK(bh[0] == Approx(0.04));
  CHECK(itp::p_adjust({0.3, 2e-3}, PAdjustMethod::none) == std::vector<double>{0.3, 2e-3});
  CHECK(itp::p_adjust({0.6}, PAdjustMethod::bonferroni) == std::vector<double>{0.6});
  CHECK(itp::p_adjust({0.6, 0.7}, PAdjustMethod::bonferroni) == std::vector<double>{1, 1});
}

TEST_CASE("the test for trend by hand, and equal to the log-rank test for two groups", "[trend]") {
  // A and B alone: deaths at 1 (A), 2 (B), 3 (A), 4 (B). For B at each death time
  // (N at risk, n_B, D deaths): E_B = D n_B / N and V_BB = D (N - D) / (N (N - 1)) n_B (1 - n_B / N):
  //   t=1: N 4, n_B 2: E 1/2, V 1/4;  t=2: N 3, n_B 2: E 2/3, V 2/9;
  //   t=3: N 2, n_B 1: E 1/2, V 1/4;  t=4: N 1, n_B 1: E 1,   V 0.
  // O_B - E_B = 2 - 8/3 = -2/3, V = 13/18, so chi² = (4/9) / (13/18) = 8/13 for the log-rank
  // test, and for trend with scores (0, 1) or (1, 2): s'(O - E) = -2/3 (O - E sums to 0) and
  // s'Vs = V_BB (V's rows sum to 0).
  const std::string two_groups = "time,status,arm\n1,1,A\n3,1,A\n2,1,B\n4,1,B\n";
  const auto answer = run_survival(two_groups, {{"group", "arm"}, {"trend", true}});
  REQUIRE(answer["ok"] == true);
  const auto& s = answer["survival"];
  CHECK(s["test"]["chisq"].get<double>() == Approx(8.0 / 13).epsilon(1e-14));
  CHECK(s["trend"]["chisq"].get<double>() == Approx(8.0 / 13).epsilon(1e-14));
  CHECK(s["trend"]["df"] == 1);
  CHECK(s["trend"]["scores"] == nlohmann::json::array({1, 2}));
  const auto scored = run_survival(two_groups, {{"group", "arm"}, {"trend_scores", {0, 5}}});
  CHECK(scored["survival"]["trend"]["chisq"].get<double>() == Approx(8.0 / 13).epsilon(1e-14));
}

TEST_CASE("pairwise tests use each pair's rows only", "[pairwise]") {
  const auto answer = run_survival(kThreeGroups, {{"group", "arm"}, {"pairwise", "bonferroni"}});
  REQUIRE(answer["ok"] == true);
  const auto& pairs = answer["survival"]["pairwise"];
  REQUIRE(pairs.size() == 3);
  CHECK(answer["survival"]["pairwise_adjustment"] == "bonferroni");
  // A against B on their four rows is the two-group case above: 8/13.
  CHECK(pairs[0]["groups"] == nlohmann::json::array({"A", "B"}));
  CHECK(pairs[0]["chisq"].get<double>() == Approx(8.0 / 13).epsilon(1e-14));
  CHECK(pairs[1]["groups"] == nlohmann::json::array({"A", "C"}));
  CHECK(pairs[2]["groups"] == nlohmann::json::array({"B", "C"}));
  for (const auto& pair : pairs) {
    const double p = pair["p"].get<double>();
    CHECK(pair["p_adjusted"].get<double>() == Approx(std::fmin(1.0, 3 * p)).epsilon(1e-14));
  }
}

TEST_CASE("trend scores must match the groups, one each", "[trend]") {
  const auto answer = run_survival(kThreeGroups, {{"group", "arm"}, {"trend_scores", {1, 2}}});
  CHECK(answer["ok"] == false);
  CHECK(answer["error"]["message"].get<std::string>().find("3 groups (A, B, C") !=
        std::string::npos);
  const auto equal = run_survival(kThreeGroups, {{"group", "arm"}, {"trend_scores", {2, 2, 2}}});
  CHECK(equal["ok"] == false);
}

TEST_CASE("landmark: rows at risk after L, on time since L", "[landmark]") {
  // Rows ending at 1 and 2.5 (the landmark itself) are left out; 3, 5 and 8 become 0.5, 2.5, 5.5.
  // Group "x" only had rows before the landmark: it is gone, and "9", "10" are then all
  // numbers, so they sort as numbers (R's factor order on the rows left).
  const std::string csv = "time,status,arm\n1,1,x\n2.5,0,x\n3,1,9\n5,0,10\n8,1,10\n";
  const auto answer = run_survival(csv, {{"group", "arm"}, {"landmark", 2.5}, {"times", {1}}});
  REQUIRE(answer["ok"] == true);
  const auto& s = answer["survival"];
  CHECK(s["landmark"] == 2.5);
  CHECK(s["rows"]["used"] == 3);
  CHECK(s["rows"]["left_out"]["before_landmark"] == 2);
  REQUIRE(s["groups"].size() == 2);
  CHECK(s["groups"][0]["name"] == "9");
  CHECK(s["groups"][0]["table"]["time"] == nlohmann::json::array({0.5}));
  CHECK(s["groups"][1]["table"]["time"] == nlohmann::json::array({2.5, 5.5}));
  // --times are read on the landmark's clock: at 1, group 10 has not yet had an event.
  CHECK(s["groups"][1]["at_times"]["surv"] == nlohmann::json::array({1}));
  REQUIRE(answer["warnings"].size() == 1);
  CHECK(answer["warnings"][0]["code"] == "before_landmark");
  CHECK(answer["warnings"][0]["message"].get<std::string>().find("2 row(s)") == 0);
}

TEST_CASE("each pair's times are tied by the tie rule over the pair's rows only", "[pairwise]") {
  // A dies at 1 and 2, B at 1.001 and 3, C at 10^6 and 2 x 10^6. Over all six times the mean is
  // about 5 x 10^5, and 1 and 1.001 differ by 2e-9 of it, within aeqSurv's sqrt(DBL_EPSILON):
  // one tied time. Over A and B alone the mean is 1.75: two times. R's survdiff on the rows of
  // A and B gives chi² = 0.615384615384615 (8/13, the two-group case above: 1, 1.001, 2, 3 are
  // four distinct deaths in the order A, B, A, B); with 1 and 1.001 tied it would give 3/7.
  const auto answer = run_survival(
      "time,status,arm\n1,1,A\n2,1,A\n1.001,1,B\n3,1,B\n1000000,1,C\n2000000,1,C\n",
      {{"group", "arm"}, {"pairwise", "none"}});
  REQUIRE(answer["ok"] == true);
  const auto& ab = answer["survival"]["pairwise"][0];
  REQUIRE(ab["groups"] == nlohmann::json::array({"A", "B"}));
  CHECK(ab["chisq"].get<double>() == Approx(8.0 / 13).epsilon(1e-12));
}
