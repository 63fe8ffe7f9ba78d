#include "core/survival/required_column.hpp"

#include "core/io/problem.hpp"

namespace itp {

std::size_t require_column(const TextTable& table, const std::string& name, const char* role) {
  const std::size_t index = table.column_index(name);
  if (index != TextTable::npos) return index;
  std::string available;
  for (const std::string& h : table.header()) available += (available.empty() ? "" : ", ") + h;
  throw InputError({"unknown_column",
                    std::string("the ") + role + " column \"" + name + "\" is not in " +
                        table.file() + "; its columns are: " + available,
                    table.file(), 1, name});
}

}  // namespace itp
