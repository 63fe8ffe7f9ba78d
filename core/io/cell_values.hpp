#pragma once
// Reading single cells as users type them in spreadsheets, English or French locale.
#include <optional>
#include <string_view>

namespace itp {

// Empty (or spaces only), NA, N/A, ND, NaN, ".", "-", any letter case. Never "NR".
bool is_missing_marker(std::string_view cell);

// A finite number with '.' or ',' as the decimal mark, optional sign and exponent, surrounding
// spaces ignored ("1,5" = 1.5, " 12 " = 12, "1e3" = 1000). Rejects thousands separators,
// "inf", "nan", hex and trailing text: those give nullopt.
std::optional<double> parse_number(std::string_view cell);

enum class EventCode { event, censored, invalid };
// 1/0, true/false, yes/no, oui/non, TRUE/FALSE, y/n, o/n, any letter case, spaces ignored;
// numeric forms such as "1.0" and "0,0" too.
EventCode parse_event_code(std::string_view cell);

}  // namespace itp
