#pragma once
// The two kinds of row of the report's tables (docs/design.md §5 "Cohort report"): a continuous
// variable as median [IQR] (min-max) under the chosen quantile type, and a level of a
// categorical one as n (%) with its denominator, the patients whose value is known.
#include <string>
#include <vector>

#include "core/json/json_writer.hpp"

namespace itp {

// n of d as the report prints it: a percent rounded to one decimal (NaN, written null, for d 0).
double percent_of(std::size_t n, std::size_t d);

// `values` holds NaN for a patient whose value is missing (counted as "missing").
void write_continuous_row(JsonWriter& out, const std::string& label, const std::string& variable,
                          const std::vector<double>& values, int quantile_type);

void write_categorical_row(JsonWriter& out, const std::string& label, const std::string& variable,
                           const std::string& level, std::size_t count, std::size_t denominator,
                           std::size_t missing);

}  // namespace itp
