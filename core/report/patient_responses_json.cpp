#include "core/report/patient_responses_json.hpp"

namespace itp {
namespace {

void source(JsonWriter& out, const Cohort& cohort, const SourceRow& row) {
  out.key("file").value(cohort.tables[row.table].file);
  out.key("row").value(static_cast<std::size_t>(row.row));
}

void time_to_event(JsonWriter& out, const std::optional<TimeToEvent>& t) {
  if (!t) {
    out.null();
    return;
  }
  out.begin_object();
  out.key("days").value(t->days);
  out.key("event").value(t->event);
  out.key("event_reason");
  if (t->event) out.value(t->event_reason);
  else out.null();
  out.end_object();
}

void optional_text(JsonWriter& out, const std::string& text) {
  if (text.empty()) out.null();
  else out.value(text);
}

void dated_reason(JsonWriter& out, const std::optional<Day>& day, const std::string& reason) {
  if (!day) {
    out.null();
    return;
  }
  out.begin_object().key("day").value(static_cast<std::int64_t>(*day));
  out.key("reason").value(reason).end_object();
}

void treatment(JsonWriter& out, const Cohort& cohort, std::size_t index, TreatmentRole role) {
  const Treatment& t = cohort.treatments[index];
  out.begin_object();
  out.key("drug").value(t.drug);
  out.key("name");
  if (t.match) out.value(t.match->name);
  else out.null();
  out.key("class");
  if (t.match) out.value(drug_class_name(t.match->drug_class));
  else out.null();
  out.key("start_day").value(t.start_day);
  out.key("end_day").value(t.end_day);
  out.key("role").value(treatment_role_name(role));
  source(out, cohort, t.source);
  out.end_object();
}

void count(JsonWriter& out, const Cohort& cohort, const CountAudit& a) {
  out.begin_object();
  out.key("day").value(static_cast<std::int64_t>(a.day));
  out.key("platelets").value(a.value);
  out.key("censored_below").value(a.censored_below);
  out.key("credited").value(a.credited);
  out.key("not_credited_because");
  if (a.credited) out.null();
  else out.value(a.not_credited_because);
  out.key("bleeding").value(a.bleeding);
  out.key("level").value(level_name(a.level));
  out.key("confirmed").value(level_name(a.confirmed));
  out.key("same_day_lower").value(a.same_day_lower);
  out.key("in_window").value(a.in_window);
  source(out, cohort, a.source);
  out.end_object();
}

}  // namespace

void write_patient_responses(JsonWriter& out, const Cohort& cohort,
                             const std::vector<PatientResponse>& responses) {
  out.begin_array();
  for (const PatientResponse& r : responses) {
    const Patient& p = cohort.patients[r.patient];
    out.begin_object();
    out.key("patient_id").value(p.id);
    out.key("category").value(category_name(r.category));
    out.key("reason").value(r.reason);
    out.key("baseline").begin_object();
    out.key("platelets").value(r.baseline.value);
    out.key("censored_below").value(r.baseline.censored_below);
    out.key("source");
    if (r.baseline.source.empty()) out.null();
    else out.value(r.baseline.source);
    out.end_object();
    out.key("landmark_count_day").value(r.landmark_count_day);
    out.key("other_landmarks").begin_array();
    for (const LandmarkResult& l : r.other_landmarks)
      out.begin_object().key("day").value(l.day).key("category").value(category_name(l.category))
          .key("reason").value(l.reason).end_object();
    out.end_array();
    out.key("best_response").value(level_name(r.best_level));
    out.key("first_response_day").value(r.first_response_day);
    out.key("best_response_day").value(r.best_response_day);
    out.key("time_to_response_days").value(r.time_to_response_days);
    out.key("loss_of_response");
    dated_reason(out, r.loss_day, r.loss_reason);
    out.key("loss_of_complete_response");
    dated_reason(out, r.cr_loss_day, r.cr_loss_reason);
    out.key("rfs");
    time_to_event(out, r.rfs);
    out.key("rfs_missing_reason");
    optional_text(out, r.rfs_missing_reason);
    out.key("os");
    time_to_event(out, r.os);
    out.key("os_missing_reason");
    optional_text(out, r.os_missing_reason);
    if (r.durable) out.key("durable").value(*r.durable);
    out.key("treatments").begin_array();
    for (std::size_t i = 0; i < r.treatments.size(); ++i)
      treatment(out, cohort, r.treatments[i], r.treatment_roles[i]);
    out.end_array();
    out.key("counts").begin_array();
    for (const CountAudit& a : r.counts) count(out, cohort, a);
    out.end_array();
    out.end_object();
  }
  out.end_array();
}

}  // namespace itp
