#pragma once
// Distinct event/censoring times, with near-equal times merged as R's aeqSurv does. Everything
// downstream (Kaplan-Meier, log-rank) works on bins, so a million rows with a few thousand
// distinct days cost one pass, not a sort of the rows.
#include <cstdint>
#include <vector>

namespace itp {

// Open-addressing map from a time (by its bit pattern) to a small index. The distinct times of
// a cohort file are few, so the table stays in cache while every row is looked up.
class TimeIndex {
 public:
  explicit TimeIndex(std::size_t expected_distinct = 1024);
  std::uint32_t insert(double time);       // the slot of `time`, added if new
  std::uint32_t find(double time) const;   // `time` must have been inserted
  std::size_t capacity() const { return keys_.size(); }
  bool used(std::size_t slot) const { return used_[slot] != 0; }
  double time_at(std::size_t slot) const;

 private:
  std::size_t home(std::uint64_t key) const;
  void rehash(std::size_t capacity);
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint8_t> used_;
  std::size_t mask_ = 0;
  int shift_ = 0;
  std::size_t size_ = 0;
};

class TimeBins {
 public:
  // Bins `times` (finite, non-negative). Two consecutive distinct values y[i] < y[i+1] fall in
  // the same bin when y[i+1] - y[i] <= tol or (y[i+1] - y[i]) / mean|y| <= tol, with
  // tol = sqrt(DBL_EPSILON) and the mean over the distinct values, chaining along runs; a bin
  // reports its smallest value. This is the tie rule of survival::aeqSurv (Therneau, "tied
  // times" in the survival package's methods document), used by survfit and survdiff.
  explicit TimeBins(const std::vector<double>& times);
  // The same over the rows whose curve is not kNoCurve (see event_counts.hpp).
  TimeBins(const std::vector<double>& times, const std::vector<std::uint32_t>& curve_of_row);

  const std::vector<double>& times() const { return time_; }  // ascending, one per bin
  std::size_t size() const { return time_.size(); }
  // The bin of a time that was among those binned.
  std::uint32_t bin_of(double time) const { return bin_of_slot_[index_.find(time)]; }

 private:
  void bin(const std::vector<double>& times, const std::vector<std::uint32_t>* curve_of_row);
  TimeIndex index_;
  std::vector<std::uint32_t> bin_of_slot_;
  std::vector<double> time_;
};

}  // namespace itp
