#include "core/survival/competing_counts.hpp"

#include <algorithm>
#include <utility>

namespace itp {

std::int64_t TimeTable::total() const {
  std::int64_t n = 0;
  for (std::int32_t c : count) n += c;
  return n;
}

std::vector<TimeTable> tabulate_by_time(const std::vector<double>& time,
                                        const std::vector<std::uint32_t>& set_of_row,
                                        std::size_t sets,
                                        const std::vector<std::uint32_t>& cell_of_row,
                                        std::size_t width) {
  // Rows bucketed by set (a counting sort), then each set's (time, cell) pairs sorted: only one
  // set's pairs are held at a time.
  std::vector<std::size_t> start(sets + 1, 0);
  for (std::uint32_t s : set_of_row) ++start[s + 1];
  for (std::size_t s = 0; s < sets; ++s) start[s + 1] += start[s];
  std::vector<std::uint32_t> row_of(time.size());
  {
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < time.size(); ++i)
      row_of[next[set_of_row[i]]++] = static_cast<std::uint32_t>(i);
  }

  std::vector<TimeTable> tables(sets);
  std::vector<std::pair<double, std::uint32_t>> pairs;
  for (std::size_t s = 0; s < sets; ++s) {
    pairs.clear();
    for (std::size_t k = start[s]; k < start[s + 1]; ++k)
      pairs.emplace_back(time[row_of[k]], cell_of_row[row_of[k]]);
    std::sort(pairs.begin(), pairs.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    TimeTable& table = tables[s];
    table.width = width;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      if (k == 0 || pairs[k].first != pairs[k - 1].first) {
        table.time.push_back(pairs[k].first);
        table.count.resize(table.count.size() + width, 0);
      }
      ++table.count[(table.time.size() - 1) * width + pairs[k].second];
    }
  }
  return tables;
}

}  // namespace itp
