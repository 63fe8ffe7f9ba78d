#include "core/api/parse_cox_request.hpp"

namespace itp {
namespace {

[[noreturn]] void reject(const std::string& message) {
  throw InputError({"bad_request", message, "", std::nullopt, std::nullopt});
}

bool present(const Json& request, const char* field) {
  return request.contains(field) && !request[field].is_null();
}

std::string required_text(const Json& request, const char* field) {
  if (!request.contains(field) || !request[field].is_string() ||
      request[field].get<std::string>().empty())
    reject(std::string("the cox request needs \"") + field + "\" (a column or table name)");
  return request[field].get<std::string>();
}

std::vector<std::string> text_list(const Json& request, const char* field) {
  std::vector<std::string> texts;
  if (!present(request, field)) return texts;
  if (!request[field].is_array()) reject(std::string("\"") + field + "\" must be a list of texts");
  for (const Json& v : request[field]) {
    if (!v.is_string() || v.get<std::string>().empty())
      reject(std::string("\"") + field + "\" must be a list of non-empty texts");
    texts.push_back(v.get<std::string>());
  }
  return texts;
}

}  // namespace

CoxRequest parse_cox_request(const Json& request) {
  CoxRequest r;
  r.table = required_text(request, "table");
  r.time_column = required_text(request, "time");
  r.event_column = required_text(request, "event");
  r.covariates = text_list(request, "covariates");
  if (r.covariates.empty())
    reject("the cox request needs \"covariates\": a list of one or more column names");
  if (present(request, "strata")) {
    if (!request["strata"].is_string()) reject("\"strata\" must be a column name");
    if (!request["strata"].get<std::string>().empty())
      r.strata_column = request["strata"].get<std::string>();
  }
  if (present(request, "ties")) {
    const Json& ties = request["ties"];
    if (ties == "efron") r.ties = CoxTies::efron;
    else if (ties == "breslow") r.ties = CoxTies::breslow;
    else reject("\"ties\" must be \"efron\" (the default, as coxph) or \"breslow\"");
  }
  if (present(request, "conf_level")) {
    const Json& level = request["conf_level"];
    if (!level.is_number() || !(level.get<double>() > 0 && level.get<double>() < 1))
      reject("\"conf_level\" must be a number between 0 and 1, such as 0.95");
    r.conf_level = level.get<double>();
  }
  r.event_values = text_list(request, "event_values");
  r.censor_values = text_list(request, "censor_values");
  if (r.event_values.empty() != r.censor_values.empty())
    reject("give both \"event_values\" and \"censor_values\", or neither");
  return r;
}

}  // namespace itp
