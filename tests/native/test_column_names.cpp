// Recognising cohort tables and columns by name (docs/design.md §3 and §5).
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/cohort/column_names.hpp"

namespace {

using itp::canonical_column;
using itp::CohortTable;
using itp::day_of_time_named_column;
using itp::normalize_name;
using itp::table_from_name;

const std::vector<std::pair<CohortTable, std::vector<std::string>>>& canonical_columns() {
  static const std::vector<std::pair<CohortTable, std::vector<std::string>>> kColumns = {
      {CohortTable::patients,
       {"patient_id", "d0", "sex", "birth_date", "age", "itp_diagnosis_date", "itp_duration_months",
        "secondary_itp", "secondary_cause", "splenectomy", "cs_refractory", "ivig_refractory",
        "bleeding_month_before", "baseline_platelets", "last_followup", "death", "death_date",
        "death_cause"}},
      {CohortTable::platelets, {"patient_id", "date", "day", "platelets", "bleeding", "rescue"}},
      {CohortTable::infusions, {"patient_id", "date", "day", "dose", "route"}},
      {CohortTable::treatments, {"patient_id", "drug", "start", "end"}},
      {CohortTable::adverse_events,
       {"patient_id", "date", "day", "term", "category", "grade", "serious"}},
      {CohortTable::labs, {"patient_id", "date", "day", "test", "value", "unit"}},
  };
  return kColumns;
}

const CohortTable kAllTables[] = {CohortTable::patients,       CohortTable::platelets,
                                  CohortTable::infusions,      CohortTable::treatments,
                                  CohortTable::adverse_events, CohortTable::labs};

}  // namespace

TEST_CASE("table_name gives the canonical English names") {
  CHECK(itp::table_name(CohortTable::patients) == "patients");
  CHECK(itp::table_name(CohortTable::platelets) == "platelets");
  CHECK(itp::table_name(CohortTable::infusions) == "infusions");
  CHECK(itp::table_name(CohortTable::treatments) == "treatments");
  CHECK(itp::table_name(CohortTable::adverse_events) == "adverse_events");
  CHECK(itp::table_name(CohortTable::labs) == "labs");
}

TEST_CASE("normalize_name folds case, accents and separators") {
  CHECK(normalize_name("Patient_ID") == "patient_id");
  CHECK(normalize_name("Date de naissance") == "date_de_naissance");
  CHECK(normalize_name("  Durée-PTI.mois / total  ") == "duree_pti_mois_total");
  CHECK(normalize_name("ÉÈÊËÀÂÄÎÏÔÖÙÛÜÇÑ") == "eeeeaaaiioouuucn");
  CHECK(normalize_name("éèêëàâäîïôöùûüçñ") == "eeeeaaaiioouuucn");
  CHECK(normalize_name("Œdème cœur Æ æ") == "oedeme_coeur_ae_ae");
  CHECK(normalize_name("voie d'administration") == "voie_d_administration");
  CHECK(normalize_name("date d\u2019arr\u00eat") == "date_d_arret");   // Typographic apostrophe.
  CHECK(normalize_name("d\u00e9c\u00e8s\u00a0date") == "deces_date");  // No-break space.
  CHECK(normalize_name("de\u0301ce\u0300s") == "deces");               // Decomposed accents.
  CHECK(normalize_name("Straße ÿ Ÿ") == "strasse_y_y");
  CHECK(normalize_name("× ÷ Ð") == "×_÷_Ð");  // Not letters with accents: kept.
  CHECK(normalize_name("a__b -- c") == "a_b_c");
  CHECK(normalize_name("_-. x ._-") == "x");
  CHECK(normalize_name("") == "");
  CHECK(normalize_name(" - ") == "");
  CHECK(normalize_name("n° patient") == "n\u00b0_patient");  // Other letters and signs kept.
  CHECK(normalize_name("Plaquettes (G/L)") == "plaquettes_(g_l)");
}

TEST_CASE("normalize_name keeps invalid UTF-8 bytes as they are") {
  CHECK(normalize_name(std::string("A\xff"
                                   "B")) == std::string("a\xff"
                                                        "b"));
  CHECK(normalize_name(std::string("x\xc3")) == std::string("x\xc3"));  // Truncated é.
  CHECK(normalize_name(std::string("\xc3"
                                   "A")) == std::string("\xc3"
                                                        "a"));  // No continuation.
  CHECK(normalize_name(std::string("\x80\x80")) == std::string("\x80\x80"));
  CHECK(normalize_name(std::string("\xe2\x80")) == std::string("\xe2\x80"));
  CHECK(normalize_name(std::string("\xcd")) == std::string("\xcd"));
}

TEST_CASE("table_from_name knows the English and French names of docs/design.md §3") {
  CHECK(table_from_name("patients") == CohortTable::patients);
  CHECK(table_from_name("platelets") == CohortTable::platelets);
  CHECK(table_from_name("infusions") == CohortTable::infusions);
  CHECK(table_from_name("treatments") == CohortTable::treatments);
  CHECK(table_from_name("adverse_events") == CohortTable::adverse_events);
  CHECK(table_from_name("labs") == CohortTable::labs);
  CHECK(table_from_name("plaquettes") == CohortTable::platelets);
  CHECK(table_from_name("perfusions") == CohortTable::infusions);
  CHECK(table_from_name("traitements") == CohortTable::treatments);
  CHECK(table_from_name("effets_indesirables") == CohortTable::adverse_events);
  CHECK(table_from_name("biologie") == CohortTable::labs);
}

TEST_CASE("table_from_name accepts variants") {
  CHECK(table_from_name("Patient") == CohortTable::patients);
  CHECK(table_from_name("PATIENTS") == CohortTable::patients);
  CHECK(table_from_name("Platelet") == CohortTable::platelets);
  CHECK(table_from_name("Plaquette") == CohortTable::platelets);
  CHECK(table_from_name("plt") == CohortTable::platelets);
  CHECK(table_from_name("PLTs") == CohortTable::platelets);
  CHECK(table_from_name("plaq") == CohortTable::platelets);
  CHECK(table_from_name("Platelet counts") == CohortTable::platelets);
  CHECK(table_from_name("infusion") == CohortTable::infusions);
  CHECK(table_from_name("Perfusion") == CohortTable::infusions);
  CHECK(table_from_name("treatment") == CohortTable::treatments);
  CHECK(table_from_name("Traitement") == CohortTable::treatments);
  CHECK(table_from_name("Adverse events") == CohortTable::adverse_events);
  CHECK(table_from_name("adverse-event") == CohortTable::adverse_events);
  CHECK(table_from_name("AE") == CohortTable::adverse_events);
  CHECK(table_from_name("AEs") == CohortTable::adverse_events);
  CHECK(table_from_name("Effets indésirables") == CohortTable::adverse_events);
  CHECK(table_from_name("effet indésirable") == CohortTable::adverse_events);
  CHECK(table_from_name("Événements indésirables") == CohortTable::adverse_events);
  CHECK(table_from_name("lab") == CohortTable::labs);
  CHECK(table_from_name("Biology") == CohortTable::labs);
  CHECK(table_from_name("Laboratory") == CohortTable::labs);
  CHECK(table_from_name("Biologie ") == CohortTable::labs);
  CHECK(table_from_name(" BIOLOGIE") == CohortTable::labs);
}

TEST_CASE("table_from_name rejects other names") {
  CHECK(table_from_name("") == std::nullopt);
  CHECK(table_from_name("s") == std::nullopt);
  CHECK(table_from_name("Sheet1") == std::nullopt);
  CHECK(table_from_name("data") == std::nullopt);
  CHECK(table_from_name("patients_2021") == std::nullopt);
  CHECK(table_from_name("SAE") == std::nullopt);
  CHECK(table_from_name("pla") == std::nullopt);
  CHECK(table_from_name(std::string("lab\xff")) == std::nullopt);
}

TEST_CASE("every canonical column maps to itself for its table, whatever the case") {
  for (const auto& [table, columns] : canonical_columns()) {
    for (const std::string& column : columns) {
      INFO(itp::table_name(table) << "." << column);
      CHECK(canonical_column(table, column) == column);
      std::string upper = column;
      for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      CHECK(canonical_column(table, upper) == column);
    }
  }
}

TEST_CASE("each French name of docs/design.md §5 maps to its canonical column") {
  const std::vector<std::pair<std::string, std::string>> patients = {
      {"id_patient", "patient_id"},
      {"date_J0", "d0"},
      {"âge", "age"},
      {"date_naissance", "birth_date"},
      {"sexe", "sex"},
      {"durée_PTI_mois", "itp_duration_months"},
      {"PTI_secondaire", "secondary_itp"},
      {"cause_secondaire", "secondary_cause"},
      {"splénectomie", "splenectomy"},
      {"cortico_réfractaire", "cs_refractory"},
      {"IgIV_réfractaire", "ivig_refractory"},
      {"saignement_mois_précédent", "bleeding_month_before"},
      {"plaquettes_J0", "baseline_platelets"},
      {"date_dernières_nouvelles", "last_followup"},
      {"décès", "death"},
      {"date_décès", "death_date"},
      {"cause_décès", "death_cause"},
  };
  for (const auto& [french, canonical] : patients) {
    INFO(french);
    CHECK(canonical_column(CohortTable::patients, french) == canonical);
  }
  for (CohortTable table : {CohortTable::platelets, CohortTable::infusions,
                            CohortTable::adverse_events, CohortTable::labs}) {
    CHECK(canonical_column(table, "jour") == "day");
    CHECK(canonical_column(table, "id_patient") == "patient_id");
  }
  CHECK(canonical_column(CohortTable::platelets, "plaquettes") == "platelets");
  CHECK(canonical_column(CohortTable::platelets, "saignement") == "bleeding");
  CHECK(canonical_column(CohortTable::platelets, "secours") == "rescue");
  CHECK(canonical_column(CohortTable::infusions, "voie") == "route");
  CHECK(canonical_column(CohortTable::treatments, "médicament") == "drug");
  CHECK(canonical_column(CohortTable::treatments, "début") == "start");
  CHECK(canonical_column(CohortTable::treatments, "fin") == "end");
  CHECK(canonical_column(CohortTable::adverse_events, "terme") == "term");
  CHECK(canonical_column(CohortTable::adverse_events, "catégorie") == "category");
  CHECK(canonical_column(CohortTable::adverse_events, "grave") == "serious");
  CHECK(canonical_column(CohortTable::labs, "examen") == "test");
  CHECK(canonical_column(CohortTable::labs, "valeur") == "value");
  CHECK(canonical_column(CohortTable::labs, "unité") == "unit");
}

TEST_CASE("French names with accents, case, spaces and units varied") {
  CHECK(canonical_column(CohortTable::patients, "Sexe") == "sex");
  CHECK(canonical_column(CohortTable::patients, "Âge") == "age");
  CHECK(canonical_column(CohortTable::patients, "AGE") == "age");
  CHECK(canonical_column(CohortTable::patients, "Âge (ans)") == "age");
  CHECK(canonical_column(CohortTable::patients, "Date de naissance") == "birth_date");
  CHECK(canonical_column(CohortTable::patients, "DATE NAISSANCE") == "birth_date");
  CHECK(canonical_column(CohortTable::patients, "N° patient") == "patient_id");
  CHECK(canonical_column(CohortTable::patients, "Numéro patient") == "patient_id");
  CHECK(canonical_column(CohortTable::patients, "numero de patient") == "patient_id");
  CHECK(canonical_column(CohortTable::patients, "Durée PTI (mois)") == "itp_duration_months");
  CHECK(canonical_column(CohortTable::patients, "Splenectomie") == "splenectomy");
  CHECK(canonical_column(CohortTable::patients, "Cortico-réfractaire") == "cs_refractory");
  CHECK(canonical_column(CohortTable::patients, "DÉCÈS") == "death");
  CHECK(canonical_column(CohortTable::patients, "Date du décès") == "death_date");
  CHECK(canonical_column(CohortTable::patients, "Date J0") == "d0");
  CHECK(canonical_column(CohortTable::patients, "Plaquettes J0 (G/L)") == "baseline_platelets");
  CHECK(canonical_column(CohortTable::patients, "de\u0301ce\u0300s") == "death");
  CHECK(canonical_column(CohortTable::platelets, "Plaquettes (G/L)") == "platelets");
  CHECK(canonical_column(CohortTable::platelets, "plaquettes [10^9/L]") == "platelets");
  CHECK(canonical_column(CohortTable::platelets, "  Plaquettes  ( G/L )  ") == "platelets");
  CHECK(canonical_column(CohortTable::infusions, "Voie d'administration") == "route");
  CHECK(canonical_column(CohortTable::infusions, "voie d\u2019administration") == "route");
  CHECK(canonical_column(CohortTable::treatments, "Date de début") == "start");
  CHECK(canonical_column(CohortTable::treatments, "Date d'arrêt") == "end");
  CHECK(canonical_column(CohortTable::adverse_events, "Catégorie") == "category");
  CHECK(canonical_column(CohortTable::adverse_events, "Grade CTCAE") == "grade");
  CHECK(canonical_column(CohortTable::labs, "Unité") == "unit");
  CHECK(canonical_column(CohortTable::labs, "Résultat") == "value");
}

TEST_CASE("English synonyms map to their canonical column") {
  for (const char* id : {"id", "ID", "patient", "Patient ID", "subject_id", "Subject ID"}) {
    INFO(id);
    CHECK(canonical_column(CohortTable::patients, id) == "patient_id");
    CHECK(canonical_column(CohortTable::labs, id) == "patient_id");
  }
  CHECK(canonical_column(CohortTable::patients, "sex") == "sex");
  CHECK(canonical_column(CohortTable::patients, "Gender") == "sex");
  CHECK(canonical_column(CohortTable::patients, "DOB") == "birth_date");
  CHECK(canonical_column(CohortTable::patients, "Date of birth") == "birth_date");
  CHECK(canonical_column(CohortTable::patients, "first_infusion") == "d0");
  CHECK(canonical_column(CohortTable::patients, "D0 date") == "d0");
  CHECK(canonical_column(CohortTable::patients, "Age (years)") == "age");
  CHECK(canonical_column(CohortTable::patients, "Diagnosis date") == "itp_diagnosis_date");
  CHECK(canonical_column(CohortTable::patients, "Last follow-up") == "last_followup");
  CHECK(canonical_column(CohortTable::patients, "Date of death") == "death_date");
  CHECK(canonical_column(CohortTable::patients, "Cause of death") == "death_cause");
  CHECK(canonical_column(CohortTable::patients, "Baseline platelets") == "baseline_platelets");
  CHECK(canonical_column(CohortTable::platelets, "PLT") == "platelets");
  CHECK(canonical_column(CohortTable::platelets, "platelet_count") == "platelets");
  CHECK(canonical_column(CohortTable::platelets, "Platelet count (x10^9/L)") == "platelets");
  CHECK(canonical_column(CohortTable::platelets, "Days from D0") == "day");
  CHECK(canonical_column(CohortTable::treatments, "start_date") == "start");
  CHECK(canonical_column(CohortTable::treatments, "Stop date") == "end");
  CHECK(canonical_column(CohortTable::treatments, "Medication") == "drug");
  CHECK(canonical_column(CohortTable::infusions, "Dose (mg)") == "dose");
  CHECK(canonical_column(CohortTable::infusions, "Route of administration") == "route");
  CHECK(canonical_column(CohortTable::adverse_events, "AE term") == "term");
  CHECK(canonical_column(CohortTable::adverse_events, "Onset date") == "date");
  CHECK(canonical_column(CohortTable::adverse_events, "SAE") == "serious");
  CHECK(canonical_column(CohortTable::labs, "Result") == "value");
  CHECK(canonical_column(CohortTable::labs, "Units") == "unit");
}

TEST_CASE("a name of one table is not taken for another where it means nothing") {
  CHECK(canonical_column(CohortTable::platelets, "sex") == std::nullopt);
  CHECK(canonical_column(CohortTable::platelets, "dose") == std::nullopt);
  CHECK(canonical_column(CohortTable::labs, "drug") == std::nullopt);
  CHECK(canonical_column(CohortTable::labs, "platelets") == std::nullopt);
  CHECK(canonical_column(CohortTable::patients, "route") == std::nullopt);
  CHECK(canonical_column(CohortTable::patients, "date") == std::nullopt);
  CHECK(canonical_column(CohortTable::patients, "jour") == std::nullopt);
  CHECK(canonical_column(CohortTable::patients, "plaquettes") == std::nullopt);
  CHECK(canonical_column(CohortTable::infusions, "grade") == std::nullopt);
  CHECK(canonical_column(CohortTable::treatments, "date") == std::nullopt);
  CHECK(canonical_column(CohortTable::treatments, "valeur") == std::nullopt);
  CHECK(canonical_column(CohortTable::adverse_events, "voie") == std::nullopt);
  CHECK(canonical_column(CohortTable::adverse_events, "décès") == std::nullopt);
  // Canonical names of other tables, checked across the board.
  for (const auto& [table, columns] : canonical_columns()) {
    for (const auto& [other, other_columns] : canonical_columns()) {
      for (const std::string& column : other_columns) {
        bool shared = false;
        for (const std::string& own : columns) shared = shared || own == column;
        if (shared) continue;
        INFO(itp::table_name(table) << " given " << column);
        CHECK(canonical_column(table, column) == std::nullopt);
      }
    }
  }
}

TEST_CASE("unknown and ambiguous names give nullopt") {
  for (CohortTable table : kAllTables) {
    INFO(itp::table_name(table));
    CHECK(canonical_column(table, "") == std::nullopt);
    CHECK(canonical_column(table, "   ") == std::nullopt);
    CHECK(canonical_column(table, "(G/L)") == std::nullopt);
    CHECK(canonical_column(table, "comment") == std::nullopt);
    CHECK(canonical_column(table, "Column1") == std::nullopt);
    CHECK(canonical_column(table, "DDN") == std::nullopt);
    CHECK(canonical_column(table, "N°") == std::nullopt);
    CHECK(canonical_column(table, "pt") == std::nullopt);
    CHECK(canonical_column(table, "patient_id_2") == std::nullopt);
    CHECK(canonical_column(table, std::string("id\xff")) == std::nullopt);
  }
  CHECK(canonical_column(CohortTable::platelets, "plt_d0") == std::nullopt);
  CHECK(canonical_column(CohortTable::patients, "plt_d0") == std::nullopt);
  CHECK(canonical_column(CohortTable::platelets, "Plaquettes (G/L") == std::nullopt);
}

TEST_CASE("time-named platelet columns give their day") {
  CHECK(day_of_time_named_column("plt_d0") == 0);
  CHECK(day_of_time_named_column("plt_j14") == 14);
  CHECK(day_of_time_named_column("plt_w6") == 42);
  CHECK(day_of_time_named_column("plt_s6") == 42);
  CHECK(day_of_time_named_column("plt_m3") == 91);
  CHECK(day_of_time_named_column("plaq_j0") == 0);
  CHECK(day_of_time_named_column("plaq_s6") == 42);
  CHECK(day_of_time_named_column("plaq_m3") == 91);
  CHECK(day_of_time_named_column("platelets_d42") == 42);
  CHECK(day_of_time_named_column("plaquettes_m6") == 183);
  CHECK(day_of_time_named_column("plt_m12") == 365);
  CHECK(day_of_time_named_column("plt_m1") == 30);
  CHECK(day_of_time_named_column("plt_m24") == 731);  // 730.5, halves up.
  CHECK(day_of_time_named_column("plt_m0") == 0);
  CHECK(day_of_time_named_column("plt_d9999") == 9999);
  CHECK(day_of_time_named_column("plt_m9999") == 304345);
  CHECK(day_of_time_named_column("PLT_D7") == 7);
  CHECK(day_of_time_named_column("Plaq J14") == 14);
  CHECK(day_of_time_named_column("Plaquettes-J0") == 0);
  CHECK(day_of_time_named_column("PLAQUETTES_M3 (G/L)") == 91);
  CHECK(day_of_time_named_column("Plaquettes S12") == 84);
  CHECK(day_of_time_named_column("plt_j007") == 7);
}

TEST_CASE("other names are not time-named platelet columns") {
  for (const char* name :
       {"plt",       "plt_",     "plt_x3",       "plt_m",       "d0",      "j14",
        "m3",        "plt_d",    "plt_d0x",      "plt_d-7",     "plt_d_7", "plt_3",
        "pltd0",     "plaqj0",   "plaquette_j0", "platelet_d0", "plq_j0",  "plt_d12345",
        "plt_d 0 1", "plt_d1.5", "platelets",    "plaquettes",  "",        "plt_d0_j1",
        "plt_mo3",   "plt_day3"}) {
    INFO(name);
    CHECK(day_of_time_named_column(name) == std::nullopt);
  }
}
