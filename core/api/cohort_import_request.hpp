#pragma once
// The "import_cohort" request: which loaded tables, and the user's choices (ImportOptions).
#include "core/json/json_output.hpp"
#include "core/cohort/import_options.hpp"

namespace itp {

// {"type": "import_cohort", "tables": [...], "date_order": "day_first" | "month_first" |
//  {"<table>": "month_first"}, "missing_codes": ["9999"], "censored_values": "at_limit" |
//  "half_limit" | "set_aside", "roles": {"<table>": "patients"},
//  "mapping": {"<table>": {"<column>": "<canonical>" | null}}}. Throws InputError naming the
// field that is wrong.
ImportOptions parse_import_options(const Json& request);

// The options as the answer echoes them, so a page can show what was used.
Json import_options_to_json(const ImportOptions& options);

}  // namespace itp
