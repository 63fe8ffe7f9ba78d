#pragma once
// The Cox proportional hazards model fitted by Newton-Raphson as R's coxph fits it (survival's
// coxph.fit and coxfit6): partial likelihood with Efron's or Breslow's handling of tied event
// times, strata with their own baseline hazards, covariates centred and scaled, start at 0,
// step-halving when the log-likelihood falls, stop when its relative change is at most eps.
// Reference: Therneau and Grambsch, "Modeling Survival Data" (2000), ch. 3.
#include <cstdint>
#include <vector>

#include "core/survival/cox_cholesky.hpp"
#include "core/survival/cox_request.hpp"

namespace itp {

// coxph.control()'s defaults.
struct CoxControl {
  double eps = 1e-9;                    // relative change of the log-likelihood to stop at
  double toler_chol = 1.8189894035458617e-12;  // .Machine$double.eps^0.75: singular pivots
  int iter_max = 20;
  double toler_inf = 3.1622776601683795e-05;   // sqrt(eps): "coefficient may be infinite"
};

struct CoxFit {
  std::vector<double> coef;  // 0 where singular (R shows NA)
  SquareMatrix var;          // inverse information at coef; 0 rows/columns where singular
  double loglik_null = 0;    // at beta = 0
  double loglik = 0;         // at coef
  double score_test = 0;     // score test at beta = 0: U' I^-1 U
  int iterations = 0;        // as R's fit$iter (iter_max + 1 when it ran out)
  bool converged = true;
  int rank = 0;              // of the information matrix, as cholesky2 found it
  std::vector<bool> singular;  // redundant column: no estimate (R's NA)
  // Converged, but the next Newton step still moves the coefficient: the log-likelihood
  // flattened out while it heads to infinity (complete separation). coxph's rule.
  std::vector<bool> infinite;
  // As coxph.fit: "Ran out of iterations" with max(lp) > 500 or a non-finite step.
  bool may_be_infinite_not_converged = false;
  std::vector<double> linear_predictor;  // per row, centred by the column means, as R's
};

// x: one vector per column of the design, a value per row; time already merged as aeqSurv
// does; event 1/0; stratum per row (all 0 without strata). Needs at least one event and one
// column.
CoxFit fit_cox(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
               const std::vector<std::uint32_t>& stratum,
               const std::vector<std::vector<double>>& x, CoxTies ties,
               const CoxControl& control = {});

}  // namespace itp
