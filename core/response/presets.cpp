#include "core/response/presets.hpp"

#include "core/io/problem.hpp"

namespace itp {

ResponseCriteria preset_criteria(std::string_view name) {
  std::string known;
  for (const PresetText& preset : preset_texts()) {
    if (preset.name == name) return parse_criteria(Json::parse(preset.json));
    known += (known.empty() ? "" : ", ") + std::string(preset.name);
  }
  throw InputError({"unknown_criteria",
                    "no criteria preset named \"" + std::string(name) + "\" (presets: " + known +
                        "); or give the criteria as a JSON object",
                    "", std::nullopt, std::nullopt});
}

Json presets_json() {
  Json all = Json::array();
  for (const PresetText& preset : preset_texts())
    all.push_back(criteria_to_json(parse_criteria(Json::parse(preset.json))));
  return all;
}

}  // namespace itp
