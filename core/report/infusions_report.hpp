#pragma once
// Infusions (number per patient, route, dose) and follow-up (median by reverse Kaplan-Meier and
// median observed time) of the cohort report.
#include <vector>

#include "core/json/json_writer.hpp"
#include "core/cohort/cohort.hpp"
#include "core/report/report_options.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

void write_infusions(JsonWriter& out, const Cohort& cohort, const ReportOptions& options);

// From D0 to death or last follow-up (the OS times).
void write_follow_up(JsonWriter& out, const std::vector<PatientResponse>& responses,
                     const ReportOptions& options);

}  // namespace itp
