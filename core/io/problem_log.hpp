#pragma once
// Warnings collected while reading or analysing, with a cap per code so that a file with a
// million bad rows reports the first ones and how many more, not a million lines.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/io/problem.hpp"

namespace itp {

class ProblemLog {
 public:
  explicit ProblemLog(std::size_t cap_per_code = 20) : cap_(cap_per_code) {}

  void add(Problem problem) {
    std::size_t& seen = seen_by_code_[problem.code];
    if (++seen <= cap_) problems_.push_back(std::move(problem));
  }

  // Adds what `other` logged after what this one holds, as if they had been logged here in that
  // order: the caps apply to the whole, and the counts include what `other` did not keep.
  void absorb(const ProblemLog& other) {
    for (const Problem& p : other.problems_) add(p);
    for (const auto& [code, seen] : other.seen_by_code_)
      if (seen > other.cap_) seen_by_code_[code] += seen - other.cap_;
  }

  // The kept problems, then one summary per code that went over its cap.
  std::vector<Problem> problems() const {
    std::vector<Problem> all = problems_;
    for (const auto& [code, seen] : seen_by_code_) {
      if (seen <= cap_) continue;
      Problem more;
      more.code = code;
      more.message = "... and " + std::to_string(seen - cap_) + " more rows with the same problem (" +
                     code + ")";
      all.push_back(std::move(more));
    }
    return all;
  }

  std::size_t count(const std::string& code) const {
    auto it = seen_by_code_.find(code);
    return it == seen_by_code_.end() ? 0 : it->second;
  }

 private:
  std::size_t cap_;
  std::vector<Problem> problems_;
  std::map<std::string, std::size_t> seen_by_code_;
};

}  // namespace itp
