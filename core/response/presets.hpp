#pragma once
// The built-in criteria sets: presets/*.json, carried by the core as text (the build generates
// preset_texts() from the files), parsed and validated like a user's own set.
#include <string>
#include <string_view>
#include <vector>

#include "core/response/criteria.hpp"

namespace itp {

struct PresetText {
  std::string_view name;  // the file's stem: "seed-2026"
  std::string_view json;
};

// In name order. Defined in the generated preset_texts.cpp.
const std::vector<PresetText>& preset_texts();

// The preset of that name, parsed; throws InputError listing the presets for an unknown name.
ResponseCriteria preset_criteria(std::string_view name);

// Every preset, parsed, as JSON objects (for the "presets" request and `itp-analyze presets`).
Json presets_json();

}  // namespace itp
