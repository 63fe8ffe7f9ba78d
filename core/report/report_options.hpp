#pragma once
// The choices a cohort report is made with (the "cohort" request; defaults as the seed study).
#include <string>
#include <vector>

namespace itp {

struct LabThreshold {
  std::string test;  // as core/cohort/units names it: "gammaglobulins", "neutrophils", ...
  double below;      // in the test's analysis unit (g/L, G/L)
};

struct ReportOptions {
  int quantile_type = 7;  // R's quantile() type for median [IQR]: 7 (default), 2 (SAS), 6 (SPSS)
  enum class BinomialCi { clopper_pearson, wilson } ci_method = BinomialCi::clopper_pearson;
  double conf_level = 0.95;
  std::vector<double> rfs_risk_weeks = {0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52,
                                        60, 72, 84, 96, 104};
  std::vector<double> os_risk_months = {0, 3, 6, 9, 12, 18, 24, 30, 36};
  std::vector<double> estimate_months = {12, 24};  // KM estimates at these times
  // The cumulative incidence of response at these times (months from D0).
  std::vector<double> incidence_months = {1, 3, 6, 12, 24};
  std::vector<LabThreshold> lab_thresholds = {{"gammaglobulins", 6}, {"neutrophils", 1.5},
                                              {"neutrophils", 1.0}};
};

}  // namespace itp
