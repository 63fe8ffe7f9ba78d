#include "core/report/survival_rows_from.hpp"

#include <unordered_map>

namespace itp {

SurvivalRows survival_rows_from(const std::vector<double>& time,
                                const std::vector<std::uint8_t>& event) {
  SurvivalRows rows;
  rows.group_names = {"all"};
  std::unordered_map<double, std::uint32_t> id_of;
  for (std::size_t i = 0; i < time.size(); ++i) {
    auto [it, inserted] =
        id_of.emplace(time[i], static_cast<std::uint32_t>(rows.distinct_times.size()));
    if (inserted) rows.distinct_times.push_back(time[i]);
    rows.time_id.push_back(it->second);
    rows.event.push_back(event[i]);
  }
  rows.rows_read = time.size();
  return rows;
}

}  // namespace itp
