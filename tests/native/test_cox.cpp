// The Cox model by hand on data small enough to work on paper, and its failure modes: each must
// be an answer with a warning naming the term, never a number that looks right.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/workspace.hpp"
#include "core/survival/concordance.hpp"
#include "core/survival/cox_fit.hpp"

namespace {

using json = nlohmann::json;

// Runs a cox request on CSV text loaded as table "d".
json run_cox(const std::string& csv, json request) {
  itp::Workspace workspace;
  const json load = {{"type", "load_table"}, {"name", "d"}, {"file", "d.csv"}};
  REQUIRE(json::parse(workspace.load_table(load.dump(), csv)).value("ok", false));
  request["type"] = "cox";
  request["table"] = "d";
  if (!request.contains("time")) request["time"] = "t";
  if (!request.contains("event")) request["event"] = "d";
  return json::parse(workspace.run(request.dump()));
}

std::vector<std::string> warning_codes(const json& answer) {
  std::vector<std::string> codes;
  for (const json& w : answer.at("warnings")) codes.push_back(w.at("code"));
  return codes;
}

bool has_warning(const json& answer, const std::string& code, const std::string& naming) {
  for (const json& w : answer.at("warnings"))
    if (w.at("code") == code &&
        w.at("message").get<std::string>().find(naming) != std::string::npos)
      return true;
  return false;
}

// Six subjects, one binary covariate, no tied times.
//   t  d  x
//   1  1  1
//   2  1  0
//   3  0  1
//   4  1  1
//   5  1  0
//   6  0  0
const std::string kSix = "t,d,x\n1,1,1\n2,1,0\n3,0,1\n4,1,1\n5,1,0\n6,0,0\n";

}  // namespace

// At beta = 0 every risk score is 1, so at each death the mean of x over the risk set is the
// share p with x = 1, the score gains (x of the death - p) and the information p (1 - p):
//   t = 1: risk set 1..6, x = 1 for 1, 3, 4: p = 3/6; death x = 1: U += 1/2,  I += 1/4
//   t = 2: risk set 2..6, x = 1 for 3, 4:    p = 2/5; death x = 0: U += -2/5, I += 6/25
//   t = 4: risk set 4..6, x = 1 for 4:       p = 1/3; death x = 1: U += 2/3,  I += 2/9
//   t = 5: risk set 5, 6,  no x = 1:         p = 0;   death x = 0: U += 0,    I += 0
// U = 1/2 - 2/5 + 2/3 = 23/30; I = 1/4 + 6/25 + 2/9 = 641/900; score = U^2 / I = 529/641.
// That is the log-rank statistic of x = 1 against x = 0: O - E = 2 - (1/2 + 2/5 + 1/3) = 23/30
// with the hypergeometric variance p (1 - p) per death (R: survdiff gives 0.825273010920437).
// The null log-likelihood is -log 6 - log 5 - log 3 - log 2 = -log 180.
TEST_CASE("cox: the score test at 0 is the log-rank test, by hand", "[cox]") {
  const json answer = run_cox(kSix, {{"covariates", {"x"}}});
  REQUIRE(answer.at("ok") == true);
  const json& cox = answer.at("cox");
  CHECK(cox.at("tests").at("score").at("chisq").get<double>() ==
        Approx(529.0 / 641).epsilon(1e-13));
  CHECK(cox.at("tests").at("score").at("df") == 1);
  CHECK(cox.at("loglik")[0].get<double>() == Approx(-std::log(180.0)).epsilon(1e-13));
  CHECK(cox.at("n") == 6);
  CHECK(cox.at("events") == 4);
  CHECK(cox.at("converged") == true);
  CHECK(warning_codes(answer).empty());
}

// Four subjects with a tie of two deaths at t = 1, both x = 1:
//   t  d  x
//   1  1  1
//   1  1  1
//   2  1  0
//   3  0  0
// Breslow puts both deaths against the whole risk set {1, 2, 3, 4}: mean x 1/2, variance 1/4,
// so U = 2 - 2 (1/2) = 1 and I = 2 (1/4) = 1/2; at t = 2 the risk set {3, 4} has only x = 0.
// Score = 1 / (1/2) = 2; null loglik = -2 log 4 - log 2 = -5 log 2.
// Efron takes the first death against all four (mean 1/2, variance 1/4) and the second with
// the two deaths at weight 1/2 (weights 1/2, 1/2, 1, 1; sum 3; mean x 1/3; variance 1/3 - 1/9
// = 2/9): U = 2 - 1/2 - 1/3 = 7/6, I = 1/4 + 2/9 = 17/36, score = (49/36) / (17/36) = 49/17;
// null loglik = -log 4 - log 3 - log 2 = -log 24. (R: 2 and 2.88235294117647.)
// Both deaths at t = 1 have the higher x and the third death faces only x = 0: the likelihood
// rises without end in beta; coxph runs out of iterations, and so does the core.
TEST_CASE("cox: Breslow and Efron on a tie, by hand", "[cox]") {
  const std::string tie = "t,d,x\n1,1,1\n1,1,1\n2,1,0\n3,0,0\n";
  const json breslow = run_cox(tie, {{"covariates", {"x"}}, {"ties", "breslow"}});
  const json efron = run_cox(tie, {{"covariates", {"x"}}});
  CHECK(breslow.at("cox").at("tests").at("score").at("chisq").get<double>() ==
        Approx(2.0).epsilon(1e-13));
  CHECK(breslow.at("cox").at("loglik")[0].get<double>() ==
        Approx(-5 * std::log(2.0)).epsilon(1e-13));
  CHECK(efron.at("cox").at("tests").at("score").at("chisq").get<double>() ==
        Approx(49.0 / 17).epsilon(1e-13));
  CHECK(efron.at("cox").at("loglik")[0].get<double>() == Approx(-std::log(24.0)).epsilon(1e-13));
  CHECK(efron.at("cox").at("ties") == "efron");
  for (const json* answer : {&breslow, &efron}) {
    const json& x = answer->at("cox").at("coefficients")[0];
    CHECK(answer->at("cox").at("converged") == false);
    CHECK(answer->at("cox").at("iterations") == 21);  // as R's fit$iter
    CHECK(x.at("coef").is_null());
    CHECK(x.at("hr").is_null());
    CHECK(answer->at("cox").at("tests").at("likelihood_ratio").at("chisq").is_null());
    CHECK(answer->at("cox").at("concordance").is_null());
    CHECK(has_warning(*answer, "cox_not_converged", "\"x\""));
  }
}

// Complete separation that converges: the four with x = 1 die first. R warns "Loglik converged
// before variable 1; coefficient may be infinite" (coef 22.14 where it stopped); z is estimated
// (R: 0.27397997138808).
TEST_CASE("cox: an infinite coefficient is named and not shown as a number", "[cox]") {
  const std::string csv = "t,d,x,z\n1,1,1,0.5\n2,1,1,0.1\n3,1,1,0.9\n4,1,1,0.3\n5,1,0,0.7\n"
                          "6,1,0,0.2\n7,1,0,0.8\n8,1,0,0.4\n";
  const json answer = run_cox(csv, {{"covariates", {"x", "z"}}});
  const json& cox = answer.at("cox");
  const json& x = cox.at("coefficients")[0];
  const json& z = cox.at("coefficients")[1];
  CHECK(cox.at("converged") == true);
  CHECK(x.at("infinite") == true);
  for (const char* field : {"coef", "hr", "se", "z", "p", "hr_lower", "hr_upper"})
    CHECK(x.at(field).is_null());
  CHECK(has_warning(answer, "cox_infinite_coefficient", "\"x\""));
  CHECK(z.at("infinite") == false);
  CHECK(z.at("coef").get<double>() == Approx(0.27397997138808122).epsilon(1e-6));
  CHECK(cox.at("tests").at("wald").at("chisq").is_null());
  // The likelihood converged: its test stands (R: loglik -10.6046029027453, -6.33893765318853).
  CHECK(cox.at("tests").at("likelihood_ratio").at("chisq").get<double>() ==
        Approx(-2 * (-10.6046029027452509 + 6.3389376531885269)).epsilon(1e-9));
}

TEST_CASE("cox: collinear covariates give the redundant one no coefficient, as R's NA",
          "[cox]") {
  const std::string csv = "t,d,x,x2\n1,1,1,2\n2,1,0,0\n3,0,1,2\n4,1,1,2\n5,1,0,0\n6,0,0,0\n";
  const json answer = run_cox(csv, {{"covariates", {"x", "x2"}}});
  const json& cox = answer.at("cox");
  CHECK(cox.at("coefficients")[0].at("coef").is_number());
  const json& x2 = cox.at("coefficients")[1];
  CHECK(x2.at("singular") == true);
  CHECK(x2.at("coef").is_null());
  CHECK(x2.at("se").is_null());
  CHECK(has_warning(answer, "cox_singular", "\"x2\""));
  CHECK(cox.at("tests").at("score").at("df") == 1);  // one term estimated
  // The score test of x alone, 529/641 above: the redundant column changes nothing.
  CHECK(cox.at("tests").at("score").at("chisq").get<double>() ==
        Approx(529.0 / 641).epsilon(1e-12));
}

TEST_CASE("cox: factor levels, treatment contrasts and a level no row used", "[cox]") {
  // arm: levels A (reference), B, and C, which only a row without a time has (read.csv keeps the
  // level, coxph's column for it is all 0: NA).
  const std::string csv = "t,d,arm\n1,1,B\n2,1,A\n3,0,B\n4,1,B\n5,1,A\n6,0,A\n,1,C\n";
  const json answer = run_cox(csv, {{"covariates", {"arm"}}});
  const json& cox = answer.at("cox");
  REQUIRE(cox.at("coefficients").size() == 2);
  CHECK(cox.at("coefficients")[0].at("term") == "armB");
  CHECK(cox.at("coefficients")[1].at("term") == "armC");
  CHECK(cox.at("coefficients")[1].at("singular") == true);
  CHECK(has_warning(answer, "cox_singular", "\"armC\""));
  // B is the x = 1 of the six subjects above.
  CHECK(cox.at("tests").at("score").at("chisq").get<double>() ==
        Approx(529.0 / 641).epsilon(1e-12));
  CHECK(cox.at("rows").at("left_out").at("missing_time") == 1);
}

TEST_CASE("cox: a factor level without events heads to infinity and is named", "[cox]") {
  // Level C has rows but no event: its hazard ratio is 0 at the limit.
  const std::string csv =
      "t,d,arm\n1,1,B\n2,1,A\n3,0,B\n4,1,B\n5,1,A\n6,0,A\n2.5,0,C\n4.5,0,C\n7,0,C\n";
  const json answer = run_cox(csv, {{"covariates", {"arm"}}});
  const json& c = answer.at("cox").at("coefficients")[1];
  CHECK(c.at("term") == "armC");
  CHECK(c.at("hr").is_null());
  CHECK((has_warning(answer, "cox_infinite_coefficient", "armC") ||
         has_warning(answer, "cox_not_converged", "armC")));
}

// A stratum of one row adds nothing to the partial likelihood (the one subject is its own risk
// set) nor a comparable pair: the model is that of the other rows (R: coef 1.07306780003824,
// concordance 0.625 with se 0.146575492494482 both ways).
TEST_CASE("cox: a stratum of one row changes nothing", "[cox]") {
  const json alone = run_cox(kSix, {{"covariates", {"x"}}});
  const std::string with_solo = "t,d,x,s\n1,1,1,a\n2,1,0,a\n3,0,1,a\n4,1,1,a\n5,1,0,a\n6,0,0,a\n"
                                "3.5,1,1,b\n";
  const json strat = run_cox(with_solo, {{"covariates", {"x"}}, {"strata", "s"}});
  const json& a = alone.at("cox");
  const json& s = strat.at("cox");
  CHECK(s.at("n") == 7);
  CHECK(s.at("strata") == json({"a", "b"}));
  CHECK(s.at("coefficients")[0].at("coef").get<double>() ==
        Approx(a.at("coefficients")[0].at("coef").get<double>()).epsilon(1e-14));
  CHECK(a.at("coefficients")[0].at("coef").get<double>() ==
        Approx(1.0730678000382430).epsilon(1e-9));
  CHECK(s.at("concordance").at("estimate").get<double>() == Approx(0.625).epsilon(1e-14));
  CHECK(s.at("concordance").at("std_err").get<double>() ==
        Approx(0.14657549249448218).epsilon(1e-9));
}

TEST_CASE("cox: no event at all is said, with no number", "[cox]") {
  const json answer = run_cox("t,d,x\n1,0,1\n2,0,0\n3,0,1\n", {{"covariates", {"x"}}});
  REQUIRE(answer.at("ok") == true);
  const json& cox = answer.at("cox");
  CHECK(cox.at("events") == 0);
  CHECK(cox.at("coefficients")[0].at("coef").is_null());
  CHECK(cox.at("concordance").is_null());
  CHECK(cox.at("loglik")[1].is_null());
  CHECK(has_warning(answer, "cox_no_events", "no row used has an event"));
}

TEST_CASE("cox: rows with a missing cell are left out, each named", "[cox]") {
  const std::string csv = "t,d,x,s\n1,1,1,a\n2,1,,a\n3,0,1,\nNA,1,1,a\n5,1,0,a\n6,0,0,a\n";
  const json answer = run_cox(csv, {{"covariates", {"x"}}, {"strata", "s"}});
  const json& rows = answer.at("cox").at("rows");
  CHECK(rows.at("read") == 6);
  CHECK(rows.at("used") == 3);
  CHECK(rows.at("left_out") == json({{"missing_covariate", 1}, {"missing_strata", 1},
                                     {"missing_time", 1}}));
  bool named = false;
  for (const json& w : answer.at("warnings"))
    named = named ||
            (w.at("code") == "missing_covariate" && w.at("row") == 3 && w.at("column") == "x");
  CHECK(named);
}

TEST_CASE("cox: a request without covariates or with an unknown column fails clearly", "[cox]") {
  itp::Workspace workspace;
  const json load = {{"type", "load_table"}, {"name", "d"}};
  workspace.load_table(load.dump(), kSix);
  const json none =
      json::parse(workspace.run(R"({"type":"cox","table":"d","time":"t","event":"d"})"));
  CHECK(none.at("error").at("code") == "bad_request");
  const json unknown = json::parse(workspace.run(
      R"({"type":"cox","table":"d","time":"t","event":"d","covariates":["age"]})"));
  CHECK(unknown.at("error").at("code") == "unknown_column");
}

// The concordance's pairs by hand, on the six subjects with the risk score x: comparable pairs
// (the earlier death, anyone with a later time): t=1 vs 2..6 (5), t=2 vs 3..6 (4), t=4 vs 5, 6
// (2), t=5 vs 6 (1): 12 pairs. With a higher score for the earlier death concordant: t=1 (x 1)
// beats 2, 5, 6 (x 0) and ties 3, 4; t=2 (x 0) loses to 3, 4 and ties 5, 6; t=4 (x 1) beats 5,
// 6; t=5 ties 6. Concordant 5, discordant 2, tied 5: C = (5 + 5/2) / 12 = 0.625.
TEST_CASE("cox: concordance pairs by hand", "[cox]") {
  const itp::Concordance c = itp::cox_concordance({1, 2, 3, 4, 5, 6}, {1, 1, 0, 1, 1, 0},
                                                  {0, 0, 0, 0, 0, 0}, {1, 0, 1, 1, 0, 0});
  CHECK(c.concordant == 5);
  CHECK(c.discordant == 2);
  CHECK(c.tied_risk == 5);
  CHECK(c.estimate == Approx(0.625).epsilon(1e-15));
  CHECK(c.std_err == Approx(0.14657549249448218).epsilon(1e-9));
}
