#pragma once
// The generalised Cholesky decomposition A = F D F' (F unit lower triangular, D diagonal) that
// R's coxph uses for its information matrix and its Wald test (survival's cholesky2, chsolve2,
// chinv2). A pivot below `tolerance` times the largest diagonal is taken as 0: its column is
// redundant (collinear covariates), its coefficient is not estimated and its row and column of
// the inverse are 0. Same arithmetic, in the same order, so that R's singular cases are ours.
#include <cstddef>
#include <vector>

namespace itp {

// A square matrix, element (i, j) at data[i * n + j].
struct SquareMatrix {
  explicit SquareMatrix(std::size_t size = 0) : n(size), data(size * size, 0.0) {}
  double& operator()(std::size_t i, std::size_t j) { return data[i * n + j]; }
  double operator()(std::size_t i, std::size_t j) const { return data[i * n + j]; }
  std::size_t n;
  std::vector<double> data;
};

// Factors the symmetric matrix `m` (read from its upper triangle, i <= j) in place: D on the
// diagonal, F below it. Returns the rank, negated when a pivot is clearly negative (the matrix
// is not non-negative definite).
int ldl_factor(SquareMatrix& m, double tolerance);

// Solves (F D F') x = y in place with a factored `m`; x is 0 where D is 0.
void ldl_solve(const SquareMatrix& m, std::vector<double>& y);

// The inverse of F D F' from a factored `m`, symmetric, with 0 rows and columns where D is 0
// (a generalised inverse).
SquareMatrix ldl_inverse(SquareMatrix m);

}  // namespace itp
