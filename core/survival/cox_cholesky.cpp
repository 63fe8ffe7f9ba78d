#include "core/survival/cox_cholesky.hpp"

#include <cmath>

namespace itp {

int ldl_factor(SquareMatrix& m, double tolerance) {
  const std::size_t n = m.n;
  double largest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (m(i, i) > largest) largest = m(i, i);
    for (std::size_t j = i + 1; j < n; ++j) m(j, i) = m(i, j);
  }
  // The threshold is relative to the largest diagonal: a covariate that is a combination of
  // others leaves a pivot of rounding size.
  const double threshold = largest == 0 ? tolerance : largest * tolerance;
  int rank = 0;
  bool non_negative = true;
  for (std::size_t i = 0; i < n; ++i) {
    const double pivot = m(i, i);
    if (!std::isfinite(pivot) || pivot < threshold) {
      m(i, i) = 0;
      if (pivot < -8 * threshold) non_negative = false;
      continue;
    }
    ++rank;
    for (std::size_t j = i + 1; j < n; ++j) {
      const double f = m(j, i) / pivot;
      m(j, i) = f;
      m(j, j) -= f * f * pivot;
      for (std::size_t k = j + 1; k < n; ++k) m(k, j) -= f * m(k, i);
    }
  }
  return non_negative ? rank : -rank;
}

void ldl_solve(const SquareMatrix& m, std::vector<double>& y) {
  const std::size_t n = m.n;
  for (std::size_t i = 0; i < n; ++i) {  // F b = y
    double b = y[i];
    for (std::size_t j = 0; j < i; ++j) b -= y[j] * m(i, j);
    y[i] = b;
  }
  for (std::size_t i = n; i-- > 0;) {  // D F' x = b
    if (m(i, i) == 0) {
      y[i] = 0;
      continue;
    }
    double x = y[i] / m(i, i);
    for (std::size_t j = i + 1; j < n; ++j) x -= y[j] * m(j, i);
    y[i] = x;
  }
}

SquareMatrix ldl_inverse(SquareMatrix m) {
  const std::size_t n = m.n;
  // F^-1 below the diagonal and D^-1 on it, column by column.
  for (std::size_t i = 0; i < n; ++i) {
    if (!(m(i, i) > 0)) continue;
    m(i, i) = 1 / m(i, i);
    for (std::size_t j = i + 1; j < n; ++j) {
      m(j, i) = -m(j, i);
      for (std::size_t k = 0; k < i; ++k) m(j, k) += m(j, i) * m(i, k);
    }
  }
  // (F D F')^-1 = F^-T D^-1 F^-1, into the upper triangle.
  for (std::size_t i = 0; i < n; ++i) {
    if (m(i, i) == 0) {
      for (std::size_t j = 0; j < i; ++j) m(j, i) = 0;
      for (std::size_t j = i; j < n; ++j) m(i, j) = 0;
      continue;
    }
    for (std::size_t j = i + 1; j < n; ++j) {
      const double t = m(j, i) * m(j, j);
      m(i, j) = t;
      for (std::size_t k = i; k < j; ++k) m(i, k) += t * m(j, k);
    }
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) m(i, j) = m(j, i);
  return m;
}

}  // namespace itp
