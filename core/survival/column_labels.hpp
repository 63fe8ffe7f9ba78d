#pragma once
// The labels of a text column (a group, a stratum, a status, a factor covariate) and R's order
// of factor levels, shared by the row readers of competing risks and the Cox model so that a
// level sorts the same way in every analysis.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace itp {

// The distinct texts of a column, numbered in order of first appearance.
class ColumnLabels {
 public:
  std::uint32_t index_of(std::string_view label);  // adds the label when it is new
  const std::vector<std::string>& labels() const { return labels_; }  // by index

 private:
  // A status or group column has a handful of labels: a scan beats hashing each cell. Past
  // this many, the labels are hashed.
  static constexpr std::size_t kScanLimit = 8;
  std::vector<std::string> labels_;
  std::unordered_map<std::string, std::uint32_t> index_;  // filled once past kScanLimit
};

// R's order of factor levels as read.csv makes them (R under LC_COLLATE=C): by value when every
// label is a number, else by bytes; ties in value ("1" and "1.0") by bytes. Returns each
// label's rank in that order (by index into `labels`) and puts the labels in that order in
// `sorted`.
std::vector<std::uint32_t> rank_in_r_order(const std::vector<std::string>& labels,
                                           std::vector<std::string>& sorted);

// Renumbers `of_row` from indexes into `labels` to ranks in R's level order; `names` gets the
// labels in that order.
void number_in_r_order(const std::vector<std::string>& labels, std::vector<std::uint32_t>& of_row,
                       std::vector<std::string>& names);

}  // namespace itp
