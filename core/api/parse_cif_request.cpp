#include "core/api/parse_cif_request.hpp"

#include <algorithm>
#include <cmath>

#include "core/numeric/decimal_format.hpp"

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
    reject(std::string("the cif request needs \"") + field + "\" (a column or table name)");
  return request[field].get<std::string>();
}

std::optional<std::string> optional_text(const Json& request, const char* field) {
  if (!present(request, field)) return std::nullopt;
  if (!request[field].is_string()) reject(std::string("\"") + field + "\" must be a column name");
  if (request[field].get<std::string>().empty()) return std::nullopt;
  return request[field].get<std::string>();
}

}  // namespace

CifRequest parse_cif_request(const Json& request) {
  CifRequest r;
  r.table = required_text(request, "table");
  r.time_column = required_text(request, "time");
  r.status_column = required_text(request, "status");
  r.group_column = optional_text(request, "group");
  r.strata_column = optional_text(request, "strata");

  if (present(request, "censor_value")) {
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
      reject("\"censor_value\" must be the status that means censored, such as 0");
  }
  if (present(request, "conf_level")) {
    const Json& level = request["conf_level"];
    if (!level.is_number() || !(level.get<double>() > 0 && level.get<double>() < 1))
      reject("\"conf_level\" must be a number between 0 and 1, such as 0.95");
    r.conf_level = level.get<double>();
  }
  if (present(request, "times")) {
    const Json& times = request["times"];
    if (!times.is_array()) reject("\"times\" must be a list of numbers");
    for (const Json& t : times) {
      if (!t.is_number() || !std::isfinite(t.get<double>()))
        reject("\"times\" must hold finite numbers only");
      r.times.push_back(t.get<double>());
    }
    std::vector<double> sorted = r.times;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    r.times_reordered = sorted != r.times;  // cmprsk::timepoints sorts them too
    r.times = std::move(sorted);
  }
  return r;
}

}  // namespace itp
