#pragma once
// Distinct event/censoring times, numbered as rows are read, then merged into bins as R's
// aeqSurv merges near-equal times. Rows carry a 4-byte time id, and everything downstream
// (Kaplan-Meier, log-rank) works on bins: a million rows with a few thousand distinct days cost
// one pass, not a sort of the rows.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/io/cell_values.hpp"

namespace itp {

// Gives each distinct time a dense id, in order of first appearance, by open addressing on the
// time's bit pattern.
class TimeIndex {
 public:
  TimeIndex();
  std::uint32_t id_of(double time);  // adds the time when it is new
  // The same id as id_of(time.value()), found from the digits where they name a table's slot
  // directly: a row's time is read once, not converted, scaled and checked again.
  std::uint32_t id_of(PlainDecimal time);
  const std::vector<double>& times() const { return times_; }  // by id
  std::vector<double> take_times() { return std::move(times_); }

 private:
  std::size_t home(std::uint64_t key) const;
  void grow();
  // Where the id of a time of a few decimals lives, or nullptr for a time of the hash table.
  std::uint32_t* direct_slot(double time);
  std::uint32_t& direct_id(std::size_t table, std::uint32_t q);  // kEmpty when q is new
  std::uint32_t claim(std::uint32_t& id, double time);  // numbers a new time into a free id
  static constexpr std::size_t kDirectTables = 3;
  static constexpr std::uint32_t kDirectLimit = 1u << 20;
  std::vector<std::uint32_t> direct_[kDirectTables];
  // Each slot holds its time beside its id (kEmpty when free), so that a probe reads one place:
  // with tens of thousands of distinct times the table is out of the first-level cache either
  // way, and a lookup that read the id, then the time in times_, waited for two misses
  // (docs/decisions.md, "The survival request's time index").
  struct Slot {
    double time;
    std::uint32_t id;
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = 0;
  std::vector<double> times_;
};

class TimeBins {
 public:
  // Bins distinct times (finite, non-negative), given by id; ids with used[id] false (when
  // `used` is given) get no bin. Two consecutive distinct values y[i] < y[i+1] fall in the
  // same bin when y[i+1] - y[i] <= tol or (y[i+1] - y[i]) / mean|y| <= tol, with
  // tol = sqrt(DBL_EPSILON) and the mean over the distinct values, chaining along runs; a bin
  // reports its smallest value. This is the tie rule of survival::aeqSurv (Therneau, "tied
  // times" in the survival package's methods document), used by survfit and survdiff.
  explicit TimeBins(const std::vector<double>& times_by_id, const std::vector<bool>& used = {});

  const std::vector<double>& times() const { return time_; }  // ascending, one per bin
  std::size_t size() const { return time_.size(); }
  std::uint32_t bin_of(std::uint32_t time_id) const { return bin_of_id_[time_id]; }

 private:
  std::vector<std::uint32_t> bin_of_id_;
  std::vector<double> time_;
};

}  // namespace itp
