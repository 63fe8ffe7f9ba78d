#include "core/api/parse_cif_request.hpp"

#include <cmath>

#include "core/api/request_fields.hpp"
#include "core/numeric/decimal_format.hpp"

namespace itp {

CifRequest parse_cif_request(const Json& request) {
  CifRequest r;
  r.table = required_name(request, "table", "cif");
  r.time_column = required_name(request, "time", "cif");
  r.status_column = required_name(request, "status", "cif");
  r.group_column = optional_name(request, "group");
  r.strata_column = optional_name(request, "strata");

  if (has_field(request, "censor_value")) {
    // A number is taken as written by JSON ({"censor_value": 0}); the cell's own text is
    // compared as a number when the whole status column is numeric (competing_rows.hpp).
    const Json& code = request["censor_value"];
    if (code.is_string() && !code.get<std::string>().empty())
      r.censor_value = code.get<std::string>();
    else if (code.is_number_integer())
      r.censor_value = std::to_string(code.get<long long>());
    else if (code.is_number() && std::isfinite(code.get<double>()))
      r.censor_value = decimal_text(code.get<double>());
    else
      reject_request("\"censor_value\" must be the status that means censored, such as 0");
  }
  r.conf_level = conf_level_field(request, r.conf_level);
  // cmprsk::timepoints sorts them too.
  if (has_field(request, "times"))
    r.times = sorted_times(request["times"], "times", r.times_reordered);
  return r;
}

}  // namespace itp
