#pragma once
// Response at the landmark (CR, R, OR, NR with exact confidence intervals, the excluded and
// not-evaluable patients with their reasons, response by concomitant and background treatment
// with Fisher's exact test) and time to response.
#include <vector>

#include "core/json/json_writer.hpp"
#include "core/cohort/cohort.hpp"
#include "core/report/report_options.hpp"
#include "core/response/criteria.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

void write_response(JsonWriter& out, const Cohort& cohort,
                    const std::vector<PatientResponse>& responses,
                    const ResponseCriteria& criteria, const ReportOptions& options);

void write_time_to_response(JsonWriter& out, const std::vector<PatientResponse>& responses,
                            const ReportOptions& options);

}  // namespace itp
