#pragma once
// Reading single cells as users type them in spreadsheets, English or French locale.
#include <cstdint>
#include <optional>
#include <string_view>

namespace itp {

// The cell without the spaces and tabs around it, as every cell reader here sees it.
std::string_view trim_blanks(std::string_view cell);
// The same for any white space (line ends of a quoted cell included): for labels and messages.
std::string_view trim_whitespace(std::string_view text);

// Empty (or spaces only), NA, N/A, ND, NaN, ".", "-", any letter case. Never "NR".
bool is_missing_marker(std::string_view cell);

// A finite number with '.' or ',' as the decimal mark, optional sign and exponent, surrounding
// spaces ignored ("1,5" = 1.5, " 12 " = 12, "1e3" = 1000). Thousands may be grouped where the
// grouping cannot be a decimal mark: "1 234,5", "1.234,5", "1,234.5", "12,345,678", "1'234"
// (spaces, no-break spaces, apostrophes, or the mark that is not the decimal one). A lone
// comma is always the decimal mark: "1,234" = 1.234 (see reads_as_thousands). Rejects "inf",
// "nan", hex and trailing text: those give nullopt.
std::optional<double> parse_number(std::string_view cell);

// The commonest cell of all, taken apart for readers that want more than its double: digits
// with at most one decimal mark ('.' or ','), no sign, at most 15 digits, blanks around ignored
// ("12,50" = 1250 with 2 decimals). parse_number reads the same cell as value(). nullopt for
// anything else, which parse_number may still read.
struct PlainDecimal {
  std::uint64_t digits;
  unsigned decimals;
  double value() const;  // digits / 10^decimals, correctly rounded
};
std::optional<PlainDecimal> read_plain_decimal(std::string_view cell);

// "1,500", "12,000": a comma followed by exactly three digits after one to three digits (not
// starting with 0), which parse_number reads as a decimal comma (1.5) but an English file may
// mean as thousands (1500). The importer warns about such cells.
bool reads_as_thousands(std::string_view cell);

// A value censored at a detection limit: "<10", "< 0,5", "≤10", ">2000", "≥ 1000". It meets no
// threshold at or past its limit (docs/design.md §5). nullopt for anything else, plain numbers
// included.
struct CensoredNumber {
  enum class Side { below, above } side;
  double limit;
};
std::optional<CensoredNumber> parse_censored_number(std::string_view cell);

enum class EventCode { event, censored, invalid };
// 1/0, true/false, yes/no, oui/non, TRUE/FALSE, y/n, o/n, any letter case, spaces ignored;
// numeric forms such as "1.0" and "0,0" too.
EventCode parse_event_code(std::string_view cell);

}  // namespace itp
