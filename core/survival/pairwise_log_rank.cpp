#include "core/survival/pairwise_log_rank.hpp"

#include "core/survival/event_counts.hpp"
#include "core/survival/time_bins.hpp"

namespace itp {

std::vector<PairTest> pairwise_log_rank(const SurvivalRows& rows, bool has_strata, double rho) {
  const std::size_t groups = rows.group_names.size();
  const std::size_t strata = has_strata ? rows.strata_names.size() : 1;
  std::vector<PairTest> pairs;
  std::vector<std::uint32_t> curve(rows.time_id.size());
  std::vector<bool> used(rows.distinct_times.size());
  for (std::size_t a = 0; a < groups; ++a) {
    for (std::size_t b = a + 1; b < groups; ++b) {
      // Curve (stratum, 0 or 1) for the pair's rows, none for the others; only the pair's
      // times take part in the tie rule.
      std::fill(used.begin(), used.end(), false);
      for (std::size_t i = 0; i < rows.time_id.size(); ++i) {
        const std::uint32_t g = rows.group[i];
        const std::uint32_t s = has_strata ? rows.stratum[i] : 0;
        if ((g != a && g != b) || s == kNoCurve) {
          curve[i] = kNoCurve;
          continue;
        }
        curve[i] = static_cast<std::uint32_t>(s * 2 + (g == b ? 1 : 0));
        used[rows.time_id[i]] = true;
      }
      const std::vector<EventCounts> flat = tabulate_events(
          TimeBins(rows.distinct_times, used), rows.time_id, rows.event, curve, strata * 2);
      std::vector<std::vector<EventCounts>> by_stratum;
      for (std::size_t s = 0; s < strata; ++s)
        by_stratum.emplace_back(flat.begin() + s * 2, flat.begin() + (s + 1) * 2);
      pairs.push_back({a, b, log_rank_test(by_stratum, rho)});
    }
  }
  return pairs;
}

}  // namespace itp
