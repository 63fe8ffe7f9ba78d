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

}  // namespace itp
