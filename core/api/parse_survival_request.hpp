#pragma once
// The "survival" request's JSON, read into a SurvivalRequest.
#include "core/json/json_output.hpp"
#include "core/survival/survival_request.hpp"

namespace itp {

// Validates and reads the request; throws InputError (code "bad_request") naming the field.
SurvivalRequest parse_survival_request(const Json& request);

}  // namespace itp
