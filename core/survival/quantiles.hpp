#pragma once
// Quantiles of survival time read off a Kaplan-Meier curve and its confidence band. NaN means
// "not reached" (JSON null).
#include <vector>

#include "core/survival/confidence_band.hpp"
#include "core/survival/kaplan_meier.hpp"

namespace itp {

struct QuantileEstimate {
  double probability;  // of the event: 0.5 is the median, 0.25 the time S drops to 0.75
  double estimate;
  double lower;
  double upper;
};

// The median and its limits as print.survfit reports them: the first time S(t) (resp. the lower
// and upper curves) is at or below 0.5, or, where the curve is flat at 0.5 within sqrt(eps),
// the midpoint between that stretch's start and the next drop (Brookmeyer & Crowley 1982 for
// the limits).
QuantileEstimate median_as_printed(const KaplanMeier& km, const ConfidenceBand& band);

// The quantile as quantile.survfit computes it, with the same midpoint rule for a flat stretch
// at 1 - p and the curve's last time standing in for the drop when the flat runs to the end.
QuantileEstimate quantile_as_computed(const KaplanMeier& km, const ConfidenceBand& band,
                                      double probability);

}  // namespace itp
