#pragma once
// Small helpers shared by the request handlers to write results. Responses keep their keys in
// the order the design documents them, hence ordered_json. NaN and infinities print as null,
// R's NA.
#include <nlohmann/json.hpp>
#include <vector>

#include "core/io/problem.hpp"

namespace itp {

using Json = nlohmann::ordered_json;

Json problem_to_json(const Problem& problem);
Json problems_to_json(const std::vector<Problem>& problems);

// The response text. Invalid UTF-8 from a user's file is replaced, never a reason to fail.
std::string serialize(const Json& response);

// {"ok": false, "error": problem}
std::string error_response(const Problem& problem);

// A number, or null when it is NaN (not available) or infinite.
inline Json number_or_null(double value) {
  return std::isfinite(value) ? Json(value) : Json(nullptr);
}

template <typename T>
Json array_of(const std::vector<T>& values) {
  Json array = Json::array();
  for (const T& v : values) {
    if constexpr (std::is_floating_point_v<T>) array.push_back(number_or_null(v));
    else array.push_back(v);
  }
  return array;
}

}  // namespace itp
