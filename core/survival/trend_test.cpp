#include "core/survival/trend_test.hpp"

#include <cmath>
#include <limits>

#include "core/numeric/distributions.hpp"

namespace itp {

TrendTest trend_test(const LogRankTest& test, std::vector<double> scores) {
  TrendTest trend;
  const std::size_t groups = test.observed.size();
  for (std::size_t g = 0; g < groups; ++g)
    trend.statistic += scores[g] * (test.observed[g] - test.expected[g]);
  // s'Vs is a sum of terms that cancel where V has no information on s (every score alike
  // within the groups tested): below this relative size of its terms it is rounding, not data.
  double magnitude = 0;
  for (std::size_t j = 0; j < groups; ++j) {
    for (std::size_t k = 0; k < groups; ++k) {
      const double term = scores[j] * test.variance[j][k] * scores[k];
      trend.variance += term;
      magnitude += std::fabs(term);
    }
  }
  trend.scores = std::move(scores);
  std::size_t with_expected = 0;
  for (double e : test.expected) with_expected += e > 0;
  if (with_expected < 2 || !(trend.variance > 1e-10 * magnitude)) {
    trend.chisq = trend.p = std::numeric_limits<double>::quiet_NaN();
    return trend;
  }
  trend.chisq = trend.statistic * trend.statistic / trend.variance;
  trend.p = upper_tail(ChiSquared(1), trend.chisq);
  return trend;
}

}  // namespace itp
