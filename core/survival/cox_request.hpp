#pragma once
// What a Cox proportional hazards model is asked for (as R's summary(coxph(...))): which table,
// the time and event columns, the covariates, optional strata, the tie method and the level of
// the hazard ratios' limits. Read from a request's JSON by core/api/parse_cox_request.hpp.
#include <optional>
#include <string>
#include <vector>

namespace itp {

enum class CoxTies { efron, breslow };

struct CoxRequest {
  std::string table;
  std::string time_column;
  std::string event_column;
  // In model order. A column every present cell of which is a number is a numeric covariate;
  // any other is a factor with treatment contrasts, its first level the reference (cox_design).
  std::vector<std::string> covariates;
  // strata(): each stratum has its own baseline hazard.
  std::optional<std::string> strata_column;
  CoxTies ties = CoxTies::efron;
  double conf_level = 0.95;
  // Cell values meaning "event" and "censored" when the column uses its own codes, as in the
  // survival request. Empty: 1/0 (or 2/1 as R's Surv reads a 1/2 column), yes/no, ...
  std::vector<std::string> event_values;
  std::vector<std::string> censor_values;
};

}  // namespace itp
