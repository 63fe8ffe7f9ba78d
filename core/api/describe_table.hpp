#pragma once
// The "describe_table" request (docs/design.md §5): for each column of a loaded table, the type
// most of its values have, the canonical cohort column it maps to, how many cells are missing, and
// a few sample values; every cell that does not fit its column's type is a warning with its row.
#include "core/json/json_output.hpp"
#include "core/io/problem_log.hpp"
#include "core/io/text_table.hpp"

namespace itp {

Json describe_table(const TextTable& table, ProblemLog& log);

}  // namespace itp
