#pragma once
// A Cox model from the rows of a request to what summary(coxph(...)) shows: per term the
// coefficient, hazard ratio, standard error, Wald z and p, and the ratio's limits; the
// likelihood ratio, Wald and score tests; the concordance. Where R's numbers cannot be read
// as estimates (a singular design, a coefficient running to infinity, no convergence, no
// event) they are left out (null) and the term or model is flagged, so that the report can
// name it (docs/decisions.md, "Cox model").
#include <optional>
#include <string>
#include <vector>

#include "core/survival/concordance.hpp"
#include "core/survival/cox_request.hpp"
#include "core/survival/cox_rows.hpp"

namespace itp {

struct CoxTerm {
  std::string term;       // as R names it: "age", "armB"
  std::string covariate;  // the table's column it comes from: "age", "arm"
  std::optional<double> coef, hr, se, z, p, hr_lower, hr_upper;
  bool singular = false;  // redundant column (collinear, or a level without rows): R's NA
  bool infinite = false;  // converged while still heading to infinity (separation)
};

struct CoxTest {
  std::optional<double> chisq;
  int df = 0;
  std::optional<double> p;
};

struct CoxModel {
  std::size_t n = 0, events = 0;
  std::vector<CoxTerm> terms;
  CoxTest likelihood_ratio, wald, score;
  std::optional<Concordance> concordance;
  std::optional<double> loglik_null, loglik;
  int iterations = 0;
  bool converged = true;
  bool may_be_infinite_not_converged = false;  // R's second warning when out of iterations
  std::vector<std::string> single_level_factors;  // no contrast: not in the model
};

CoxModel fit_cox_model(const CoxRows& rows, const CoxRequest& request);

}  // namespace itp
