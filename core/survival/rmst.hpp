#pragma once
// The restricted mean survival time up to tau: the area under the Kaplan-Meier curve from 0 to
// tau, with its variance, as survival's print(fit, rmean = tau) gives them (survmean).
//   RMST = sum over the curve's steps up to tau of width x S, with S = 1 before the first time;
//   Var  = sum over times t_j <= tau of A_j^2 x d_j / (n_j (n_j - d_j)), where A_j is the area
//          under the curve from t_j to tau (a term is 0 where n_j = d_j), Greenwood's weights
//          (Klein & Moeschberger, Survival Analysis, 2nd ed., §4.5).
// A tau after the curve's last time extends its last value to tau.
#include "core/survival/kaplan_meier.hpp"

namespace itp {

struct RestrictedMean {
  double tau;
  double estimate;
  double variance;
};

RestrictedMean restricted_mean(const KaplanMeier& km, double tau);

}  // namespace itp
