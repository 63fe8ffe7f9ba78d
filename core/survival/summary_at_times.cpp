#include "core/survival/summary_at_times.hpp"

#include <algorithm>
#include <cmath>

namespace itp {

SummaryAtTimes summary_at_times(const KaplanMeier& km, const ConfidenceBand& band,
                                const std::vector<double>& increasing_times) {
  SummaryAtTimes s;
  if (km.size() == 0) return s;
  // R reads the curve with a row at time 0 in front (survfit0: S = 1, se = 0, limits 1, or NA
  // without a band, no events) unless its first time is 0; that row is read here without
  // copying the curve to add it.
  const bool has_zero_row = km.time.front() != 0;
  const double zero_row_limit = band.type == ConfType::none ? std::nan("") : 1.0;
  const double last_time = km.time.back();

  // Cumulative counts, so a sum over (previous, t] is a difference.
  std::vector<std::int64_t> cum_event(km.size() + 1, 0), cum_censor(km.size() + 1, 0);
  for (std::size_t i = 0; i < km.size(); ++i) {
    cum_event[i + 1] = cum_event[i] + km.n_event[i];
    cum_censor[i + 1] = cum_censor[i] + km.n_censor[i];
  }

  std::size_t previous_rows = 0;  // rows at or before the previous chosen time
  for (double t : increasing_times) {
    if (t > last_time) continue;
    // rows_upto: rows with time <= t; rows_before: rows with time < t.
    const std::size_t rows_upto = std::upper_bound(km.time.begin(), km.time.end(), t) - km.time.begin();
    const std::size_t rows_before = std::lower_bound(km.time.begin(), km.time.end(), t) - km.time.begin();
    s.time.push_back(t);
    if (rows_upto == 0 && has_zero_row) {
      s.surv.push_back(1);
      s.std_err.push_back(0);
      s.lower.push_back(zero_row_limit);
      s.upper.push_back(zero_row_limit);
    } else {
      const std::size_t row = rows_upto == 0 ? 0 : rows_upto - 1;  // the curve's value at t
      s.surv.push_back(km.surv[row]);
      s.std_err.push_back(km.std_err_log[row] * km.surv[row]);
      s.lower.push_back(band.lower[row]);
      s.upper.push_back(band.upper[row]);
    }
    s.n_risk.push_back(rows_before < km.size() ? km.n_risk[rows_before] : 0);
    s.n_event.push_back(cum_event[rows_upto] - cum_event[previous_rows]);
    s.n_censor.push_back(cum_censor[rows_upto] - cum_censor[previous_rows]);
    previous_rows = rows_upto;
  }
  return s;
}

}  // namespace itp
