#pragma once
// The model matrix of a Cox model, as R's model.matrix builds it for coxph (the intercept
// dropped): a numeric covariate is one column named as the covariate; a factor with L levels is
// L - 1 columns of 0/1 indicators, treatment contrasts, named covariate + level ("armB"), the
// first level being the reference.
#include <string>
#include <vector>

#include "core/survival/cox_rows.hpp"

namespace itp {

struct CoxDesign {
  std::vector<std::string> term;           // per column, as R names it
  std::vector<std::string> covariate;      // per column, the column of the table it comes from
  std::vector<std::vector<double>> column;  // per column, a value per row used
  // Factors with a single level: R's contrasts() refuses them; here they give no column and
  // the model goes on without them (docs/decisions.md, "Cox model").
  std::vector<std::string> single_level_factors;
};

CoxDesign cox_design(const CoxRows& rows);

}  // namespace itp
