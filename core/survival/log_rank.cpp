#include "core/survival/log_rank.hpp"

#include <cmath>
#include <limits>

#include "core/numeric/distributions.hpp"
#include "core/numeric/portable_math.hpp"

namespace itp {
namespace {

// One stratum's deaths and at-risk counts per group at each of its distinct times, ascending,
// flat: row k of a table is [k * groups, (k + 1) * groups).
struct StratumTable {
  std::size_t groups = 0;
  std::vector<double> time;
  std::vector<double> deaths;
  std::vector<double> at_risk;
  double death(std::size_t k, std::size_t g) const { return deaths[k * groups + g]; }
  double risk(std::size_t k, std::size_t g) const { return at_risk[k * groups + g]; }
};

StratumTable merge_groups(const std::vector<EventCounts>& groups) {
  const std::size_t g_count = groups.size();
  StratumTable t;
  t.groups = g_count;
  std::vector<std::size_t> next(g_count, 0);
  std::vector<double> remaining(g_count);
  for (std::size_t g = 0; g < g_count; ++g) remaining[g] = static_cast<double>(groups[g].total());
  for (;;) {
    double now = std::numeric_limits<double>::infinity();
    for (std::size_t g = 0; g < g_count; ++g)
      if (next[g] < groups[g].time.size()) now = std::fmin(now, groups[g].time[next[g]]);
    if (std::isinf(now)) break;
    t.time.push_back(now);
    for (std::size_t g = 0; g < g_count; ++g) {
      t.at_risk.push_back(remaining[g]);
      double d = 0;
      if (next[g] < groups[g].time.size() && groups[g].time[next[g]] == now) {
        d = static_cast<double>(groups[g].n_event[next[g]]);
        remaining[g] -= d + static_cast<double>(groups[g].n_censor[next[g]]);
        ++next[g];
      }
      t.deaths.push_back(d);
    }
  }
  return t;
}

// Solves A x = b by Gaussian elimination with partial pivoting; false if A is singular.
bool solve(std::vector<std::vector<double>> a, std::vector<double> b, std::vector<double>& x) {
  const std::size_t n = b.size();
  double scale = 0;
  for (std::size_t i = 0; i < n; ++i) scale = std::fmax(scale, std::fabs(a[i][i]));
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < n; ++r)
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) pivot = r;
    if (!(std::fabs(a[pivot][col]) > scale * 1e-13)) return false;
    std::swap(a[pivot], a[col]);
    std::swap(b[pivot], b[col]);
    for (std::size_t r = col + 1; r < n; ++r) {
      const double f = a[r][col] / a[col][col];
      for (std::size_t c = col; c < n; ++c) a[r][c] -= f * a[col][c];
      b[r] -= f * b[col];
    }
  }
  x.assign(n, 0);
  for (std::size_t i = n; i-- > 0;) {
    double s = b[i];
    for (std::size_t c = i + 1; c < n; ++c) s -= a[i][c] * x[c];
    x[i] = s / a[i][i];
  }
  return true;
}

}  // namespace

LogRankTest log_rank_test(const std::vector<std::vector<EventCounts>>& counts, double rho) {
  const std::size_t g_count = counts.empty() ? 0 : counts.front().size();
  LogRankTest test;
  test.rho = rho;
  test.observed.assign(g_count, 0);
  test.expected.assign(g_count, 0);
  test.variance.assign(g_count, std::vector<double>(g_count, 0));

  for (const std::vector<EventCounts>& stratum : counts) {
    const StratumTable t = merge_groups(stratum);
    const std::size_t n_times = t.time.size();
    // Weight w(t) = S(t-)^rho, S the Kaplan-Meier of the pooled stratum just before t.
    std::vector<double> weight(n_times, 1.0);
    if (rho != 0) {
      double km = 1.0;
      for (std::size_t k = 0; k < n_times; ++k) {
        weight[k] = portable::pow(km, rho);
        double d = 0, n = 0;
        for (std::size_t g = 0; g < g_count; ++g) d += t.death(k, g), n += t.risk(k, g);
        km *= (n - d) / n;
      }
    }
    // At each death time, with D deaths among N at risk (n_g in group g):
    //   O_g += w d_g,  E_g += w D n_g / N,
    //   V_jk += w² D (N - D) / (N (N - 1)) · n_j (δ_jk - n_k / N).
    // Summed from the last time back, as survdiff does.
    for (std::size_t k = n_times; k-- > 0;) {
      double deaths = 0, n_risk = 0;
      for (std::size_t g = 0; g < g_count; ++g) deaths += t.death(k, g), n_risk += t.risk(k, g);
      if (deaths == 0) continue;
      const double w = weight[k];
      for (std::size_t g = 0; g < g_count; ++g) {
        test.observed[g] += w * t.death(k, g);
        test.expected[g] += w * deaths * t.risk(k, g) / n_risk;
      }
      if (n_risk == 1) continue;
      const double w2 = w * w;
      for (std::size_t j = 0; j < g_count; ++j) {
        const double tmp =
            w2 * deaths * t.risk(k, j) * (n_risk - deaths) / (n_risk * (n_risk - 1));
        test.variance[j][j] += tmp;
        for (std::size_t g = 0; g < g_count; ++g)
          test.variance[j][g] -= tmp * t.risk(k, g) / n_risk;
      }
    }
  }

  // chi² = (O - E)' V⁻ (O - E) over the groups with expected > 0, the first one dropped.
  std::vector<std::size_t> kept;
  for (std::size_t g = 0; g < g_count; ++g)
    if (test.expected[g] > 0) kept.push_back(g);
  test.df = static_cast<int>(kept.size()) - 1;
  test.p = std::numeric_limits<double>::quiet_NaN();
  if (kept.size() < 2) return test;
  const std::size_t m = kept.size() - 1;
  std::vector<std::vector<double>> v(m, std::vector<double>(m));
  std::vector<double> diff(m), x;
  for (std::size_t i = 0; i < m; ++i) {
    diff[i] = test.observed[kept[i + 1]] - test.expected[kept[i + 1]];
    for (std::size_t j = 0; j < m; ++j) v[i][j] = test.variance[kept[i + 1]][kept[j + 1]];
  }
  if (!solve(v, diff, x)) {
    test.singular = true;
    test.chisq = std::numeric_limits<double>::quiet_NaN();
    return test;
  }
  test.chisq = 0;
  for (std::size_t i = 0; i < m; ++i) test.chisq += x[i] * diff[i];
  test.p = upper_tail(ChiSquared(test.df), test.chisq);
  return test;
}

}  // namespace itp
