#pragma once
// The cohort report of docs/design.md §5: every part, in the order the design lists them.
#include <vector>

#include "core/json/json_writer.hpp"
#include "core/cohort/cohort.hpp"
#include "core/io/problem_log.hpp"
#include "core/report/report_options.hpp"
#include "core/response/criteria.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

// Writes the members patients, table1, prior_treatments, infusions, follow_up, response,
// time_to_response, rfs, os and safety into the object `out` has open.
void write_cohort_report(JsonWriter& out, const Cohort& cohort,
                         const std::vector<PatientResponse>& responses,
                         const ResponseCriteria& criteria, const ReportOptions& options,
                         ProblemLog& log);

}  // namespace itp
