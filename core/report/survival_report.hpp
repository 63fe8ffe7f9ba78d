#pragma once
// The "survival" analysis: Kaplan-Meier per group, its quantiles, the curve at chosen times,
// the risk table, the G-rho test and the reverse Kaplan-Meier follow-up, written as the
// "survival" object of docs/design.md §4.
#include "core/json/json_writer.hpp"
#include "core/survival/survival_request.hpp"
#include "core/survival/survival_rows.hpp"
#include "core/io/problem_log.hpp"

namespace itp {

void write_survival_report(JsonWriter& out, const SurvivalRows& rows,
                           const SurvivalRequest& request, ProblemLog& log);

}  // namespace itp
