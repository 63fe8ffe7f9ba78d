#include "core/survival/landmark.hpp"

#include "core/survival/event_counts.hpp"

namespace itp {

std::size_t keep_rows_after_landmark(SurvivalRows& rows, double landmark) {
  const bool has_group = !rows.group.empty(), has_strata = !rows.stratum.empty();
  TimeIndex shifted;  // the same subtraction R's time - L makes, so equal inputs stay equal
  std::vector<std::uint32_t> new_id(rows.distinct_times.size(), kNoCurve);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < rows.time_id.size(); ++i) {
    const std::uint32_t id = rows.time_id[i];
    const double time = rows.distinct_times[id];
    if (!(time > landmark)) continue;
    if (new_id[id] == kNoCurve) new_id[id] = shifted.id_of(time - landmark);
    rows.time_id[kept] = new_id[id];
    rows.event[kept] = rows.event[i];
    if (has_group) rows.group[kept] = rows.group[i];
    if (has_strata) rows.stratum[kept] = rows.stratum[i];
    ++kept;
  }
  const std::size_t left_out = rows.time_id.size() - kept;
  rows.time_id.resize(kept);
  rows.event.resize(kept);
  if (has_group) rows.group.resize(kept);
  if (has_strata) {
    rows.stratum.resize(kept);
    rows.excluded_from_test = 0;
    for (std::uint32_t s : rows.stratum) rows.excluded_from_test += s == kNoCurve;
  }
  rows.distinct_times = shifted.take_times();
  return left_out;
}

}  // namespace itp
