// The statistics of core/stats against the values R computed in
// tests/golden/stats/make_stats_golden.R (written to tests/golden/stats/expected.json): every
// number within 1e-9 relative, and sample quantiles equal to the last bit, since they repeat R's
// arithmetic operation for operation.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/numeric/distributions.hpp"
#include "core/stats/binomial_interval.hpp"
#include "core/stats/fisher_exact.hpp"
#include "core/stats/sample_quantiles.hpp"

namespace {

using json = nlohmann::json;

const json& golden() {
  static const json values = [] {
    const std::string path = std::string(ITP_TEST_DATA_DIR) + "/golden/stats/expected.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return json::parse(bytes.str());
  }();
  return values;
}

bool agrees(double actual, double expected) {
  if (actual == expected) return true;
  return std::fabs(actual - expected) <= 1e-9 * std::fabs(expected);
}

}  // namespace

TEST_CASE("sample quantiles of types 1 to 9 are R's, to the last bit", "[stats][golden]") {
  const json& cases = golden().at("quantile");
  REQUIRE(cases.size() >= 54);  // 9 types, 6 samples
  int compared = 0;
  for (const json& c : cases) {
    const auto x = c.at("x").get<std::vector<double>>();
    const auto probs = c.at("probs").get<std::vector<double>>();
    const auto expected = c.at("expected").get<std::vector<double>>();
    const int type = c.at("type").get<int>();
    const itp::SortedSample sample(x);
    for (std::size_t k = 0; k < probs.size(); ++k) {
      INFO(c.at("name").get<std::string>() << ", type " << type << ", p = " << probs[k]);
      const double actual = itp::quantile(sample, probs[k], itp::quantile_type(type));
      CHECK(agrees(actual, expected[k]));
      CHECK(actual == expected[k]);
      ++compared;
    }
  }
  CHECK(compared >= 500);
}

TEST_CASE("Clopper-Pearson intervals are binom.test's", "[stats][golden]") {
  const json& cases = golden().at("clopper_pearson");
  REQUIRE(cases.size() >= 30);
  for (const json& c : cases) {
    const int x = c.at("x").get<int>(), n = c.at("n").get<int>();
    const double level = c.at("conf_level").get<double>();
    INFO(x << "/" << n << " at " << level);
    const itp::BinomialInterval interval = itp::clopper_pearson(x, n, level);
    CHECK(agrees(interval.lower, c.at("lower").get<double>()));
    CHECK(agrees(interval.upper, c.at("upper").get<double>()));
  }
}

TEST_CASE("Wilson intervals are prop.test(correct = FALSE)'s", "[stats][golden]") {
  const json& cases = golden().at("wilson");
  REQUIRE(cases.size() >= 30);
  for (const json& c : cases) {
    const int x = c.at("x").get<int>(), n = c.at("n").get<int>();
    const double level = c.at("conf_level").get<double>();
    INFO(x << "/" << n << " at " << level);
    const itp::BinomialInterval interval = itp::wilson(x, n, level);
    CHECK(agrees(interval.lower, c.at("lower").get<double>()));
    CHECK(agrees(interval.upper, c.at("upper").get<double>()));
  }
}

TEST_CASE("beta quantiles and tails are qbeta's and pbeta's", "[stats][golden]") {
  const json& cases = golden().at("beta");
  REQUIRE(cases.size() >= 64);
  for (const json& c : cases) {
    const itp::Beta beta(c.at("a").get<double>(), c.at("b").get<double>());
    const auto p = c.at("p").get<std::vector<double>>();
    const auto lower = c.at("qbeta").get<std::vector<double>>();
    const auto upper = c.at("qbeta_upper").get<std::vector<double>>();
    for (std::size_t k = 0; k < p.size(); ++k) {
      INFO("Beta(" << beta.alpha() << ", " << beta.beta() << "), p = " << p[k]);
      CHECK(agrees(itp::quantile(beta, p[k]), lower[k]));
      CHECK(agrees(itp::upper_quantile(beta, p[k]), upper[k]));
    }
    const auto x = c.at("x").get<std::vector<double>>();
    const auto cdf = c.at("pbeta").get<std::vector<double>>();
    const auto tail = c.at("pbeta_upper").get<std::vector<double>>();
    for (std::size_t k = 0; k < x.size(); ++k) {
      INFO("Beta(" << beta.alpha() << ", " << beta.beta() << "), x = " << x[k]);
      CHECK(agrees(itp::cdf(beta, x[k]), cdf[k]));
      CHECK(agrees(itp::upper_tail(beta, x[k]), tail[k]));
    }
  }
}

TEST_CASE("Fisher's exact test gives fisher.test's p-values", "[stats][golden]") {
  const json& cases = golden().at("fisher");
  REQUIRE(cases.size() >= 10);
  for (const json& c : cases) {
    INFO(c.at("name").get<std::string>());
    const auto table = c.at("table").get<std::vector<std::vector<int>>>();
    const std::optional<double> p = itp::fisher_exact_p(table);
    REQUIRE(p.has_value());
    CHECK(agrees(*p, c.at("p_value").get<double>()));
  }
}
