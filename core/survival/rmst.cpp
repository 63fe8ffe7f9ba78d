#include "core/survival/rmst.hpp"

namespace itp {

RestrictedMean restricted_mean(const KaplanMeier& km, double tau) {
  // The curve's steps up to tau: times t_1 < ... < t_k <= tau, then tau itself.
  std::size_t k = 0;
  while (k < km.size() && km.time[k] <= tau) ++k;
  double estimate = 0, previous_time = 0, previous_surv = 1;
  for (std::size_t j = 0; j < k; ++j) {
    estimate += (km.time[j] - previous_time) * previous_surv;
    previous_time = km.time[j];
    previous_surv = km.surv[j];
  }
  const double last_piece = (tau - previous_time) * previous_surv;
  estimate += last_piece;

  // From the right: area_after is A_j, the area from t_j to tau.
  double variance = 0, area_after = last_piece;
  for (std::size_t j = k; j-- > 0;) {
    const double n = static_cast<double>(km.n_risk[j]);
    const double d = static_cast<double>(km.n_event[j]);
    if (n > d) variance += area_after * area_after * d / (n * (n - d));
    if (j > 0) area_after += (km.time[j] - km.time[j - 1]) * km.surv[j - 1];
  }
  return {tau, estimate, variance};
}

}  // namespace itp
