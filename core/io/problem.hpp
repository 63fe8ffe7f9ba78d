#pragma once
// A problem found in a user's input, located as a spreadsheet shows it, and the exception
// that carries one when the input cannot be used at all.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace itp {

struct Problem {
  std::string code;     // stable and machine-readable, e.g. "missing_time"
  std::string message;  // says what is wrong and what would fix it
  std::string file;     // the file name as the user gave it (may be empty)
  std::optional<std::size_t> row;      // record number, header = 1
  std::optional<std::string> column;   // column name as in the file
  // For a problem in one row of a table: whether the row was still used (a bad optional cell
  // reads as missing) or set aside. Unset for problems not about one row.
  std::optional<bool> row_kept = std::nullopt;
};

// Thrown for input that cannot be used at all; the API turns it into {"ok": false, "error": ...}.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Problem problem)
      : std::runtime_error(problem.message), problem_(std::move(problem)) {}
  const Problem& problem() const { return problem_; }

 private:
  Problem problem_;
};

}  // namespace itp
