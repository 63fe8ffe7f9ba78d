#pragma once
// Landmark analysis (Anderson, Cain & Gelber 1983): only the rows still at risk after the
// landmark L (time > L) are analysed, on a clock that starts at L (time - L). It answers
// "from L on, among those still followed" without crediting a group with the time its
// patients had to survive to be classified.
#include <cstddef>

#include "core/survival/survival_rows.hpp"

namespace itp {

// Keeps the rows of `rows` whose time is > landmark and renumbers their times, now measured
// from the landmark, in order of first appearance; group and stratum labels are left as they
// are (the caller renumbers them). Returns how many rows were left out.
std::size_t keep_rows_after_landmark(SurvivalRows& rows, double landmark);

}  // namespace itp
