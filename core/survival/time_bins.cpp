#include "core/survival/time_bins.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace itp {
namespace {

// Open-addressing set of doubles keyed by their bit pattern. The distinct times of a cohort
// file are few (days), so the table stays in cache and the pass over the rows is linear.
class DistinctTimes {
 public:
  explicit DistinctTimes(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    resize(capacity);
  }

  // Returns the slot of `value`, inserting it when new.
  std::uint32_t insert(double value) {
    std::uint64_t key = bits(value);
    std::size_t slot = hash(key);
    while (used_[slot]) {
      if (keys_[slot] == key) return static_cast<std::uint32_t>(slot);
      slot = (slot + 1) & mask_;
    }
    used_[slot] = 1;
    keys_[slot] = key;
    if (++size_ * 2 > keys_.size()) {
      grow();
      return find(value);
    }
    return static_cast<std::uint32_t>(slot);
  }

  std::uint32_t find(double value) const {
    std::uint64_t key = bits(value);
    std::size_t slot = hash(key);
    while (keys_[slot] != key || !used_[slot]) slot = (slot + 1) & mask_;
    return static_cast<std::uint32_t>(slot);
  }

  std::size_t capacity() const { return keys_.size(); }
  bool used(std::size_t slot) const { return used_[slot] != 0; }
  double value(std::size_t slot) const {
    double v;
    std::memcpy(&v, &keys_[slot], sizeof v);
    return v;
  }

 private:
  static std::uint64_t bits(double value) {
    if (value == 0) value = 0;  // -0.0 and 0.0 are the same time
    std::uint64_t b;
    std::memcpy(&b, &value, sizeof b);
    return b;
  }
  std::size_t hash(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_) & mask_;
  }
  void resize(std::size_t capacity) {
    keys_.assign(capacity, 0);
    used_.assign(capacity, 0);
    mask_ = capacity - 1;
    shift_ = 64 - static_cast<int>(std::log2(static_cast<double>(capacity)));
    size_ = 0;
  }
  void grow() {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint8_t> old_used = std::move(used_);
    resize(old_keys.size() * 2);
    for (std::size_t i = 0; i < old_keys.size(); ++i) {
      if (!old_used[i]) continue;
      double v;
      std::memcpy(&v, &old_keys[i], sizeof v);
      insert(v);
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint8_t> used_;
  std::size_t mask_ = 0;
  int shift_ = 0;
  std::size_t size_ = 0;
};

}  // namespace

TimeBins bin_times(const std::vector<double>& times) {
  DistinctTimes distinct(std::min<std::size_t>(times.size(), 1u << 16));
  for (double t : times) distinct.insert(t);

  struct Entry {
    double value;
    std::uint32_t slot;
  };
  std::vector<Entry> sorted;
  for (std::size_t slot = 0; slot < distinct.capacity(); ++slot)
    if (distinct.used(slot)) sorted.push_back({distinct.value(slot), static_cast<std::uint32_t>(slot)});
  std::sort(sorted.begin(), sorted.end(),
            [](const Entry& a, const Entry& b) { return a.value < b.value; });

  // aeqSurv: tolerance as all.equal's, relative to the mean of the distinct absolute values.
  const double tolerance = std::sqrt(DBL_EPSILON);
  double mean_abs = 0;
  for (const Entry& e : sorted) mean_abs += std::fabs(e.value);
  if (!sorted.empty()) mean_abs /= static_cast<double>(sorted.size());

  TimeBins bins;
  std::vector<std::uint32_t> bin_of_slot(distinct.capacity());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    bool tied = false;
    if (i > 0) {
      double dy = sorted[i].value - sorted[i - 1].value;
      tied = dy <= tolerance || dy / mean_abs <= tolerance;
    }
    if (!tied) bins.time.push_back(sorted[i].value);
    bin_of_slot[sorted[i].slot] = static_cast<std::uint32_t>(bins.time.size() - 1);
  }

  bins.of_row.resize(times.size());
  for (std::size_t row = 0; row < times.size(); ++row)
    bins.of_row[row] = bin_of_slot[distinct.find(times[row])];
  return bins;
}

}  // namespace itp
