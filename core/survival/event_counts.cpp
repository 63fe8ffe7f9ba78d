#include "core/survival/event_counts.hpp"

#include <numeric>
#include <utility>

namespace itp {

std::int64_t EventCounts::total() const {
  return std::accumulate(n_event.begin(), n_event.end(), std::int64_t{0}) +
         std::accumulate(n_censor.begin(), n_censor.end(), std::int64_t{0});
}

std::vector<EventCounts> tabulate_events(const TimeBins& bins,
                                         const std::vector<std::uint8_t>& event,
                                         const std::vector<std::uint32_t>& curve_of_row,
                                         std::size_t curve_count) {
  // Counting sort of the rows by bin, then one walk in time order appending to each curve.
  const std::size_t bin_count = bins.time.size();
  std::vector<std::uint32_t> first_of_bin(bin_count + 1, 0);
  for (std::uint32_t bin : bins.of_row) ++first_of_bin[bin + 1];
  for (std::size_t b = 0; b < bin_count; ++b) first_of_bin[b + 1] += first_of_bin[b];
  std::vector<std::uint32_t> rows_by_bin(bins.of_row.size());
  {
    std::vector<std::uint32_t> next = first_of_bin;
    for (std::size_t row = 0; row < bins.of_row.size(); ++row)
      rows_by_bin[next[bins.of_row[row]]++] = static_cast<std::uint32_t>(row);
  }

  std::vector<EventCounts> curves(curve_count);
  std::vector<std::uint32_t> last_bin(curve_count, UINT32_MAX);
  for (std::uint32_t row : rows_by_bin) {
    std::uint32_t curve = curve_of_row[row];
    if (curve == kNoCurve) continue;
    std::uint32_t bin = bins.of_row[row];
    EventCounts& c = curves[curve];
    if (last_bin[curve] != bin) {
      last_bin[curve] = bin;
      c.time.push_back(bins.time[bin]);
      c.n_event.push_back(0);
      c.n_censor.push_back(0);
    }
    if (event[row]) ++c.n_event.back();
    else ++c.n_censor.back();
  }
  return curves;
}

EventCounts swap_events_and_censorings(EventCounts counts) {
  std::swap(counts.n_event, counts.n_censor);
  return counts;
}

}  // namespace itp
