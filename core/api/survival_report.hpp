#pragma once
// The "survival" analysis: Kaplan-Meier per group, its quantiles, the curve at chosen times,
// the risk table, the G-rho test and the reverse Kaplan-Meier follow-up, as one JSON object
// (DESIGN §4).
#include "core/api/json_output.hpp"
#include "core/api/survival_request.hpp"
#include "core/api/survival_rows.hpp"
#include "core/io/problem_log.hpp"

namespace itp {

Json survival_report(const SurvivalRows& rows, const SurvivalRequest& request, ProblemLog& log);

}  // namespace itp
