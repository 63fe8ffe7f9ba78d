#pragma once
// What a survival analysis is asked for: which table and columns, and how to summarise them
// (docs/design.md §4). Read from a request's JSON by core/api/parse_survival_request.hpp.
#include <optional>
#include <string>
#include <vector>

#include "core/survival/confidence_band.hpp"

namespace itp {

struct SurvivalRequest {
  std::string table;
  std::string time_column;
  std::string event_column;
  std::optional<std::string> group_column;
  std::optional<std::string> strata_column;
  ConfType conf_type = ConfType::log;
  double conf_level = 0.95;
  // Chosen times, sorted and each once (a summary over intervals needs them so).
  std::vector<double> times;                     // for at_times, as summary(fit, times =)
  std::optional<std::vector<double>> risk_times; // for the risk table; default: axis ticks
  bool times_reordered = false;                  // the request's lists were not so
  double rho = 0;
  // Restricted mean survival time up to this time, per group and between groups.
  std::optional<double> rmst_tau;
  // Each pair of groups tested on its own rows, p adjusted by this method of R's p.adjust
  // ("holm", "bonferroni", "BH", "none").
  std::optional<std::string> pairwise;
  // The log-rank test for trend, with one score per group (empty: 1, 2, 3, ... in group order).
  bool trend = false;
  std::vector<double> trend_scores;
  // Only the rows at risk after this time, on time since it (core/survival/landmark.hpp).
  std::optional<double> landmark;
  // For a figure: at most this many rows in each curve's "table" (first and last row of each
  // of max/2 equal time spans, the counts of the rows left out added to the next one kept).
  // Unset: every row, as R's survfit gives them.
  std::optional<std::size_t> table_rows_max;
  // Cell values meaning "event" and "censored" when the column uses its own codes
  // (compared without letter case or surrounding spaces). Empty: 1/0, yes/no, ...
  std::vector<std::string> event_values;
  std::vector<std::string> censor_values;
};

}  // namespace itp
