#pragma once
// Small helpers for tests that build survival data by hand.
#include <cstdint>
#include <vector>

#include "core/survival/event_counts.hpp"
#include "core/survival/time_bins.hpp"

namespace itp::testing {

struct Subject {
  double time;
  bool event;
  std::uint32_t group = 0;
};

// Tabulates subjects into one curve per group, with the tie rule of survfit.
inline std::vector<EventCounts> curves_of(const std::vector<Subject>& subjects,
                                          std::size_t group_count = 1) {
  TimeIndex times;
  std::vector<std::uint32_t> time_id;
  std::vector<std::uint8_t> event;
  std::vector<std::uint32_t> group;
  for (const Subject& s : subjects) {
    time_id.push_back(times.id_of(s.time));
    event.push_back(s.event ? 1 : 0);
    group.push_back(s.group);
  }
  return tabulate_events(TimeBins(times.times()), time_id, event, group, group_count);
}

}  // namespace itp::testing
