#pragma once
// The seed's "Efficacy - platelet counts" figure, as numbers: the platelet counts across
// patients by week since D0, median and IQR, beside the per-patient trajectories.
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/json/json_writer.hpp"
#include "core/report/report_options.hpp"

namespace itp {

// {"unit": "weeks", "quantile_type", "week": [...], "patients": [...], "median": [...],
//  "q1": [...], "q3": [...]}: week w holds days 7w to 7w + 6 from D0 (counts before D0 are
// not in it); each patient gives one value per week, the median of their counts that week, so
// that a patient counted daily weighs as much as one counted weekly.
void write_platelets_by_week(JsonWriter& out, const Cohort& cohort, const ReportOptions& options);

}  // namespace itp
