#pragma once
// The safety part of the cohort report: patients with any adverse event, by category and by
// grade 3 or more, serious events, infusion reactions, deaths by cause, and lab values below
// thresholds during follow-up (gammaglobulins < 6 g/L, neutrophils < 1.5 G/L, ...).
#include "core/json/json_writer.hpp"
#include "core/cohort/cohort.hpp"
#include "core/report/report_options.hpp"

namespace itp {

void write_safety(JsonWriter& out, const Cohort& cohort, const ReportOptions& options);

}  // namespace itp
