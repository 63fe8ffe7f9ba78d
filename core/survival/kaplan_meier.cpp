#include "core/survival/kaplan_meier.hpp"

#include <cmath>

namespace itp {

KaplanMeier kaplan_meier(EventCounts counts) {
  KaplanMeier km;
  const std::size_t n = counts.time.size();
  km.time = std::move(counts.time);
  km.n_event = std::move(counts.n_event);
  km.n_censor = std::move(counts.n_censor);
  km.n_risk.resize(n);
  km.surv.resize(n);
  km.std_err_log.resize(n);

  // n_risk(t_i) = subjects whose time is >= t_i.
  std::int64_t at_risk = 0;
  for (std::size_t i = n; i-- > 0;) {
    at_risk += km.n_event[i] + km.n_censor[i];
    km.n_risk[i] = at_risk;
  }

  // S(t) = prod_{t_i <= t} (1 - d_i / n_i)                       (Kaplan & Meier 1958)
  // var(log S(t)) = sum_{t_i <= t} d_i / (n_i (n_i - d_i))         (Greenwood 1926)
  // When d_i = n_i the Greenwood term is d/0 = +inf, as in R: S is 0 and its log undefined.
  double surv = 1.0;
  double greenwood = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double d = static_cast<double>(km.n_event[i]);
    const double r = static_cast<double>(km.n_risk[i]);
    if (d > 0) {
      surv *= (r - d) / r;
      greenwood += d / (r * (r - d));
    }
    km.surv[i] = surv;
    km.std_err_log[i] = std::sqrt(greenwood);
  }
  return km;
}

}  // namespace itp
