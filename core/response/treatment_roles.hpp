#pragma once
// The role of each other ITP treatment relative to the first infusion (docs/design.md §5): by its
// start day s and the window w (42 days): concomitant if -w <= s <= w; background if s < -w and not
// ended before D0; prior if s < -w and ended before D0; subsequent if s > w.
#include <string_view>

#include "core/cohort/cohort.hpp"

namespace itp {

enum class TreatmentRole { prior, background, concomitant, subsequent, unknown };

std::string_view treatment_role_name(TreatmentRole role);  // "prior", "background", ...

// A treatment declared prior without dates (a prior_<drug> column) is prior; one without a
// start day is unknown.
TreatmentRole treatment_role(const Treatment& treatment, int window_days);

}  // namespace itp
