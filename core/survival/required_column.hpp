#pragma once
// Where a column the request names sits in the table, for every row reader of core/survival.
#include <cstddef>
#include <string>

#include "core/io/text_table.hpp"

namespace itp {

// The column's index. Throws InputError "unknown_column" when the table has no such column,
// naming its role ("time", "event", "covariate", ...) and listing the columns the file has, so
// that a misspelt name is seen at once.
std::size_t require_column(const TextTable& table, const std::string& name, const char* role);

}  // namespace itp
