#include "core/cohort/column_names.hpp"

#include <cassert>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace itp {
namespace {

// ---------------------------------------------------------------------------------------------
// Normalisation.

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '/' || c == '\'' || c == '_';
}

// The ASCII letters for the Latin-1 Supplement letter U+00C0 + index (UTF-8 C3 80 to C3 BF), or
// nullptr for the signs there that are not accented Latin letters (×, ÷, Ð, Þ, ...), which are
// kept as they are.
const char* latin1_letter(unsigned index) {
  // Laid out by hand, 16 code points a line (two for Ð..ß and ð..ÿ), to be checked by eye.
  // clang-format off
  static const char* const kLetters[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // À..Ï
      nullptr, "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", nullptr,
      "ss",  // Ð..ß
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // à..ï
      nullptr, "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", nullptr,
      "y",  // ð..ÿ
  };
  // clang-format on
  return kLetters[index];
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Appends '_' unless the output is empty or already ends with one: collapses runs and drops
// leading separators in one place.
void append_separator(std::string& out) {
  if (!out.empty() && out.back() != '_') out.push_back('_');
}

// ---------------------------------------------------------------------------------------------
// Units and small string helpers.

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_spaces(std::string_view text) {
  std::size_t first = 0, last = text.size();
  while (first < last && is_blank(text[first])) ++first;
  while (last > first && is_blank(text[last - 1])) --last;
  return text.substr(first, last - first);
}

// "Plaquettes (G/L)" → "Plaquettes", "Dose [mg]" → "Dose". Only one trailing group, balanced
// (nested groups are skipped over as a whole); a header that is only a group is left alone, as
// removing it would leave no name.
std::string_view strip_trailing_unit(std::string_view header) {
  std::string_view text = trim_spaces(header);
  if (text.empty() || (text.back() != ')' && text.back() != ']')) return text;
  const char close = text.back();
  const char open = close == ')' ? '(' : '[';
  int depth = 0;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (text[i] == close) ++depth;
    if (text[i] == open && --depth == 0) {
      std::string_view name = trim_spaces(text.substr(0, i));
      return name.empty() ? text : name;
    }
  }
  return text;  // Unbalanced: not a unit.
}

// ---------------------------------------------------------------------------------------------
// Table names. Accepted, compared after normalize_name and with one trailing "s" removed from
// both sides (so "patient" and "patients", "plt" and "plts", "ae" and "aes" are the same):
//   patients        patients, pts, demographics, démographie
//   platelets       platelets, platelet counts, plt, plaquettes, plaq, numération plaquettaire
//   infusions       infusions, perfusions, injections, administrations
//   treatments      treatments, traitements, therapies/therapy, medications, médicaments,
//                   drugs
//   adverse_events  adverse events, adverse_events, AE, effets indésirables, effet indésirable,
//                   événements indésirables, EI, toxicities/toxicity
//   labs            labs, laboratory/laboratories, laboratoire, labo, biologie, biology,
//                   bilan biologique
// Not accepted: "SAE"/"EIG" (a sheet of serious events only is not all adverse events), "bio"
// and "baseline" (too vague).

struct TableNames {
  CohortTable table;
  std::vector<std::string_view> names;
};

const std::vector<TableNames>& table_names() {
  static const std::vector<TableNames> kTables = {
      {CohortTable::patients, {"patients", "pts", "demographics", "démographie"}},
      {CohortTable::platelets,
       {"platelets", "platelet counts", "plt", "plaquettes", "plaq", "numération plaquettaire"}},
      {CohortTable::infusions, {"infusions", "perfusions", "injections", "administrations"}},
      {CohortTable::treatments,
       {"treatments", "traitements", "therapies", "therapy", "medications", "médicaments",
        "drugs"}},
      {CohortTable::adverse_events,
       {"adverse_events", "ae", "effets_indesirables", "effet indésirable",
        "événements indésirables", "ei", "toxicities", "toxicity"}},
      {CohortTable::labs,
       {"labs", "laboratory", "laboratories", "laboratoire", "labo", "biologie", "biology",
        "bilan biologique"}},
  };
  return kTables;
}

std::string without_plural_s(std::string name) {
  if (name.size() > 1 && name.back() == 's') name.pop_back();
  return name;
}

// ---------------------------------------------------------------------------------------------
// Column synonyms: the one place to extend. For each table, canonical name → the other names
// that mean it (written as users write them; they are compared after normalize_name, so case,
// accents, spaces and hyphens do not matter here). The canonical name is always accepted.
// Deliberately left out, because they are ambiguous:
//   "DDN"   French for both date de naissance and date des dernières nouvelles;
//   "N°"    alone, in French sheets as often a row number as a patient number;
//   "pt"    patient, or preferred term (adverse events);
//   "count", "cause", "type", "class", "j": which count, cause, ... is not said;
//   "plt_d0"/"platelets_d0": time-named counts (day_of_time_named_column); only the French name
//   "plaquettes_J0", which docs/design.md §5 lists, also means patients.baseline_platelets.

struct ColumnSynonyms {
  std::string_view canonical;
  std::vector<std::string_view> synonyms;
};
using SynonymTable = std::vector<ColumnSynonyms>;

const std::vector<std::string_view>& patient_id_synonyms() {
  static const std::vector<std::string_view> kNames = {
      "id", "patient", "patient id", "patient number", "patient no", "patient nr", "pt id",
      "subject", "subject id", "subject number", "subject no", "participant id", "study id",
      "record id", "case id",
      // French.
      "id_patient", "identifiant", "identifiant patient", "numéro patient", "numéro de patient",
      "num patient", "no patient", "n° patient", "n° de patient", "nº patient", "code patient"};
  return kNames;
}

const std::vector<std::string_view>& day_synonyms() {
  static const std::vector<std::string_view> kNames = {
      "days", "study day", "day from d0", "days from d0", "day since d0", "days since d0",
      // French.
      "jour", "jours", "jour depuis j0", "jours depuis j0"};
  return kNames;
}

const SynonymTable& patients_synonyms() {
  static const SynonymTable kTable = {
      {"patient_id", patient_id_synonyms()},
      {"d0",
       {"day 0", "d0 date", "date d0", "date of d0", "date of day 0", "first infusion", "first infusion date",
        "date of first infusion", "date first infusion", "index date",
        // French.
        "date_J0", "j0", "date de J0", "date première perfusion", "date de première perfusion",
        "date 1ère perfusion"}},
      {"sex", {"gender", "sexe", "genre"}},
      {"birth_date",
       {"dob", "date of birth", "birthdate", "birth date", "birthday",
        // French.
        "date_naissance", "date de naissance"}},
      {"age",
       {"age years", "age at d0", "age at baseline", "age at inclusion",
        // French ("âge (ans)" loses its unit before it gets here).
        "âge", "age ans", "âge à J0", "âge à l'inclusion"}},
      {"itp_diagnosis_date",
       {"diagnosis date", "date of diagnosis", "itp diagnosis", "itp diagnosis date",
        "date of itp diagnosis", "diagnosis",
        // French.
        "date diagnostic", "date du diagnostic", "date de diagnostic", "date diagnostic PTI",
        "date du diagnostic de PTI", "date de diagnostic du PTI"}},
      {"itp_duration_months",
       {"itp duration", "itp duration months", "disease duration", "duration of itp",
        // French.
        "durée_PTI_mois", "durée PTI", "durée du PTI", "durée du PTI mois", "ancienneté PTI",
        "ancienneté du PTI"}},
      {"secondary_itp",
       {"secondary", "itp secondary", "is secondary",
        // French.
        "PTI_secondaire", "secondaire", "PTI secondaire"}},
      {"secondary_cause",
       {"cause of secondary itp", "secondary itp cause", "secondary cause",
        // French.
        "cause_secondaire", "cause du PTI secondaire", "cause PTI secondaire"}},
      {"splenectomy",
       {"splenectomised", "splenectomized", "prior splenectomy",
        // French.
        "splénectomie", "splénectomisé"}},
      {"cs_refractory",
       {"corticosteroid refractory", "steroid refractory", "cortico refractory",
        "refractory to corticosteroids",
        // French.
        "cortico_réfractaire", "corticoréfractaire", "corticorésistant", "cortico-résistant",
        "corticorésistance"}},
      {"ivig_refractory",
       {"ivig refractory", "refractory to ivig",
        // French.
        "IgIV_réfractaire", "IVIg réfractaire", "réfractaire IgIV", "réfractaire aux IgIV"}},
      {"bleeding_month_before",
       {"bleeding before", "prior bleeding", "bleeding prior month", "bleeding last month",
        "bleeding month prior", "bleeding in previous month",
        // French.
        "saignement_mois_précédent", "saignement le mois précédent",
        "saignement dans le mois précédent"}},
      {"baseline_platelets",
       {"baseline plt", "plt baseline", "platelets baseline", "baseline platelet count",
        "baseline count",
        // French.
        "plaquettes_J0", "plaquettes initiales", "plaquettes baseline"}},
      {"last_followup",
       {"last follow up", "last followup date", "last follow up date", "date of last follow up",
        "date last followup", "last contact", "date of last contact", "last visit",
        // French.
        "date_dernières_nouvelles", "dernières nouvelles", "date des dernières nouvelles",
        "date de dernières nouvelles", "date dernier suivi"}},
      {"death",
       {"dead", "deceased", "died", "death status",
        // French.
        "décès", "décédé"}},
      {"death_date",
       {"date of death", "dod",
        // French.
        "date_décès", "date du décès", "date de décès"}},
      {"death_cause",
       {"cause of death",
        // French.
        "cause_décès", "cause du décès", "cause de décès", "cause de la mort"}},
  };
  return kTable;
}

const SynonymTable& platelets_synonyms() {
  static const SynonymTable kTable = {
      {"patient_id", patient_id_synonyms()},
      {"date",
       {"count date", "date of count", "sample date", "platelet date",
        // French.
        "date prélèvement", "date du prélèvement", "date de prélèvement"}},
      {"day", day_synonyms()},
      {"platelets",
       {"plt", "platelet", "platelet count", "platelets count", "plt count",
        // French.
        "plaquettes", "plaquette", "plaq", "numération plaquettaire", "taux de plaquettes"}},
      {"bleeding",
       {"bleed", "hemorrhage", "haemorrhage", "bleeding event",
        // French.
        "saignement", "hémorragie", "syndrome hémorragique"}},
      {"rescue",
       {"rescue therapy", "rescue treatment", "rescue medication",
        // French.
        "secours", "traitement de secours"}},
  };
  return kTable;
}

const SynonymTable& infusions_synonyms() {
  static const SynonymTable kTable = {
      {"patient_id", patient_id_synonyms()},
      {"date",
       {"infusion date", "date of infusion", "administration date", "injection date",
        // French.
        "date perfusion", "date de perfusion", "date de la perfusion", "date injection"}},
      {"day", day_synonyms()},
      {"dose", {"dosage", "posologie"}},
      {"route",
       {"administration route", "route of administration",
        // French.
        "voie", "voie d'administration", "voie administration"}},
  };
  return kTable;
}

const SynonymTable& treatments_synonyms() {
  static const SynonymTable kTable = {
      {"patient_id", patient_id_synonyms()},
      {"drug",
       {"drug name", "treatment", "medication", "therapy", "agent",
        // French.
        "médicament", "traitement", "molécule"}},
      {"start",
       {"start date", "date start", "start day", "started", "begin", "date of start",
        // French.
        "début", "date début", "date de début", "jour début"}},
      {"end",
       {"end date", "date end", "end day", "stop", "stop date", "stopped", "date of end",
        // French.
        "fin", "date fin", "date de fin", "jour fin", "arrêt", "date d'arrêt", "date arrêt"}},
  };
  return kTable;
}

const SynonymTable& adverse_events_synonyms() {
  static const SynonymTable kTable = {
      {"patient_id", patient_id_synonyms()},
      {"date",
       {"onset", "onset date", "date of onset", "ae date", "event date",
        // French.
        "date de survenue", "date survenue", "date EI"}},
      {"day", day_synonyms()},
      {"term",
       {"ae term", "event", "adverse event", "description", "preferred term", "meddra term",
        // French.
        "terme", "événement", "effet indésirable", "libellé"}},
      {"category",
       {"ae category", "soc", "system organ class",
        // French.
        "catégorie", "classe d'organe"}},
      {"grade",
       {"ctcae grade", "toxicity grade", "ae grade",
        // French.
        "grade CTCAE"}},
      {"serious",
       {"sae", "is serious", "seriousness",
        // French.
        "grave", "EIG", "gravité"}},
  };
  return kTable;
}

const SynonymTable& labs_synonyms() {
  static const SynonymTable kTable = {
      {"patient_id", patient_id_synonyms()},
      {"date",
       {"sample date", "lab date", "collection date", "test date",
        // French.
        "date prélèvement", "date du prélèvement", "date de prélèvement", "date examen"}},
      {"day", day_synonyms()},
      {"test",
       {"lab test", "test name", "analyte", "parameter", "lab",
        // French.
        "examen", "analyse", "paramètre"}},
      {"value",
       {"result", "lab value", "test value", "result value",
        // French.
        "valeur", "résultat"}},
      {"unit",
       {"units", "unit of measure",
        // French.
        "unité", "unités"}},
  };
  return kTable;
}

const SynonymTable& synonyms_of(CohortTable table) {
  switch (table) {
    case CohortTable::patients:
      return patients_synonyms();
    case CohortTable::platelets:
      return platelets_synonyms();
    case CohortTable::infusions:
      return infusions_synonyms();
    case CohortTable::treatments:
      return treatments_synonyms();
    case CohortTable::adverse_events:
      return adverse_events_synonyms();
    case CohortTable::labs:
      break;
  }
  return labs_synonyms();
}

using NameIndex = std::unordered_map<std::string, std::string_view>;

// Normalised name → canonical column, built once per table: headers arrive by the thousand
// (up to 16,384 columns), the synonyms need normalising only once.
NameIndex build_index(const SynonymTable& table) {
  NameIndex index;
  for (const ColumnSynonyms& column : table) {
    auto add = [&](std::string_view name) {
      auto inserted = index.emplace(normalize_name(name), column.canonical);
      // One name for two columns of a table would make the answer depend on the order here.
      assert(inserted.second || inserted.first->second == column.canonical);
      (void)inserted;
    };
    add(column.canonical);
    for (std::string_view synonym : column.synonyms) add(synonym);
  }
  return index;
}

const NameIndex& index_of(CohortTable table) {
  static const NameIndex kIndexes[] = {
      build_index(synonyms_of(CohortTable::patients)),
      build_index(synonyms_of(CohortTable::platelets)),
      build_index(synonyms_of(CohortTable::infusions)),
      build_index(synonyms_of(CohortTable::treatments)),
      build_index(synonyms_of(CohortTable::adverse_events)),
      build_index(synonyms_of(CohortTable::labs)),
  };
  return kIndexes[static_cast<int>(table)];
}

}  // namespace

std::string_view table_name(CohortTable table) {
  switch (table) {
    case CohortTable::patients:
      return "patients";
    case CohortTable::platelets:
      return "platelets";
    case CohortTable::infusions:
      return "infusions";
    case CohortTable::treatments:
      return "treatments";
    case CohortTable::adverse_events:
      return "adverse_events";
    case CohortTable::labs:
      break;
  }
  return "labs";
}

std::string normalize_name(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  const std::size_t n = header.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(header[i]);
    if (c < 0x80) {
      if (is_separator(static_cast<char>(c))) {
        append_separator(out);
      } else {
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                           : static_cast<char>(c));
      }
      continue;
    }
    const bool has_next = i + 1 < n && is_continuation(static_cast<unsigned char>(header[i + 1]));
    const auto next = has_next ? static_cast<unsigned char>(header[i + 1]) : 0u;
    if (c == 0xC3 && has_next) {  // Latin-1 Supplement letters.
      if (const char* letters = latin1_letter(next - 0x80u)) {
        out += letters;
        ++i;
        continue;
      }
    } else if (c == 0xC2 && next == 0xA0) {  // No-break space, common in Excel headers.
      append_separator(out);
      ++i;
      continue;
    } else if (c == 0xC5 && (next == 0x92 || next == 0x93)) {  // Œ œ.
      out += "oe";
      ++i;
      continue;
    } else if (c == 0xC5 && next == 0xB8) {  // Ÿ.
      out += 'y';
      ++i;
      continue;
    } else if ((c == 0xCC && has_next) || (c == 0xCD && next >= 0x80 && next <= 0xAF)) {
      // Combining diacritical marks U+0300..U+036F: decomposed "é" as macOS file names have it.
      ++i;
      continue;
    } else if (c == 0xE2 && i + 2 < n && header[i + 1] == '\x80' &&
               (header[i + 2] == '\x98' || header[i + 2] == '\x99')) {
      // Typographic apostrophes ‘ ’, which word processors put in "d’arrêt".
      append_separator(out);
      i += 2;
      continue;
    }
    out.push_back(static_cast<char>(c));  // Any other byte, valid UTF-8 or not: kept.
  }
  if (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::optional<CohortTable> table_from_name(std::string_view file_stem_or_sheet) {
  const std::string key = without_plural_s(normalize_name(file_stem_or_sheet));
  if (key.empty()) return std::nullopt;
  for (const TableNames& entry : table_names()) {
    if (key == without_plural_s(normalize_name(table_name(entry.table)))) return entry.table;
    for (std::string_view name : entry.names) {
      if (key == without_plural_s(normalize_name(name))) return entry.table;
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> canonical_columns(CohortTable table) {
  std::vector<std::string_view> names;
  for (const ColumnSynonyms& column : synonyms_of(table)) names.push_back(column.canonical);
  return names;
}

std::optional<CohortTable> table_from_canonical_name(std::string_view name) {
  for (CohortTable t : {CohortTable::patients, CohortTable::platelets, CohortTable::infusions,
                        CohortTable::treatments, CohortTable::adverse_events, CohortTable::labs})
    if (table_name(t) == name) return t;
  return std::nullopt;
}

std::optional<std::string> canonical_column(CohortTable table, std::string_view header) {
  const NameIndex& index = index_of(table);
  const auto found = index.find(normalize_name(strip_trailing_unit(header)));
  if (found == index.end()) return std::nullopt;
  return std::string(found->second);
}

std::optional<int> day_of_time_named_column(std::string_view header) {
  const std::string name = normalize_name(strip_trailing_unit(header));
  std::string_view rest;
  // The '_' belongs to each prefix, so no prefix is a prefix of another ("plaquettes_j0" does
  // not start with "plaq_") and the order does not matter.
  for (std::string_view prefix : {"plt_", "plaq_", "platelets_", "plaquettes_"}) {
    if (name.compare(0, prefix.size(), prefix) == 0) {
      rest = std::string_view(name).substr(prefix.size());
      break;
    }
  }
  // A unit letter, then 1 to 4 digits: four bound the arithmetic below (m9999 fits an int) and
  // no follow-up is counted in more than 9999 of anything.
  if (rest.size() < 2 || rest.size() > 5) return std::nullopt;
  long number = 0;
  for (char c : rest.substr(1)) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  switch (rest[0]) {
    case 'd':
    case 'j':
      return static_cast<int>(number);
    case 'w':
    case 's':
      return static_cast<int>(7 * number);
    case 'm':
      // round(30.4375 × n) in integers, halves up (m24 = 730.5 → 731), identical in WASM.
      return static_cast<int>((304375 * number + 5000) / 10000);
    default:
      return std::nullopt;
  }
}

}  // namespace itp
