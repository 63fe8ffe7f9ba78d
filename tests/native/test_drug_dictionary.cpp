// The drug dictionary: ITP treatments by INN, brand, French name, abbreviation and typo.
// Every test case name contains "drug" so that `ctest -R drug` runs them all.
#include <catch2/catch.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/cohort/drug_dictionary.hpp"

namespace {

using itp::DrugClass;
using itp::DrugMatch;
using itp::find_drug;
using itp::find_drugs;
using How = itp::DrugMatch::How;

struct Expected {
  const char* cell;
  const char* name;
  DrugClass drug_class;
};

// Checks each cell names exactly the expected drug, whatever the way it was recognised.
void check_all(const std::vector<Expected>& cases) {
  for (const Expected& expected : cases) {
    INFO("cell: '" << expected.cell << "'");
    const std::optional<DrugMatch> match = find_drug(expected.cell);
    REQUIRE(match.has_value());
    CHECK(match->name == expected.name);
    CHECK(match->drug_class == expected.drug_class);
  }
}

How how_of(std::string_view cell) {
  const std::optional<DrugMatch> match = find_drug(cell);
  REQUIRE(match.has_value());
  return match->how;
}

void check_unknown(const std::vector<const char*>& cells) {
  for (const char* cell : cells) {
    INFO("cell: '" << cell << "'");
    const std::optional<DrugMatch> match = find_drug(cell);
    INFO("read as: " << (match ? match->name : "nothing"));
    CHECK_FALSE(match.has_value());
  }
}

}  // namespace

TEST_CASE("drug classes have distinct snake_case names and labels") {
  std::set<std::string_view> names;
  std::set<std::string_view> labels;
  for (DrugClass drug_class : itp::kDrugClasses) {
    const std::string_view name = itp::drug_class_name(drug_class);
    INFO(name);
    CHECK(names.insert(name).second);
    CHECK(labels.insert(itp::drug_class_label(drug_class)).second);
    for (char c : name) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
  }
  CHECK(names.size() == 18);
  CHECK(itp::drug_class_name(DrugClass::corticosteroid) == "corticosteroid");
  CHECK(itp::drug_class_name(DrugClass::ivig) == "ivig");
  CHECK(itp::drug_class_name(DrugClass::tpo_ra) == "tpo_ra");
  CHECK(itp::drug_class_name(DrugClass::other_immunomodulator) == "other_immunomodulator");
  CHECK(itp::drug_class_label(DrugClass::ivig) == "IVIg");
  CHECK(itp::drug_class_label(DrugClass::tpo_ra) == "TPO receptor agonists");
  CHECK(itp::drug_class_label(DrugClass::anti_cd20) == "Anti-CD20");
}

TEST_CASE("drug dictionary knows a drug of every class by its INN") {
  check_all({
      {"prednisone", "prednisone", DrugClass::corticosteroid},
      {"human normal immunoglobulin", "human normal immunoglobulin", DrugClass::ivig},
      {"anti-D immunoglobulin", "anti-D immunoglobulin", DrugClass::anti_d},
      {"eltrombopag", "eltrombopag", DrugClass::tpo_ra},
      {"rituximab", "rituximab", DrugClass::anti_cd20},
      {"fostamatinib", "fostamatinib", DrugClass::syk_inhibitor},
      {"rilzabrutinib", "rilzabrutinib", DrugClass::btk_inhibitor},
      {"efgartigimod", "efgartigimod", DrugClass::fcrn_inhibitor},
      {"daratumumab", "daratumumab", DrugClass::anti_cd38},
      {"mezagitamab", "mezagitamab", DrugClass::anti_cd38},
      {"sutimlimab", "sutimlimab", DrugClass::complement_inhibitor},
      {"azathioprine", "azathioprine", DrugClass::immunosuppressant},
      {"danazol", "danazol", DrugClass::androgen},
      {"vincristine", "vincristine", DrugClass::vinca_alkaloid},
      {"vinblastine", "vinblastine", DrugClass::vinca_alkaloid},
      {"dapsone", "dapsone", DrugClass::other_immunomodulator},
      {"hydroxychloroquine", "hydroxychloroquine", DrugClass::other_immunomodulator},
      {"splenectomy", "splenectomy", DrugClass::splenectomy},
      {"tranexamic acid", "tranexamic acid", DrugClass::antifibrinolytic},
      {"platelet transfusion", "platelet transfusion", DrugClass::platelet_transfusion},
      {"bortezomib", "bortezomib", DrugClass::other},
  });
  CHECK(how_of("eltrombopag") == How::exact);
  CHECK(how_of("Tranexamic acid") == How::exact);
}

TEST_CASE("drug dictionary: corticosteroids by name, brand, abbreviation and class word") {
  check_all({
      {"Prednisolone", "prednisolone", DrugClass::corticosteroid},
      {"Cortancyl", "prednisone", DrugClass::corticosteroid},
      {"Solupred", "prednisolone", DrugClass::corticosteroid},
      {"Méthylprednisolone", "methylprednisolone", DrugClass::corticosteroid},
      {"Solumedrol", "methylprednisolone", DrugClass::corticosteroid},
      {"Solu-Medrol", "methylprednisolone", DrugClass::corticosteroid},
      {"SOLU MÉDROL", "methylprednisolone", DrugClass::corticosteroid},
      {"Medrol", "methylprednisolone", DrugClass::corticosteroid},
      {"Dexaméthasone", "dexamethasone", DrugClass::corticosteroid},
      {"DXM", "dexamethasone", DrugClass::corticosteroid},
      {"dexa", "dexamethasone", DrugClass::corticosteroid},
      {"corticoïdes", "corticosteroids", DrugClass::corticosteroid},
      {"Corticosteroids", "corticosteroids", DrugClass::corticosteroid},
      {"CTC", "corticosteroids", DrugClass::corticosteroid},
      {"cortico", "corticosteroids", DrugClass::corticosteroid},
      {"Corticothérapie", "corticosteroids", DrugClass::corticosteroid},
      {"steroids", "corticosteroids", DrugClass::corticosteroid},
  });
  CHECK(how_of("Solumedrol") == How::synonym);
  CHECK(how_of("CTC") == How::synonym);
}

TEST_CASE("drug dictionary: immunoglobulins, intravenous and subcutaneous, and anti-D apart") {
  check_all({
      {"IVIg", "human normal immunoglobulin", DrugClass::ivig},
      {"IVIG", "human normal immunoglobulin", DrugClass::ivig},
      {"IgIV", "human normal immunoglobulin", DrugClass::ivig},
      {"IV Ig", "human normal immunoglobulin", DrugClass::ivig},
      {"IVIgs", "human normal immunoglobulin", DrugClass::ivig},
      {"immunoglobulines", "human normal immunoglobulin", DrugClass::ivig},
      {"Immunoglobulines intraveineuses", "human normal immunoglobulin", DrugClass::ivig},
      {"Tégéline", "human normal immunoglobulin", DrugClass::ivig},
      {"Privigen", "human normal immunoglobulin", DrugClass::ivig},
      {"Octagam 10%", "human normal immunoglobulin", DrugClass::ivig},
      {"Kiovig", "human normal immunoglobulin", DrugClass::ivig},
      {"Gammagard", "human normal immunoglobulin", DrugClass::ivig},
      {"Clairyglobin", "human normal immunoglobulin", DrugClass::ivig},
      {"Hizentra", "human normal immunoglobulin", DrugClass::ivig},
      {"SCIg", "human normal immunoglobulin", DrugClass::ivig},
      {"anti-D", "anti-D immunoglobulin", DrugClass::anti_d},
      {"WinRho", "anti-D immunoglobulin", DrugClass::anti_d},
      {"Rhophylac", "anti-D immunoglobulin", DrugClass::anti_d},
      {"Immunoglobulines anti-D", "anti-D immunoglobulin", DrugClass::anti_d},
      {"IgIV anti-D", "anti-D immunoglobulin", DrugClass::anti_d},
  });
}

TEST_CASE("drug dictionary: TPO receptor agonists and anti-CD20 by brand") {
  check_all({
      {"Revolade", "eltrombopag", DrugClass::tpo_ra},
      {"Promacta", "eltrombopag", DrugClass::tpo_ra},
      {"Alvaiz", "eltrombopag", DrugClass::tpo_ra},
      {"Nplate", "romiplostim", DrugClass::tpo_ra},
      {"Doptelet", "avatrombopag", DrugClass::tpo_ra},
      {"Mulpleta", "lusutrombopag", DrugClass::tpo_ra},
      {"hetrombopag", "hetrombopag", DrugClass::tpo_ra},
      {"TPO-RA", "TPO receptor agonists", DrugClass::tpo_ra},
      {"MabThera", "rituximab", DrugClass::anti_cd20},
      {"Rituxan", "rituximab", DrugClass::anti_cd20},
      {"Truxima", "rituximab", DrugClass::anti_cd20},
      {"Rixathon", "rituximab", DrugClass::anti_cd20},
      {"Ruxience", "rituximab", DrugClass::anti_cd20},
      {"obinutuzumab", "obinutuzumab", DrugClass::anti_cd20},
      {"Tavalisse", "fostamatinib", DrugClass::syk_inhibitor},
      {"Tavlesse", "fostamatinib", DrugClass::syk_inhibitor},
      {"Vyvgart", "efgartigimod", DrugClass::fcrn_inhibitor},
      {"Darzalex", "daratumumab", DrugClass::anti_cd38},
  });
  CHECK(how_of("Revolade") == How::synonym);
}

TEST_CASE("drug dictionary: immunosuppressants and the other classes by brand and French name") {
  check_all({
      {"Imurel", "azathioprine", DrugClass::immunosuppressant},
      {"Imuran", "azathioprine", DrugClass::immunosuppressant},
      {"Mycophénolate mofétil", "mycophenolate mofetil", DrugClass::immunosuppressant},
      {"CellCept", "mycophenolate mofetil", DrugClass::immunosuppressant},
      {"MMF", "mycophenolate mofetil", DrugClass::immunosuppressant},
      {"Myfortic", "mycophenolic acid", DrugClass::immunosuppressant},
      {"acide mycophénolique", "mycophenolic acid", DrugClass::immunosuppressant},
      {"mycophénolate de sodium", "mycophenolic acid", DrugClass::immunosuppressant},
      {"Ciclosporine", "ciclosporin", DrugClass::immunosuppressant},
      {"cyclosporine", "ciclosporin", DrugClass::immunosuppressant},
      {"Néoral", "ciclosporin", DrugClass::immunosuppressant},
      {"Sandimmun", "ciclosporin", DrugClass::immunosuppressant},
      {"Rapamune", "sirolimus", DrugClass::immunosuppressant},
      {"Endoxan", "cyclophosphamide", DrugClass::immunosuppressant},
      {"tacrolimus", "tacrolimus", DrugClass::immunosuppressant},
      {"Danatrol", "danazol", DrugClass::androgen},
      {"Disulone", "dapsone", DrugClass::other_immunomodulator},
      {"Plaquenil", "hydroxychloroquine", DrugClass::other_immunomodulator},
      {"Splénectomie", "splenectomy", DrugClass::splenectomy},
      {"splenectomie", "splenectomy", DrugClass::splenectomy},
      {"Acide tranexamique", "tranexamic acid", DrugClass::antifibrinolytic},
      {"Exacyl", "tranexamic acid", DrugClass::antifibrinolytic},
      {"Cyklokapron", "tranexamic acid", DrugClass::antifibrinolytic},
      {"Transfusion plaquettaire", "platelet transfusion", DrugClass::platelet_transfusion},
      {"transfusions plaquettaires", "platelet transfusion", DrugClass::platelet_transfusion},
      {"CPA", "platelet transfusion", DrugClass::platelet_transfusion},
      {"Platelet transfusions", "platelet transfusion", DrugClass::platelet_transfusion},
  });
}

TEST_CASE("drug names ignore case, accents and separators") {
  for (const char* cell : {"ELTROMBOPAG", "Eltrombopag", " eltrombopag ", "eltrombopag\t"}) {
    INFO(cell);
    CHECK(how_of(cell) == How::exact);
  }
  check_all({
      {"MÉTHYLPREDNISOLONE", "methylprednisolone", DrugClass::corticosteroid},
      {"me\u0301thylprednisolone", "methylprednisolone", DrugClass::corticosteroid},
      {"dexam\xc3\xa9thasone", "dexamethasone", DrugClass::corticosteroid},
      {"ACIDE-TRANEXAMIQUE", "tranexamic acid", DrugClass::antifibrinolytic},
      {"anti_CD20", "anti-CD20 antibodies", DrugClass::anti_cd20},
      {"anti CD 20", "anti-CD20 antibodies", DrugClass::anti_cd20},
      {"antiCD20", "anti-CD20 antibodies", DrugClass::anti_cd20},
  });
}

TEST_CASE("drug name followed by dose, route or schedule text") {
  check_all({
      {"Prednisone 1 mg/kg", "prednisone", DrugClass::corticosteroid},
      {"prednisone 1mg/kg/j", "prednisone", DrugClass::corticosteroid},
      {"Prednisone20mg", "prednisone", DrugClass::corticosteroid},
      {"rituximab 375 mg/m2", "rituximab", DrugClass::anti_cd20},
      {"Rituximab 1000 mg J1-J15", "rituximab", DrugClass::anti_cd20},
      {"IgIV 1g/kg J1-J2", "human normal immunoglobulin", DrugClass::ivig},
      {"Dexaméthasone 40 mg/j x 4 jours", "dexamethasone", DrugClass::corticosteroid},
      {"Romiplostim 3 µg/kg/sem", "romiplostim", DrugClass::tpo_ra},
      {"Eltrombopag, 50 mg", "eltrombopag", DrugClass::tpo_ra},
      {"Splénectomie coelioscopique", "splenectomy", DrugClass::splenectomy},
      {"IV rituximab", "rituximab", DrugClass::anti_cd20},
      {"SC romiplostim", "romiplostim", DrugClass::tpo_ra},
      {"bolus de Solumédrol 1 g", "methylprednisolone", DrugClass::corticosteroid},
      {"High-dose dexamethasone", "dexamethasone", DrugClass::corticosteroid},
      {"HD-DXM", "dexamethasone", DrugClass::corticosteroid},
      {"Low dose rituximab", "rituximab", DrugClass::anti_cd20},
      {"cure d'IgIV", "human normal immunoglobulin", DrugClass::ivig},
  });
  CHECK(how_of("Prednisone 1 mg/kg") == How::exact);
}

TEST_CASE("drug name in parentheses") {
  check_all({
      {"Nplate (romiplostim)", "romiplostim", DrugClass::tpo_ra},
      {"Romiplostim (Nplate)", "romiplostim", DrugClass::tpo_ra},
      {"(Revolade)", "eltrombopag", DrugClass::tpo_ra},
      {"TPO-RA (eltrombopag)", "eltrombopag", DrugClass::tpo_ra},
      {"Corticoïdes (prednisone)", "prednisone", DrugClass::corticosteroid},
      {"Rituximab (anti-CD20)", "rituximab", DrugClass::anti_cd20},
      {"Traitement d'entretien (azathioprine)", "azathioprine", DrugClass::immunosuppressant},
      {"IgIV [Privigen] 1 g/kg", "human normal immunoglobulin", DrugClass::ivig},
      {"Prednisone (then taper)", "prednisone", DrugClass::corticosteroid},
  });
  // Pasted symbols end a name like punctuation.
  check_all({
      {"Nplate\u00ae", "romiplostim", DrugClass::tpo_ra},
      {"Revolade\u2122 50 mg", "eltrombopag", DrugClass::tpo_ra},
      {"prednisone\u2192 5 mg", "prednisone", DrugClass::corticosteroid},
      {"\u00abRituximab\u00bb", "rituximab", DrugClass::anti_cd20},
  });
  // The brand and the INN both name romiplostim; the INN is the better reading.
  CHECK(how_of("Nplate (romiplostim)") == How::exact);
  // A brand contradicting the name before it: the user must say which.
  check_unknown({"Nplate (eltrombopag)", "Corticoïdes (rituximab)"});
}

TEST_CASE("drug combinations: find_drugs lists them, find_drug refuses") {
  const std::vector<DrugMatch> both = find_drugs("Rituximab + dexaméthasone");
  REQUIRE(both.size() == 2);
  CHECK(both[0].name == "rituximab");
  CHECK(both[1].name == "dexamethasone");
  CHECK(find_drugs("IgIV et corticoïdes").size() == 2);
  CHECK(find_drugs("Solumédrol puis prednisone").size() == 2);
  CHECK(find_drugs("rituximab/DXM").size() == 2);
  CHECK(find_drugs("eltrombopag; avatrombopag").size() == 2);
  CHECK(find_drugs("IVIg with steroids").size() == 2);
  check_unknown({"Rituximab + dexaméthasone", "IgIV et corticoïdes", "rituximab/DXM"});
  // The same drug twice is one drug.
  CHECK(find_drugs("IVIg (Privigen) + IgIV").size() == 1);
  CHECK(find_drugs("").empty());
}

TEST_CASE("drug typos: listed misspellings") {
  check_all({
      {"eltrombopague", "eltrombopag", DrugClass::tpo_ra},
      {"romiplostime", "romiplostim", DrugClass::tpo_ra},
      {"Romiplostine", "romiplostim", DrugClass::tpo_ra},
      {"rituximabe", "rituximab", DrugClass::anti_cd20},
      {"Fostamatinibe", "fostamatinib", DrugClass::syk_inhibitor},
      {"revolad", "eltrombopag", DrugClass::tpo_ra},
      {"N-plate", "romiplostim", DrugClass::tpo_ra},
      {"n plate", "romiplostim", DrugClass::tpo_ra},
      {"dapson", "dapsone", DrugClass::other_immunomodulator},
      {"immunoglobines", "human normal immunoglobulin", DrugClass::ivig},
  });
  CHECK(how_of("rituximabe 375 mg/m2") == How::typo);
  CHECK(how_of("N-plate") == How::typo);
}

TEST_CASE("drug typos: one edit from exactly one name of at least 7 letters") {
  check_all({
      {"eltrombopg", "eltrombopag", DrugClass::tpo_ra},         // Deletion.
      {"eltrombopaag", "eltrombopag", DrugClass::tpo_ra},       // Insertion.
      {"eltrombopeg", "eltrombopag", DrugClass::tpo_ra},        // Substitution.
      {"eltromobpag", "eltrombopag", DrugClass::tpo_ra},        // Transposition.
      {"Predinsone", "prednisone", DrugClass::corticosteroid},  // Transposition.
      {"romiplostin 250 µg", "romiplostim", DrugClass::tpo_ra},
      {"Rituxiamb", "rituximab", DrugClass::anti_cd20},
      {"azathioprin", "azathioprine", DrugClass::immunosuppressant},
      {"dexamethazone", "dexamethasone", DrugClass::corticosteroid},
      {"hydroxychloroqine", "hydroxychloroquine", DrugClass::other_immunomodulator},
      {"Mabtera", "rituximab", DrugClass::anti_cd20},
      {"IV rituximb", "rituximab", DrugClass::anti_cd20},
      {"acide tranexamque", "tranexamic acid", DrugClass::antifibrinolytic},
      {"splenctomy", "splenectomy", DrugClass::splenectomy},
  });
  CHECK(how_of("eltrombopg") == How::typo);
  CHECK(how_of("Predinsone 20 mg") == How::typo);
}

TEST_CASE("drug typos: two edits away, or ambiguous, or too short, give nothing") {
  check_unknown({
      "eltrmbopg",        // Two edits.
      "etrombopag",       // One edit from eltrombopag and from hetrombopag.
      "prednisolne",      // One edit from prednisolone and from prednisone.
      "MMX", "MFF",       // Abbreviations never match by typo.
      "CTD", "TCC",       //
      "DXN", "XDM",       //
      "IVIF", "IIVG",     //
      "Medrl", "Imural",  // Short brands (under 7 letters) neither.
      "Neorall",          // Seven letters but one edit from the 6-letter Neoral: both must be long.
  });
}

TEST_CASE("drug names inside other words or negated do not match") {
  check_unknown({
      "antirituximab antibodies",
      "anti-rituximab antibodies",
      "no rituximab",
      "sans corticoïdes",
      "post-splenectomy sepsis",
      "prednisone-free",
      "Prednisone free",
      "cortico-résistant",
      "corticodépendant",
      "steroid-sparing agent",
      "rituximab-refractory",
      "Prednisonexyz",
      "methylprednisolonexyz",
      "predni",
      "ritu",
  });
  // The name comes first in its segment: a drug after other words is not read.
  check_unknown({"échec du rituximab", "1 g/kg IgIV"});
}

TEST_CASE("drug name inside a longer known name reads as the longer one") {
  check_all({
      {"Hydrocortisone", "hydrocortisone", DrugClass::corticosteroid},
      {"Méthylprednisolone 1 g", "methylprednisolone", DrugClass::corticosteroid},
      {"Depo-Medrol", "methylprednisolone", DrugClass::corticosteroid},
      {"Mycophenolate sodium", "mycophenolic acid", DrugClass::immunosuppressant},
      {"Mycophenolate", "mycophenolate mofetil", DrugClass::immunosuppressant},
      {"Immunoglobulin anti-D", "anti-D immunoglobulin", DrugClass::anti_d},
      {"Eltrombopag olamine", "eltrombopag", DrugClass::tpo_ra},
  });
  CHECK(how_of("Eltrombopag olamine") == How::synonym);
}

TEST_CASE("empty, blank and unknown drug cells give nothing") {
  check_unknown({"", " ", "\t", "-", "()", "+", "aspirin", "Paracétamol", "oméprazole", "IPP", "Ig",
                 "CS", "MP", "transfusion", "interferon", "Sheet1", "1 g/kg"});
  check_unknown({std::string("ritux\xff").c_str(), std::string("\xc3").c_str()});
}

TEST_CASE("drug with unknown words after it is still read") {
  check_all({
      {"Prednisone + IPP", "prednisone", DrugClass::corticosteroid},
      {"rituximab biosimilar", "rituximab", DrugClass::anti_cd20},
      {"Eltrombopag (arrêt pour inefficacité)", "eltrombopag", DrugClass::tpo_ra},
  });
}
