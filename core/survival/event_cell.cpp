#include "core/survival/event_cell.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/io/cell_values.hpp"

namespace itp {
namespace {

bool same_text_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

EventCell read_event_cell(std::string_view cell, const std::vector<std::string>& event_values,
                          const std::vector<std::string>& censor_values) {
  const std::string_view value = trim_whitespace(cell);
  if (!event_values.empty()) {
    for (const std::string& e : event_values)
      if (same_text_ignoring_case(value, trim_whitespace(e))) return EventCell::one;
    for (const std::string& c : censor_values)
      if (same_text_ignoring_case(value, trim_whitespace(c))) return EventCell::zero;
    return EventCell::unreadable;
  }
  if (const std::optional<double> number = parse_number(value)) {
    if (*number == 0) return EventCell::zero;
    if (*number == 1) return EventCell::one;
    if (*number == 2) return EventCell::two;
    return EventCell::unreadable;
  }
  switch (parse_event_code(value)) {
    case EventCode::event: return EventCell::word_event;
    case EventCode::censored: return EventCell::word_censored;
    case EventCode::invalid: break;
  }
  return EventCell::unreadable;
}

}  // namespace itp
