#pragma once
// Compares a JSON answer against an expected JSON document (a golden file written by R) and
// names the first difference by its path, e.g. `$.survival.groups[1].table.std_err[9]`.
//
// Rules, chosen so golden files can be written by another tool (R's jsonlite) and still be
// exact where exactness matters:
//   - objects: every key of `expected` must be in `actual` with a matching value; keys only in
//     `actual` are allowed (a golden file pins what R can tell, not every field we print);
//   - arrays: same length, element by element;
//   - numbers: two integers must be equal; otherwise |a - e| <= max(rel * |e|, abs_floor)
//     (so 9 and 9.0 agree, and values near 0 are compared absolutely);
//   - null matches only null; strings and booleans must be equal.
// Works with nlohmann::json and nlohmann::ordered_json; with ordered_json, "first" follows the
// order of the expected document.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace itp::testing {

struct JsonTolerance {
  double relative = 1e-9;
  double absolute_floor = 1e-12;
};

namespace detail {

template <class Json>
std::string json_kind(const Json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "boolean";
  if (value.is_number_integer()) return "integer";
  if (value.is_number()) return "number";
  if (value.is_string()) return "string";
  if (value.is_array()) return "array";
  return "object";
}

template <class Json>
std::string short_dump(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 120) text = text.substr(0, 117) + "...";
  return text;
}

template <class Json>
std::string mismatch(const std::string& path, const std::string& what, const Json& expected,
                     const Json& actual) {
  return path + ": " + what + " (expected " + short_dump(expected) + ", got " + short_dump(actual) +
         ")";
}

template <class Json>
bool numbers_agree(const Json& expected, const Json& actual, const JsonTolerance& tolerance) {
  if (expected.is_number_integer() && actual.is_number_integer()) {
    // Both integral: compare exactly, through the signed or unsigned reading that fits.
    if (expected.is_number_unsigned() || actual.is_number_unsigned()) {
      return expected.template get<long double>() == actual.template get<long double>();
    }
    return expected.template get<long long>() == actual.template get<long long>();
  }
  const double e = expected.template get<double>();
  const double a = actual.template get<double>();
  if (std::isnan(e) || std::isnan(a)) return false;
  const double allowed = std::max(tolerance.relative * std::fabs(e), tolerance.absolute_floor);
  return std::fabs(a - e) <= allowed;
}

}  // namespace detail

// Returns nothing when `actual` matches `expected`, else a one-line description of the first
// difference: its JSON path, what differs, and both values.
template <class Json>
std::optional<std::string> first_json_difference(const Json& expected, const Json& actual,
                                                 const JsonTolerance& tolerance = {},
                                                 const std::string& path = "$") {
  using detail::mismatch;
  if (expected.is_number() && actual.is_number()) {
    if (detail::numbers_agree(expected, actual, tolerance)) return std::nullopt;
    return mismatch(path, "numbers differ", expected, actual);
  }
  if (detail::json_kind(expected) != detail::json_kind(actual)) {
    return mismatch(
        path, detail::json_kind(expected) + " expected, " + detail::json_kind(actual) + " found",
        expected, actual);
  }
  if (expected.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const std::string child = path + "." + it.key();
      auto found = actual.find(it.key());
      if (found == actual.end()) return path + ": missing key \"" + it.key() + "\"";
      if (auto difference = first_json_difference(it.value(), *found, tolerance, child)) {
        return difference;
      }
    }
    return std::nullopt;
  }
  if (expected.is_array()) {
    if (expected.size() != actual.size()) {
      return mismatch(path,
                      "array lengths differ: " + std::to_string(expected.size()) + " expected, " +
                          std::to_string(actual.size()) + " found",
                      expected, actual);
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const std::string child = path + "[" + std::to_string(i) + "]";
      if (auto difference = first_json_difference(expected[i], actual[i], tolerance, child)) {
        return difference;
      }
    }
    return std::nullopt;
  }
  if (expected != actual) return mismatch(path, "values differ", expected, actual);
  return std::nullopt;
}

}  // namespace itp::testing
