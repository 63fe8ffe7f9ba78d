#pragma once
// Recognising cohort tables (file stems, sheet names) and their columns by name, in English and
// French (docs/design.md §3 and §5). Pure functions of the names: no I/O, no state visible to
// callers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace itp {

enum class CohortTable { patients, platelets, infusions, treatments, adverse_events, labs };

// The canonical English name of the table: "patients", "platelets", ..., "adverse_events".
std::string_view table_name(CohortTable table);

// The form in which names are compared: ASCII letters in lower case; accents removed from UTF-8
// Latin letters (é → e, ç → c, ñ → n, ß → ss, œ → oe, æ → ae, capitals too, and combining
// accents as macOS writes file names); spaces, tabs, no-break spaces, hyphens, dots, slashes
// and apostrophes (' and ’) → '_'; runs of '_' collapsed; leading and trailing '_' dropped.
// Other bytes, invalid UTF-8 included, are kept as they are.
// "Date de naissance" → "date_de_naissance", "Durée-PTI (mois)" → "duree_pti_(mois)".
std::string normalize_name(std::string_view header);

// The table a file stem or sheet name designates, or nullopt. See the variants in the .cpp.
std::optional<CohortTable> table_from_name(std::string_view file_stem_or_sheet);

// The canonical columns of `table`, in docs/design.md §5's order.
std::vector<std::string_view> canonical_columns(CohortTable table);

// The table a canonical English table name designates ("patients", ..., "labs"), or nullopt.
std::optional<CohortTable> table_from_canonical_name(std::string_view name);

// The canonical column (docs/design.md §5) of `table` that `header` names, or nullopt when the
// name means nothing in that table. Accepts the canonical name, English synonyms and French names;
// a trailing unit in parentheses or brackets is ignored ("Plaquettes (G/L)" → "platelets").
std::optional<std::string> canonical_column(CohortTable table, std::string_view header);

// For a patient-per-row sheet carrying platelet counts as columns named by time from D0: the
// day of such a column, else nullopt. The name is a prefix plt, plaq, platelets or plaquettes,
// '_' (or anything normalize_name turns into '_'), a unit letter and a whole number:
// d/j → days, w/s → 7 × weeks, m → round(30.4375 × months) (m3 = 91, m6 = 183, m12 = 365).
// A trailing unit in parentheses or brackets is ignored. "plt_d0" → 0, "Plaq J14" → 14.
std::optional<int> day_of_time_named_column(std::string_view header);

}  // namespace itp
