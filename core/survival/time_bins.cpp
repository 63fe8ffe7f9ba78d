#include "core/survival/time_bins.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace itp {
namespace {

std::uint64_t bits_of(double time) {
  if (time == 0) time = 0;  // -0.0 and 0.0 are the same time
  std::uint64_t bits;
  std::memcpy(&bits, &time, sizeof bits);
  return bits;
}

double time_at_bits(std::uint64_t bits) {
  double time;
  std::memcpy(&time, &bits, sizeof time);
  return time;
}

}  // namespace

TimeIndex::TimeIndex(std::size_t expected_distinct) {
  std::size_t capacity = 16;
  while (capacity < expected_distinct * 2) capacity *= 2;
  rehash(capacity);
}

std::size_t TimeIndex::home(std::uint64_t key) const {
  return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_) & mask_;
}

void TimeIndex::rehash(std::size_t capacity) {
  std::vector<std::uint64_t> old_keys = std::move(keys_);
  std::vector<std::uint8_t> old_used = std::move(used_);
  keys_.assign(capacity, 0);
  used_.assign(capacity, 0);
  mask_ = capacity - 1;
  shift_ = 64;
  for (std::size_t c = capacity; c > 1; c /= 2) --shift_;
  size_ = 0;
  for (std::size_t i = 0; i < old_keys.size(); ++i)
    if (old_used[i]) insert(time_at_bits(old_keys[i]));
}

double TimeIndex::time_at(std::size_t slot) const { return time_at_bits(keys_[slot]); }

std::uint32_t TimeIndex::insert(double time) {
  const std::uint64_t key = bits_of(time);
  std::size_t slot = home(key);
  while (used_[slot]) {
    if (keys_[slot] == key) return static_cast<std::uint32_t>(slot);
    slot = (slot + 1) & mask_;
  }
  if ((size_ + 1) * 2 > keys_.size()) {
    rehash(keys_.size() * 2);
    return insert(time);
  }
  used_[slot] = 1;
  keys_[slot] = key;
  ++size_;
  return static_cast<std::uint32_t>(slot);
}

std::uint32_t TimeIndex::find(double time) const {
  const std::uint64_t key = bits_of(time);
  std::size_t slot = home(key);
  while (!used_[slot] || keys_[slot] != key) slot = (slot + 1) & mask_;
  return static_cast<std::uint32_t>(slot);
}

TimeBins::TimeBins(const std::vector<double>& times) { bin(times, nullptr); }

TimeBins::TimeBins(const std::vector<double>& times,
                   const std::vector<std::uint32_t>& curve_of_row) {
  bin(times, &curve_of_row);
}

void TimeBins::bin(const std::vector<double>& times,
                   const std::vector<std::uint32_t>* curve_of_row) {
  constexpr std::uint32_t kLeftOut = UINT32_MAX;  // kNoCurve of event_counts.hpp
  for (std::size_t row = 0; row < times.size(); ++row)
    if (!curve_of_row || (*curve_of_row)[row] != kLeftOut) index_.insert(times[row]);

  std::vector<std::uint32_t> slots;
  for (std::size_t slot = 0; slot < index_.capacity(); ++slot)
    if (index_.used(slot)) slots.push_back(static_cast<std::uint32_t>(slot));
  std::sort(slots.begin(), slots.end(), [this](std::uint32_t a, std::uint32_t b) {
    return index_.time_at(a) < index_.time_at(b);
  });

  // aeqSurv: all.equal's tolerance, absolute or relative to the mean of the distinct |times|.
  const double tolerance = std::sqrt(DBL_EPSILON);
  double mean_abs = 0;
  for (std::uint32_t slot : slots) mean_abs += std::fabs(index_.time_at(slot));
  if (!slots.empty()) mean_abs /= static_cast<double>(slots.size());

  bin_of_slot_.assign(index_.capacity(), 0);
  double previous = 0;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const double value = index_.time_at(slots[i]);
    bool tied = false;
    if (i > 0) {
      const double dy = value - previous;
      tied = dy <= tolerance || dy / mean_abs <= tolerance;
    }
    if (!tied) time_.push_back(value);
    bin_of_slot_[slots[i]] = static_cast<std::uint32_t>(time_.size() - 1);
    previous = value;
  }
}

}  // namespace itp
