#pragma once
// The answer to "import_cohort": how each table was read (role, column mapping, rows read,
// kept and set aside with reasons), the patients found, and the drugs recognised or not. It is
// what the page's "check" step shows before any analysis.
#include "core/json/json_output.hpp"
#include "core/json/json_writer.hpp"
#include "core/cohort/cohort.hpp"

namespace itp {

// Writes the "cohort" object. Patients are written one by one: a cohort of 10^5 patients
// never becomes a JSON tree.
void write_cohort_import_report(JsonWriter& out, const Cohort& cohort, const Json& options);

}  // namespace itp
