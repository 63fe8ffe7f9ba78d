#include "core/survival/confidence_band.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/numeric/distributions.hpp"
#include "core/numeric/portable_math.hpp"

namespace itp {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kHalfPi = 1.57079632679489661923;
using portable::asin;
using portable::exp;
using portable::log;
using portable::sin;

// R's pmin/pmax keep NA; std::min/std::max would silently drop a NaN.
double min_keep_nan(double a, double b) { return std::isnan(a) || std::isnan(b) ? kNaN : std::fmin(a, b); }
double max_keep_nan(double a, double b) { return std::isnan(a) || std::isnan(b) ? kNaN : std::fmax(a, b); }

struct Limits {
  double lower;
  double upper;
};

// One point. s = S(t), se = sd(log S(t)), z = the normal quantile. Formulas as in Kalbfleisch &
// Prentice (2002) and Klein & Moeschberger (2003, §4.3), with R's edge rules: where se = 0 the
// limits equal S; log(0) and logit/log-log at 0 or 1 give NA.
Limits limits_at(double s, double se, double z, ConfType type) {
  switch (type) {
    case ConfType::plain: {  // S ± z·se(S), se(S) = S·se(log S), clipped to [0, 1]
      const double half = se * s * z;
      return {max_keep_nan(s - half, 0.0), min_keep_nan(s + half, 1.0)};
    }
    case ConfType::log: {  // exp(log S ± z·se)
      if (se == 0) return {s, s};
      if (s == 0) return {kNaN, kNaN};
      return {exp(log(s) - z * se), min_keep_nan(exp(log(s) + z * se), 1.0)};
    }
    case ConfType::log_log: {  // exp(-exp(log(-log S) ∓ z·se / log S))
      if (se == 0) return {s, s};
      if (s == 0 || s == 1) return {kNaN, kNaN};
      const double shift = z * se / log(s);
      const double loglog = log(-log(s));
      return {exp(-exp(loglog - shift)), exp(-exp(loglog + shift))};
    }
    case ConfType::logit: {  // logit S ± z·se / (1 - S)
      if (se == 0) return {s, s};
      if (s == 0) return {kNaN, kNaN};
      const double shift = z * se * (1 + s / (1 - s));
      const double logit = log(s / (1 - s));
      return {1 - 1 / (1 + exp(logit - shift)), 1 - 1 / (1 + exp(logit + shift))};
    }
    case ConfType::arcsin: {  // asin(sqrt S) ± z·se·sqrt(S / (1 - S)) / 2
      if (s == 0) return {kNaN, kNaN};
      const double shift = 0.5 * z * se * std::sqrt(s / (1 - s));
      const double angle = asin(std::sqrt(s));
      const double lo = sin(max_keep_nan(0.0, angle - shift));
      const double hi = sin(min_keep_nan(kHalfPi, angle + shift));
      return {lo * lo, hi * hi};
    }
    case ConfType::none:
      return {kNaN, kNaN};
  }
  return {kNaN, kNaN};
}

}  // namespace

std::optional<ConfType> conf_type_from_name(std::string_view name) {
  if (name == "log") return ConfType::log;
  if (name == "log-log") return ConfType::log_log;
  if (name == "plain") return ConfType::plain;
  if (name == "logit") return ConfType::logit;
  if (name == "arcsin") return ConfType::arcsin;
  if (name == "none") return ConfType::none;
  return std::nullopt;
}

std::string conf_type_name(ConfType type) {
  switch (type) {
    case ConfType::log: return "log";
    case ConfType::log_log: return "log-log";
    case ConfType::plain: return "plain";
    case ConfType::logit: return "logit";
    case ConfType::arcsin: return "arcsin";
    case ConfType::none: return "none";
  }
  return "none";
}

ConfidenceBand confidence_band(const std::vector<double>& surv,
                               const std::vector<double>& std_err_log, ConfType type,
                               double level) {
  if (!(level > 0 && level < 1)) throw std::invalid_argument("confidence level must be in (0, 1)");
  const double z = quantile(StandardNormal{}, 1 - (1 - level) / 2);
  ConfidenceBand band;
  band.type = type;
  band.lower.resize(surv.size());
  band.upper.resize(surv.size());
  for (std::size_t i = 0; i < surv.size(); ++i) {
    const Limits l = limits_at(surv[i], std_err_log[i], z, type);
    band.lower[i] = l.lower;
    band.upper[i] = l.upper;
  }
  return band;
}

}  // namespace itp
