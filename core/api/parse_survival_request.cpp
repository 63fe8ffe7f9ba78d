#include "core/api/parse_survival_request.hpp"

#include <algorithm>
#include <cmath>

#include "core/api/request_fields.hpp"
#include "core/stats/p_adjust.hpp"

namespace itp {

SurvivalRequest parse_survival_request(const Json& request) {
  SurvivalRequest r;
  r.table = required_name(request, "table", "survival");
  r.time_column = required_name(request, "time", "survival");
  r.event_column = required_name(request, "event", "survival");
  r.group_column = optional_name(request, "group");
  r.strata_column = optional_name(request, "strata");

  if (has_field(request, "conf_type")) {
    const Json& type = request["conf_type"];
    std::optional<ConfType> parsed =
        type.is_string() ? conf_type_from_name(type.get<std::string>()) : std::nullopt;
    if (!parsed)
      reject_request("\"conf_type\" must be one of log, log-log, plain, logit, arcsin, none");
    r.conf_type = *parsed;
  }
  r.conf_level = conf_level_field(request, r.conf_level);
  if (has_field(request, "times"))
    r.times = sorted_times(request["times"], "times", r.times_reordered);
  if (has_field(request, "risk_times"))
    r.risk_times = sorted_times(request["risk_times"], "risk_times", r.times_reordered);
  if (has_field(request, "rho")) {
    const Json& rho = request["rho"];
    if (!rho.is_number() || !std::isfinite(rho.get<double>()) || rho.get<double>() < 0)
      reject_request("\"rho\" must be a number >= 0 (0: log-rank, 1: Peto-Peto)");
    r.rho = rho.get<double>();
  }
  if (has_field(request, "rmst_tau")) {
    const Json& tau = request["rmst_tau"];
    if (!tau.is_number() || !std::isfinite(tau.get<double>()) || tau.get<double>() <= 0)
      reject_request("\"rmst_tau\" must be a time > 0 (the restricted mean is the area up to it)");
    r.rmst_tau = tau.get<double>();
  }
  if (has_field(request, "pairwise")) {
    const Json& method = request["pairwise"];
    if (!method.is_string() || !p_adjust_method_from_name(method.get<std::string>()))
      reject_request("\"pairwise\" must be the adjustment of the pairs' p-values: holm, "
                     "bonferroni, BH or none");
    r.pairwise = method.get<std::string>();
  }
  if (has_field(request, "trend")) {
    if (!request["trend"].is_boolean()) reject_request("\"trend\" must be true or false");
    r.trend = request["trend"].get<bool>();
  }
  if (has_field(request, "trend_scores")) {
    r.trend_scores = number_list(request["trend_scores"], "trend_scores");
    if (r.trend_scores.size() < 2)
      reject_request("\"trend_scores\" must give one score per group, at least two");
    if (std::all_of(r.trend_scores.begin(), r.trend_scores.end(),
                    [&](double s) { return s == r.trend_scores.front(); }))
      reject_request("\"trend_scores\" are all equal, so they order nothing: give increasing "
                     "scores such as 1,2,3");
    r.trend = true;  // scores imply the test
  }
  if (has_field(request, "landmark")) {
    const Json& landmark = request["landmark"];
    if (!landmark.is_number() || !std::isfinite(landmark.get<double>()) ||
        landmark.get<double>() < 0)
      reject_request(
          "\"landmark\" must be a time >= 0 (rows still at risk after it are analysed)");
    r.landmark = landmark.get<double>();
  }
  if (has_field(request, "table_rows_max")) {
    const Json& max = request["table_rows_max"];
    if (!max.is_number_integer() || max.get<long long>() < 2)
      reject_request("\"table_rows_max\" must be a whole number from 2");
    r.table_rows_max = max.get<std::size_t>();
  }
  r.event_values = text_list(request, "event_values");
  r.censor_values = text_list(request, "censor_values");
  if (r.event_values.empty() != r.censor_values.empty())
    reject_request("give both \"event_values\" and \"censor_values\", or neither");
  return r;
}

}  // namespace itp
