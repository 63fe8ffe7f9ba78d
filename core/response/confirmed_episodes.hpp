#pragma once
// Confirmation, for responses and for their loss alike (docs/design.md, "The response rule"): an
// episode is a run of consecutive assessed counts that all meet a condition; it is confirmed
// from count i when the run holds at least `counts` counts from i on and its last count is at
// least `min_days_apart` days after i. IWG 2009: two counts at least 7 days apart, every count
// between them at the level too (Rodeghiero et al., Blood 2009;113:2386-93).
#include <vector>

#include "core/response/count_assessment.hpp"

namespace itp {

struct Episodes {
  std::vector<bool> starts;  // a confirmed episode starts at this count
  std::vector<bool> within;  // this count lies within a confirmed episode (first to last count)
};

template <typename Meets>
Episodes confirmed_episodes(const std::vector<AssessedCount>& counts, Meets meets,
                            const Confirmation& confirmation) {
  const std::size_t n = counts.size();
  Episodes e{std::vector<bool>(n, false), std::vector<bool>(n, false)};
  const auto needed = static_cast<std::size_t>(confirmation.counts);
  for (std::size_t first = 0; first < n;) {
    if (!meets(counts[first])) {
      ++first;
      continue;
    }
    std::size_t last = first;
    while (last + 1 < n && meets(counts[last + 1])) ++last;
    const auto confirmed_from = [&](std::size_t i) {
      return last - i + 1 >= needed &&
             counts[last].day - counts[i].day >= confirmation.min_days_apart;
    };
    for (std::size_t i = first; i <= last; ++i) {
      e.starts[i] = confirmed_from(i);
      e.within[i] = confirmed_from(first);
    }
    first = last + 1;
  }
  return e;
}

// For each assessed count, the best level at which a confirmed response starts at it, and the
// best level of a confirmed response it lies within (CR counts are R counts too).
struct ConfirmedLevels {
  std::vector<ResponseLevel> starts;
  std::vector<ResponseLevel> within;
};

ConfirmedLevels confirmed_levels(const std::vector<AssessedCount>& counts,
                                 const Confirmation& confirmation);

}  // namespace itp
