#pragma once
// Reading the fields of a request's JSON, with one rule and one message for each kind of field,
// whatever the request: every analysis names its table and columns, a confidence level and
// chosen times the same way. Each reader throws InputError (code "bad_request") naming the
// field and what it should hold.
#include <optional>
#include <string>
#include <vector>

#include "core/json/json_output.hpp"

namespace itp {

[[noreturn]] void reject_request(const std::string& message);

// The field is there and not null.
bool has_field(const Json& request, const char* field);

// A table or column name that must be given ("the cox request needs \"time\" ...").
std::string required_name(const Json& request, const char* field, const char* request_type);
// A column name that may be left out (null or "" mean none).
std::optional<std::string> optional_name(const Json& request, const char* field);

// A list of non-empty texts; empty when the field is absent.
std::vector<std::string> text_list(const Json& request, const char* field);
// A list of finite numbers.
std::vector<double> number_list(const Json& value, const char* field);
// Times for a summary, sorted and each once; `reordered` is set when that changed the list.
std::vector<double> sorted_times(const Json& value, const char* field, bool& reordered);

// "conf_level": between 0 and 1, else `fallback` when absent.
double conf_level_field(const Json& request, double fallback);

}  // namespace itp
