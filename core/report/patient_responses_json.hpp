#pragma once
// The per-patient part of the cohort report: each patient's classification with its audit
// trail (baseline, every count as the rule saw it, the decisive days, treatments and roles).
#include <vector>

#include "core/json/json_writer.hpp"
#include "core/cohort/cohort.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

void write_patient_responses(JsonWriter& out, const Cohort& cohort,
                             const std::vector<PatientResponse>& responses);

}  // namespace itp
