#pragma once
// The "cif" request's JSON (competing risks), read into a CifRequest.
#include "core/json/json_output.hpp"
#include "core/survival/cif_request.hpp"

namespace itp {

// Validates and reads the request; throws InputError (code "bad_request") naming the field.
CifRequest parse_cif_request(const Json& request);

}  // namespace itp
