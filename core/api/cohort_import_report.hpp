#pragma once
// The answer to "import_cohort": how each table was read (role, column mapping, rows read,
// kept and set aside with reasons), the patients found, and the drugs recognised or not. It is
// what the page's "check" step shows before any analysis.
#include "core/api/json_output.hpp"
#include "core/cohort/cohort.hpp"

namespace itp {

Json cohort_import_report(const Cohort& cohort);

}  // namespace itp
