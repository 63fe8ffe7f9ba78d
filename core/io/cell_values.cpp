#include "core/io/cell_values.hpp"

#include <algorithm>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

namespace itp {
namespace {

using namespace std::string_view_literals;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `lower` is written in lower case.
bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != lower[i]) return false;
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// What the syntax check learned about a number, for the conversion and its range errors.
struct NumberShape {
  bool valid = false;
  bool has_comma = false;
  // Roughly log10 of the magnitude: digits before the mark (after leading zeros), minus leading
  // zeros after it, plus the exponent. Only its sign is used, to tell overflow from underflow.
  long magnitude = 0;
};

// [sign] digits [mark digits] [e [sign] digits], with at least one digit before the exponent and
// '.' or ',' as the mark. Anything else (thousands separators, inner spaces, "inf", hex, trailing
// text) is not a number a user meant.
NumberShape check_number_syntax(std::string_view s) {
  NumberShape shape;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t mantissa_digits = 0;
  bool seen_nonzero = false;
  long integer_digits = 0;
  long leading_fraction_zeros = 0;
  for (; i < s.size() && is_digit(s[i]); ++i, ++mantissa_digits) {
    seen_nonzero = seen_nonzero || s[i] != '0';
    if (seen_nonzero) ++integer_digits;
  }
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    shape.has_comma = s[i] == ',';
    for (++i; i < s.size() && is_digit(s[i]); ++i, ++mantissa_digits) {
      if (!seen_nonzero && s[i] == '0') ++leading_fraction_zeros;
      seen_nonzero = seen_nonzero || s[i] != '0';
    }
  }
  if (mantissa_digits == 0) return shape;
  long exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    if (i == s.size() || !is_digit(s[i])) return shape;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (exponent < 100000) exponent = exponent * 10 + (s[i] - '0');
    }
    if (negative) exponent = -exponent;
  }
  if (i != s.size()) return shape;
  shape.valid = true;
  shape.magnitude =
      integer_digits > 0 ? integer_digits + exponent : exponent - leading_fraction_zeros;
  return shape;
}

// Converts text already checked by check_number_syntax and written with '.' (no leading '+').
// std::from_chars is exact and ignores the locale. Where the library lacks it for double (libc++
// of Emscripten 3.1.6), musl's strtod is locale-free too; ITP_USE_STRTOD tests that path natively.
std::optional<double> convert(const char* begin, const char* end, const NumberShape& shape) {
  double value = 0;
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L && !defined(ITP_USE_STRTOD)
  const auto [ptr, error] = std::from_chars(begin, end, value);
  if (error == std::errc::result_out_of_range) {
    if (shape.magnitude > 0) return std::nullopt;  // beyond the largest double: not finite
    return *begin == '-' ? -0.0 : 0.0;             // below the smallest: zero
  }
  if (error != std::errc() || ptr != end) return std::nullopt;
#else
  (void)shape;
  const std::size_t length = static_cast<std::size_t>(end - begin);
  char buffer[65];
  std::string long_copy;
  const char* terminated = buffer;
  if (length < sizeof buffer) {
    std::memcpy(buffer, begin, length);
    buffer[length] = '\0';
  } else {
    long_copy.assign(begin, end);
    terminated = long_copy.c_str();
  }
  value = std::strtod(terminated, nullptr);
#endif
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// Digits with at most one mark, no sign, at most 15 digits in all (leading zeros included).
std::optional<PlainDecimal> unsigned_plain_decimal(std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* const first_digit = p;
  std::uint64_t digits = 0;
  while (p < end && is_digit(*p)) digits = digits * 10 + static_cast<std::uint64_t>(*p++ - '0');
  std::ptrdiff_t count = p - first_digit;
  std::ptrdiff_t decimals = 0;
  if (p < end && (*p == '.' || *p == ',')) {
    const char* const first_decimal = ++p;
    while (p < end && is_digit(*p)) digits = digits * 10 + static_cast<std::uint64_t>(*p++ - '0');
    decimals = p - first_decimal;
    count += decimals;
  }
  // Exponents, grouping, more digits than a double holds exactly: the full path decides.
  if (p != end || count == 0 || count > 15) return std::nullopt;
  return PlainDecimal{digits, static_cast<unsigned>(decimals)};
}

// Plain decimals (the cells of almost every table) by Clinger's fast path: the digits as an
// exact integer m and 10^k exact too, so m / 10^k is one correctly rounded division, the same
// double as a full conversion gives. Anything else: nullopt, to the full path.
std::optional<double> parse_plain_decimal(std::string_view s) {
  const bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  const std::optional<PlainDecimal> plain = unsigned_plain_decimal(s);
  if (!plain) return std::nullopt;
  const double value = plain->value();
  return negative ? -value : value;
}

}  // namespace

// By hand: find_first_not_of searches its set with memchr for every character, and this runs
// on every cell of every row.
std::string_view trim_blanks(std::string_view cell) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t first = 0, last = cell.size();
  while (first < last && blank(cell[first])) ++first;
  while (last > first && blank(cell[last - 1])) --last;
  return cell.substr(first, last - first);
}

std::optional<PlainDecimal> read_plain_decimal(std::string_view cell) {
  return unsigned_plain_decimal(trim_blanks(cell));
}

double PlainDecimal::value() const {
  return static_cast<double>(digits) / kPowersOfTen[decimals];
}

std::string_view trim_whitespace(std::string_view text) {
  // The C locale's white space, without a call into the C library per character.
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_missing_marker(std::string_view cell) {
  const std::string_view text = trim_blanks(cell);
  if (text.empty()) return true;
  // No marker is longer than 3 or starts with a digit: most cells stop here.
  if (text.size() > 3 || is_digit(text.front())) return false;
  if (text == "."sv || text == "-"sv) return true;
  for (const std::string_view marker : {"na"sv, "n/a"sv, "nd"sv, "nan"sv}) {
    if (equals_ignoring_case(text, marker)) return true;
  }
  return false;
}

std::optional<CensoredNumber> parse_censored_number(std::string_view cell) {
  std::string_view text = trim_blanks(cell);
  CensoredNumber::Side side;
  if (text.substr(0, 1) == "<"sv || text.substr(0, 3) == "\u2264"sv) {
    side = CensoredNumber::Side::below;
  } else if (text.substr(0, 1) == ">"sv || text.substr(0, 3) == "\u2265"sv) {
    side = CensoredNumber::Side::above;
  } else {
    return std::nullopt;
  }
  text.remove_prefix(text[0] == '<' || text[0] == '>' ? 1 : 3);
  if (!text.empty() && text.front() == '=') text.remove_prefix(1);  // "<=10", ">=2000"
  const std::optional<double> limit = parse_number(text);
  if (!limit) return std::nullopt;
  return CensoredNumber{side, *limit};
}

namespace {

// A number written with its thousands grouped ("1 234,5", "1.234,5", "1,234.5", "12,345,678",
// "1'234"), as digits with '.' as the decimal mark; nullopt for any other text. Groups after
// the first have exactly three digits, all separated by the same mark, and the decimal mark
// (if any) is the other one of '.' and ','.
std::optional<std::string> ungrouped(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) out += text[i++];
  // The separator at `at`, and its length: space, '\'', '.', ',', no-break spaces, ’.
  const auto separator_at = [&](std::size_t at) -> std::string_view {
    for (std::string_view sep : {" "sv, "'"sv, "."sv, ","sv, "\u00A0"sv, "\u202F"sv, "\u2019"sv})
      if (text.substr(at, sep.size()) == sep) return sep;
    return {};
  };
  std::string_view group_mark;
  std::size_t groups = 0, digits = 0;
  while (i < text.size()) {
    if (is_digit(text[i])) {
      out += text[i++];
      ++digits;
      continue;
    }
    const std::string_view sep = separator_at(i);
    if (sep.empty()) return std::nullopt;
    if (groups == 0 ? (digits < 1 || digits > 3) : digits != 3) {
      // Not a group boundary: a decimal mark ends the integer part, if groups came before.
      break;
    }
    const bool next_is_group = i + sep.size() + 3 <= text.size() &&
                               std::all_of(text.begin() + i + sep.size(),
                                           text.begin() + i + sep.size() + 3, is_digit) &&
                               (i + sep.size() + 3 == text.size() ||
                                !is_digit(text[i + sep.size() + 3]));
    if (!next_is_group || (!group_mark.empty() && sep != group_mark)) break;
    group_mark = sep;
    ++groups;
    digits = 0;
    i += sep.size();
  }
  if (groups == 0 || digits != 3) return std::nullopt;
  if (i < text.size()) {
    const char mark = text[i];
    if ((mark != '.' && mark != ',') || group_mark == std::string_view(&text[i], 1))
      return std::nullopt;
    out += '.';
    ++i;
    if (i == text.size()) return std::nullopt;
    for (; i < text.size(); ++i) {
      if (!is_digit(text[i])) return std::nullopt;
      out += text[i];
    }
  }
  return out;
}

}  // namespace

bool reads_as_thousands(std::string_view cell) {
  std::string_view text = trim_blanks(cell);
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  const std::size_t comma = text.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 3 || text[0] == '0') return false;
  if (text.size() != comma + 4) return false;
  return std::all_of(text.begin(), text.begin() + comma, is_digit) &&
         std::all_of(text.begin() + comma + 1, text.end(), is_digit);
}

std::optional<double> parse_number(std::string_view cell) {
  std::string_view text = trim_blanks(cell);
  if (const std::optional<double> plain = parse_plain_decimal(text)) return plain;
  const NumberShape shape = check_number_syntax(text);
  if (!shape.valid) {
    const std::optional<std::string> digits = ungrouped(text);
    if (!digits) return std::nullopt;
    return parse_number(*digits);
  }
  if (text.front() == '+') text.remove_prefix(1);  // from_chars takes only '-'
  if (!shape.has_comma) return convert(text.data(), text.data() + text.size(), shape);
  // A decimal comma: convert a copy with '.', on the stack for any number a person types.
  char buffer[64];
  std::string long_copy;
  char* copy = buffer;
  if (text.size() > sizeof buffer) {
    long_copy.resize(text.size());
    copy = long_copy.data();
  }
  for (std::size_t i = 0; i < text.size(); ++i) copy[i] = text[i] == ',' ? '.' : text[i];
  return convert(copy, copy + text.size(), shape);
}

EventCode parse_event_code(std::string_view cell) {
  const std::string_view text = trim_blanks(cell);
  if (text.size() == 1 && (text[0] == '0' || text[0] == '1'))  // the usual coding, first
    return text[0] == '1' ? EventCode::event : EventCode::censored;
  for (const std::string_view yes : {"1"sv, "true"sv, "yes"sv, "y"sv, "oui"sv, "o"sv}) {
    if (equals_ignoring_case(text, yes)) return EventCode::event;
  }
  for (const std::string_view no : {"0"sv, "false"sv, "no"sv, "n"sv, "non"sv}) {
    if (equals_ignoring_case(text, no)) return EventCode::censored;
  }
  const std::optional<double> number = parse_number(text);
  if (number == 1.0) return EventCode::event;
  if (number == 0.0) return EventCode::censored;
  return EventCode::invalid;
}

}  // namespace itp
