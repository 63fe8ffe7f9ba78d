// The import's checks at their boundaries (found untested by scripts/mutate, issue 12): dates
// before birth and after death, age on the birthday, a treatment ending the day it starts, the
// last follow-up on the day of the last record, platelet counts of 0 and 2000 G/L, and the
// half-limit option on values censored above. Each expectation is worked out beside it.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/cohort/cohort_import.hpp"
#include "core/io/dates.hpp"
#include "core/io/text_table.hpp"

namespace {

struct Imported {
  itp::Cohort cohort;
  itp::ProblemLog log;
};

// Tables given as (name, CSV text), in that order (so cohort.tables[i] is the i-th).
Imported import(const std::vector<std::pair<std::string, std::string>>& files,
                const itp::ImportOptions& options = {}) {
  std::vector<itp::TextTable> tables;
  for (const auto& [name, text] : files)
    tables.push_back(itp::read_text_table(name, name + ".csv", text));
  std::vector<const itp::TextTable*> pointers;
  for (const itp::TextTable& t : tables) pointers.push_back(&t);
  Imported out;
  out.cohort = itp::import_cohort(pointers, options, out.log);
  return out;
}

std::size_t set_aside(const itp::TableReport& table, const std::string& code) {
  const auto it = table.set_aside.find(code);
  return it == table.set_aside.end() ? 0 : it->second;
}

const itp::Patient& patient(const itp::Cohort& c, const std::string& id) {
  for (const itp::Patient& p : c.patients)
    if (p.id == id) return p;
  FAIL("no patient " << id);
  throw;
}

}  // namespace

TEST_CASE("import checks: a date on the birth or death day is kept, a day beyond is not",
          "[cohort][checks]") {
  // Born 1960-03-02, died 2021-12-31. 1960-03-01 is before birth and 2022-01-01 after death:
  // both rows set aside; the counts on the birth day and on the death day are kept.
  const Imported in = import(
      {{"patients", "patient_id,d0,birth_date,death_date\nA,2021-03-01,1960-03-02,2021-12-31\n"},
       {"platelets",
        "patient_id,date,platelets\nA,1960-03-01,50\nA,1960-03-02,51\nA,2021-12-31,60\n"
        "A,2022-01-01,70\n"}});
  const itp::Cohort& c = in.cohort;
  CHECK(set_aside(c.tables[1], "before_birth") == 1);
  CHECK(set_aside(c.tables[1], "after_death") == 1);
  REQUIRE(c.platelets.size() == 2);
  CHECK(c.platelets[0].platelets.value == 51);
  CHECK(c.platelets[0].day == itp::days_from_civil({1960, 3, 2}) - itp::days_from_civil({2021, 3, 1}));
  CHECK(c.platelets[1].platelets.value == 60);
  CHECK(c.platelets[1].day == 305);  // 2021-12-31 - 2021-03-01: 365 - 31 - 28 - 1 = 305
}

TEST_CASE("import checks: age in completed years counts the birthday itself", "[cohort][checks]") {
  // D0 2021-03-01. Born 1960-03-01: the 61st birthday is D0 itself, so 61. Born 1960-03-02:
  // one day short of it, 60. Born 1960-02-29: by month and day (1 March is after 29 February)
  // the birthday has passed: 61.
  const Imported in = import({{"patients",
                               "patient_id,d0,birth_date\n"
                               "A,2021-03-01,1960-03-01\nB,2021-03-01,1960-03-02\n"
                               "C,2021-03-01,1960-02-29\n"}});
  CHECK(patient(in.cohort, "A").age == 61);
  CHECK(patient(in.cohort, "B").age == 60);
  CHECK(patient(in.cohort, "C").age == 61);
}

TEST_CASE("import checks: a treatment may end the day it starts, not the day before",
          "[cohort][checks]") {
  // D0 2021-03-01. Rituximab from and to 2021-03-10: start = end = day 9, no warning.
  // Prednisone from 2021-03-10 to 2021-03-09 ends before it starts: the end is read as missing,
  // one warning.
  const Imported in = import(
      {{"patients", "patient_id,d0\nA,2021-03-01\n"},
       {"treatments",
        "patient_id,drug,start,end\nA,rituximab,2021-03-10,2021-03-10\n"
        "A,prednisone,2021-03-10,2021-03-09\n"}});
  const itp::Cohort& c = in.cohort;
  REQUIRE(c.treatments.size() == 2);
  for (const itp::Treatment& t : c.treatments) {
    INFO(t.drug);
    CHECK(t.start_day == 9);
    if (t.drug == "rituximab") CHECK(t.end_day == 9);
    else CHECK_FALSE(t.end_day);
  }
  CHECK(in.log.count("end_before_start") == 1);
}

TEST_CASE("import checks: a last follow-up on the day of the last record is no problem",
          "[cohort][checks]") {
  // D0 2021-03-01, a count on 2021-06-01 (day 31 + 30 + 31 = 92). A's last follow-up is that
  // day: fine. B's is the day before: one warning, and follow-up is taken to the count, day 92.
  const Imported in = import(
      {{"patients",
        "patient_id,d0,last_followup\nA,2021-03-01,2021-06-01\nB,2021-03-01,2021-05-31\n"},
       {"platelets", "patient_id,date,platelets\nA,2021-06-01,50\nB,2021-06-01,50\n"}});
  CHECK(in.log.count("followup_before_last_record") == 1);
  for (const itp::Problem& p : in.log.problems())
    if (p.code == "followup_before_last_record")
      CHECK(p.message.rfind("patient B:", 0) == 0);
  CHECK(patient(in.cohort, "A").last_record_day == 92);
  CHECK(patient(in.cohort, "B").last_record_day == 92);
}

TEST_CASE("import checks: a count of 0 and one of 2000 G/L are kept, -1 and 2001 are not",
          "[cohort][checks]") {
  // 0 G/L is a real count in ITP; below 0 is impossible; above 2000 G/L is not plausible.
  const Imported in = import(
      {{"patients", "patient_id,d0\nA,2021-03-01\n"},
       {"platelets",
        "patient_id,day,platelets\nA,1,0\nA,2,-1\nA,3,2000\nA,4,2001\n"}});
  const itp::Cohort& c = in.cohort;
  REQUIRE(c.platelets.size() == 2);
  CHECK(c.platelets[0].day == 1);
  CHECK(c.platelets[0].platelets.value == 0);
  CHECK(c.platelets[1].day == 3);
  CHECK(c.platelets[1].platelets.value == 2000);
  CHECK(set_aside(c.tables[1], "negative_value") == 1);
  CHECK(set_aside(c.tables[1], "implausible_platelets") == 1);
}

TEST_CASE("import checks: half the limit is for values censored below, not above",
          "[cohort][checks]") {
  // censored_values half_limit: "<10" counts as 5 (below), ">500" stays 500 (above).
  itp::ImportOptions options;
  options.censored_values = itp::CensoredValues::half_limit;
  const Imported in = import({{"patients", "patient_id,d0\nA,2021-03-01\n"},
                              {"platelets", "patient_id,day,platelets\nA,1,<10\nA,2,>500\n"}},
                             options);
  const itp::Cohort& c = in.cohort;
  REQUIRE(c.platelets.size() == 2);
  CHECK(c.platelets[0].platelets.value == 5);
  CHECK(c.platelets[0].platelets.below);
  CHECK(c.platelets[1].platelets.value == 500);
  CHECK(c.platelets[1].platelets.above);
  CHECK_FALSE(c.platelets[1].platelets.below);
}
