#pragma once
// The "cox" request's JSON (a Cox proportional hazards model), read into a CoxRequest.
#include "core/json/json_output.hpp"
#include "core/survival/cox_request.hpp"

namespace itp {

// Validates and reads the request; throws InputError (code "bad_request") naming the field.
CoxRequest parse_cox_request(const Json& request);

}  // namespace itp
