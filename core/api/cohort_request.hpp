#pragma once
// The "cohort" request beyond the import options: the criteria (a preset's name or a criteria
// object) and the report's choices.
#include "core/json/json_output.hpp"
#include "core/report/report_options.hpp"
#include "core/response/criteria.hpp"

namespace itp {

// "criteria": "seed-2026" (default) | "iwg-2009" | ... | {criteria object}.
ResponseCriteria criteria_of_request(const Json& request);

// "report": {"quantile_type": 7 | 2 | 6 | 1-9, "ci_method": "clopper-pearson" | "wilson",
// "conf_level": 0.95, "rfs_risk_weeks": [...], "os_risk_months": [...],
// "estimate_months": [12, 24], "lab_thresholds": [{"test": "gammaglobulins", "below": 6}]}.
ReportOptions parse_report_options(const Json& request);
Json report_options_to_json(const ReportOptions& options);

}  // namespace itp
