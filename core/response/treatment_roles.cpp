#include "core/response/treatment_roles.hpp"

namespace itp {

std::string_view treatment_role_name(TreatmentRole role) {
  switch (role) {
    case TreatmentRole::prior: return "prior";
    case TreatmentRole::background: return "background";
    case TreatmentRole::concomitant: return "concomitant";
    case TreatmentRole::subsequent: return "subsequent";
    case TreatmentRole::unknown: break;
  }
  return "unknown";
}

TreatmentRole treatment_role(const Treatment& t, int window_days) {
  if (t.declared_prior) return TreatmentRole::prior;
  if (!t.start_day) return TreatmentRole::unknown;
  const Day s = *t.start_day;
  if (s > window_days) return TreatmentRole::subsequent;
  if (s >= -window_days) return TreatmentRole::concomitant;
  // Started more than a window before D0: still given at D0 unless it ended before it.
  return t.end_day && *t.end_day < 0 ? TreatmentRole::prior : TreatmentRole::background;
}

}  // namespace itp
