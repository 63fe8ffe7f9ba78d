#pragma once
// Numbers written as text for results: 15 significant digits, as R's as.character() and
// write.csv() write them, trailing zeros dropped ("0.5", "2837.3", "1.25e-07"). Computed with
// IEEE operations on exact powers of ten, so the CLI and the page write the same characters;
// the written value is within 1e-14 relative of the double, far inside the 1e-9 at which
// results are checked against R.
#include <cstddef>
#include <string>

namespace itp {

// Writes a finite `value` into `out` (at least 32 chars) and returns the number of characters.
std::size_t format_decimal(double value, char* out);

// The same as a string, for messages ("0.5", "2837.3").
std::string decimal_text(double value);

}  // namespace itp
