#pragma once
// The response rule (docs/design.md §5): each patient's category at the landmark under a criteria
// set, the counts that decided it, time to response, loss of response, RFS and OS data, and the
// role of each other treatment.
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/response/criteria.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

// One answer per patient, in the cohort's order. The cohort's records are sorted by patient and
// day (import_cohort leaves them so).
std::vector<PatientResponse> classify_responses(const Cohort& cohort,
                                                const ResponseCriteria& criteria);

}  // namespace itp
