// The last follow-up of a patient (issue 11): the later of `last_followup`, death and the latest
// dated record kept by the import (a count, an infusion, a treatment's start, an adverse event,
// a lab); a treatment's end date does not extend it, since it may be planned.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/cohort/cohort_import.hpp"
#include "core/io/text_table.hpp"

namespace {

// D0 2021-01-01; last_followup 2021-06-01 is day 151.
std::optional<itp::Day> last_day(const std::string& platelets, const std::string& treatments) {
  std::vector<itp::TextTable> tables;
  tables.push_back(itp::read_text_table("patients", "patients.csv",
                                        "patient_id,d0,last_followup\nP,2021-01-01,2021-06-01\n"));
  tables.push_back(
      itp::read_text_table("platelets", "platelets.csv", "patient_id,day,platelets\n" + platelets));
  tables.push_back(itp::read_text_table("treatments", "treatments.csv",
                                        "patient_id,drug,start,end\n" + treatments));
  std::vector<const itp::TextTable*> pointers;
  for (const itp::TextTable& t : tables) pointers.push_back(&t);
  itp::ProblemLog log;
  return itp::import_cohort(pointers, {}, log).patients.at(0).last_record_day;
}

}  // namespace

TEST_CASE("last follow-up: a treatment's end does not extend it, its start does",
          "[cohort][followup]") {
  CHECK(last_day("P,0,10\nP,60,50\n", "") == 151);                // last_followup
  CHECK(last_day("P,0,10\nP,200,50\n", "") == 200);               // a later count
  CHECK(last_day("P,0,10\n", "P,eltrombopag,100,300\n") == 151);  // end 300 ignored
  CHECK(last_day("P,0,10\n", "P,eltrombopag,180,300\n") == 180);  // start 180 counts
}
