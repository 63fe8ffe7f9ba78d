#pragma once
// Recognising ITP treatments in the `drug` cells of a treatments table (docs/design.md §5): INN,
// brand names (EU, US, France), French spellings, abbreviations and common typos, each mapped to
// one canonical name and one treatment class. Pure functions of the cell: no I/O, no state visible
// to callers.
#include <optional>
#include <string_view>
#include <vector>

namespace itp {

// Classes as ITP cohorts report them. Procedures and transfusions are classes too, because
// cohort sheets list them among treatments and they count as subsequent treatments
// (docs/design.md §5).
enum class DrugClass {
  corticosteroid,
  ivig,  // Polyvalent immunoglobulins, intravenous or subcutaneous.
  anti_d,
  tpo_ra,
  anti_cd20,
  syk_inhibitor,
  btk_inhibitor,
  fcrn_inhibitor,
  anti_cd38,
  complement_inhibitor,
  immunosuppressant,
  androgen,
  vinca_alkaloid,
  other_immunomodulator,  // Dapsone, hydroxychloroquine, ATRA, low-dose decitabine.
  splenectomy,
  antifibrinolytic,
  platelet_transfusion,
  other,  // Known agents without a class of their own (belimumab, bortezomib, ...).
};

// Every class once, in the order tables list them.
inline constexpr DrugClass kDrugClasses[] = {
    DrugClass::corticosteroid,
    DrugClass::ivig,
    DrugClass::anti_d,
    DrugClass::tpo_ra,
    DrugClass::anti_cd20,
    DrugClass::syk_inhibitor,
    DrugClass::btk_inhibitor,
    DrugClass::fcrn_inhibitor,
    DrugClass::anti_cd38,
    DrugClass::complement_inhibitor,
    DrugClass::immunosuppressant,
    DrugClass::androgen,
    DrugClass::vinca_alkaloid,
    DrugClass::other_immunomodulator,
    DrugClass::splenectomy,
    DrugClass::antifibrinolytic,
    DrugClass::platelet_transfusion,
    DrugClass::other,
};

// Stable snake_case id for JSON: "corticosteroid", "ivig", "tpo_ra", "anti_cd20", ...
std::string_view drug_class_name(DrugClass drug_class);

// English label for tables: "Corticosteroids", "IVIg", "TPO receptor agonists", ...
std::string_view drug_class_label(DrugClass drug_class);

struct DrugMatch {
  enum class How {
    exact,    // The canonical name itself (any case, accents, separators).
    synonym,  // A brand, French name, abbreviation or class word.
    typo,     // A listed misspelling, or one edit away from exactly one known name.
  };
  // The INN in English ("eltrombopag", "human normal immunoglobulin"); for a procedure, a
  // transfusion or a word that names only a class, its English name ("splenectomy",
  // "platelet transfusion", "corticosteroids"). Points into static storage.
  std::string_view name;
  DrugClass drug_class;
  How how;
};

// The drugs a cell names, in the order first named, each once. The cell is cut into segments
// at punctuation ("(", "+", ",", ";", "/", ...) and after the words and/et, with/avec,
// then/puis, plus, or/ou; a drug counts only when its name opens a segment, possibly after
// route, form or dose words (IV, SC, bolus, high-dose, ...). So "Nplate (romiplostim)",
// "Prednisone 1 mg/kg" and "IgIV 1g/kg J1-J2" each name one drug, "rituximab + DXM" two, and
// "anti-rituximab antibodies" none. A name directly followed by a word that makes it describe
// the patient or another drug ("prednisone-free", "cortico-résistant", "steroid-sparing") does
// not count. A class word ("corticoïdes") is dropped when the cell also names a drug of that
// class.
std::vector<DrugMatch> find_drugs(std::string_view cell);

// The one drug a cell names, or nullopt when it names none the dictionary knows (the caller
// keeps the row and lists the cell) or more than one (a combination the user should split into
// rows, or a brand in parentheses contradicting the name before it).
std::optional<DrugMatch> find_drug(std::string_view cell);

}  // namespace itp
