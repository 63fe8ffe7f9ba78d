#include "core/survival/cox_model.hpp"

#include <cmath>

#include "core/numeric/distributions.hpp"
#include "core/numeric/portable_math.hpp"
#include "core/survival/cox_design.hpp"
#include "core/survival/cox_fit.hpp"

namespace itp {
namespace {

CoxTest chi_squared_test(double chisq, int df) {
  CoxTest test;
  test.df = df;
  if (df < 1 || !std::isfinite(chisq)) return test;
  test.chisq = chisq;
  test.p = upper_tail(ChiSquared(df), chisq);
  return test;
}

// coxph.wtest: b' V^-1 b over the estimated coefficients, V factored with the same tolerance.
double wald_chisq(const CoxFit& fit, double toler_chol) {
  std::vector<std::size_t> kept;
  for (std::size_t j = 0; j < fit.coef.size(); ++j)
    if (!fit.singular[j]) kept.push_back(j);
  SquareMatrix v(kept.size());
  std::vector<double> b(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    b[i] = fit.coef[kept[i]];
    for (std::size_t j = 0; j < kept.size(); ++j) v(i, j) = fit.var(kept[i], kept[j]);
  }
  ldl_factor(v, toler_chol);
  std::vector<double> solved = b;
  ldl_solve(v, solved);
  double chisq = 0;
  for (std::size_t i = 0; i < b.size(); ++i) chisq += b[i] * solved[i];
  return chisq;
}

}  // namespace

CoxModel fit_cox_model(const CoxRows& rows, const CoxRequest& request) {
  CoxModel model;
  model.n = rows.time.size();
  for (std::uint8_t e : rows.event) model.events += e;
  CoxDesign design = cox_design(rows);
  model.single_level_factors = design.single_level_factors;
  const std::size_t p = design.term.size();
  model.terms.resize(p);
  for (std::size_t j = 0; j < p; ++j) {
    model.terms[j].term = design.term[j];
    model.terms[j].covariate = design.covariate[j];
  }

  // No event: nothing to estimate (R returns NA coefficients and a log-likelihood of 0).
  if (model.events == 0) {
    model.converged = false;
    return model;
  }
  const CoxControl control;
  if (p == 0) {  // only single-level factors: the null model
    const CoxFit null_fit = fit_cox(rows.time, rows.event, rows.stratum, {}, request.ties, control);
    model.loglik_null = model.loglik = null_fit.loglik_null;
    return model;
  }
  const CoxFit fit = fit_cox(rows.time, rows.event, rows.stratum, design.column, request.ties,
                             control);
  model.loglik_null = fit.loglik_null;
  model.loglik = fit.loglik;
  model.iterations = fit.iterations;
  model.converged = fit.converged;
  model.may_be_infinite_not_converged = fit.may_be_infinite_not_converged;

  bool any_infinite = false;
  int df = 0;
  const double z_limit = quantile(StandardNormal{}, (1 + request.conf_level) / 2);
  for (std::size_t j = 0; j < p; ++j) {
    CoxTerm& term = model.terms[j];
    term.singular = fit.singular[j];
    if (term.singular) continue;
    ++df;
    // Out of iterations, the coefficients are wherever the 21st step left them: on the flat
    // likelihoods where this happens, rounding moves them in the 8th digit or beyond (the
    // cross-check found both). No number is given for any term.
    if (!fit.converged) continue;
    // Heading to infinity: the coefficient is only where the fit stopped (R's agrees with it
    // to 1e-8 at best, the cross-check found), so no number is given for it.
    term.infinite = fit.infinite[j];
    any_infinite = any_infinite || term.infinite;
    if (term.infinite) continue;
    term.coef = fit.coef[j];
    const double se = std::sqrt(fit.var(j, j));
    const double z = fit.coef[j] / se;
    term.hr = portable::exp(fit.coef[j]);
    term.se = se;
    term.z = z;
    term.p = upper_tail(ChiSquared(1), z * z);  // summary.coxph: pchisq(z^2, 1)
    term.hr_lower = portable::exp(fit.coef[j] - z_limit * se);
    term.hr_upper = portable::exp(fit.coef[j] + z_limit * se);
  }

  model.score = chi_squared_test(fit.score_test, df);
  if (fit.converged) {
    model.likelihood_ratio = chi_squared_test(-2 * (fit.loglik_null - fit.loglik), df);
    if (!any_infinite) model.wald = chi_squared_test(wald_chisq(fit, control.toler_chol), df);
  }
  model.likelihood_ratio.df = model.wald.df = df;
  if (fit.converged)
    model.concordance = cox_concordance(rows.time, rows.event, rows.stratum, fit.linear_predictor);
  return model;
}

}  // namespace itp
