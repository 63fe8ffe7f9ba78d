#pragma once
// Events and censorings tabulated at each distinct time of each curve: the sufficient
// statistics of Kaplan-Meier and log-rank, built in one linear pass over the rows.
#include <cstdint>
#include <vector>

#include "core/survival/time_bins.hpp"

namespace itp {

// One curve's counts at its distinct times, ascending. Times with neither event nor censoring
// do not appear.
struct EventCounts {
  std::vector<double> time;
  std::vector<std::int64_t> n_event;
  std::vector<std::int64_t> n_censor;

  std::int64_t total() const;  // subjects in the curve
};

inline constexpr std::uint32_t kNoCurve = UINT32_MAX;

// Tabulates every row into curve `curve_of_row[row]` (rows with kNoCurve are left out; an empty
// `curve_of_row` puts every row in curve 0), at the bin of `time_id[row]`; `event[row]` is 1 for an
// event, 0 for a censoring.
std::vector<EventCounts> tabulate_events(const TimeBins& bins,
                                         const std::vector<std::uint32_t>& time_id,
                                         const std::vector<std::uint8_t>& event,
                                         const std::vector<std::uint32_t>& curve_of_row,
                                         std::size_t curve_count);

// The curves added together: the subjects of all of them in one curve.
EventCounts pool_curves(const std::vector<EventCounts>& curves);

// The same subjects with events and censorings swapped: the curve of time to censoring, whose
// Kaplan-Meier median is the "reverse Kaplan-Meier" median follow-up (Schemper & Smith 1996).
EventCounts swap_events_and_censorings(EventCounts counts);

}  // namespace itp
