#include "core/survival/summary_at_times.hpp"

#include <algorithm>
#include <cmath>

namespace itp {
namespace {

// The curve with a row at time 0 in front (S = 1, se = 0, limits 1, no events), as
// survival::survfit0 adds it, unless the first time is already 0. Without a band the limits
// stay NA there too.
struct CurveFromZero {
  std::vector<double> time, surv, std_err, lower, upper;
  std::vector<std::int64_t> n_risk, n_event, n_censor;
};

CurveFromZero from_zero(const KaplanMeier& km, const ConfidenceBand& band) {
  CurveFromZero c;
  const bool add_zero = km.size() == 0 || km.time.front() != 0;
  if (add_zero) {
    c.time.push_back(0);
    c.surv.push_back(1);
    c.std_err.push_back(0);
    const double limit = band.type == ConfType::none ? std::nan("") : 1.0;
    c.lower.push_back(limit);
    c.upper.push_back(limit);
    c.n_risk.push_back(km.size() ? km.n_risk.front() : 0);
    c.n_event.push_back(0);
    c.n_censor.push_back(0);
  }
  for (std::size_t i = 0; i < km.size(); ++i) {
    c.time.push_back(km.time[i]);
    c.surv.push_back(km.surv[i]);
    c.std_err.push_back(km.std_err_log[i] * km.surv[i]);
    c.lower.push_back(band.lower[i]);
    c.upper.push_back(band.upper[i]);
    c.n_risk.push_back(km.n_risk[i]);
    c.n_event.push_back(km.n_event[i]);
    c.n_censor.push_back(km.n_censor[i]);
  }
  return c;
}

}  // namespace

SummaryAtTimes summary_at_times(const KaplanMeier& km, const ConfidenceBand& band,
                                const std::vector<double>& increasing_times) {
  const CurveFromZero c = from_zero(km, band);
  const double last_time = c.time.back();

  // Cumulative counts so a sum over (previous, t] is a difference.
  std::vector<std::int64_t> cum_event(c.time.size() + 1, 0), cum_censor(c.time.size() + 1, 0);
  for (std::size_t i = 0; i < c.time.size(); ++i) {
    cum_event[i + 1] = cum_event[i] + c.n_event[i];
    cum_censor[i + 1] = cum_censor[i] + c.n_censor[i];
  }

  SummaryAtTimes s;
  std::size_t previous_rows = 0;  // rows at or before the previous chosen time
  for (double t : increasing_times) {
    if (t > last_time) continue;
    // rows_upto: rows with time <= t; rows_before: rows with time < t.
    const std::size_t rows_upto = std::upper_bound(c.time.begin(), c.time.end(), t) - c.time.begin();
    const std::size_t rows_before = std::lower_bound(c.time.begin(), c.time.end(), t) - c.time.begin();
    const std::size_t row = rows_upto == 0 ? 0 : rows_upto - 1;  // the curve's value at t
    s.time.push_back(t);
    s.surv.push_back(c.surv[row]);
    s.std_err.push_back(c.std_err[row]);
    s.lower.push_back(c.lower[row]);
    s.upper.push_back(c.upper[row]);
    s.n_risk.push_back(rows_before < c.time.size() ? c.n_risk[rows_before] : 0);
    s.n_event.push_back(cum_event[rows_upto] - cum_event[previous_rows]);
    s.n_censor.push_back(cum_censor[rows_upto] - cum_censor[previous_rows]);
    previous_rows = rows_upto;
  }
  return s;
}

}  // namespace itp
