#include "core/survival/gray_test.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/numeric/distributions.hpp"

namespace itp {
namespace {

// A square matrix stored row by row.
struct Square {
  explicit Square(std::size_t n) : n(n), cell(n * n, 0.) {}
  double& operator()(std::size_t i, std::size_t j) { return cell[i * n + j]; }
  double operator()(std::size_t i, std::size_t j) const { return cell[i * n + j]; }
  std::size_t n;
  std::vector<double> cell;
};

// What one stratum adds to the scores and their covariance. Symbols as in crstm: per group k,
// rs = number at risk, skmm/skm = its all-cause Kaplan-Meier just before/at t, f1m/f1 its
// cumulative incidence of the cause just before/at t; tr = sum rs/skmm, tq = sum rs(1-f1m)/skmm
// (the paper's sum of h_r and of R_r); f the pooled incidence.
void add_stratum(const TimeSortedRows& rows, std::size_t groups, std::size_t causes,
                 std::size_t cause, std::vector<double>& score, Square& cov) {
  const std::size_t g1 = groups - 1, width = causes + 1;
  std::vector<double> rs(groups, 0.), f1m(groups, 0.), f1(groups, 0.), skmm(groups, 1.),
      skm(groups, 1.), v3(groups, 0.);
  std::vector<std::int64_t> d_cause(groups), d_other(groups), d_all(groups);
  Square a(groups), c(groups), v2(groups);  // v2 uses rows 0..g1-1
  for (const auto& row : rows) rs[row.second / width] += 1;

  double fm = 0, f = 0;
  for (std::size_t first = 0, end = 0; first < rows.size(); first = end) {
    // The rows at this time: [first, end).
    end = first;
    while (end < rows.size() && rows[end].first == rows[first].first) ++end;
    std::fill(d_cause.begin(), d_cause.end(), 0);
    std::fill(d_other.begin(), d_other.end(), 0);
    std::fill(d_all.begin(), d_all.end(), 0);
    std::int64_t nd1 = 0, nd2 = 0;
    for (std::size_t i = first; i < end; ++i) {
      const std::size_t g = rows[i].second / width, status = rows[i].second % width;
      ++d_all[g];
      if (status == 1 + cause) {
        ++d_cause[g];
        ++nd1;
      } else if (status != 0) {
        ++d_other[g];
        ++nd2;
      }
    }
    if (nd1 > 0 || nd2 > 0) {
      double tr = 0, tq = 0;
      for (std::size_t g = 0; g < groups; ++g) {
        if (rs[g] <= 0) continue;
        const double td = static_cast<double>(d_cause[g] + d_other[g]);
        skm[g] = skmm[g] * (rs[g] - td) / rs[g];
        f1[g] = f1m[g] + (skmm[g] * static_cast<double>(d_cause[g])) / rs[g];
        tr = tr + rs[g] / skmm[g];
        tq = tq + rs[g] * (1 - f1m[g]) / skmm[g];
      }
      const double n1 = static_cast<double>(nd1);
      f = fm + n1 / tr;
      // a: the weights of the score's terms; c accumulates their derivative in the pooled
      // incidence. rho = 0: the weight function (1 - fm)^rho is 1.
      for (std::size_t i = 0; i < groups; ++i) {
        for (std::size_t j = i; j < groups; ++j) a(i, j) = 0;
        if (rs[i] <= 0) continue;
        const double t1 = rs[i] / skmm[i];
        a(i, i) = t1 * (1 - t1 / tr);
        if (a(i, i) != 0) c(i, i) = c(i, i) + a(i, i) * n1 / (tr * (1 - fm));
        for (std::size_t j = i + 1; j < groups; ++j) {
          if (rs[j] <= 0) continue;
          a(i, j) = -(t1 * rs[j] / (skmm[j] * tr));
          if (a(i, j) != 0) c(i, j) = c(i, j) + a(i, j) * n1 / (tr * (1 - fm));
        }
      }
      for (std::size_t i = 1; i < groups; ++i)
        for (std::size_t j = 0; j < i; ++j) {
          a(i, j) = a(j, i);
          c(i, j) = c(j, i);
        }
      for (std::size_t i = 0; i < g1; ++i) {
        if (rs[i] <= 0) continue;
        score[i] = score[i] + (static_cast<double>(d_cause[i]) -
                               n1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq));
      }
      if (nd1 > 0) {
        for (std::size_t k = 0; k < groups; ++k) {
          if (rs[k] <= 0) continue;
          const double t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1.;
          const double t5 = nd1 > 1 ? 1 - (n1 - 1) / (tr * skmm[k] - 1) : 1.;
          const double t3 = t5 * skmm[k] * n1 / (tr * rs[k]);
          v3[k] = v3[k] + t4 * t4 * t3;
          for (std::size_t i = 0; i < g1; ++i) {
            const double t1 = a(i, k) - t4 * c(i, k);
            v2(i, k) = v2(i, k) + t1 * t4 * t3;
            for (std::size_t j = 0; j <= i; ++j) {
              const double t2 = a(j, k) - t4 * c(j, k);
              cov(i, j) = cov(i, j) + t1 * t2 * t3;
            }
          }
        }
      }
      if (nd2 > 0) {
        for (std::size_t k = 0; k < groups; ++k) {
          if (skm[k] <= 0 || d_other[k] <= 0) continue;
          const double d2 = static_cast<double>(d_other[k]);
          const double t4 = (1 - f) / skm[k];
          const double t5 = d_other[k] > 1 ? 1 - (d2 - 1.) / (rs[k] - 1.) : 1.;
          const double t3 = t5 * ((skmm[k] * skmm[k]) * d2) / (rs[k] * rs[k]);
          v3[k] = v3[k] + t4 * t4 * t3;
          for (std::size_t i = 0; i < g1; ++i) {
            const double t1 = t4 * c(i, k);
            v2(i, k) = v2(i, k) - t1 * t4 * t3;
            for (std::size_t j = 0; j <= i; ++j) {
              const double t2 = t4 * c(j, k);
              cov(i, j) = cov(i, j) + t1 * t2 * t3;
            }
          }
        }
      }
    }
    for (std::size_t g = 0; g < groups; ++g) {
      rs[g] -= static_cast<double>(d_all[g]);
      f1m[g] = f1[g];
      skmm[g] = skm[g];
    }
    fm = f;
  }
  for (std::size_t i = 0; i < g1; ++i)
    for (std::size_t j = 0; j <= i; ++j)
      for (std::size_t k = 0; k < groups; ++k) {
        cov(i, j) = cov(i, j) + c(i, k) * c(j, k) * v3[k];
        cov(i, j) = cov(i, j) + c(i, k) * v2(j, k);
        cov(i, j) = cov(i, j) + c(j, k) * v2(i, k);
      }
}

double column_norm(const Square& m, std::size_t column, std::size_t from_row) {
  double sum = 0;
  for (std::size_t i = from_row; i < m.n; ++i) sum += m(i, column) * m(i, column);
  return std::sqrt(sum);
}

// s' V^-1 s, or NaN when V is not of full rank as R's qr() decides it (LINPACK dqrdc2 with
// tol = 1e-7: Householder steps, a column whose remaining norm falls below tol times its first
// norm is moved to the end and not used). The solve uses the same reflections: R x = Q' s.
double quadratic_form_or_nan(Square m, const std::vector<double>& s) {
  constexpr double kTol = 1e-7;
  const std::size_t n = m.n;
  std::vector<std::size_t> pivot(n);
  std::vector<double> norm(n), first_norm(n), diag(n);
  for (std::size_t j = 0; j < n; ++j) {
    pivot[j] = j;
    norm[j] = first_norm[j] = column_norm(m, j, 0);
    if (first_norm[j] == 0) first_norm[j] = 1;
  }
  std::size_t rank_end = n;  // columns from here on were found negligible
  std::vector<double> qts = s;
  for (std::size_t l = 0; l < n; ++l) {
    while (l < rank_end && norm[l] < first_norm[l] * kTol) {
      // Rotate column l to the end, with its bookkeeping.
      for (std::size_t i = 0; i < n; ++i) {
        const double moved = m(i, l);
        for (std::size_t j = l + 1; j < n; ++j) m(i, j - 1) = m(i, j);
        m(i, n - 1) = moved;
      }
      const std::size_t p = pivot[l];
      const double nl = norm[l], fl = first_norm[l];
      for (std::size_t j = l + 1; j < n; ++j) {
        pivot[j - 1] = pivot[j];
        norm[j - 1] = norm[j];
        first_norm[j - 1] = first_norm[j];
      }
      pivot[n - 1] = p;
      norm[n - 1] = nl;
      first_norm[n - 1] = fl;
      --rank_end;
    }
    if (l + 1 == n) break;
    double nrmxl = column_norm(m, l, l);
    if (nrmxl == 0) continue;
    if (m(l, l) != 0) nrmxl = std::copysign(nrmxl, m(l, l));
    for (std::size_t i = l; i < n; ++i) m(i, l) *= 1.0 / nrmxl;
    m(l, l) = 1.0 + m(l, l);
    for (std::size_t j = l + 1; j < n; ++j) {
      double dot = 0;
      for (std::size_t i = l; i < n; ++i) dot += m(i, l) * m(i, j);
      const double t = -dot / m(l, l);
      for (std::size_t i = l; i < n; ++i) m(i, j) += t * m(i, l);
      if (norm[j] == 0) continue;
      const double ratio = std::fabs(m(l, j)) / norm[j];
      const double shrink = std::max(1.0 - ratio * ratio, 0.0);
      // As dqrdc2: recompute a norm that has shrunk a lot rather than trust the update.
      if (std::fabs(shrink) >= 1e-6) norm[j] = norm[j] * std::sqrt(shrink);
      else norm[j] = column_norm(m, j, l + 1);
    }
    // Apply the reflection (I - u u'/u_l) to the right-hand side.
    double dot = 0;
    for (std::size_t i = l; i < n; ++i) dot += m(i, l) * qts[i];
    const double t = -dot / m(l, l);
    for (std::size_t i = l; i < n; ++i) qts[i] += t * m(i, l);
    diag[l] = -nrmxl;  // R's diagonal element; m(l, l) keeps the reflection's pivot entry
  }
  if (rank_end < n) return std::numeric_limits<double>::quiet_NaN();
  // Back substitution on R (above the diagonal in m, its diagonal in diag; the last column was
  // not reflected, so its diagonal is m itself).
  diag[n - 1] = m(n - 1, n - 1);
  std::vector<double> x(n);
  for (std::size_t r = n; r-- > 0;) {
    double sum = qts[r];
    for (std::size_t j = r + 1; j < n; ++j) sum -= m(r, j) * x[j];
    x[r] = sum / diag[r];
  }
  double form = 0;
  for (std::size_t j = 0; j < n; ++j) form += s[pivot[j]] * x[j];
  return form;
}

}  // namespace

GrayTest gray_test(const std::vector<TimeSortedRows>& by_stratum, std::size_t groups,
                   std::size_t causes, std::size_t cause) {
  GrayTest test;
  const std::size_t g1 = groups - 1;
  test.score.assign(g1, 0.);
  Square cov(g1);
  for (const TimeSortedRows& stratum : by_stratum) {
    std::vector<double> score(g1, 0.);
    Square part(g1);
    if (!stratum.empty()) add_stratum(stratum, groups, causes, cause, score, part);
    for (std::size_t i = 0; i < g1; ++i) {
      test.score[i] = test.score[i] + score[i];
      for (std::size_t j = 0; j <= i; ++j) cov(i, j) = cov(i, j) + part(i, j);
    }
  }
  for (std::size_t i = 0; i < g1; ++i)
    for (std::size_t j = 0; j < i; ++j) cov(j, i) = cov(i, j);
  test.variance = cov.cell;
  test.df = static_cast<int>(g1);
  test.stat = quadratic_form_or_nan(cov, test.score);
  test.singular = std::isnan(test.stat);
  test.p = test.singular ? test.stat : upper_tail(ChiSquared(test.df), test.stat);
  return test;
}

}  // namespace itp
