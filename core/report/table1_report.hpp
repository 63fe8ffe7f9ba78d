#pragma once
// Table 1 of the seed study (docs/design.md §1, §5): the population at D0 (age, sex, ITP
// duration, secondary ITP and its causes, splenectomy, refractoriness, bleeding, baseline platelets and
// the number of prior lines), and the prior treatments per drug and class.
#include <vector>

#include "core/json/json_writer.hpp"
#include "core/cohort/cohort.hpp"
#include "core/report/report_options.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

void write_table1(JsonWriter& out, const Cohort& cohort,
                  const std::vector<PatientResponse>& responses, const ReportOptions& options);

// {"patients", "lines": continuous row, "drugs": [...], "classes": [...]}: the treatment
// history, every ITP treatment started before D0 whatever its role for the response, and a
// splenectomy recorded in the patients table.
void write_prior_treatments(JsonWriter& out, const Cohort& cohort,
                            const std::vector<PatientResponse>& responses,
                            const ReportOptions& options);

// Prior lines of a patient: distinct drugs of the history, splenectomy included; corticosteroids,
// IVIg, anti-D, platelet transfusions and antifibrinolytics left out (supportive or rescue).
std::size_t prior_lines(const Cohort& cohort, const PatientResponse& response);

// Patients with more than one cause of secondary ITP (the causes' rows then add up to more than
// the secondary ITP row: a footnote says so).
std::size_t patients_with_several_causes(const Cohort& cohort);

}  // namespace itp
