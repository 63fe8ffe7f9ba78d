#include "core/stats/fisher_exact.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>

#include "core/numeric/distributions.hpp"
#include "core/numeric/portable_math.hpp"

namespace itp {
namespace {

// fisher.test's relErr for 2 x 2 tables, and FEXACT's TOL ("the square root of the smallest
// relative spacing") for larger ones.
constexpr double kRelativeTolerance2x2 = 1e-7;
constexpr double kLogTolerance = 3.45254e-7;
// log k! from a table up to this k, from log_gamma beyond.
constexpr int kLogFactorialTable = 100000;

class LogFactorials {
 public:
  explicit LogFactorials(int largest) {
    const int size = std::min(largest, kLogFactorialTable) + 1;
    table_.reserve(static_cast<std::size_t>(size));
    for (int k = 0; k < size; ++k) table_.push_back(log_gamma(k + 1.0));
  }
  double operator()(int k) const {
    return k < static_cast<int>(table_.size()) ? table_[static_cast<std::size_t>(k)]
                                               : log_gamma(k + 1.0);
  }

 private:
  std::vector<double> table_;
};

struct Margins {
  std::vector<int> rows, columns;
  int total = 0;
};

Margins margins_of(const std::vector<std::vector<int>>& table) {
  if (table.size() < 2 || table.front().size() < 2)
    throw std::domain_error("Fisher's exact test needs at least 2 rows and 2 columns");
  Margins margins;
  margins.rows.assign(table.size(), 0);
  margins.columns.assign(table.front().size(), 0);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table[i].size() != margins.columns.size())
      throw std::domain_error("every row of a contingency table must have as many columns");
    for (std::size_t j = 0; j < table[i].size(); ++j) {
      const int count = table[i][j];
      if (count < 0) throw std::domain_error("a contingency table holds no negative count");
      total += count;
      if (total > std::numeric_limits<int>::max())
        throw std::domain_error("a contingency table's total must fit in an int");
      margins.rows[i] += count;
      margins.columns[j] += count;
    }
  }
  margins.total = static_cast<int>(total);
  return margins;
}

// 2 x 2, as fisher.test computes it: with m, n the column totals, k the first row's total and
// x the top-left count, x follows the hypergeometric distribution on lo..hi; its densities,
// divided by their largest and normalised to sum 1, are d; p = the sum of the d_s with
// d_s <= d_x (1 + relErr).
std::optional<double> fisher_2x2(const std::vector<std::vector<int>>& table, const Margins& margins,
                                 std::int64_t max_tables) {
  const int m = margins.columns[0], n = margins.columns[1], k = margins.rows[0];
  const int x = table[0][0];
  const int lo = std::max(0, k - n), hi = std::min(k, m);
  if (static_cast<std::int64_t>(hi) - lo + 1 > max_tables) return std::nullopt;
  const LogFactorials log_factorial(std::max({m, n, k, margins.rows[1], 1}));
  // log of the hypergeometric density up to a constant: -log(s! (k-s)! (m-s)! (n-k+s)!).
  std::vector<double> d(static_cast<std::size_t>(hi - lo + 1));
  double largest = -std::numeric_limits<double>::infinity();
  for (int s = lo; s <= hi; ++s) {
    const double log_d = -(log_factorial(s) + log_factorial(k - s) + log_factorial(m - s) +
                           log_factorial(n - k + s));
    d[static_cast<std::size_t>(s - lo)] = log_d;
    largest = std::max(largest, log_d);
  }
  double sum = 0;
  for (double& value : d) {
    value = portable::exp(value - largest);
    sum += value;
  }
  for (double& value : d) value /= sum;
  const double observed = d[static_cast<std::size_t>(x - lo)] * (1 + kRelativeTolerance2x2);
  double p = 0;
  for (double value : d) {
    if (value <= observed) p += value;
  }
  return std::min(p, 1.0);
}

// r x c: every table with the observed margins, by backtracking over the free cells, column by
// column (in each column the last row takes what is left of the column total, and the last
// column what is left of the row totals), with a loop rather than recursion so a table of many
// cells cannot exhaust the stack. log P(table) = constant - sum log x_ij!, with
// constant = sum log r_i! + sum log c_j! - log N! (the multivariate hypergeometric law).
// Returns nullopt once more than max_tables tables have been visited.
std::optional<double> enumerate_tables(const Margins& margins, const LogFactorials& log_factorial,
                                       double threshold, std::int64_t max_tables) {
  const std::size_t rows = margins.rows.size(), columns = margins.columns.size();
  const std::size_t free_rows = rows - 1;
  const std::size_t free_cells = free_rows * (columns - 1);
  double constant = -log_factorial(margins.total);
  for (int r : margins.rows) constant += log_factorial(r);
  for (int c : margins.columns) constant += log_factorial(c);

  std::vector<int> row_left = margins.rows;
  // Per free cell k (row k % free_rows, column k / free_rows): its count and largest count, and
  // before it is placed, what its column still needs and -sum log x! of the cells placed.
  std::vector<int> count(free_cells), largest(free_cells), column_left(free_cells + 1);
  std::vector<double> log_weight(free_cells + 1);

  auto place = [&](std::size_t k, int value) {
    const std::size_t i = k % free_rows, j = k / free_rows;
    row_left[i] -= value;
    double weight = log_weight[k] - log_factorial(value);
    const int rest = column_left[k] - value;
    if (i + 1 == free_rows) {  // the column's last row takes the rest
      row_left[rows - 1] -= rest;
      weight -= log_factorial(rest);
      column_left[k + 1] = j + 1 < columns ? margins.columns[j + 1] : 0;
    } else {
      column_left[k + 1] = rest;
    }
    log_weight[k + 1] = weight;
  };
  auto unplace = [&](std::size_t k, int value) {
    const std::size_t i = k % free_rows;
    row_left[i] += value;
    if (i + 1 == free_rows) row_left[rows - 1] += column_left[k] - value;
  };
  // The counts cell k can take: at most what its row and column have left, at least what the
  // rows below cannot hold.
  auto enter = [&](std::size_t k) {
    const std::size_t i = k % free_rows;
    int room_below = 0;
    for (std::size_t below = i + 1; below < rows; ++below) room_below += row_left[below];
    count[k] = std::max(0, column_left[k] - room_below);
    largest[k] = std::min(column_left[k], row_left[i]);
    place(k, count[k]);
  };

  std::int64_t tables = 0;
  double p = 0;
  column_left[0] = margins.columns[0];
  log_weight[0] = 0;
  std::size_t k = 0;
  enter(0);
  while (true) {
    if (k + 1 < free_cells) {
      enter(++k);
      continue;
    }
    // Every free cell placed: the last column is what the rows have left.
    double weight = log_weight[free_cells];
    for (int left : row_left) weight -= log_factorial(left);
    if (++tables > max_tables) return std::nullopt;
    if (weight <= threshold) p += portable::exp(constant + weight);
    // Next table: the deepest cell that can still grow grows by one.
    while (true) {
      unplace(k, count[k]);
      if (count[k] < largest[k]) {
        place(k, ++count[k]);
        break;
      }
      if (k == 0) return p;
      --k;
    }
  }
}

}  // namespace

std::optional<double> fisher_exact_p(const std::vector<std::vector<int>>& table,
                                     std::int64_t max_tables) {
  const Margins margins = margins_of(table);
  if (table.size() == 2 && margins.columns.size() == 2)
    return fisher_2x2(table, margins, max_tables);

  int largest_cell = 0;
  for (int r : margins.rows) {
    for (int c : margins.columns) largest_cell = std::max(largest_cell, std::min(r, c));
  }
  const LogFactorials log_factorial(std::max(largest_cell, 1));
  double observed = 0;
  for (const auto& row : table) {
    for (int count : row) observed -= log_factorial(count);
  }
  const std::optional<double> p =
      enumerate_tables(margins, log_factorial, observed + kLogTolerance, max_tables);
  if (!p) return std::nullopt;
  return std::max(0.0, std::min(1.0, *p));
}

}  // namespace itp
