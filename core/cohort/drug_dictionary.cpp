#include "core/cohort/drug_dictionary.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/cohort/column_names.hpp"

namespace itp {
namespace {

// ---------------------------------------------------------------------------------------------
// The dictionary: the one place to extend. Names are written as users write them; they are
// compared after normalize_name and cut into words (below), so case, accents, spaces, hyphens
// and "CD20" / "CD 20" do not matter here, and a plural "s" on the last word is accepted
// without being listed. A name must not contain "(", "/", "+" or the words and/et, with/avec,
// then/puis, plus, or/ou, which cut a cell into segments. Typos are misspellings seen in
// sheets, chiefly those the one-edit rule (below) does not catch: two edits ("eltrombopague"),
// under 7 letters ("dapson", "N-plate").
//
// Choices (docs/decisions.md):
//   - Subcutaneous immunoglobulins (Hizentra, HyQvia, ...) are IVIg: the same polyvalent
//     product, and cohorts ask "any immunoglobulin" when they define rescue or refractoriness.
//   - Anti-D has its own class: an immunoglobulin, but acting through the patient's red cells,
//     given only to Rh(D)+ non-splenectomised patients, and reported apart in ITP series.
//   - rhTPO (recombinant thrombopoietin, China) is counted with the TPO receptor agonists.
//   - Left out on purpose: "CS", "MP", "AZA" (azacitidine), "Ig" alone, "CP": too short to be
//     safe. "CPA" and "MCP" are kept: in a French ITP sheet they are platelet concentrates.

struct DrugEntry {
  std::string_view name;
  DrugClass drug_class;
  std::vector<std::string_view> synonyms;
  std::vector<std::string_view> typos;
};

// Laid out by hand, one drug per entry, to be read down the page.
// clang-format off
const std::vector<DrugEntry>& drugs() {
  using C = DrugClass;
  static const std::vector<DrugEntry> kDrugs = {
      // Corticosteroids.
      {"prednisone", C::corticosteroid, {"Cortancyl", "Deltasone", "Rayos", "Lodotra"}, {}},
      {"prednisolone", C::corticosteroid,
       {"Solupred", "Hydrocortancyl", "Orapred", "Millipred", "Prelone"}, {}},
      {"methylprednisolone", C::corticosteroid,
       {"methyl-prednisolone", "methylpred", "Solumédrol", "Solu-Médrol", "Médrol", "Depo-Medrol",
        "Urbason"},
       {"methylprednisone"}},
      {"dexamethasone", C::corticosteroid,
       {"DXM", "dexa", "dex", "Decadron", "Dectancyl", "Neofordex"}, {}},
      {"hydrocortisone", C::corticosteroid, {"Solu-Cortef", "Cortef", "HSHC"}, {}},
      {"betamethasone", C::corticosteroid, {"Célestène", "Celestone", "Betnesol"}, {}},
      {"cortisone", C::corticosteroid, {}, {}},
      // Polyvalent immunoglobulins, intravenous and subcutaneous (see above).
      {"human normal immunoglobulin", C::ivig,
       {"IVIg", "IgIV", "IV Ig", "Ig IV", "IgHN", "immunoglobulin", "immunoglobuline",
        "intravenous immunoglobulin", "immunoglobulines intraveineuses",
        "immunoglobuline humaine normale", "immunoglobulines polyvalentes",
        "polyvalent immunoglobulin", "SCIg", "IgSC", "SC Ig", "subcutaneous immunoglobulin",
        "immunoglobulines sous-cutanées",
        "Tégéline", "Privigen", "Octagam", "Kiovig", "Gammagard", "Clairyglobin", "Flebogamma",
        "Gamunex", "Gammaplex", "Panzyga", "Intratect", "Iqymune", "Nanogam", "Sandoglobuline",
        "Sandoglobulin", "Carimune", "Bivigam", "Asceniv", "Yimmugo",
        "Hizentra", "HyQvia", "Cuvitru", "Gammanorm", "Evogam", "Xembify", "Cutaquig"},
       {"immunoglobine", "immunoglobines"}},
      {"anti-D immunoglobulin", C::anti_d,
       {"anti-D", "anti-RhD", "Ig anti-D", "IgIV anti-D", "IVIg anti-D", "immunoglobulin anti-D",
        "immunoglobuline anti-D", "immunoglobulines anti-D",
        "WinRho", "Rhophylac", "RhoGAM", "Rhesonativ", "Partobulin"},
       {}},
      // TPO receptor agonists.
      {"eltrombopag", C::tpo_ra,
       {"eltrombopag olamine", "eltrombopag choline", "EPAG", "Revolade", "Promacta", "Alvaiz"},
       {"eltrombopague", "revolad"}},
      {"romiplostim", C::tpo_ra, {"Nplate", "AMG 531"},
       {"romiplostime", "romiplostine", "N-plate"}},
      {"avatrombopag", C::tpo_ra, {"Doptelet"}, {}},
      {"lusutrombopag", C::tpo_ra, {"Mulpleta"}, {}},
      {"hetrombopag", C::tpo_ra, {"hetrombopag olamine", "Hengqu"}, {}},
      {"recombinant human thrombopoietin", C::tpo_ra, {"rhTPO", "TPIAO"}, {}},
      // Anti-CD20.
      {"rituximab", C::anti_cd20,
       {"RTX", "Ritux", "MabThera", "Rituxan", "Truxima", "Rixathon", "Ruxience", "Riabni",
        "Blitzima", "Ritemvia", "Rituzena"},
       {"rituximabe"}},
      {"obinutuzumab", C::anti_cd20, {"Gazyva", "Gazyvaro"}, {}},
      {"ofatumumab", C::anti_cd20, {"Arzerra", "Kesimpta"}, {}},
      {"veltuzumab", C::anti_cd20, {}, {}},
      // Kinase inhibitors, FcRn, CD38 and complement.
      {"fostamatinib", C::syk_inhibitor, {"Tavalisse", "Tavlesse", "R788"}, {"fostamatinibe"}},
      {"sovleplenib", C::syk_inhibitor, {"HMPL-523"}, {}},
      {"cevidoplenib", C::syk_inhibitor, {"SKI-O-703"}, {}},
      {"rilzabrutinib", C::btk_inhibitor, {"Wayrilz", "PRN1008"}, {}},
      {"orelabrutinib", C::btk_inhibitor, {}, {}},
      {"efgartigimod", C::fcrn_inhibitor, {"efgartigimod alfa", "Vyvgart"}, {}},
      {"rozanolixizumab", C::fcrn_inhibitor, {"Rystiggo"}, {}},
      {"nipocalimab", C::fcrn_inhibitor, {"Imaavy"}, {}},
      {"batoclimab", C::fcrn_inhibitor, {}, {}},
      {"daratumumab", C::anti_cd38, {"Darzalex"}, {}},
      {"mezagitamab", C::anti_cd38, {"TAK-079"}, {}},
      {"sutimlimab", C::complement_inhibitor, {"Enjaymo"}, {}},
      // Immunosuppressants.
      {"azathioprine", C::immunosuppressant, {"Imurel", "Imuran", "Azasan"}, {}},
      {"mycophenolate mofetil", C::immunosuppressant, {"MMF", "mycophenolate", "CellCept"}, {}},
      {"mycophenolic acid", C::immunosuppressant,
       {"acide mycophénolique", "mycophenolate sodium", "mycophénolate sodique",
        "mycophénolate de sodium", "Myfortic"},
       {}},
      {"ciclosporin", C::immunosuppressant,
       {"ciclosporine", "cyclosporine", "cyclosporin", "ciclosporine A", "cyclosporin A",
        "cyclosporine A", "CsA", "Néoral", "Sandimmun", "Sandimmune", "Gengraf"},
       {}},
      {"sirolimus", C::immunosuppressant, {"rapamycin", "rapamycine", "Rapamune"}, {}},
      {"tacrolimus", C::immunosuppressant,
       {"FK506", "Prograf", "Advagraf", "Envarsus", "Adoport"}, {}},
      {"cyclophosphamide", C::immunosuppressant, {"Endoxan", "Cytoxan"}, {}},
      // Androgens, vinca alkaloids, other immunomodulators, others.
      {"danazol", C::androgen, {"Danatrol", "Danocrine"}, {}},
      {"vincristine", C::vinca_alkaloid, {"Oncovin", "VCR"}, {}},
      {"vinblastine", C::vinca_alkaloid, {"Velbe", "Velban", "VBL"}, {}},
      {"dapsone", C::other_immunomodulator, {"Disulone", "DDS"}, {"dapson"}},
      {"hydroxychloroquine", C::other_immunomodulator, {"HCQ", "Plaquenil"}, {}},
      {"tretinoin", C::other_immunomodulator,
       {"ATRA", "all-trans retinoic acid", "acide tout-trans rétinoïque", "Vesanoid"}, {}},
      {"decitabine", C::other_immunomodulator, {"Dacogen"}, {}},
      {"belimumab", C::other, {"Benlysta"}, {}},
      {"ianalumab", C::other, {"VAY736"}, {}},
      {"bortezomib", C::other, {"Velcade"}, {}},
      // Procedures, bleeding measures.
      {"splenectomy", C::splenectomy, {"splénectomie", "laparoscopic splenectomy"}, {}},
      {"tranexamic acid", C::antifibrinolytic,
       {"acide tranexamique", "TXA", "Exacyl", "Cyklokapron", "Lysteda", "Spotof"}, {}},
      {"aminocaproic acid", C::antifibrinolytic,
       {"acide aminocaproïque", "epsilon-aminocaproic acid", "EACA", "Amicar"}, {}},
      {"platelet transfusion", C::platelet_transfusion,
       {"platelets transfusion", "transfusion of platelets", "PLT transfusion",
        "transfusion plaquettaire", "transfusions plaquettaires", "transfusion de plaquettes",
        "transfusion de CPA", "concentré plaquettaire", "concentrés plaquettaires",
        "concentré de plaquettes", "CPA", "MCP"},
       {}},
  };
  return kDrugs;
}

// Words that name only a class. When a cell also names a drug of that class ("corticoïdes
// (prednisone)"), the drug wins (find_drugs).
const std::vector<DrugEntry>& class_words() {
  using C = DrugClass;
  static const std::vector<DrugEntry> kWords = {
      {"corticosteroids", C::corticosteroid,
       {"corticosteroid", "corticostéroïde", "corticoïde", "cortico", "corticothérapie", "CTC",
        "steroid", "stéroïde", "glucocorticoid", "glucocorticoïde"},
       {}},
      {"TPO receptor agonists", C::tpo_ra,
       {"TPO-RA", "TPORA", "TPO receptor agonist", "thrombopoietin receptor agonist",
        "TPO agonist", "agoniste TPO", "agoniste du récepteur de la TPO",
        "agoniste du récepteur de la thrombopoïétine", "agonistes du récepteur de la TPO",
        "agonistes du récepteur de la thrombopoïétine"},
       {}},
      {"anti-CD20 antibodies", C::anti_cd20,
       {"anti-CD20", "antiCD20", "anti-CD20 antibody", "anticorps anti-CD20"}, {}},
      {"immunosuppressants", C::immunosuppressant,
       {"immunosuppressant", "immunosuppresseur", "immunosuppressive therapy"}, {}},
  };
  return kWords;
}

// Names and labels of the classes, in one table (find_class_names).
struct ClassNames {
  DrugClass drug_class;
  std::string_view name;   // JSON id.
  std::string_view label;  // Table label.
};

constexpr ClassNames kClassNames[] = {
    {DrugClass::corticosteroid,        "corticosteroid",        "Corticosteroids"},
    {DrugClass::ivig,                  "ivig",                  "IVIg"},
    {DrugClass::anti_d,                "anti_d",                "Anti-D immunoglobulin"},
    {DrugClass::tpo_ra,                "tpo_ra",                "TPO receptor agonists"},
    {DrugClass::anti_cd20,             "anti_cd20",             "Anti-CD20"},
    {DrugClass::syk_inhibitor,         "syk_inhibitor",         "SYK inhibitors"},
    {DrugClass::btk_inhibitor,         "btk_inhibitor",         "BTK inhibitors"},
    {DrugClass::fcrn_inhibitor,        "fcrn_inhibitor",        "FcRn inhibitors"},
    {DrugClass::anti_cd38,             "anti_cd38",             "Anti-CD38"},
    {DrugClass::complement_inhibitor,  "complement_inhibitor",  "Complement inhibitors"},
    {DrugClass::immunosuppressant,     "immunosuppressant",     "Immunosuppressants"},
    {DrugClass::androgen,              "androgen",              "Androgens"},
    {DrugClass::vinca_alkaloid,        "vinca_alkaloid",        "Vinca alkaloids"},
    {DrugClass::other_immunomodulator, "other_immunomodulator", "Other immunomodulators"},
    {DrugClass::splenectomy,           "splenectomy",           "Splenectomy"},
    {DrugClass::antifibrinolytic,      "antifibrinolytic",      "Antifibrinolytics"},
    {DrugClass::platelet_transfusion,  "platelet_transfusion",  "Platelet transfusion"},
    {DrugClass::other,                 "other",                 "Other"},
};
// clang-format on

// Words that may stand before a name in its segment: route, form and dose ("IV rituximab",
// "bolus de Solumédrol", "high-dose dexamethasone", "HD-DXM", "cure d'IgIV").
const std::vector<std::string_view>& leading_words() {
  static const std::vector<std::string_view> kWords = {
      "bolus",       "flash",         "cure",     "iv", "sc",         "po",
      "oral",        "high_dose",     "low_dose", "hd", "forte_dose", "fortes_doses",
      "faible_dose", "faibles_doses", "de",       "d",  "du",         "of"};
  return kWords;
}

// Words that, right after a name, make it describe the patient or another drug rather than a
// treatment given ("prednisone-free", "cortico-résistant", "steroid-sparing agent"): the name
// then does not count. Cells like these turn up when a comment lands in the drug column.
bool is_veto_word(std::string_view word) {
  static const std::vector<std::string_view> kWords = {
      "free",       "naive",      "naif",       "refractory", "refractaire",
      "resistant",  "resistance", "dependent",  "dependant",  "dependence",
      "dependance", "sparing",    "intolerant", "intolerance"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// Words that join two treatments in one cell; each starts a new segment.
bool is_conjunction(std::string_view word) {
  static const std::vector<std::string_view> kWords = {"and",  "et",   "with", "avec", "then",
                                                       "puis", "plus", "or",   "ou"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// ---------------------------------------------------------------------------------------------
// Cutting a cell into segments of words. After normalize_name, a word is a run of ASCII letters
// or of digits (bytes of other scripts count as letters); '_' ends a word; any other sign ends
// the segment, and so does a conjunction. '/' is made a sign before normalize_name turns it
// into '_', so "rituximab/dexaméthasone" is two segments ("mg/kg" too, harmlessly). The UTF-8
// symbols U+0080..U+00BF and U+2000..U+2FFF are signs too, so that a pasted "Nplate®",
// "Revolade™" or "prednisone → 5 mg" keeps its name a word of its own.

using Words = std::vector<std::string>;

enum class CharKind { letter, digit, space, sign };

CharKind kind_of(char c) {
  const auto u = static_cast<unsigned char>(c);
  if ((u >= 'a' && u <= 'z') || u >= 0x80) return CharKind::letter;
  if (u >= '0' && u <= '9') return CharKind::digit;
  return c == '_' ? CharKind::space : CharKind::sign;
}

// The length in bytes of the symbol (see above) starting at `i`, or 0 if none starts there.
std::size_t symbol_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead != 0xC2 && lead != 0xE2) return 0;
  const std::size_t continuations = lead == 0xC2 ? 1 : 2;
  std::size_t length = 1;
  while (length <= continuations && i + length < text.size() &&
         (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) {
    ++length;
  }
  return length;
}

std::vector<Words> segments_of(std::string_view cell) {
  std::string text(cell);
  std::replace(text.begin(), text.end(), '/', ',');
  std::vector<Words> segments(1);
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    if (is_conjunction(word)) {
      if (!segments.back().empty()) segments.emplace_back();
    } else {
      segments.back().push_back(word);
    }
    word.clear();
  };
  const std::string normalized = normalize_name(text);
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    const std::size_t symbol = symbol_length(normalized, i);
    const CharKind kind = symbol > 0 ? CharKind::sign : kind_of(normalized[i]);
    if (symbol > 0) i += symbol - 1;
    if (kind == CharKind::letter || kind == CharKind::digit) {
      if (!word.empty() && kind_of(word.back()) != kind) end_word();
      word.push_back(normalized[i]);
      continue;
    }
    end_word();
    if (kind == CharKind::sign && !segments.back().empty()) segments.emplace_back();
  }
  end_word();
  if (segments.back().empty()) segments.pop_back();
  return segments;
}

std::string join(const Words& words, std::size_t first, std::size_t count) {
  std::string out;
  for (std::size_t i = first; i < first + count; ++i) {
    if (!out.empty()) out.push_back('_');
    out += words[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The index, built once: cells arrive by the thousand.

struct Key {
  const DrugEntry* entry;
  DrugMatch::How how;
  bool generic;  // From class_words().
};

struct Dictionary {
  std::unordered_map<std::string, Key> keys;  // Joined words → entry.
  // Names and synonyms of at least kTypoMinLetters letters, for the one-edit rule. Listed
  // typos and plurals are left out: a typo of a typo is too far from the name.
  std::vector<std::pair<std::string, Key>> typo_targets;
  std::size_t max_words = 1;
};

// Below 7 letters, one edit turns too many abbreviations and short brands into each other
// (MMF, CTC, DXM, IVIG, Medrol / Neoral, Imurel / Imuran).
constexpr std::size_t kTypoMinLetters = 7;

std::size_t letter_count(std::string_view key) {
  return key.size() - static_cast<std::size_t>(std::count(key.begin(), key.end(), '_'));
}

// A name that cuts into more than one segment could never be matched: a data error, reported
// on first use rather than ignored.
Words words_of_name(std::string_view name) {
  std::vector<Words> segments = segments_of(name);
  if (segments.size() != 1)
    throw std::logic_error("drug dictionary: bad name " + std::string(name));
  return segments.front();
}

void add_key(Dictionary& dict, const Words& words, Key key) {
  std::string joined = join(words, 0, words.size());
  auto [it, inserted] = dict.keys.emplace(joined, key);
  if (!inserted && it->second.entry != key.entry) {
    throw std::logic_error("drug dictionary: '" + joined + "' names two drugs");
  }
  dict.max_words = std::max(dict.max_words, words.size());
  if (key.how != DrugMatch::How::typo && letter_count(joined) >= kTypoMinLetters) {
    dict.typo_targets.emplace_back(std::move(joined), key);
  }
}

void add_entries(Dictionary& dict, const std::vector<DrugEntry>& entries, bool generic) {
  using How = DrugMatch::How;
  for (const DrugEntry& entry : entries) {
    add_key(dict, words_of_name(entry.name), {&entry, How::exact, generic});
    for (std::string_view synonym : entry.synonyms) {
      add_key(dict, words_of_name(synonym), {&entry, How::synonym, generic});
    }
    for (std::string_view typo : entry.typos) {
      add_key(dict, words_of_name(typo), {&entry, How::typo, generic});
    }
  }
}

// "corticoides", "IVIgs", "TPO-RAs": a plural "s" on the last word, added after every listed
// name so that it never takes the place of one.
void add_plurals(Dictionary& dict) {
  std::vector<std::pair<std::string, Key>> plurals;
  for (const auto& [joined, key] : dict.keys) {
    if (kind_of(joined.back()) == CharKind::letter && joined.back() != 's') {
      plurals.emplace_back(joined + "s", key);
    }
  }
  for (auto& [joined, key] : plurals) dict.keys.emplace(std::move(joined), key);
}

Dictionary build_dictionary() {
  Dictionary dict;
  add_entries(dict, drugs(), false);
  add_entries(dict, class_words(), true);
  add_plurals(dict);
  return dict;
}

const Dictionary& dictionary() {
  static const Dictionary kDictionary = build_dictionary();
  return kDictionary;
}

// ---------------------------------------------------------------------------------------------
// Matching one segment.

struct Found {
  Key key;
  std::size_t word_count;  // Words of the segment the name took.
};

// Damerau distance ≤ 1 (one insertion, deletion, substitution or swap of neighbours), checked
// in one pass instead of filling the full edit-distance table.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);
}

// The longest name (in words) that the segment's words from `first` on begin with.
std::optional<Found> listed_name_at(const Words& words, std::size_t first) {
  const Dictionary& dict = dictionary();
  for (std::size_t count = std::min(dict.max_words, words.size() - first); count > 0; --count) {
    auto it = dict.keys.find(join(words, first, count));
    if (it != dict.keys.end()) return Found{it->second, count};
  }
  return std::nullopt;
}

// The one drug whose name is one edit away from the words from `first` on; nullopt when none
// is, or when two drugs are (ambiguous: "etrombopag" is one edit from eltrombopag and from
// hetrombopag).
std::optional<Found> typo_at(const Words& words, std::size_t first) {
  const Dictionary& dict = dictionary();
  std::optional<Found> found;
  for (std::size_t count = 1; count <= std::min(dict.max_words, words.size() - first); ++count) {
    const std::string phrase = join(words, first, count);
    if (letter_count(phrase) < kTypoMinLetters) continue;
    for (const auto& [target, key] : dict.typo_targets) {
      if (!within_one_edit(phrase, target)) continue;
      if (found && found->key.entry != key.entry) return std::nullopt;
      if (!found) found = Found{{key.entry, DrugMatch::How::typo, key.generic}, count};
    }
  }
  return found;
}

// Length in words of the leading word (or two-word phrase) at `first`, 0 if there is none.
std::size_t leading_word_length(const Words& words, std::size_t first) {
  for (std::size_t count = 1; count <= 2 && first + count <= words.size(); ++count) {
    const std::string phrase = join(words, first, count);
    const auto& leading = leading_words();
    if (std::find(leading.begin(), leading.end(), phrase) != leading.end()) return count;
  }
  return 0;
}

std::optional<Found> match_segment(const Words& words) {
  std::size_t first = 0;
  while (first < words.size()) {
    std::optional<Found> found = listed_name_at(words, first);
    if (!found) found = typo_at(words, first);
    if (found) {
      const std::size_t next = first + found->word_count;
      if (next < words.size() && is_veto_word(words[next])) return std::nullopt;
      return found;
    }
    const std::size_t skip = leading_word_length(words, first);
    if (skip == 0) break;
    first += skip;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Combining the segments of a cell.

bool better(DrugMatch::How a, DrugMatch::How b) {
  return static_cast<int>(a) < static_cast<int>(b);  // exact, then synonym, then typo.
}

// Each entry once, in the order first named, keeping its best spelling; then the class words
// whose class a named drug already stands for are dropped.
std::vector<Key> distinct_keys(const std::vector<Key>& keys) {
  std::vector<Key> distinct;
  for (const Key& key : keys) {
    auto same = std::find_if(distinct.begin(), distinct.end(),
                             [&](const Key& k) { return k.entry == key.entry; });
    if (same == distinct.end()) {
      distinct.push_back(key);
    } else if (better(key.how, same->how)) {
      same->how = key.how;
    }
  }
  auto covered = [&](const Key& key) {
    return key.generic && std::any_of(distinct.begin(), distinct.end(), [&](const Key& k) {
             return !k.generic && k.entry->drug_class == key.entry->drug_class;
           });
  };
  distinct.erase(std::remove_if(distinct.begin(), distinct.end(), covered), distinct.end());
  return distinct;
}

// Every class has its row (the tests check that names are distinct over kDrugClasses); "other"
// is only the answer a compiler wants after the loop.
const ClassNames& find_class_names(DrugClass drug_class) {
  for (const ClassNames& names : kClassNames) {
    if (names.drug_class == drug_class) return names;
  }
  return kClassNames[std::size(kClassNames) - 1];
}

}  // namespace

std::string_view drug_class_name(DrugClass drug_class) { return find_class_names(drug_class).name; }

std::string_view drug_class_label(DrugClass drug_class) {
  return find_class_names(drug_class).label;
}

std::vector<DrugMatch> find_drugs(std::string_view cell) {
  std::vector<Key> keys;
  for (const Words& segment : segments_of(cell)) {
    if (std::optional<Found> found = match_segment(segment)) keys.push_back(found->key);
  }
  std::vector<DrugMatch> matches;
  for (const Key& key : distinct_keys(keys)) {
    matches.push_back({key.entry->name, key.entry->drug_class, key.how});
  }
  return matches;
}

std::optional<DrugMatch> find_drug(std::string_view cell) {
  std::vector<DrugMatch> matches = find_drugs(cell);
  if (matches.size() != 1) return std::nullopt;
  return matches.front();
}

}  // namespace itp
