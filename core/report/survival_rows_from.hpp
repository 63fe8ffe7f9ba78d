#pragma once
// Survival rows built from times and events the core computed itself (RFS and OS of a cohort),
// for the same Kaplan-Meier report as a user's table (core/api/survival_report).
#include <cstdint>
#include <vector>

#include "core/survival/survival_rows.hpp"

namespace itp {

// One curve named "all"; `time` and `event` (1 event, 0 censored) of equal length.
SurvivalRows survival_rows_from(const std::vector<double>& time,
                                const std::vector<std::uint8_t>& event);

}  // namespace itp
