#include "core/response/confirmed_episodes.hpp"

namespace itp {

ConfirmedLevels confirmed_levels(const std::vector<AssessedCount>& counts,
                                 const Confirmation& confirmation) {
  ConfirmedLevels levels{std::vector<ResponseLevel>(counts.size(), ResponseLevel::none),
                         std::vector<ResponseLevel>(counts.size(), ResponseLevel::none)};
  for (const ResponseLevel level : {ResponseLevel::R, ResponseLevel::CR}) {
    const Episodes e = confirmed_episodes(
        counts, [level](const AssessedCount& c) { return c.level >= level; }, confirmation);
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (e.starts[i]) levels.starts[i] = level;
      if (e.within[i]) levels.within[i] = level;
    }
  }
  return levels;
}

}  // namespace itp
