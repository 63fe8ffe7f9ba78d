// Step 4 of import_cohort: D0 and age derived, every record placed in days from its patient's
// D0, and the checks that need two tables (DESIGN §5 and issue 4): dates before birth or after
// death, infusions before D0, D0 against the first infusion, follow-up before the last record.
#include <algorithm>
#include <tuple>

#include "core/cohort/import_steps.hpp"
#include "core/io/dates.hpp"
#include "core/numeric/decimal_format.hpp"

namespace itp {
namespace {

std::string iso(DateDays days) {
  const CivilDate d = civil_from_days(days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

std::string format_number(double value) {
  char buffer[32];
  return std::string(buffer, format_decimal(value, buffer));
}

class Placement {
 public:
  explicit Placement(ImportState& state) : state_(state) {
    for (std::size_t t = 0; t < state.tables.size(); ++t)
      if (state.tables[t].report.role == CohortTable::patients) patients_tables_.push_back(t);
  }

  void run() {
    derive_d0();
    derive_age_and_death();
    place_all(state_.counts, state_.cohort.platelets);
    place_all(state_.infusions, state_.cohort.infusions);
    place_all(state_.labs, state_.cohort.labs);
    place_events();
    place_treatments();
    check_follow_up();
  }

 private:
  // The name of a patients-table column, for messages about a patient's own cells.
  std::optional<std::string> patient_column(const Patient& p, const std::string& canonical) {
    for (std::size_t t : patients_tables_) {
      const MappedTable& table = state_.tables[t];
      if (table.table->file() != p.source.file) continue;
      auto it = table.columns.find(canonical);
      if (it != table.columns.end()) return table.table->header()[it->second];
    }
    return std::nullopt;
  }

  void patient_warning(const Patient& p, std::string code, std::string message,
                       const std::string& canonical) {
    Problem problem{std::move(code), std::move(message), p.source.file, p.source.row,
                    patient_column(p, canonical)};
    problem.row_kept = true;
    state_.log.add(std::move(problem));
  }

  void record_problem(const SourceRow& source, const std::string& column, std::string code,
                      std::string message, bool kept) {
    Problem problem{std::move(code), std::move(message), source.file, source.row,
                    column.empty() ? std::nullopt : std::optional<std::string>(column)};
    problem.row_kept = kept;
    state_.log.add(std::move(problem));
  }

  void derive_d0() {
    std::vector<std::optional<DateDays>> first_infusion(state_.cohort.patients.size());
    std::vector<bool> has_dated_record(state_.cohort.patients.size(), false);
    for (const auto& pending : state_.infusions) {
      auto& first = first_infusion[pending.record.patient];
      if (pending.when.date && (!first || *pending.when.date < *first)) first = pending.when.date;
    }
    const auto note_dated = [&](const auto& list) {
      for (const auto& pending : list)
        if (pending.when.date) has_dated_record[pending.record.patient] = true;
    };
    note_dated(state_.counts);
    note_dated(state_.infusions);
    note_dated(state_.adverse_events);
    note_dated(state_.labs);
    for (const PendingTreatment& t : state_.treatments)
      if (t.start.date || t.end.date) has_dated_record[t.record.patient] = true;

    for (std::size_t i = 0; i < state_.cohort.patients.size(); ++i) {
      Patient& p = state_.cohort.patients[i];
      const std::optional<DateDays> first = first_infusion[i];
      if (p.d0) {
        p.d0_source = Patient::D0Source::given;
        if (first && *first != *p.d0)
          patient_warning(p, "d0_differs_from_first_infusion",
                          "patient " + p.id + ": D0 is " + iso(*p.d0) +
                              " but the first infusion is on " + iso(*first) +
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
                          "patient " + p.id + ": age " + format_number(*p.age) +
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

  // The day of a record, or nullopt after setting the row aside.
  std::optional<std::int64_t> place(std::size_t patient, const DayOrDate& when,
                                    std::size_t table, const SourceRow& source,
                                    const std::string& column) {
    const Patient& p = state_.cohort.patients[patient];
    if (when.day) return when.day;
    if (!when.date) return std::nullopt;
    const DateDays date = *when.date;
    std::string code, message;
    if (!p.d0) {
      code = "patient_without_d0";
      message = "patient " + p.id + " has no D0, so this date cannot be placed";
    } else if (p.birth_date && date < *p.birth_date) {
      code = "before_birth";
      message = iso(date) + " is before patient " + p.id + "'s birth (" + iso(*p.birth_date) + ")";
    } else if (p.death_date && date > *p.death_date) {
      code = "after_death";
      message = iso(date) + " is after patient " + p.id + "'s death (" + iso(*p.death_date) + ")";
    } else {
      return date - *p.d0;
    }
    record_problem(source, column, code, message + " (row set aside)", false);
    state_.set_aside_later(table, code);
    return std::nullopt;
  }

  template <typename Record>
  void place_all(std::vector<Pending<Record>>& pending, std::vector<Record>& out) {
    for (Pending<Record>& item : pending) {
      const auto day = place(item.record.patient, item.when, item.table, item.record.source,
                             item.when_column);
      if (!day) continue;
      item.record.day = *day;
      if constexpr (std::is_same_v<Record, Infusion>) {
        const Patient& p = state_.cohort.patients[item.record.patient];
        if (*day < 0 && p.d0_source == Patient::D0Source::given)
          record_problem(item.record.source, item.when_column, "infusion_before_d0",
                         "this infusion is " + std::to_string(-*day) + " days before patient " +
                             p.id + "'s D0; check D0 or the date",
                         true);
      }
      out.push_back(std::move(item.record));
    }
  }

  void place_events() {
    for (Pending<AdverseEvent>& item : state_.adverse_events) {
      if (!item.when.empty()) {
        const auto day = place(item.record.patient, item.when, item.table, item.record.source,
                               item.when_column);
        if (!day) continue;
        item.record.day = day;
      }
      state_.cohort.adverse_events.push_back(std::move(item.record));
    }
  }

  void place_treatments() {
    for (PendingTreatment& item : state_.treatments) {
      Treatment& t = item.record;
      if (!t.declared_prior) {
        t.start_day = place(t.patient, item.start, item.table, t.source, item.start_column);
        if (!t.start_day) continue;
        if (!item.end.empty()) {
          const DayOrDate end = item.end;
          const Patient& p = state_.cohort.patients[t.patient];
          if (end.day) t.end_day = end.day;
          else if (p.d0) t.end_day = *end.date - *p.d0;
          if (t.end_day && *t.end_day < *t.start_day) {
            record_problem(t.source, item.end_column, "end_before_start",
                           "the treatment ends before it starts; the end is read as missing",
                           true);
            t.end_day.reset();
          }
        }
      }
      state_.cohort.treatments.push_back(std::move(t));
    }
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
    for (const auto& r : c.treatments) {
      see(r.patient, r.start_day);
      see(r.patient, r.end_day);
    }
    for (std::size_t i = 0; i < c.patients.size(); ++i) {
      Patient& p = c.patients[i];
      const std::optional<std::int64_t> records = last[i];
      if (p.d0 && p.last_followup) {
        const std::int64_t followup = *p.last_followup - *p.d0;
        if (followup < 0)
          patient_warning(p, "followup_before_d0", "patient " + p.id + ": last follow-up " +
                          iso(*p.last_followup) + " is before D0", "last_followup");
        else if (records && *records > followup)
          patient_warning(p, "followup_before_last_record",
                          "patient " + p.id + ": last follow-up " + iso(*p.last_followup) +
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
  std::vector<std::size_t> patients_tables_;
};

template <typename Record>
void sort_by_patient_and_day(std::vector<Record>& records) {
  std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
    return std::tie(a.patient, a.day) < std::tie(b.patient, b.day);
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
  std::stable_sort(c.treatments.begin(), c.treatments.end(),
                   [](const Treatment& a, const Treatment& b) {
                     return std::tie(a.patient, a.start_day) < std::tie(b.patient, b.start_day);
                   });
}

}  // namespace itp
