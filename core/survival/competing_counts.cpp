#include "core/survival/competing_counts.hpp"

#include <algorithm>
#include <utility>

namespace itp {

std::int64_t TimeTable::total() const {
  std::int64_t n = 0;
  for (std::int32_t c : count) n += c;
  return n;
}

namespace {

// Row indexes bucketed by set (a counting sort): set s has rows row_of[start[s] .. start[s+1]).
void bucket_by_set(const std::vector<std::uint32_t>& set_of_row, std::size_t sets,
                   std::vector<std::size_t>& start, std::vector<std::uint32_t>& row_of) {
  start.assign(sets + 1, 0);
  for (std::uint32_t s : set_of_row) ++start[s + 1];
  for (std::size_t s = 0; s < sets; ++s) start[s + 1] += start[s];
  row_of.resize(set_of_row.size());
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < set_of_row.size(); ++i)
    row_of[next[set_of_row[i]]++] = static_cast<std::uint32_t>(i);
}

void sorted_pairs(const std::vector<double>& time, const std::vector<std::uint32_t>& cell_of_row,
                  const std::uint32_t* rows, std::size_t count, TimeSortedRows& pairs) {
  pairs.clear();
  pairs.reserve(count);
  for (std::size_t k = 0; k < count; ++k) pairs.emplace_back(time[rows[k]], cell_of_row[rows[k]]);
  std::sort(pairs.begin(), pairs.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace

std::vector<TimeSortedRows> sort_by_time(const std::vector<double>& time,
                                         const std::vector<std::uint32_t>& set_of_row,
                                         std::size_t sets,
                                         const std::vector<std::uint32_t>& cell_of_row) {
  std::vector<std::size_t> start;
  std::vector<std::uint32_t> row_of;
  bucket_by_set(set_of_row, sets, start, row_of);
  std::vector<TimeSortedRows> sorted(sets);
  for (std::size_t s = 0; s < sets; ++s)
    sorted_pairs(time, cell_of_row, row_of.data() + start[s], start[s + 1] - start[s], sorted[s]);
  return sorted;
}

std::vector<TimeTable> tabulate_by_time(const std::vector<double>& time,
                                        const std::vector<std::uint32_t>& set_of_row,
                                        std::size_t sets,
                                        const std::vector<std::uint32_t>& cell_of_row,
                                        std::size_t width) {
  // Only one set's pairs are held at a time.
  std::vector<std::size_t> start;
  std::vector<std::uint32_t> row_of;
  bucket_by_set(set_of_row, sets, start, row_of);
  std::vector<TimeTable> tables(sets);
  TimeSortedRows pairs;
  for (std::size_t s = 0; s < sets; ++s) {
    sorted_pairs(time, cell_of_row, row_of.data() + start[s], start[s + 1] - start[s], pairs);
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
