#pragma once
// Small helpers shared by the request handlers for the JSON they build as trees (requests,
// warnings, small responses); large results go through JsonWriter. Keys keep the order the
// design documents them, hence ordered_json.
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

}  // namespace itp
