#pragma once
// Distinct event/censoring times, with near-equal times merged as R's aeqSurv does, and the
// bin of every observation. Everything downstream (Kaplan-Meier, log-rank) works on bins, so
// a million rows with a few thousand distinct days cost one pass, not a sort of the rows.
#include <cstdint>
#include <vector>

namespace itp {

struct TimeBins {
  std::vector<double> time;          // ascending; the value each bin reports (its smallest time)
  std::vector<std::uint32_t> of_row; // bin index of each input row (same order as the input)
};

// Bins `times` (finite, non-negative). Two consecutive distinct values y[i] < y[i+1] fall in
// the same bin when y[i+1] - y[i] <= tol or (y[i+1] - y[i]) / mean|y| <= tol, with
// tol = sqrt(DBL_EPSILON) and the mean over the distinct values, chaining along runs; a bin is
// reported at its smallest value. This is the tie rule of survival::aeqSurv (Therneau,
// "tied times" in the survival package's methods document), used by survfit and survdiff.
TimeBins bin_times(const std::vector<double>& times);

}  // namespace itp
