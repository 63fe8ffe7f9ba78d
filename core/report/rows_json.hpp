#pragma once
// The "rows" block of every time-to-event answer (survival, cif, cox): how many rows were read,
// how many the analysis used, and how many were left out for each reason, so each number traces
// back to the rows that made it.
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "core/json/json_writer.hpp"

namespace itp {

// Writes {"read", "used", "left_out": {reason: count}}. `censored` (competing risks: rows used
// whose status is the censor code) is written after "used" when given.
void write_rows_json(JsonWriter& out, std::size_t rows_read,
                     const std::map<std::string, std::size_t>& left_out_by_reason,
                     std::optional<std::size_t> censored = std::nullopt);

}  // namespace itp
