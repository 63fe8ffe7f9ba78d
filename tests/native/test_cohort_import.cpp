// import_cohort on whole cohorts: the values it reads (days from D0, units, censored values,
// drugs, derived D0 and age), the example cohort read alike from its English and French files,
// and the import's indifference to the order of rows and columns. The bad-input corpus with
// its exact messages is tests/data/cohort, run by tests/node/cohort_corpus.test.mjs.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/cohort/cohort_import.hpp"
#include "core/io/dates.hpp"
#include "core/io/text_table.hpp"

namespace {

using itp::Cohort;
using itp::ImportOptions;
using itp::ProblemLog;
using itp::TextTable;

struct Files {
  std::vector<TextTable> tables;
  std::vector<const TextTable*> pointers() const {
    std::vector<const TextTable*> p;
    for (const TextTable& t : tables) p.push_back(&t);
    return p;
  }
  void add(const std::string& name, const std::string& text) {
    tables.push_back(itp::read_text_table(name, name + ".csv", text));
  }
};

Cohort import(const Files& files, const ImportOptions& options = {}) {
  ProblemLog log;
  return itp::import_cohort(files.pointers(), options, log);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Files example(const std::string& language) {
  const std::string dir = std::string(ITP_TEST_DATA_DIR) + "/../examples/cohort/" + language + "/";
  const std::vector<std::string> names =
      language == "en" ? std::vector<std::string>{"patients", "platelets", "infusions",
                                                  "treatments", "adverse_events", "labs"}
                       : std::vector<std::string>{"patients", "plaquettes", "perfusions",
                                                  "traitements", "effets_indesirables", "biologie"};
  Files files;
  for (const std::string& name : names) files.add(name, read_file(dir + name + ".csv"));
  return files;
}

itp::DateDays date(int y, int m, int d) { return itp::days_from_civil({y, m, d}); }

const itp::Patient& patient(const Cohort& c, const std::string& id) {
  for (const itp::Patient& p : c.patients)
    if (p.id == id) return p;
  FAIL("no patient " << id);
  throw;
}

}  // namespace

TEST_CASE("import: days from D0, units, censored values, drugs", "[cohort][import]") {
  Files files;
  files.add("patients",
            "patient_id,d0,birth_date,baseline_platelets,death_date\n"
            "A,2021-03-01,1960-03-02,<10,\n"
            "B,,1950-01-01,8,2021-12-31\n");
  files.add("platelets",
            "patient_id,date,platelets\n"
            "A,2021-03-01,<10\n"
            "A,2021-04-12,45000/mm3\n"
            "B,2021-06-10,20\n");
  files.add("infusions",
            "patient_id,date,dose,route\n"
            "B,2021-06-17,16 mg/kg,i.v.\n"
            "B,2021-06-10,16 mg/kg,IV\n");
  files.add("treatments",
            "patient_id,drug,start,end\n"
            "A,Revolade,-100,\n"
            "A,rituximab,44197,44227\n"
            "B,Corticoïdes,2020-01-01,2020-02-01\n");
  files.add("labs",
            "patient_id,day,test,value,unit\n"
            "A,30,Gammaglobulines,0.55,g/dL\n"
            "A,31,PNN,1500,/mm3\n"
            "A,32,CRP,12,mg/L\n");

  const Cohort c = import(files);
  const itp::Patient& a = patient(c, "A");
  const itp::Patient& b = patient(c, "B");
  // D0 as given; else the first infusion (2021-06-10, not the row order's 06-17).
  CHECK(a.d0 == date(2021, 3, 1));
  CHECK(a.d0_source == itp::Patient::D0Source::given);
  CHECK(b.d0 == date(2021, 6, 10));
  CHECK(b.d0_source == itp::Patient::D0Source::first_infusion);
  // Age from the birth date in completed years: one day short of 61 at D0.
  CHECK(a.age == 60);
  CHECK(b.age == 71);
  CHECK(b.death == true);
  // "<10" counts as 10 (at_limit, the default) and is marked below its limit.
  REQUIRE(a.baseline_platelets);
  CHECK(a.baseline_platelets->value == 10);
  CHECK(a.baseline_platelets->below);

  REQUIRE(c.platelets.size() == 3);
  CHECK(c.platelets[0].day == 0);
  CHECK(c.platelets[0].platelets.below);
  CHECK(c.platelets[1].day == 42);                  // 2021-04-12 - 2021-03-01
  CHECK(c.platelets[1].platelets.value == 45);      // 45000/mm³ = 45 G/L
  CHECK(c.platelets[2].day == 0);

  REQUIRE(c.infusions.size() == 2);
  CHECK(c.infusions[0].day == 0);  // sorted by day
  CHECK(c.infusions[1].day == 7);
  CHECK(c.infusions[0].route == "IV");
  CHECK(c.infusions[1].route == "IV");  // "i.v."
  CHECK(c.infusions[0].dose == 16);
  CHECK(c.infusions[0].dose_unit == "mg/kg");

  REQUIRE(c.treatments.size() == 3);
  const auto find_treatment = [&](const std::string& drug) -> const itp::Treatment& {
    for (const itp::Treatment& t : c.treatments)
      if (t.drug == drug) return t;
    FAIL("no treatment " << drug);
    throw;
  };
  const itp::Treatment& revolade = find_treatment("Revolade");
  CHECK(revolade.start_day == -100);  // a day from D0
  CHECK_FALSE(revolade.end_day);
  REQUIRE(revolade.match);
  CHECK(revolade.match->name == "eltrombopag");
  CHECK(revolade.match->drug_class == itp::DrugClass::tpo_ra);
  const itp::Treatment& rituximab = find_treatment("rituximab");
  CHECK(rituximab.start_day == date(2021, 1, 1) - date(2021, 3, 1));  // Excel serial 44197
  CHECK(rituximab.end_day == date(2021, 1, 31) - date(2021, 3, 1));
  const itp::Treatment& steroids = find_treatment("Corticoïdes");
  REQUIRE(steroids.match);
  CHECK(steroids.match->drug_class == itp::DrugClass::corticosteroid);
  CHECK(steroids.start_day == date(2020, 1, 1) - date(2021, 6, 10));

  REQUIRE(c.labs.size() == 3);
  CHECK(c.labs[0].test == "gammaglobulins");
  CHECK(c.labs[0].value.value == Approx(5.5).epsilon(1e-15));  // 0.55 g/dL
  CHECK(c.labs[0].unit == "g/L");
  CHECK(c.labs[1].test == "neutrophils");
  CHECK(c.labs[1].value.value == Approx(1.5).epsilon(1e-15));
  CHECK(c.labs[1].unit == "G/L");
  CHECK(c.labs[2].test == "CRP");  // unknown test: kept as written, unconverted
  CHECK(c.labs[2].value.value == 12);
  CHECK(c.labs[2].unit == "mg/L");

  // Follow-up reaches the last record of any kind, death included.
  CHECK(b.last_record_day == date(2021, 12, 31) - date(2021, 6, 10));
}

TEST_CASE("import: options change what cells mean", "[cohort][import]") {
  Files files;
  files.add("patients",
            "patient_id,d0,baseline_platelets,last_followup\n"
            "A,03/04/2021,<10,1900-01-01\n");
  files.add("platelets", "patient_id,date,platelets\nA,03/05/2021,9999\nA,03/06/2021,40\n");

  SECTION("defaults: day first, 9999 is a count (set aside as implausible)") {
    const Cohort c = import(files);
    CHECK(c.patients[0].d0 == date(2021, 4, 3));
    CHECK(c.patients[0].baseline_platelets->value == 10);
    CHECK(c.platelets.size() == 1);
    CHECK(c.tables[1].set_aside.at("implausible_platelets") == 1);
  }
  SECTION("month first for one table, user missing codes, half the limit") {
    ImportOptions options;
    options.date_order_by_table["patients"] = itp::DayMonthOrder::month_first;
    options.missing_codes = {"9999", "01/01/1900"};
    options.censored_values = itp::CensoredValues::half_limit;
    const Cohort c = import(files, options);
    CHECK(c.patients[0].d0 == date(2021, 3, 4));
    CHECK_FALSE(c.patients[0].last_followup);  // the code 01/01/1900 matches 1900-01-01
    CHECK(c.patients[0].baseline_platelets->value == 5);
    CHECK(c.patients[0].baseline_platelets->below);
    // Platelets still read day first: 03/06/2021 is 3 June, day 61 from 4 March.
    REQUIRE(c.platelets.size() == 1);
    CHECK(c.platelets[0].day == date(2021, 6, 3) - date(2021, 3, 4));
    CHECK(c.tables[1].set_aside.at("missing_value") == 1);  // 9999 is missing
  }
}

TEST_CASE("import: a drug warning says its row was kept; two count columns stop naming both",
          "[cohort][import]") {
  Files files;
  files.add("patients", "patient_id,d0\nA,2021-03-01\n");
  SECTION("an unknown or misspelt drug is kept, and its warning says so (issue 12)") {
    files.add("treatments",
              "patient_id,drug,start\n"
              "A,eltrombopg,-60\n"
              "A,Zorblatinib,10\n"
              "A,Zorblatinib,20\n");
    ProblemLog log;
    const Cohort c = itp::import_cohort(files.pointers(), {}, log);
    CHECK(c.treatments.size() == 3);
    std::vector<std::string> seen;
    for (const itp::Problem& p : log.problems()) {
      INFO(p.code);
      seen.push_back(p.code);
      CHECK(p.file == "treatments.csv");
      CHECK(p.column == std::optional<std::string>("drug"));
      CHECK(p.row_kept == std::optional<bool>(true));
      // The first row of each spelling: the typo on row 2, the unknown drug on row 3 (of 3 and 4).
      CHECK(p.row == std::optional<std::size_t>(p.code == "drug_spelling" ? 2 : 3));
    }
    std::sort(seen.begin(), seen.end());
    CHECK(seen == std::vector<std::string>{"drug_spelling", "unknown_drug"});
  }
  SECTION("platelets and plt both name the count: the error names both, on the header") {
    files.add("platelets", "patient_id,day,platelets,plt\nA,0,10,10\n");
    try {
      import(files);
      FAIL("the import went on without a count column");
    } catch (const itp::InputError& e) {
      const itp::Problem& p = e.problem();
      CHECK(p.code == "ambiguous_column");
      CHECK(p.file == "platelets.csv");
      CHECK(p.row == std::optional<std::size_t>(1));
      CHECK(p.column == std::optional<std::string>("platelets"));
      CHECK(p.message.find("(\"platelets\", \"plt\")") != std::string::npos);
    }
  }
  SECTION("no count column at all is still missing_column") {
    files.add("platelets", "patient_id,day,visit\nA,0,V0\n");
    try {
      import(files);
      FAIL("the import went on without a count column");
    } catch (const itp::InputError& e) {
      CHECK(e.problem().code == "missing_column");
      CHECK(e.problem().row == std::optional<std::size_t>(1));
      CHECK_FALSE(e.problem().column);
      CHECK(e.problem().message.find("no platelets column") != std::string::npos);
    }
  }
}

TEST_CASE("import: a patient-per-row sheet gives counts by day and prior treatments",
          "[cohort][import]") {
  Files files;
  files.add("cohort",
            "id_patient,plaquettes_J0,plt_w1,plt_s6,plt_m3,plt_m6,prior_rituximab,prior_Nplate\n"
            "R1,12,18,45,130,,1,0\n");
  const Cohort c = import(files);
  REQUIRE(c.patients.size() == 1);
  CHECK(c.patient_per_row);
  CHECK(c.patients[0].baseline_platelets->value == 12);
  std::vector<std::pair<std::int64_t, double>> counts;
  for (const itp::PlateletCount& p : c.platelets) counts.emplace_back(p.day, p.platelets.value);
  CHECK(counts == std::vector<std::pair<std::int64_t, double>>{
                      {0, 12}, {7, 18}, {42, 45}, {91, 130}});
  REQUIRE(c.treatments.size() == 1);
  CHECK(c.treatments[0].declared_prior);
  CHECK(c.treatments[0].match->name == "rituximab");
  CHECK_FALSE(c.treatments[0].start_day);
}

namespace {

// Everything the analysis reads from a cohort, patients by id and records in a fixed order,
// with the file-specific parts (row numbers, labels as written) left out.
std::string fingerprint(const Cohort& c) {
  std::ostringstream out;
  out.precision(17);
  std::vector<const itp::Patient*> patients;
  for (const itp::Patient& p : c.patients) patients.push_back(&p);
  std::sort(patients.begin(), patients.end(),
            [](const itp::Patient* a, const itp::Patient* b) { return a->id < b->id; });
  const auto opt = [&](const auto& v) {
    if (v) out << *v;
    else out << "-";
    out << ' ';
  };
  for (const itp::Patient* p : patients) {
    out << p->id << ' ';
    opt(p->d0);
    opt(p->sex);
    opt(p->age);
    opt(p->itp_duration_months);
    opt(p->secondary_itp);
    opt(p->splenectomy);
    opt(p->cs_refractory);
    opt(p->ivig_refractory);
    opt(p->bleeding_month_before);
    out << (p->baseline_platelets ? p->baseline_platelets->value : -1) << ' ';
    opt(p->last_followup);
    opt(p->death);
    opt(p->death_date);
    opt(p->last_record_day);
    out << '\n';
  }
  const auto id = [&](std::size_t index) { return c.patients[index].id; };
  std::vector<std::string> lines;
  const auto flush = [&] {
    std::sort(lines.begin(), lines.end());
    for (const std::string& l : lines) out << l << '\n';
    lines.clear();
  };
  for (const auto& r : c.platelets) {
    std::ostringstream l;
    l.precision(17);
    l << "plt " << id(r.patient) << ' ' << r.day << ' ' << r.platelets.value << ' '
      << r.platelets.below << ' ' << r.bleeding.value_or(false) << r.rescue.value_or(false);
    lines.push_back(l.str());
  }
  flush();
  for (const auto& r : c.infusions) {
    std::ostringstream l;
    l << "inf " << id(r.patient) << ' ' << r.day << ' ' << r.dose.value_or(-1) << ' '
      << r.dose_unit << ' ' << r.route;
    lines.push_back(l.str());
  }
  flush();
  for (const auto& r : c.treatments) {
    std::ostringstream l;
    // The English files name prednisone where the French say "corticoïdes": the class, which
    // is what the report uses for corticosteroids, is the same fact.
    const bool steroid = r.match && r.match->drug_class == itp::DrugClass::corticosteroid;
    l << "trt " << id(r.patient) << ' '
      << (steroid ? "corticosteroid" : r.match ? std::string(r.match->name) : r.drug) << ' '
      << r.start_day.value_or(-99999) << ' ' << r.end_day.value_or(-99999);
    lines.push_back(l.str());
  }
  flush();
  for (const auto& r : c.adverse_events) {
    std::ostringstream l;
    l << "ae " << id(r.patient) << ' ' << r.day.value_or(-99999) << ' ' << r.grade.value_or(0)
      << ' ' << r.serious.value_or(false);
    lines.push_back(l.str());
  }
  flush();
  for (const auto& r : c.labs) {
    std::ostringstream l;
    l.precision(17);
    l << "lab " << id(r.patient) << ' ' << r.day << ' ' << r.test << ' ' << r.value.value << ' '
      << r.unit;
    lines.push_back(l.str());
  }
  flush();
  return out.str();
}

// The table's text with its data rows in another order and its columns permuted.
std::string shuffled(const std::string& csv, std::mt19937& random, char delimiter) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char ch : line) {
      if (ch == '"') quoted = !quoted;
      if (ch == delimiter && !quoted) {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += ch;
      }
    }
    cells.push_back(cell);
    rows.push_back(cells);
  }
  std::vector<std::size_t> order(rows[0].size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), random);
  std::shuffle(rows.begin() + 1, rows.end(), random);
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < order.size(); ++i)
      out += (i ? std::string(1, delimiter) : "") + (order[i] < row.size() ? row[order[i]] : "");
    out += '\n';
  }
  return out;
}

}  // namespace

TEST_CASE("import: the example cohort reads alike from its English and French files",
          "[cohort][import][example]") {
  const Cohort en = import(example("en"));
  const Cohort fr = import(example("fr"));
  REQUIRE(en.patients.size() == 26);
  CHECK(en.platelets.size() == fr.platelets.size());
  CHECK(fingerprint(en) == fingerprint(fr));
  for (const itp::TableReport& t : fr.tables) {
    INFO(t.name);
    CHECK(t.rows_kept == t.rows_read);
  }
  // Every drug of the example is in the dictionary, in either language.
  for (const Cohort* c : {&en, &fr})
    for (const itp::Treatment& t : c->treatments) {
      INFO(t.drug);
      CHECK(t.match.has_value());
    }
}

TEST_CASE("import: shuffling rows and columns changes nothing", "[cohort][import][property]") {
  const Files original = example("en");
  const std::string expected = fingerprint(import(original));
  std::mt19937 random(20261126);
  for (int round = 0; round < 5; ++round) {
    Files files;
    for (const TextTable& t : original.tables) {
      const std::string dir = std::string(ITP_TEST_DATA_DIR) + "/../examples/cohort/en/";
      files.add(t.name(), shuffled(read_file(dir + t.name() + ".csv"), random, ','));
    }
    std::shuffle(files.tables.begin(), files.tables.end(), random);
    CHECK(fingerprint(import(files)) == expected);
  }
}
