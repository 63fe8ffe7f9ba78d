#include "core/api/parse_survival_request.hpp"

#include <algorithm>
#include <cmath>

#include "core/stats/p_adjust.hpp"

namespace itp {
namespace {

[[noreturn]] void reject(const std::string& message) {
  throw InputError({"bad_request", message, "", std::nullopt, std::nullopt});
}

std::string required_text(const Json& request, const char* field) {
  if (!request.contains(field) || !request[field].is_string() ||
      request[field].get<std::string>().empty())
    reject(std::string("the survival request needs \"") + field + "\" (a column or table name)");
  return request[field].get<std::string>();
}

std::optional<std::string> optional_text(const Json& request, const char* field) {
  if (!request.contains(field) || request[field].is_null()) return std::nullopt;
  if (!request[field].is_string()) reject(std::string("\"") + field + "\" must be a column name");
  if (request[field].get<std::string>().empty()) return std::nullopt;
  return request[field].get<std::string>();
}

std::vector<double> number_list(const Json& value, const char* field) {
  if (!value.is_array()) reject(std::string("\"") + field + "\" must be a list of numbers");
  std::vector<double> numbers;
  for (const Json& v : value) {
    if (!v.is_number() || !std::isfinite(v.get<double>()))
      reject(std::string("\"") + field + "\" must hold finite numbers only");
    numbers.push_back(v.get<double>());
  }
  return numbers;
}

std::vector<std::string> text_list(const Json& request, const char* field) {
  std::vector<std::string> texts;
  if (!request.contains(field) || request[field].is_null()) return texts;
  if (!request[field].is_array()) reject(std::string("\"") + field + "\" must be a list of texts");
  for (const Json& v : request[field]) {
    if (!v.is_string()) reject(std::string("\"") + field + "\" must be a list of texts");
    texts.push_back(v.get<std::string>());
  }
  return texts;
}

// Sorted, each time once; `reordered` is set when that changed the list.
std::vector<double> increasing(std::vector<double> times, bool& reordered) {
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  reordered = reordered || sorted != times;
  return sorted;
}

}  // namespace

SurvivalRequest parse_survival_request(const Json& request) {
  SurvivalRequest r;
  r.table = required_text(request, "table");
  r.time_column = required_text(request, "time");
  r.event_column = required_text(request, "event");
  r.group_column = optional_text(request, "group");
  r.strata_column = optional_text(request, "strata");

  if (request.contains("conf_type") && !request["conf_type"].is_null()) {
    const Json& type = request["conf_type"];
    std::optional<ConfType> parsed =
        type.is_string() ? conf_type_from_name(type.get<std::string>()) : std::nullopt;
    if (!parsed)
      reject("\"conf_type\" must be one of log, log-log, plain, logit, arcsin, none");
    r.conf_type = *parsed;
  }
  if (request.contains("conf_level") && !request["conf_level"].is_null()) {
    const Json& level = request["conf_level"];
    if (!level.is_number() || !(level.get<double>() > 0 && level.get<double>() < 1))
      reject("\"conf_level\" must be a number between 0 and 1, such as 0.95");
    r.conf_level = level.get<double>();
  }
  if (request.contains("times") && !request["times"].is_null())
    r.times = increasing(number_list(request["times"], "times"), r.times_reordered);
  if (request.contains("risk_times") && !request["risk_times"].is_null())
    r.risk_times = increasing(number_list(request["risk_times"], "risk_times"), r.times_reordered);
  if (request.contains("rho") && !request["rho"].is_null()) {
    const Json& rho = request["rho"];
    if (!rho.is_number() || !std::isfinite(rho.get<double>()) || rho.get<double>() < 0)
      reject("\"rho\" must be a number >= 0 (0: log-rank, 1: Peto-Peto)");
    r.rho = rho.get<double>();
  }
  if (request.contains("rmst_tau") && !request["rmst_tau"].is_null()) {
    const Json& tau = request["rmst_tau"];
    if (!tau.is_number() || !std::isfinite(tau.get<double>()) || tau.get<double>() <= 0)
      reject("\"rmst_tau\" must be a time > 0 (the restricted mean is the area up to it)");
    r.rmst_tau = tau.get<double>();
  }
  if (request.contains("pairwise") && !request["pairwise"].is_null()) {
    const Json& method = request["pairwise"];
    if (!method.is_string() || !p_adjust_method_from_name(method.get<std::string>()))
      reject("\"pairwise\" must be the adjustment of the pairs' p-values: holm, bonferroni, BH "
             "or none");
    r.pairwise = method.get<std::string>();
  }
  if (request.contains("trend") && !request["trend"].is_null()) {
    if (!request["trend"].is_boolean()) reject("\"trend\" must be true or false");
    r.trend = request["trend"].get<bool>();
  }
  if (request.contains("trend_scores") && !request["trend_scores"].is_null()) {
    r.trend_scores = number_list(request["trend_scores"], "trend_scores");
    if (r.trend_scores.size() < 2)
      reject("\"trend_scores\" must give one score per group, at least two");
    if (std::all_of(r.trend_scores.begin(), r.trend_scores.end(),
                    [&](double s) { return s == r.trend_scores.front(); }))
      reject("\"trend_scores\" are all equal, so they order nothing: give increasing scores "
             "such as 1,2,3");
    r.trend = true;  // scores imply the test
  }
  if (request.contains("landmark") && !request["landmark"].is_null()) {
    const Json& landmark = request["landmark"];
    if (!landmark.is_number() || !std::isfinite(landmark.get<double>()) ||
        landmark.get<double>() < 0)
      reject("\"landmark\" must be a time >= 0 (rows still at risk after it are analysed)");
    r.landmark = landmark.get<double>();
  }
  if (request.contains("table_rows_max") && !request["table_rows_max"].is_null()) {
    const Json& max = request["table_rows_max"];
    if (!max.is_number_integer() || max.get<long long>() < 2)
      reject("\"table_rows_max\" must be a whole number from 2");
    r.table_rows_max = max.get<std::size_t>();
  }
  r.event_values = text_list(request, "event_values");
  r.censor_values = text_list(request, "censor_values");
  if (r.event_values.empty() != r.censor_values.empty())
    reject("give both \"event_values\" and \"censor_values\", or neither");
  return r;
}

}  // namespace itp
