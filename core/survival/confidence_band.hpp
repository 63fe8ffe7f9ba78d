#pragma once
// Pointwise confidence limits of a survival curve, by the transformations survival::survfit
// offers. NaN marks a limit R reports as NA.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace itp {

enum class ConfType { log, log_log, plain, logit, arcsin, none };

std::optional<ConfType> conf_type_from_name(std::string_view name);  // "log", "log-log", ...
std::string conf_type_name(ConfType type);

struct ConfidenceBand {
  ConfType type = ConfType::none;
  std::vector<double> lower;
  std::vector<double> upper;
};

// `surv` and `std_err_log` (the standard error of log S) as KaplanMeier holds them; `level` in
// (0, 1). For ConfType::none both limits are NaN.
ConfidenceBand confidence_band(const std::vector<double>& surv,
                               const std::vector<double>& std_err_log, ConfType type,
                               double level);

}  // namespace itp
