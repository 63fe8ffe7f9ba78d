#pragma once
// The cumulative incidence of response from D0, with a new ITP treatment and death before any
// response as competing events: the haematologist's view of "how many respond, and when",
// beside the responder-only RFS. Aalen-Johansen as cmprsk::cuminc (core/survival/
// cumulative_incidence), in months, with the value at the report's times.
//
// Who: the patients evaluable at the landmark (CR, R or NR: the response rate's denominator)
// with a known follow-up. Each patient's first event, in days from D0:
//   response       the first day of a confirmed response (also after the landmark);
//   new treatment  the start of the first subsequent ITP treatment, before any response;
//   death          before any response or new treatment;
// else censored at the last follow-up. On one day, response comes before a new treatment
// (a count on a new treatment's day is not credited, so a tie cannot happen under the rule's
// defaults) and a new treatment before death.
#include <vector>

#include "core/io/problem_log.hpp"
#include "core/json/json_writer.hpp"
#include "core/report/report_options.hpp"
#include "core/response/patient_response.hpp"

namespace itp {

// {"n", "unit": "months", "events": {...}, "left_out": {...}, "curves": [{"cause", "events",
// "table": {time, estimate, variance, lower, upper}, "at_times": {...}}]}, or null when no
// patient is evaluable with a follow-up.
void write_response_incidence(JsonWriter& out, const std::vector<PatientResponse>& responses,
                              const ReportOptions& options);

}  // namespace itp
