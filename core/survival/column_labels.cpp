#include "core/survival/column_labels.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include "core/io/cell_values.hpp"

namespace itp {

std::uint32_t ColumnLabels::index_of(std::string_view label) {
  if (labels_.size() <= kScanLimit) {
    for (std::size_t i = 0; i < labels_.size(); ++i)
      if (labels_[i] == label) return static_cast<std::uint32_t>(i);
  } else if (const auto it = index_.find(std::string(label)); it != index_.end()) {
    return it->second;
  }
  const auto index = static_cast<std::uint32_t>(labels_.size());
  labels_.emplace_back(label);
  if (labels_.size() == kScanLimit + 1)  // leaving the scan: index what it held
    for (std::uint32_t i = 0; i < labels_.size(); ++i) index_.emplace(labels_[i], i);
  else if (labels_.size() > kScanLimit + 1)
    index_.emplace(labels_.back(), index);
  return index;
}

std::vector<std::uint32_t> rank_in_r_order(const std::vector<std::string>& labels,
                                           std::vector<std::string>& sorted) {
  std::vector<std::optional<double>> value(labels.size());
  bool all_numbers = true;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    value[i] = parse_number(labels[i]);
    all_numbers = all_numbers && value[i].has_value();
  }
  std::vector<std::uint32_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (all_numbers && *value[a] != *value[b]) return *value[a] < *value[b];
    return labels[a] < labels[b];
  });
  std::vector<std::uint32_t> rank(order.size());
  sorted.clear();
  for (std::size_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = static_cast<std::uint32_t>(r);
    sorted.push_back(labels[order[r]]);
  }
  return rank;
}

void number_in_r_order(const std::vector<std::string>& labels, std::vector<std::uint32_t>& of_row,
                       std::vector<std::string>& names) {
  const std::vector<std::uint32_t> rank = rank_in_r_order(labels, names);
  for (std::uint32_t& i : of_row) i = rank[i];
}

}  // namespace itp
