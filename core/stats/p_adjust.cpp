#include "core/stats/p_adjust.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace itp {

std::optional<PAdjustMethod> p_adjust_method_from_name(const std::string& name) {
  if (name == "none") return PAdjustMethod::none;
  if (name == "bonferroni") return PAdjustMethod::bonferroni;
  if (name == "holm") return PAdjustMethod::holm;
  if (name == "BH" || name == "fdr") return PAdjustMethod::benjamini_hochberg;
  return std::nullopt;
}

const char* p_adjust_method_name(PAdjustMethod method) {
  switch (method) {
    case PAdjustMethod::none: return "none";
    case PAdjustMethod::bonferroni: return "bonferroni";
    case PAdjustMethod::holm: return "holm";
    case PAdjustMethod::benjamini_hochberg: return "BH";
  }
  return "none";
}

std::vector<double> p_adjust(const std::vector<double>& p, PAdjustMethod method) {
  std::vector<std::size_t> present;  // the p-values that are there, by position
  for (std::size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) present.push_back(i);
  const double n = static_cast<double>(present.size());
  std::vector<double> adjusted = p;
  if (method == PAdjustMethod::none || present.size() <= 1) return adjusted;

  if (method == PAdjustMethod::bonferroni) {
    for (std::size_t i : present) adjusted[i] = std::fmin(1.0, n * p[i]);
    return adjusted;
  }
  // Holm: ascending p, the i-th (from 1) times n - i + 1, made non-decreasing.
  // BH: descending p, the i-th from the top (rank n - k) times n / rank, made non-increasing.
  // Stable sorts keep tied p-values in their given order, as R's order() does.
  std::vector<std::size_t> order = present;
  if (method == PAdjustMethod::holm) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    double running = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      running = std::fmax(running, (n - static_cast<double>(k)) * p[order[k]]);
      adjusted[order[k]] = std::fmin(1.0, running);
    }
  } else {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] > p[b]; });
    double running = INFINITY;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const double rank = n - static_cast<double>(k);
      running = std::fmin(running, n / rank * p[order[k]]);
      adjusted[order[k]] = std::fmin(1.0, running);
    }
  }
  return adjusted;
}

}  // namespace itp
