#pragma once
// The "cif" analysis (competing risks, docs/design.md §4.1): per group and cause the cumulative
// incidence with its variance and limits, at chosen times too, and Gray's test per cause,
// written as the "cif" object of the answer.
#include "core/io/problem_log.hpp"
#include "core/json/json_writer.hpp"
#include "core/survival/cif_request.hpp"
#include "core/survival/competing_rows.hpp"

namespace itp {

void write_cif_report(JsonWriter& out, const CompetingRows& rows, const CifRequest& request,
                      ProblemLog& log);

// One curve's columns {time, estimate, variance, lower, upper}, the limits on the log(-log)
// scale at `conf_level`: the shape of every cumulative incidence the core writes.
void write_incidence_columns(JsonWriter& out, const std::vector<double>& time,
                             const std::vector<double>& estimate,
                             const std::vector<double>& variance, double conf_level);

}  // namespace itp
