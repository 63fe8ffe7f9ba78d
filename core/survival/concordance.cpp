#include "core/survival/concordance.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace itp {
namespace {

// Counts of rows by rank of the risk score: how many below, at and above a rank.
class RankCounts {
 public:
  explicit RankCounts(std::size_t ranks) : tree_(ranks + 1, 0), at_(ranks, 0) {}
  void add(std::size_t rank) {
    ++at_[rank];
    ++total_;
    for (std::size_t i = rank + 1; i < tree_.size(); i += i & (~i + 1)) ++tree_[i];
  }
  std::int64_t below(std::size_t rank) const {
    std::int64_t sum = 0;
    for (std::size_t i = rank; i > 0; i -= i & (~i + 1)) sum += tree_[i];
    return sum;
  }
  std::int64_t at(std::size_t rank) const { return at_[rank]; }
  std::int64_t above(std::size_t rank) const { return total_ - below(rank) - at_[rank]; }

 private:
  std::vector<std::int64_t> tree_;  // Fenwick tree, 1-based
  std::vector<std::int64_t> at_;
  std::int64_t total_ = 0;
};

// Per row: comparable pairs it is in, by class from the point of view of the earlier event:
// [0] the event has the lower score (concordant before coxph reverses), [1] the higher,
// [2] tied scores.
using Shares = std::array<std::int64_t, 3>;

// One stratum's rows (indexes into the data). Adds its pairs to `pairs` and each row's
// shares to `share`.
void count_stratum(std::vector<std::size_t>& rows, const std::vector<double>& time,
                   const std::vector<std::uint8_t>& event, const std::vector<std::uint32_t>& rank,
                   std::size_t ranks, Shares& pairs, std::vector<Shares>& share) {
  // Latest time first; at one time the censored rows first: they are at risk at that time.
  std::sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    if (time[a] != time[b]) return time[a] > time[b];
    return event[a] < event[b];
  });
  RankCounts at_risk(ranks), deaths(ranks);
  // A row's share as a member of later events' risk sets: the deaths counted after it joined.
  auto joins = [&](std::size_t row) {
    const std::size_t r = rank[row];
    share[row][0] -= deaths.below(r);
    share[row][1] -= deaths.above(r);
    share[row][2] -= deaths.at(r);
    at_risk.add(r);
  };
  for (std::size_t first = 0; first < rows.size();) {
    std::size_t end = first;
    while (end < rows.size() && time[rows[end]] == time[rows[first]]) ++end;
    std::size_t first_death = first;
    while (first_death < end && event[rows[first_death]] == 0) joins(rows[first_death++]);
    for (std::size_t k = first_death; k < end; ++k) {  // each event against the risk set
      const std::size_t row = rows[k], r = rank[row];
      const Shares s = {at_risk.above(r), at_risk.below(r), at_risk.at(r)};
      for (int c = 0; c < 3; ++c) {
        pairs[c] += s[c];
        share[row][c] += s[c];
      }
    }
    for (std::size_t k = first_death; k < end; ++k) deaths.add(rank[rows[k]]);
    for (std::size_t k = first_death; k < end; ++k) joins(rows[k]);  // tied events not compared
    first = end;
  }
  for (std::size_t row : rows) {
    const std::size_t r = rank[row];
    share[row][0] += deaths.below(r);
    share[row][1] += deaths.above(r);
    share[row][2] += deaths.at(r);
  }
}

}  // namespace

Concordance cox_concordance(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                            const std::vector<std::uint32_t>& stratum,
                            const std::vector<double>& risk) {
  const std::size_t n = time.size();
  // Ranks of the risk score, equal scores (exactly, as R's match()) one rank.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return risk[a] < risk[b]; });
  std::vector<std::uint32_t> rank(n);
  std::uint32_t ranks = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0 && risk[order[k]] != risk[order[k - 1]]) ++ranks;
    rank[order[k]] = ranks;
  }
  if (n > 0) ++ranks;

  std::uint32_t strata = 0;
  for (std::uint32_t s : stratum) strata = std::max(strata, s + 1);
  std::vector<std::vector<std::size_t>> rows_of(strata);
  for (std::size_t i = 0; i < n; ++i) rows_of[stratum[i]].push_back(i);
  Shares pairs = {0, 0, 0};
  std::vector<Shares> share(n, Shares{0, 0, 0});
  for (std::vector<std::size_t>& rows : rows_of) {
    count_stratum(rows, time, event, rank, ranks, pairs, share);
    rows = {};
  }

  Concordance c;
  const double concordant = static_cast<double>(pairs[0]);
  const double discordant = static_cast<double>(pairs[1]);
  const double tied = static_cast<double>(pairs[2]);
  const double npair = concordant + discordant + tied;
  // Somers' d and its influence per row (concordancefit's dfbeta); var(C) = var(d) / 4.
  const double somers_d = (concordant - discordant) / npair;
  double sum_squares = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Shares& s = share[i];
    const double dfbeta = static_cast<double>(s[0] - s[1]) / npair -
                          (somers_d / npair) * static_cast<double>(s[0] + s[1] + s[2]);
    sum_squares += dfbeta * dfbeta;
  }
  // coxph reverses the score (a higher risk predicts a shorter time).
  c.estimate = 1 - (somers_d + 1) / 2;
  c.std_err = std::sqrt(sum_squares / 4);
  c.concordant = discordant;
  c.discordant = concordant;
  c.tied_risk = tied;
  return c;
}

}  // namespace itp
