#pragma once
// Harrell's concordance of a Cox model's risk score with the observed times, with its standard
// error, as coxph reports it (summary(fit)$concordance, from survival's concordancefit with
// timewt "n" and reverse = TRUE). A pair is comparable when one member has an event before the
// other's time (or at it, the other censored), within one stratum; a higher risk score for the
// earlier event is concordant; equal scores count one half; two events at one time are not
// compared. The standard error is the infinitesimal jackknife: each row's share of the
// concordant, discordant and tied pairs gives its influence on Somers' d = 2C - 1.
// Reference: Therneau and Atkinson, "Concordance" (vignette of the survival package).
#include <cstdint>
#include <vector>

namespace itp {

struct Concordance {
  double estimate = 0;  // NaN without a comparable pair
  double std_err = 0;
  // Pairs, as coxph counts them once reversed: higher risk dying first is concordant.
  double concordant = 0, discordant = 0, tied_risk = 0;
};

// time merged as aeqSurv does; event 1/0; stratum per row; risk the linear predictor. Each
// stratum costs O(n log n): rows in time order, counts kept in Fenwick trees over the ranks of
// the risk score.
Concordance cox_concordance(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                            const std::vector<std::uint32_t>& stratum,
                            const std::vector<double>& risk);

}  // namespace itp
