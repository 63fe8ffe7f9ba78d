#pragma once
// The choices a user makes about how their cohort files are read (docs/design.md §5): the page's
// "check" step sets them, the CLI takes them as options, and every default is the design's.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cohort/column_names.hpp"
#include "core/io/dates.hpp"

namespace itp {

// What a value censored at a detection limit ("<10") stands for in computations. Whatever the
// choice, it meets no threshold at or above its limit (docs/design.md §5), and each is listed.
enum class CensoredValues {
  at_limit,    // "<10" counts as 10 (default: the most conservative for fold rises)
  half_limit,  // "<10" counts as 5, a common convention for summaries
  set_aside,   // the row is set aside like a bad cell
};

struct ImportOptions {
  // Which loaded tables form the cohort; empty: every loaded table.
  std::vector<std::string> tables;
  DayMonthOrder date_order = DayMonthOrder::day_first;
  std::map<std::string, DayMonthOrder> date_order_by_table;  // by table name; overrides the above
  // Codes that mean "missing" besides empty, NA, N/A, ND, ".", "-" (e.g. "9999", "01/01/1900").
  std::vector<std::string> missing_codes;
  CensoredValues censored_values = CensoredValues::at_limit;
  // Roles the user gives to tables whose name and columns do not say it (table name -> role).
  std::map<std::string, CohortTable> roles;
  // Per table name: column as in the file -> canonical name, or "" to ignore the column.
  std::map<std::string, std::map<std::string, std::string>> mapping;

  DayMonthOrder date_order_of(const std::string& table) const {
    auto it = date_order_by_table.find(table);
    return it == date_order_by_table.end() ? date_order : it->second;
  }
};

}  // namespace itp
