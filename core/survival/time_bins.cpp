#include "core/survival/time_bins.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <numeric>

namespace itp {
namespace {

constexpr std::uint32_t kEmpty = UINT32_MAX;

std::uint64_t bits_of(double time) {
  if (time == 0) time = 0;  // -0.0 and 0.0 are the same time
  std::uint64_t bits;
  std::memcpy(&bits, &time, sizeof bits);
  return bits;
}

}  // namespace

TimeIndex::TimeIndex() : slots_(1024, Slot{0, kEmpty}), mask_(1023), shift_(64 - 10) {}

std::size_t TimeIndex::home(std::uint64_t key) const {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_) & mask_;
}

std::uint32_t TimeIndex::id_of(double time) {
  if (time == 0) time = 0;  // -0.0 and 0.0 are the same time
  if (std::uint32_t* direct = direct_slot(time))
    return *direct != kEmpty ? *direct : claim(*direct, time);
  std::size_t slot = home(bits_of(time));
  while (slots_[slot].id != kEmpty) {
    if (slots_[slot].time == time) return slots_[slot].id;
    slot = (slot + 1) & mask_;
  }
  const std::uint32_t id = static_cast<std::uint32_t>(times_.size());
  slots_[slot] = {time, id};
  times_.push_back(time);
  if (times_.size() * 4 > slots_.size() * 3) grow();  // load factor at most 3/4
  return id;
}

std::uint32_t TimeIndex::id_of(PlainDecimal time) {
  // Trailing zeros do not change the time (12.50 is 12.5), nor which table holds it.
  while (time.decimals > 0 && time.digits % 10 == 0) {
    time.digits /= 10;
    --time.decimals;
  }
  // A whole q is in the first table at q. A time of q tenths, q not a multiple of ten, is not
  // whole, and its double times ten is q again for every q below the limit (the test checks
  // them all), so direct_slot puts it in the second table at q. Hundredths may fail that
  // round trip and go to the hash table: they take the general path.
  if (time.decimals > 1 || time.digits >= kDirectLimit) return id_of(time.value());
  std::uint32_t& id = direct_id(time.decimals, static_cast<std::uint32_t>(time.digits));
  return id != kEmpty ? id : claim(id, time.value());
}

std::uint32_t* TimeIndex::direct_slot(double time) {
  // Whole units, then tenths, then hundredths: the first scale at which the time is a whole
  // number q that gives the time back exactly (q / scale == time, so that no two times share a
  // q). A time goes to the same table every time it is met, whatever came before it.
  static constexpr double kScales[kDirectTables] = {1, 10, 100};
  for (std::size_t t = 0; t < kDirectTables; ++t) {
    const double scaled = time * kScales[t];
    if (!(scaled >= 0 && scaled < static_cast<double>(kDirectLimit))) return nullptr;
    const auto q = static_cast<std::uint32_t>(scaled);
    if (static_cast<double>(q) != scaled || static_cast<double>(q) / kScales[t] != time) continue;
    return &direct_id(t, q);
  }
  return nullptr;
}

std::uint32_t& TimeIndex::direct_id(std::size_t table, std::uint32_t q) {
  std::vector<std::uint32_t>& ids = direct_[table];
  if (q >= ids.size()) ids.resize(std::max<std::size_t>(q + 1, ids.size() * 2), kEmpty);
  return ids[q];
}

std::uint32_t TimeIndex::claim(std::uint32_t& id, double time) {
  id = static_cast<std::uint32_t>(times_.size());
  times_.push_back(time);
  return id;
}

void TimeIndex::grow() {
  const std::size_t capacity = slots_.size() * 2;
  slots_.assign(capacity, Slot{0, kEmpty});
  mask_ = capacity - 1;
  --shift_;
  for (std::uint32_t id = 0; id < times_.size(); ++id) {
    std::size_t slot = home(bits_of(times_[id]));
    while (slots_[slot].id != kEmpty) slot = (slot + 1) & mask_;
    slots_[slot] = {times_[id], id};
  }
}

TimeBins::TimeBins(const std::vector<double>& times_by_id, const std::vector<bool>& used) {
  std::vector<std::uint32_t> ids;
  for (std::uint32_t id = 0; id < times_by_id.size(); ++id)
    if (used.empty() || used[id]) ids.push_back(id);
  std::sort(ids.begin(), ids.end(),
            [&](std::uint32_t a, std::uint32_t b) { return times_by_id[a] < times_by_id[b]; });

  // aeqSurv: all.equal's tolerance, absolute or relative to the mean of the distinct |times|.
  const double tolerance = std::sqrt(DBL_EPSILON);
  double mean_abs = 0;
  for (std::uint32_t id : ids) mean_abs += std::fabs(times_by_id[id]);
  if (!ids.empty()) mean_abs /= static_cast<double>(ids.size());

  bin_of_id_.assign(times_by_id.size(), kEmpty);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const double value = times_by_id[ids[i]];
    bool tied = false;
    if (i > 0) {
      const double dy = value - times_by_id[ids[i - 1]];
      tied = dy <= tolerance || dy / mean_abs <= tolerance;
    }
    if (!tied) time_.push_back(value);
    bin_of_id_[ids[i]] = static_cast<std::uint32_t>(time_.size() - 1);
  }
}

}  // namespace itp
