#pragma once
// RFS among responders and OS of the cohort as the survival object of docs/design.md §4, in weeks
// and in months, with the number-at-risk table at the report's times.
#include <vector>

#include "core/json/json_writer.hpp"
#include "core/io/problem_log.hpp"
#include "core/report/report_options.hpp"
#include "core/report/time_units.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

// `which`: &PatientResponse::rfs or &PatientResponse::os. Writes {"n", "weeks": survival,
// "months": survival}, or null when no patient has the data.
void write_time_to_event(JsonWriter& out, const std::vector<PatientResponse>& responses,
                         std::optional<TimeToEvent> PatientResponse::*which,
                         const std::vector<double>& risk_weeks,
                         const std::vector<double>& risk_months, const ReportOptions& options,
                         ProblemLog& log);

}  // namespace itp
