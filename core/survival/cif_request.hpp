#pragma once
// What a competing-risks analysis is asked for (cumulative incidence as cmprsk::cuminc, Gray's
// test): which table and columns, the censoring code, and the summaries wanted. Read from a
// request's JSON by core/api/parse_cif_request.hpp.
#include <optional>
#include <string>
#include <vector>

namespace itp {

struct CifRequest {
  std::string table;
  std::string time_column;
  // One code for censored rows, any other value names a cause (cuminc's fstatus / cencode).
  std::string status_column;
  std::optional<std::string> group_column;
  // Strata of Gray's test (cuminc's strata=); a row without one is left out, as cuminc's
  // na.omit leaves it out of the curves too.
  std::optional<std::string> strata_column;
  std::string censor_value = "0";
  double conf_level = 0.95;
  std::vector<double> times;    // for at_times: sorted, each once
  bool times_reordered = false;  // the request's list was not so
};

}  // namespace itp
