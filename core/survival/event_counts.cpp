#include "core/survival/event_counts.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace itp {
namespace {

void append(EventCounts& curve, double time, std::int64_t events, std::int64_t censorings) {
  curve.time.push_back(time);
  curve.n_event.push_back(events);
  curve.n_censor.push_back(censorings);
}

void reserve(EventCounts& curve, std::size_t rows) {
  curve.time.reserve(rows);
  curve.n_event.reserve(rows);
  curve.n_censor.reserve(rows);
}

// Few curves × bins (days in a cohort): one counter per cell, filled in a single pass.
std::vector<EventCounts> tabulate_dense(const TimeBins& bins, const std::vector<std::uint32_t>& time_id,
                                        const std::vector<std::uint8_t>& event,
                                        const std::vector<std::uint32_t>& curve_of_row,
                                        std::size_t curve_count) {
  const std::size_t bin_count = bins.size();
  std::vector<std::uint32_t> events(curve_count * bin_count, 0), censored(events.size(), 0);
  for (std::size_t row = 0; row < time_id.size(); ++row) {
    const std::uint32_t curve = curve_of_row.empty() ? 0 : curve_of_row[row];
    if (curve == kNoCurve) continue;
    const std::size_t cell = curve * bin_count + bins.bin_of(time_id[row]);
    if (event[row]) ++events[cell];
    else ++censored[cell];
  }
  std::vector<EventCounts> curves(curve_count);
  for (std::size_t c = 0; c < curve_count; ++c) {
    std::size_t rows = 0;  // reserved exactly: these tables are a large part of the memory used
    for (std::size_t b = 0; b < bin_count; ++b)
      rows += events[c * bin_count + b] + censored[c * bin_count + b] > 0;
    reserve(curves[c], rows);
    for (std::size_t b = 0; b < bin_count; ++b) {
      const std::size_t cell = c * bin_count + b;
      if (events[cell] + censored[cell] > 0)
        append(curves[c], bins.times()[b], events[cell], censored[cell]);
    }
  }
  return curves;
}

// Many distinct times (continuous data): a counting sort of the rows by bin, then one walk in
// time order appending to each curve.
std::vector<EventCounts> tabulate_sparse(const TimeBins& bins, const std::vector<std::uint32_t>& time_id,
                                         const std::vector<std::uint8_t>& event,
                                         const std::vector<std::uint32_t>& curve_of_row,
                                         std::size_t curve_count) {
  const std::size_t bin_count = bins.size();
  auto curve_of = [&](std::size_t row) { return curve_of_row.empty() ? 0 : curve_of_row[row]; };
  std::vector<std::uint32_t> bin_of_row(time_id.size(), 0);
  std::vector<std::uint32_t> next_of_bin(bin_count + 1, 0);
  std::size_t kept = 0;
  for (std::size_t row = 0; row < time_id.size(); ++row) {
    if (curve_of(row) == kNoCurve) continue;  // its time may have no bin
    bin_of_row[row] = bins.bin_of(time_id[row]);
    ++next_of_bin[bin_of_row[row] + 1];
    ++kept;
  }
  for (std::size_t b = 0; b < bin_count; ++b) next_of_bin[b + 1] += next_of_bin[b];
  std::vector<std::uint32_t> rows_by_bin(kept);
  for (std::size_t row = 0; row < time_id.size(); ++row)
    if (curve_of(row) != kNoCurve)
      rows_by_bin[next_of_bin[bin_of_row[row]]++] = static_cast<std::uint32_t>(row);

  std::vector<EventCounts> curves(curve_count);
  std::vector<std::uint32_t> last_bin(curve_count, UINT32_MAX);
  for (std::uint32_t row : rows_by_bin) {
    const std::uint32_t curve = curve_of(row);
    EventCounts& c = curves[curve];
    if (last_bin[curve] != bin_of_row[row]) {
      last_bin[curve] = bin_of_row[row];
      append(c, bins.times()[bin_of_row[row]], 0, 0);
    }
    ++(event[row] ? c.n_event : c.n_censor).back();
  }
  for (EventCounts& c : curves) {
    c.time.shrink_to_fit();
    c.n_event.shrink_to_fit();
    c.n_censor.shrink_to_fit();
  }
  return curves;
}

}  // namespace

std::int64_t EventCounts::total() const {
  return std::accumulate(n_event.begin(), n_event.end(), std::int64_t{0}) +
         std::accumulate(n_censor.begin(), n_censor.end(), std::int64_t{0});
}

std::vector<EventCounts> tabulate_events(const TimeBins& bins,
                                         const std::vector<std::uint32_t>& time_id,
                                         const std::vector<std::uint8_t>& event,
                                         const std::vector<std::uint32_t>& curve_of_row,
                                         std::size_t curve_count) {
  // The dense table costs 8 bytes a cell, the sort 8 bytes a row: take the smaller.
  const bool dense = curve_count * bins.size() <= time_id.size() + 4096;
  return dense ? tabulate_dense(bins, time_id, event, curve_of_row, curve_count)
               : tabulate_sparse(bins, time_id, event, curve_of_row, curve_count);
}

EventCounts pool_curves(const std::vector<EventCounts>& curves) {
  // A k-way merge by time; times are bin values, equal exactly when they are the same bin.
  EventCounts pooled;
  std::vector<std::size_t> next(curves.size(), 0);
  for (;;) {
    double now = std::numeric_limits<double>::infinity();
    for (std::size_t c = 0; c < curves.size(); ++c)
      if (next[c] < curves[c].time.size()) now = std::fmin(now, curves[c].time[next[c]]);
    if (std::isinf(now)) {
      pooled.time.shrink_to_fit();
      pooled.n_event.shrink_to_fit();
      pooled.n_censor.shrink_to_fit();
      return pooled;
    }
    append(pooled, now, 0, 0);
    for (std::size_t c = 0; c < curves.size(); ++c) {
      if (next[c] < curves[c].time.size() && curves[c].time[next[c]] == now) {
        pooled.n_event.back() += curves[c].n_event[next[c]];
        pooled.n_censor.back() += curves[c].n_censor[next[c]];
        ++next[c];
      }
    }
  }
}

EventCounts swap_events_and_censorings(EventCounts counts) {
  std::swap(counts.n_event, counts.n_censor);
  return counts;
}

}  // namespace itp
