#include "core/survival/cox_design.hpp"

namespace itp {

CoxDesign cox_design(const CoxRows& rows) {
  CoxDesign design;
  for (const CoxCovariate& covariate : rows.covariates) {
    if (covariate.numeric) {
      design.term.push_back(covariate.name);
      design.covariate.push_back(covariate.name);
      design.column.push_back(covariate.value);
      continue;
    }
    if (covariate.levels.size() < 2) {
      design.single_level_factors.push_back(covariate.name);
      continue;
    }
    // contr.treatment: level k (k >= 1) has its own indicator; a level no row used has a column
    // of zeros, which the fit finds singular as R does.
    for (std::size_t k = 1; k < covariate.levels.size(); ++k) {
      design.term.push_back(covariate.name + covariate.levels[k]);
      design.covariate.push_back(covariate.name);
      std::vector<double> indicator(covariate.level.size());
      for (std::size_t i = 0; i < indicator.size(); ++i) indicator[i] = covariate.level[i] == k;
      design.column.push_back(std::move(indicator));
    }
  }
  return design;
}

}  // namespace itp
