#include "core/api/request_fields.hpp"

#include <algorithm>
#include <cmath>

namespace itp {

void reject_request(const std::string& message) {
  throw InputError({"bad_request", message, "", std::nullopt, std::nullopt});
}

bool has_field(const Json& request, const char* field) {
  return request.contains(field) && !request[field].is_null();
}

std::string required_name(const Json& request, const char* field, const char* request_type) {
  if (!request.contains(field) || !request[field].is_string() ||
      request[field].get<std::string>().empty())
    reject_request(std::string("the ") + request_type + " request needs \"" + field +
                   "\" (a column or table name)");
  return request[field].get<std::string>();
}

std::optional<std::string> optional_name(const Json& request, const char* field) {
  if (!has_field(request, field)) return std::nullopt;
  if (!request[field].is_string())
    reject_request(std::string("\"") + field + "\" must be a column name");
  if (request[field].get<std::string>().empty()) return std::nullopt;
  return request[field].get<std::string>();
}

std::vector<std::string> text_list(const Json& request, const char* field) {
  std::vector<std::string> texts;
  if (!has_field(request, field)) return texts;
  const auto wrong = [&] {
    reject_request(std::string("\"") + field + "\" must be a list of non-empty texts");
  };
  if (!request[field].is_array()) wrong();
  for (const Json& v : request[field]) {
    if (!v.is_string() || v.get<std::string>().empty()) wrong();
    texts.push_back(v.get<std::string>());
  }
  return texts;
}

std::vector<double> number_list(const Json& value, const char* field) {
  if (!value.is_array()) reject_request(std::string("\"") + field + "\" must be a list of numbers");
  std::vector<double> numbers;
  for (const Json& v : value) {
    if (!v.is_number() || !std::isfinite(v.get<double>()))
      reject_request(std::string("\"") + field + "\" must hold finite numbers only");
    numbers.push_back(v.get<double>());
  }
  return numbers;
}

std::vector<double> sorted_times(const Json& value, const char* field, bool& reordered) {
  const std::vector<double> given = number_list(value, field);
  std::vector<double> sorted = given;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  reordered = reordered || sorted != given;
  return sorted;
}

double conf_level_field(const Json& request, double fallback) {
  if (!has_field(request, "conf_level")) return fallback;
  const Json& level = request["conf_level"];
  if (!level.is_number() || !(level.get<double>() > 0 && level.get<double>() < 1))
    reject_request("\"conf_level\" must be a number between 0 and 1, such as 0.95");
  return level.get<double>();
}

}  // namespace itp
