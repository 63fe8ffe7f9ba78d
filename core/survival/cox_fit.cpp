#include "core/survival/cox_fit.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/numeric/portable_math.hpp"

namespace itp {
namespace {

// The rows sorted by stratum then time (R's order(strata, time), stable), the covariates
// centred and scaled as coxfit6 does: a column that holds only -1, 0 and 1 (an indicator) is
// left alone (coxph's nocenter); any other has its mean taken off and is multiplied by
// n / sum|x - mean|. The fit is the same in exact arithmetic; in floating point exp() and the
// Cholesky pivots stay in range, and the singularity tolerance means the same as in R.
struct SortedData {
  std::size_t n = 0, p = 0;
  std::vector<double> time;
  std::vector<std::uint8_t> event;
  std::vector<bool> first_of_stratum;  // walking backwards: the risk set starts afresh after it
  std::vector<double> x;               // row-major n x p, centred and scaled
  std::vector<double> mean, scale;
};

bool holds_only_indicator_values(const std::vector<double>& column) {
  return std::all_of(column.begin(), column.end(),
                     [](double v) { return v == 0 || v == 1 || v == -1; });
}

SortedData sort_and_scale(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                          const std::vector<std::uint32_t>& stratum,
                          const std::vector<std::vector<double>>& x) {
  SortedData d;
  d.n = time.size();
  d.p = x.size();
  std::vector<std::size_t> order(d.n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (stratum[a] != stratum[b]) return stratum[a] < stratum[b];
    return time[a] < time[b];
  });
  d.time.resize(d.n);
  d.event.resize(d.n);
  d.first_of_stratum.assign(d.n, false);
  d.x.resize(d.n * d.p);
  for (std::size_t i = 0; i < d.n; ++i) {
    const std::size_t row = order[i];
    d.time[i] = time[row];
    d.event[i] = event[row];
    d.first_of_stratum[i] = i == 0 || stratum[order[i - 1]] != stratum[row];
    for (std::size_t j = 0; j < d.p; ++j) d.x[i * d.p + j] = x[j][row];
  }
  d.mean.assign(d.p, 0);
  d.scale.assign(d.p, 1);
  const double n = static_cast<double>(d.n);
  for (std::size_t j = 0; j < d.p; ++j) {
    if (holds_only_indicator_values(x[j])) continue;
    double sum = 0;
    for (std::size_t i = 0; i < d.n; ++i) sum += d.x[i * d.p + j];
    const double mean = sum / n;
    double abs_sum = 0;
    for (std::size_t i = 0; i < d.n; ++i) {
      d.x[i * d.p + j] -= mean;
      abs_sum += std::fabs(d.x[i * d.p + j]);
    }
    const double scale = abs_sum > 0 ? n / abs_sum : 1.0;  // a constant column stays as it is
    for (std::size_t i = 0; i < d.n; ++i) d.x[i * d.p + j] *= scale;
    d.mean[j] = mean;
    d.scale[j] = scale;
  }
  return d;
}

// The log partial likelihood at beta, its score U (gradient) and information I (minus the
// Hessian, upper triangle filled). Walking from the last time back, the risk set of a time is
// everyone met so far in the stratum. At a time with d deaths, Breslow takes them all in the
// denominator; Efron (1977) takes the k-th of them with the deaths' share (d - k)/d in it,
// k = 0, ..., d - 1, which approximates the exact likelihood of the tied order.
double log_partial_likelihood(const SortedData& d, CoxTies ties, const std::vector<double>& beta,
                              std::vector<double>& u, SquareMatrix& info) {
  const std::size_t p = d.p;
  std::vector<double> a(p), a_dead(p);                 // sums of risk * x
  SquareMatrix c(p), c_dead(p);                        // sums of risk * x x' (lower triangle)
  std::fill(u.begin(), u.end(), 0.0);
  std::fill(info.data.begin(), info.data.end(), 0.0);
  double loglik = 0, denom = 0;
  for (std::size_t end = d.n; end > 0;) {
    std::size_t first = end - 1;  // the rows of one time in one stratum: [first, end)
    while (first > 0 && !d.first_of_stratum[first] && d.time[first - 1] == d.time[end - 1])
      --first;
    if (end == d.n || d.first_of_stratum[end]) {
      denom = 0;
      std::fill(a.begin(), a.end(), 0.0);
      std::fill(c.data.begin(), c.data.end(), 0.0);
    }
    int deaths = 0;
    double denom_dead = 0;
    for (std::size_t row = end; row-- > first;) {
      const double* x = &d.x[row * p];
      double eta = 0;
      for (std::size_t j = 0; j < p; ++j) eta += beta[j] * x[j];
      const double risk = portable::exp(eta);
      if (d.event[row] == 0) {
        denom += risk;
        for (std::size_t i = 0; i < p; ++i) {
          a[i] += risk * x[i];
          for (std::size_t j = 0; j <= i; ++j) c(i, j) += risk * x[i] * x[j];
        }
        continue;
      }
      ++deaths;
      denom_dead += risk;
      loglik += eta;
      for (std::size_t i = 0; i < p; ++i) {
        u[i] += x[i];
        a_dead[i] += risk * x[i];
        for (std::size_t j = 0; j <= i; ++j) c_dead(i, j) += risk * x[i] * x[j];
      }
    }
    end = first;
    if (deaths == 0) continue;
    // Breslow: every death sees the whole risk set; Efron: the deaths enter it a share at a
    // time (a single death is the same either way).
    const double steps = ties == CoxTies::breslow ? 1 : deaths;
    const double deaths_per_step = deaths / steps;
    for (int k = 0; k < steps; ++k) {
      denom += denom_dead / steps;
      loglik -= deaths_per_step * portable::log(denom);
      for (std::size_t i = 0; i < p; ++i) {
        a[i] += a_dead[i] / steps;
        const double mean_i = a[i] / denom;
        u[i] -= deaths_per_step * mean_i;
        for (std::size_t j = 0; j <= i; ++j) {
          c(i, j) += c_dead(i, j) / steps;
          info(j, i) += deaths_per_step * (c(i, j) - mean_i * a[j]) / denom;
        }
      }
    }
    std::fill(a_dead.begin(), a_dead.end(), 0.0);
    std::fill(c_dead.data.begin(), c_dead.data.end(), 0.0);
  }
  return loglik;
}

bool all_finite(const std::vector<double>& u, const SquareMatrix& info, double loglik) {
  if (!std::isfinite(loglik)) return false;
  for (double v : u)
    if (!std::isfinite(v)) return false;
  for (double v : info.data)
    if (!std::isfinite(v)) return false;
  return true;
}

}  // namespace

CoxFit fit_cox(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
               const std::vector<std::uint32_t>& stratum,
               const std::vector<std::vector<double>>& x, CoxTies ties,
               const CoxControl& control) {
  const SortedData d = sort_and_scale(time, event, stratum, x);
  const std::size_t p = d.p;
  CoxFit fit;
  std::vector<double> beta(p, 0.0), new_beta(p), u(p), step(p);
  SquareMatrix info(p);

  // At beta = 0: the null log-likelihood and the score test U' I^-1 U.
  fit.loglik_null = log_partial_likelihood(d, ties, beta, u, info);
  fit.rank = ldl_factor(info, control.toler_chol);
  step = u;
  ldl_solve(info, step);
  fit.score_test = 0;
  for (std::size_t j = 0; j < p; ++j) fit.score_test += u[j] * step[j];

  // Newton-Raphson as coxfit6: a step that lowers the log-likelihood (or overflows) is halved
  // back towards the last good beta, more each time; the relative change of the
  // log-likelihood between two good steps decides convergence.
  double best_loglik = fit.loglik_null;
  for (std::size_t j = 0; j < p; ++j) new_beta[j] = beta[j] + step[j];
  int halving = 0;
  fit.converged = false;
  int iteration = 1;
  for (; iteration <= control.iter_max; ++iteration) {
    const double loglik = log_partial_likelihood(d, ties, new_beta, u, info);
    fit.rank = ldl_factor(info, control.toler_chol);
    const bool finite = all_finite(u, info, loglik);
    if (finite && std::fabs(1 - best_loglik / loglik) <= control.eps) {
      fit.converged = true;
      best_loglik = loglik;
      beta = new_beta;
      if (halving > 0) fit.rank = -2;  // as coxfit6's flag: look for zero variances
      break;
    }
    if (!finite || loglik < best_loglik) {
      ++halving;
      for (std::size_t j = 0; j < p; ++j)
        new_beta[j] = (new_beta[j] + halving * beta[j]) / (halving + 1.0);
    } else {
      halving = 0;
      best_loglik = loglik;
      step = u;
      ldl_solve(info, step);
      for (std::size_t j = 0; j < p; ++j) {
        beta[j] = new_beta[j];
        new_beta[j] += step[j];
      }
    }
  }
  fit.iterations = iteration;
  SquareMatrix scaled_var(p);
  if (fit.converged) {
    scaled_var = ldl_inverse(info);
  } else {
    // Out of iterations: the last good beta, its log-likelihood, and its information properly
    // factored (coxfit6 inverts the unfactored matrix here; its variance is not shown, see
    // docs/decisions.md, "Cox model").
    if (control.iter_max > 1) best_loglik = log_partial_likelihood(d, ties, beta, u, info);
    fit.rank = ldl_factor(info, control.toler_chol);
    scaled_var = ldl_inverse(info);
  }
  fit.loglik = best_loglik;

  // Back to the covariates' own scale.
  fit.coef.resize(p);
  fit.var = SquareMatrix(p);
  for (std::size_t i = 0; i < p; ++i) {
    fit.coef[i] = beta[i] * d.scale[i];
    u[i] /= d.scale[i];
    for (std::size_t j = 0; j < p; ++j) fit.var(i, j) = scaled_var(i, j) * d.scale[i] * d.scale[j];
  }
  // Out of iterations, coxph marks nothing singular (its flag is then 1000, not a rank).
  fit.singular.assign(p, false);
  if (fit.converged && fit.rank < static_cast<int>(p))
    for (std::size_t j = 0; j < p; ++j) fit.singular[j] = fit.var(j, j) == 0;

  // lp = x beta - sum(beta * means), per row in the input's order.
  double offset = 0;
  for (std::size_t j = 0; j < p; ++j) offset += fit.coef[j] * d.mean[j];
  fit.linear_predictor.assign(time.size(), 0.0);
  double max_lp = -INFINITY;
  for (std::size_t row = 0; row < time.size(); ++row) {
    double lp = 0;
    for (std::size_t j = 0; j < p; ++j) lp += x[j][row] * fit.coef[j];
    fit.linear_predictor[row] = lp - offset;
    max_lp = std::max(max_lp, fit.linear_predictor[row]);
  }

  // The next Newton step |U' V|: still large when the likelihood is flat along a coefficient
  // that runs to infinity (coxph.fit's "Loglik converged before variable ...").
  fit.infinite.assign(p, false);
  bool step_finite = true;
  for (std::size_t j = 0; j < p; ++j) {
    double s = 0;
    for (std::size_t k = 0; k < p; ++k) s += u[k] * fit.var(k, j);
    const double next_step = std::fabs(s);
    step_finite = step_finite && std::isfinite(next_step);
    if (fit.converged && control.iter_max > 1)
      fit.infinite[j] = !std::isfinite(u[j]) ||
                        (next_step > control.eps &&
                         next_step > control.toler_inf * std::fabs(fit.coef[j]));
  }
  if (!fit.converged && control.iter_max > 1)
    fit.may_be_infinite_not_converged = max_lp > 500 || !step_finite;
  return fit;
}

}  // namespace itp
