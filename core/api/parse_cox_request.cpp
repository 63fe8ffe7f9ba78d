#include "core/api/parse_cox_request.hpp"

#include "core/api/request_fields.hpp"

namespace itp {

CoxRequest parse_cox_request(const Json& request) {
  CoxRequest r;
  r.table = required_name(request, "table", "cox");
  r.time_column = required_name(request, "time", "cox");
  r.event_column = required_name(request, "event", "cox");
  r.covariates = text_list(request, "covariates");
  if (r.covariates.empty())
    reject_request("the cox request needs \"covariates\": a list of one or more column names");
  r.strata_column = optional_name(request, "strata");
  if (has_field(request, "ties")) {
    const Json& ties = request["ties"];
    if (ties == "efron") r.ties = CoxTies::efron;
    else if (ties == "breslow") r.ties = CoxTies::breslow;
    else reject_request("\"ties\" must be \"efron\" (the default, as coxph) or \"breslow\"");
  }
  r.conf_level = conf_level_field(request, r.conf_level);
  r.event_values = text_list(request, "event_values");
  r.censor_values = text_list(request, "censor_values");
  if (r.event_values.empty() != r.censor_values.empty())
    reject_request("give both \"event_values\" and \"censor_values\", or neither");
  return r;
}

}  // namespace itp
