#pragma once
// One cell of an event column, read before the column's coding is known: R's Surv reads 2 as the
// event and 1 as censored when the largest number of the whole column is 2, so a row reader
// sees every cell first and decides the coding after.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace itp {

// What a cell says. Numbers and words are kept apart: the words (yes/no, true/false, oui/non)
// mean the same under either coding, the numbers 1 and 2 do not.
enum class EventCell : std::uint8_t { zero, one, two, word_event, word_censored, unreadable };

// With the user's own values (`event_values` non-empty), a cell equal to one of them, ignoring
// case and surrounding blanks, is `one` (event) and one equal to a `censor_values` entry is
// `zero`; anything else is unreadable. Without them, the numbers 0, 1 and 2 and the words of
// parse_event_code.
EventCell read_event_cell(std::string_view cell, const std::vector<std::string>& event_values,
                          const std::vector<std::string>& censor_values);

}  // namespace itp
