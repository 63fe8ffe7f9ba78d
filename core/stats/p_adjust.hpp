#pragma once
// p-values adjusted for multiple comparisons as R's p.adjust (stats package): Bonferroni, Holm's
// step-down, and Benjamini-Hochberg's false discovery rate. Missing p-values (NaN) stay missing
// and do not count among the comparisons, as in p.adjust.
#include <optional>
#include <string>
#include <vector>

namespace itp {

enum class PAdjustMethod { none, bonferroni, holm, benjamini_hochberg };

// "none", "bonferroni", "holm", "BH" (R's names; "fdr" too, its alias), else nothing.
std::optional<PAdjustMethod> p_adjust_method_from_name(const std::string& name);
const char* p_adjust_method_name(PAdjustMethod method);

std::vector<double> p_adjust(const std::vector<double>& p, PAdjustMethod method);

}  // namespace itp
