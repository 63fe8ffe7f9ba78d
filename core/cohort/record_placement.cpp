// Step 4 of import_cohort: D0 and age derived, every record placed in days from its patient's
// D0, and the checks that need two tables (docs/design.md §5 and issue 4): dates before birth or
// after death, infusions before D0, D0 against the first infusion, follow-up before the last
// record.
#include <algorithm>
#include <tuple>

#include "core/cohort/import_steps.hpp"
#include "core/io/dates.hpp"
#include "core/numeric/decimal_format.hpp"

namespace itp {
namespace {

class Placement {
 public:
  explicit Placement(ImportState& state) : state_(state) {}

  void run() {
    derive_d0();
    derive_age_and_death();
    place_all(state_.cohort.platelets, state_.count_kinds);
    place_all(state_.cohort.infusions, state_.infusion_kinds);
    place_all(state_.cohort.labs, state_.lab_kinds);
    place_events();
    place_treatments();
    check_follow_up();
  }

 private:
  void patient_warning(const Patient& p, std::string code, std::string message,
                       const std::string& canonical) {
    Problem problem{std::move(code), std::move(message), state_.file_of(p.source), p.source.row,
                    state_.column_of(p.source, canonical)};
    problem.row_kept = true;
    state_.log.add(std::move(problem));
  }

  void record_problem(const SourceRow& source, const std::string& canonical, std::string code,
                      std::string message, bool kept) {
    Problem problem{std::move(code), std::move(message), state_.file_of(source), source.row,
                    state_.column_of(source, canonical)};
    problem.row_kept = kept;
    state_.log.add(std::move(problem));
  }

  void derive_d0() {
    const std::size_t n = state_.cohort.patients.size();
    std::vector<std::optional<DateDays>> first_infusion(n);
    std::vector<bool> has_dated_record(n, false);
    const auto& infusions = state_.cohort.infusions;
    for (std::size_t i = 0; i < infusions.size(); ++i) {
      auto& first = first_infusion[infusions[i].patient];
      if (state_.infusion_kinds[i] == RecordTime::Kind::date &&
          (!first || infusions[i].day < *first))
        first = infusions[i].day;
    }
    const auto note_dated = [&](const auto& records, const std::vector<RecordTime::Kind>& kinds) {
      for (std::size_t i = 0; i < records.size(); ++i)
        if (kinds[i] == RecordTime::Kind::date) has_dated_record[records[i].patient] = true;
    };
    note_dated(state_.cohort.platelets, state_.count_kinds);
    note_dated(infusions, state_.infusion_kinds);
    note_dated(state_.cohort.labs, state_.lab_kinds);
    for (std::size_t i = 0; i < state_.cohort.adverse_events.size(); ++i)
      if (state_.event_times[i].kind == RecordTime::Kind::date)
        has_dated_record[state_.cohort.adverse_events[i].patient] = true;
    for (std::size_t i = 0; i < state_.cohort.treatments.size(); ++i) {
      const TreatmentTimes& t = state_.treatment_times[i];
      if (t.start.kind == RecordTime::Kind::date || t.end.kind == RecordTime::Kind::date)
        has_dated_record[state_.cohort.treatments[i].patient] = true;
    }

    for (std::size_t i = 0; i < n; ++i) {
      Patient& p = state_.cohort.patients[i];
      const std::optional<DateDays> first = first_infusion[i];
      if (p.d0) {
        p.d0_source = Patient::D0Source::given;
        if (first && *first != *p.d0)
          patient_warning(p, "d0_differs_from_first_infusion",
                          "patient " + p.id + ": D0 is " + iso_date_text(*p.d0) +
                              " but the first infusion is on " + iso_date_text(*first) +
                              "; D0 as given is used",
                          "d0");
      } else if (first) {
        p.d0 = first;
        p.d0_source = Patient::D0Source::first_infusion;
      } else if (has_dated_record[i] || p.last_followup || p.death_date) {
        p.not_evaluable_reason = "no D0: no readable d0 date and no dated infusion";
        patient_warning(p, "missing_d0",
                        "patient " + p.id + " has no D0 (no readable d0 and no dated infusion): "
                        "their dated records cannot be placed and they are not evaluable",
                        "d0");
      }
      // Otherwise every time of this patient is a day from D0: no date is needed.
    }
  }

  void derive_age_and_death() {
    for (Patient& p : state_.cohort.patients) {
      if (p.birth_date && p.d0) {
        const CivilDate birth = civil_from_days(*p.birth_date);
        const CivilDate d0 = civil_from_days(*p.d0);
        int years = d0.year - birth.year;
        if (d0.month < birth.month || (d0.month == birth.month && d0.day < birth.day)) --years;
        if (years < 0) {
          patient_warning(p, "birth_after_d0", "patient " + p.id + ": born after D0", "birth_date");
        } else if (!p.age) {
          p.age = years;
        } else if (*p.age < years || *p.age >= years + 1) {
          patient_warning(p, "age_differs",
                          "patient " + p.id + ": age " + decimal_text(*p.age) +
                              " does not match the birth date (" + std::to_string(years) +
                              " completed years at D0); the age as given is used",
                          "age");
        }
      }
      if (p.death_date && p.death == false) {
        patient_warning(p, "death_inconsistent",
                        "patient " + p.id + " has a death date but death is \"no\"; read as dead",
                        "death");
      }
      if (p.death_date) p.death = true;
      if (p.death == true && !p.death_date)
        patient_warning(p, "missing_death_date",
                        "patient " + p.id + " died but the death date is missing; survival "
                        "cannot use this death",
                        "death_date");
    }
  }

  // The day of a record, or nullopt after setting its row aside.
  std::optional<Day> place(PatientIndex patient, const RecordTime& time,
                                    const SourceRow& source, const std::string& date_column) {
    if (time.kind == RecordTime::Kind::day) return time.value;
    if (time.kind == RecordTime::Kind::none) return std::nullopt;
    const Patient& p = state_.cohort.patients[patient];
    const DateDays date = time.value;
    std::string code, message;
    if (!p.d0) {
      code = "patient_without_d0";
      message = "patient " + p.id + " has no D0, so this date cannot be placed";
    } else if (p.birth_date && date < *p.birth_date) {
      code = "before_birth";
      message = iso_date_text(date) + " is before patient " + p.id + "'s birth (" + iso_date_text(*p.birth_date) + ")";
    } else if (p.death_date && date > *p.death_date) {
      code = "after_death";
      message = iso_date_text(date) + " is after patient " + p.id + "'s death (" + iso_date_text(*p.death_date) + ")";
    } else {
      return static_cast<Day>(date - *p.d0);
    }
    record_problem(source, date_column, code, message + " (row set aside)", false);
    state_.set_aside_later(source.table, code);
    return std::nullopt;
  }

  static std::string time_column(const RecordTime& time) {
    return time.kind == RecordTime::Kind::date ? "date" : "day";
  }

  // Places every record in days from D0, in place, dropping those whose row is set aside.
  template <typename Record>
  void place_all(std::vector<Record>& records, std::vector<RecordTime::Kind>& kinds) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
      Record& r = records[i];
      const RecordTime time{r.day, kinds[i]};
      const auto day = place(r.patient, time, r.source, time_column(time));
      if (!day) continue;
      r.day = *day;
      if constexpr (std::is_same_v<Record, Infusion>) {
        const Patient& p = state_.cohort.patients[r.patient];
        if (*day < 0 && p.d0_source == Patient::D0Source::given)
          record_problem(r.source, time_column(time), "infusion_before_d0",
                         "this infusion is " + std::to_string(-*day) + " days before patient " +
                             p.id + "'s D0; check D0 or the date",
                         true);
      }
      if (kept != i) records[kept] = std::move(r);
      ++kept;
    }
    records.resize(kept);
    records.shrink_to_fit();
    std::vector<RecordTime::Kind>().swap(kinds);
  }

  void place_events() {
    auto& events = state_.cohort.adverse_events;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const RecordTime& time = state_.event_times[i];
      if (time.kind != RecordTime::Kind::none) {
        events[i].day = place(events[i].patient, time, events[i].source, time_column(time));
        if (!events[i].day) continue;
      }
      if (kept != i) events[kept] = std::move(events[i]);
      ++kept;
    }
    events.resize(kept);
  }

  void place_treatments() {
    auto& treatments = state_.cohort.treatments;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < treatments.size(); ++i) {
      Treatment& t = treatments[i];
      const TreatmentTimes& times = state_.treatment_times[i];
      if (!t.declared_prior) {
        t.start_day = place(t.patient, times.start, t.source, "start");
        if (!t.start_day) continue;
        const Patient& p = state_.cohort.patients[t.patient];
        if (times.end.kind == RecordTime::Kind::day) t.end_day = times.end.value;
        if (times.end.kind == RecordTime::Kind::date && p.d0)
          t.end_day = static_cast<Day>(times.end.value - *p.d0);
        if (t.end_day && *t.end_day < *t.start_day) {
          record_problem(t.source, "end", "end_before_start",
                         "the treatment ends before it starts; the end is read as missing", true);
          t.end_day.reset();
        }
      }
      if (kept != i) treatments[kept] = std::move(t);
      ++kept;
    }
    treatments.resize(kept);
  }

  void check_follow_up() {
    Cohort& c = state_.cohort;
    std::vector<std::optional<std::int64_t>> last(c.patients.size());
    const auto see = [&](std::size_t patient, std::optional<std::int64_t> day) {
      if (day && (!last[patient] || *day > *last[patient])) last[patient] = day;
    };
    for (const auto& r : c.platelets) see(r.patient, r.day);
    for (const auto& r : c.infusions) see(r.patient, r.day);
    for (const auto& r : c.labs) see(r.patient, r.day);
    for (const auto& r : c.adverse_events) see(r.patient, r.day);
    // A treatment's end date may be planned, not seen: only its start extends follow-up.
    for (const auto& r : c.treatments) see(r.patient, r.start_day);
    for (std::size_t i = 0; i < c.patients.size(); ++i) {
      Patient& p = c.patients[i];
      const std::optional<std::int64_t> records = last[i];
      if (p.d0 && p.last_followup) {
        const std::int64_t followup = *p.last_followup - *p.d0;
        if (followup < 0)
          patient_warning(p, "followup_before_d0", "patient " + p.id + ": last follow-up " +
                          iso_date_text(*p.last_followup) + " is before D0", "last_followup");
        else if (records && *records > followup)
          patient_warning(p, "followup_before_last_record",
                          "patient " + p.id + ": last follow-up " + iso_date_text(*p.last_followup) +
                              " is before their last record (day " + std::to_string(*records) +
                              "); follow-up is taken to that record",
                          "last_followup");
        see(i, followup);
      }
      if (p.d0 && p.death_date) {
        const std::int64_t death = *p.death_date - *p.d0;
        if (death < 0)
          patient_warning(p, "death_before_d0", "patient " + p.id + " died before D0",
                          "death_date");
        see(i, death);
      }
      p.last_record_day = last[i];
    }
  }

  ImportState& state_;
};

// By patient and day, then by where the record came from, which no two records share: the
// order is the same whatever the order of the rows, and the sort needs no buffer beside a
// table of millions of counts (std::stable_sort would take half its size).
template <typename Record>
void sort_by_patient_and_day(std::vector<Record>& records) {
  std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
    return std::tie(a.patient, a.day, a.source.table, a.source.row) <
           std::tie(b.patient, b.day, b.source.table, b.source.row);
  });
}

}  // namespace

void place_records(ImportState& state) {
  Placement(state).run();
  Cohort& c = state.cohort;
  sort_by_patient_and_day(c.platelets);
  sort_by_patient_and_day(c.infusions);
  sort_by_patient_and_day(c.labs);
  sort_by_patient_and_day(c.adverse_events);
  std::sort(c.treatments.begin(), c.treatments.end(), [](const Treatment& a, const Treatment& b) {
    return std::tie(a.patient, a.start_day, a.source.table, a.source.row, a.drug) <
           std::tie(b.patient, b.start_day, b.source.table, b.source.row, b.drug);
  });
}

}  // namespace itp
