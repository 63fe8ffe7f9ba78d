// The core's JSON API, as the page and the worker see it: every request `run` takes and every
// answer it gives (docs/design.md §3–5 is the contract; the CLI speaks the same JSON). The wasm
// boundary carries JSON strings only (docs/design.md §8, trap 8), so nothing generates these
// shapes: they are written here by hand from what core/ writes, and the page reads each answer
// through them.
//
// Contents: the requests; what every answer carries; the answers of version, load_table,
// describe_table, presets, import_cohort, survival and cohort, with the pieces they share.

// ---- requests (docs/design.md §3) ---------------------------------------------------------------

/**
 * What the worker sends with a table's bytes (embind's loadTable, never `run`).
 * @typedef {object} LoadTableRequest
 * @property {'load_table'} type
 * @property {string} name
 * @property {string} file
 * @property {string} [delimiter]   ',', ';', '\t' or 'tab'.
 * @property {'rows'} [cells]       The bytes are a JSON array of decoded rows (a sheet): each
 *   cell null, text, a number, true/false, or {"excel_serial": n} for a cell formatted as a date.
 * @property {string} [sheet]
 * @property {1900 | 1904} [date_system]  Of the workbook's date serials; default 1900.
 * @property {number} [first_row]   The sheet row of the first row sent, when rows above were
 *   left out (so messages name the row Excel shows).
 */

/** @typedef {{type: 'version'}} VersionRequest */
/** @typedef {{type: 'presets'}} PresetsRequest */
/** @typedef {{type: 'describe_table', table: string}} DescribeTableRequest */

/** @typedef {'day_first' | 'month_first'} DateOrder */

/**
 * The user's choices on reading cohort tables, sent with import_cohort and cohort alike.
 * @typedef {object} ImportOptions
 * @property {string[]} [tables]  Loaded tables to read, by name; omitted: every loaded table.
 * @property {DateOrder | Record<string, DateOrder>} [date_order]  For every table, or by table
 *   name. Default day_first.
 * @property {string[]} [missing_codes]  Cell values that mean "missing" ("9999", "01/01/1900").
 * @property {'at_limit' | 'half_limit' | 'set_aside'} [censored_values]  How "<10" counts.
 * @property {Record<string, string>} [roles]  Table name → role, for tables the core could not
 *   place ('patients', 'platelets', 'infusions', 'treatments', 'adverse_events', 'labs').
 * @property {Record<string, Record<string, string | null>>} [mapping]  Table name → column
 *   name → the canonical column it is used as, or null for "not used".
 */

/** @typedef {{type: 'import_cohort'} & ImportOptions} ImportCohortRequest */

/**
 * The report's choices (docs/design.md §5, "The cohort report"); the core's defaults otherwise.
 * @typedef {object} ReportOptions
 * @property {2 | 6 | 7} [quantile_type]   R's quantile type of medians and IQRs; default 7.
 * @property {'clopper-pearson' | 'wilson'} [ci_method]  Intervals of proportions.
 * @property {number} [conf_level]         Default 0.95.
 * @property {number[]} [rfs_risk_weeks]   Times of the RFS number-at-risk table.
 * @property {number[]} [os_risk_months]   Times of the OS number-at-risk table.
 * @property {number[]} [estimate_months]  Survival estimates at these times.
 * @property {{test: string, below: number}[]} [lab_thresholds]  Laboratory values counted in the
 *   safety table ("gammaglobulins" below 6 g/L).
 */

/**
 * The ITP analysis: the tables read as import_cohort reads them, each patient classified under
 * the criteria (a preset's name such as 'seed-2026', or a whole criteria set, which the core
 * checks field by field), and the report.
 * @typedef {{type: 'cohort', criteria: string | Criteria, report?: ReportOptions}
 *   & ImportOptions} CohortRequest
 */

/**
 * @typedef {object} SurvivalRequest
 * @property {'survival'} type
 * @property {string} table  The name given at loadTable.
 * @property {string} time   Column names, as in the file's header.
 * @property {string} event
 * @property {string} [group]
 * @property {string} [strata]
 * @property {'log'|'log-log'|'plain'|'logit'|'arcsin'|'none'} [conf_type]  Default 'log'.
 * @property {number} [conf_level]  Default 0.95.
 * @property {number[]} [times]     Estimates at these times, as summary(fit, times=).
 * @property {number[]} [risk_times]  Times of the number-at-risk table.
 * @property {number} [rho]         0: log-rank; 1: Peto-Peto (Harrington-Fleming G-rho).
 * @property {string[]} [event_values]   Cell values that mean an event, when not 0/1 or 1/2.
 * @property {string[]} [censor_values]  Cell values that mean censored.
 * @property {number} [table_rows_max]  At most this many rows per curve in `table` (a figure
 *   needs no more than its pixels); medians, estimates and the test stay the full analysis's.
 * @property {number} [rmst_tau]  The restricted mean survival time up to this time.
 * @property {'holm'|'bonferroni'|'BH'|'none'} [pairwise]  Each pair of groups tested on its own
 *   rows, p adjusted as p.adjust with this method (docs/design.md §4.1).
 * @property {boolean} [trend]  The log-rank test for trend, scores 1, 2, … in group order.
 * @property {number[]} [trend_scores]  The test for trend with these scores, one per group.
 * @property {number} [landmark]  Only the rows with time > landmark, on time since it (times,
 *   rmst_tau and risk_times too).
 */

/**
 * Competing risks as cmprsk::cuminc (docs/design.md §4.1).
 * @typedef {object} CifRequest
 * @property {'cif'} type
 * @property {string} table
 * @property {string} time
 * @property {string} status  The column holding the censoring code or a cause.
 * @property {string} [group]
 * @property {string} [strata]  For Gray's test.
 * @property {string} [censor_value]  The status that means censored; default "0".
 * @property {number[]} [times]  The incidence at these times, as timepoints().
 * @property {number} [conf_level]  Default 0.95.
 */

/**
 * A Cox proportional hazards model as summary(coxph) (docs/design.md §4.1).
 * @typedef {object} CoxRequest
 * @property {'cox'} type
 * @property {string} table
 * @property {string} time
 * @property {string} event
 * @property {string[]} covariates  Numeric columns as numbers, text ones as factors.
 * @property {string} [strata]
 * @property {'efron'|'breslow'} [ties]  Default 'efron'.
 * @property {number} [conf_level]  Default 0.95.
 * @property {string[]} [event_values]
 * @property {string[]} [censor_values]
 */

/**
 * Every request `run` takes.
 * @typedef {VersionRequest | PresetsRequest | DescribeTableRequest | ImportCohortRequest
 *   | CohortRequest | SurvivalRequest | CifRequest | CoxRequest} CoreRequest
 */

// ---- answers ------------------------------------------------------------------------------------

/**
 * A problem the core reports: an answer's `error`, or one of its `warnings`.
 * @typedef {object} CoreProblem
 * @property {string} code     Stable, machine-readable ("unterminated_quote", "missing_time").
 * @property {string} message  Says what is wrong and how to fix it.
 * @property {string|null} [file]
 * @property {number|null} [row]     1-based as a spreadsheet shows it (header = 1).
 * @property {string|null} [column]  The column's name as in the file.
 * @property {boolean} [kept]  Whether the row was kept (read without the bad cell) or set aside.
 */

/**
 * What every answer carries. When `ok` is false, `error` says why and nothing else is there;
 * the fields of each answer below are those of a success.
 * @typedef {object} CoreAnswer
 * @property {boolean} ok
 * @property {CoreProblem} [error]
 * @property {CoreProblem[]} [warnings]
 */

/** @typedef {CoreAnswer & {version?: string, reference?: string}} VersionResponse */

/**
 * @typedef {object} LoadedTable
 * @property {string} name
 * @property {string} file       For a sheet: "cohort.xlsx › patients", as messages name it.
 * @property {string} [sheet]    For a sheet of a workbook.
 * @property {number} rows       Data records (the header not counted).
 * @property {string[]} columns  Header names, in file order.
 * @property {string} delimiter  The one detected or given (',' for a sheet).
 */

/** @typedef {CoreAnswer & {table?: LoadedTable}} LoadTableResponse */

/**
 * @typedef {object} DescribedColumn
 * @property {string} name
 * @property {number} index       1-based, as the file orders them.
 * @property {'number' | 'boolean' | 'date' | 'text' | 'empty'} type  As inferred from the cells.
 * @property {string | null} canonical  The cohort column it would be read as, if any.
 * @property {number} missing
 * @property {string[]} samples   A few distinct values, as written.
 */

/**
 * @typedef {CoreAnswer & {table?: {name: string, rows: number, columns: DescribedColumn[]}}}
 *   DescribeTableResponse
 */

/**
 * A platelet threshold: `value` G/L, met from above when `inclusive`.
 * @typedef {{value: number, inclusive: boolean}} Threshold
 */

/**
 * A criteria set: the parameters of the one response rule (docs/design.md §5, "The response
 * rule"; presets/*.json are the built-in ones). The core checks every field; the page edits the
 * numbers, yes/no fields and choices (mode, same_day_counts, origin) it finds, nested or not.
 * @typedef {object} Criteria
 * @property {string} name       'seed-2026', 'iwg-2009', 'durable-6-of-8', or one's own.
 * @property {string} [label]
 * @property {string} [reference]
 * @property {{use_patient_value: boolean, use_day0: boolean, before_from: number,
 *   before_to: number}} baseline
 * @property {Threshold} complete_response
 * @property {Threshold} response
 * @property {number | null} fold_over_baseline
 * @property {boolean} bleeding_veto
 * @property {{counts: number, min_days_apart: number}} confirmation
 * @property {'each' | 'lowest'} same_day_counts
 * @property {Landmark} landmark
 * @property {Landmark[]} other_landmarks
 * @property {number} treatment_window_days
 * @property {boolean} subsequent_stops_crediting
 * @property {number} rescue_exclusion_days
 * @property {string[]} rescue_classes
 * @property {number | null} exclude_death_before_day
 * @property {number} time_to_response_from_day
 * @property {{below: Threshold, below_fold_of_baseline: number | null,
 *   cr_lost_below: Threshold | null, bleeding: boolean,
 *   confirmation: {counts: number, min_days_apart: number}, subsequent_treatment: boolean}} loss
 * @property {{origin: 'first_response' | 'd0', event_loss: boolean,
 *   event_new_treatment: boolean, event_death: boolean}} rfs
 * @property {{threshold: number, k: number, n: number, window_from: number, window_to: number,
 *   no_rescue_days: number} | null} durable  k of the last n weekly counts (durable-6-of-8).
 */

/**
 * @typedef {object} Landmark
 * @property {number} day
 * @property {number} window_from
 * @property {number} window_to
 * @property {'best' | 'at'} mode
 */

/** @typedef {CoreAnswer & {presets?: Criteria[]}} PresetsResponse */

// ---- import_cohort ----

/**
 * How one table was read: its role, its rows and each column's use.
 * @typedef {object} ImportedTable
 * @property {string} name
 * @property {string} file
 * @property {string | null} role   'patients', 'platelets', ...
 * @property {string} role_from     How the role was found ('name', 'columns', 'given').
 * @property {string[]} canonical_columns  What a column of this role can be used as.
 * @property {{read: number, kept: number, set_aside: Record<string, number>}} rows  Rows set
 *   aside by reason.
 * @property {{name: string, index: number, canonical: string | null, how: string | null,
 *   day?: number}[]} columns  `day`: the day a time-named column holds (plt_d0, plaq_s6).
 */

/**
 * One patient as imported.
 * @typedef {object} ImportedPatient
 * @property {string} patient_id
 * @property {string} file
 * @property {number} row
 * @property {string | null} d0   ISO date.
 * @property {'given' | 'first_infusion' | null} d0_source
 * @property {string} sex
 * @property {number | null} age
 * @property {number | {value: number, censored: 'below' | 'above'} | null} baseline_platelets
 * @property {string | null} last_followup
 * @property {boolean} death
 * @property {string | null} death_date
 * @property {number} last_record_day
 * @property {{platelets: number, infusions: number, treatments: number,
 *   adverse_events: number, labs: number}} records
 * @property {string | null} not_evaluable_reason
 */

/**
 * @typedef {object} ImportedCohort
 * @property {'tables' | 'patient_per_row'} layout
 * @property {ImportedTable[]} tables
 * @property {{name: string, reason: string}[]} ignored_tables  Tables the core could not place.
 * @property {{patients: number, platelets: number, infusions: number, treatments: number,
 *   adverse_events: number, labs: number}} records
 * @property {ImportedPatient[]} patients
 * @property {{recognised: {drug: string, name: string, class: string,
 *   match: 'exact' | 'synonym' | 'typo', rows: number}[],
 *   unknown: {drug: string, rows: number}[]}} drugs  By spelling as written.
 * @property {ImportOptions} options  As used.
 */

/** @typedef {CoreAnswer & {cohort?: ImportedCohort}} ImportCohortResponse */

// ---- survival (docs/design.md §4), also the cohort report's rfs and os ----

/**
 * Columns of a survival table; `null` where R gives NA.
 * @typedef {object} SurvivalColumns
 * @property {number[]} time
 * @property {number[]} n_risk
 * @property {number[]} n_event
 * @property {number[]} n_censor
 * @property {number[]} surv
 * @property {(number|null)[]} std_err
 * @property {(number|null)[]} lower
 * @property {(number|null)[]} upper
 */

/**
 * An estimate with its confidence limits; null = not reached.
 * @typedef {{estimate: number|null, lower: number|null, upper: number|null}} Estimate
 */

/**
 * @typedef {object} SurvivalGroup
 * @property {string} name  As in the file ('all' without a group column).
 * @property {number} n
 * @property {number} events
 * @property {SurvivalColumns} table
 * @property {number} [table_rows]  The curve's rows before table_rows_max thinned `table`.
 * @property {Estimate} median
 * @property {(Estimate & {probability: number})[]} quantiles  0.25 and 0.75.
 * @property {SurvivalColumns} [at_times]
 * @property {{time: number[], n_risk: number[], cumulative_events: number[],
 *   cumulative_censored: number[]}} [risk_table]
 */

/**
 * @typedef {object} SurvivalTest
 * @property {string} method  'log-rank' or the G-rho name.
 * @property {number} rho
 * @property {number} chisq
 * @property {number} df
 * @property {number | null} p  null when it is not a finite number (the writer's NA).
 * @property {string[]} groups
 * @property {number[]} observed
 * @property {number[]} expected
 * @property {string[] | null} strata
 * @property {number} rows_left_out
 */

/**
 * @typedef {object} SurvivalResult
 * @property {string} conf_type
 * @property {number} conf_level
 * @property {{read: number, used: number, left_out: Record<string, number>}} rows  Left out by
 *   reason.
 * @property {SurvivalGroup[]} groups
 * @property {SurvivalTest | null} [test]  null with a single group.
 * @property {{method: string, median: number | null, lower: number | null,
 *   upper: number | null}} follow_up  Median follow-up by reverse Kaplan-Meier.
 * @property {string} [pairwise_adjustment]  The p.adjust method, when pairwise was asked.
 * @property {SurvivalPair[]} [pairwise]  In group order: (1,2), (1,3), …, (2,3), ….
 * @property {SurvivalTrend} [trend]
 * @property {number} [landmark]  Times are then measured from it; the rows that ended at or
 *   before it are counted in rows.left_out.before_landmark.
 */

/**
 * One pair of groups tested on its own rows; p and p_adjusted null when the pair cannot be
 * tested (warning pairwise_no_test).
 * @typedef {object} SurvivalPair
 * @property {[string, string]} groups
 * @property {number | null} chisq
 * @property {number} df
 * @property {number | null} p
 * @property {number | null} p_adjusted
 */

/**
 * The log-rank test for trend; chisq and p null when there is no test (no_trend_test).
 * @typedef {object} SurvivalTrend
 * @property {number | null} chisq
 * @property {1} df
 * @property {number | null} p
 * @property {number[]} scores
 * @property {string[]} groups
 */

/** @typedef {CoreAnswer & {survival?: SurvivalResult}} SurvivalResponse */

// ---- competing risks and the Cox model (docs/design.md §4.1) ----

/**
 * A cumulative incidence curve's rows, or its values at chosen times; null where R gives NA.
 * @typedef {object} IncidenceColumns
 * @property {number[]} time
 * @property {(number|null)[]} estimate
 * @property {(number|null)[]} variance
 * @property {(number|null)[]} lower  log(−log) limits; null where the estimate is 0.
 * @property {(number|null)[]} upper
 */

/**
 * One group's curve of one cause: a row per event time of the cause, the value after the jump.
 * @typedef {object} CifCurve
 * @property {string} name  The group ('all' without a group column).
 * @property {string} cause
 * @property {number} n
 * @property {number} events  Of this cause.
 * @property {number} last_time  The curve is flat from its last row to here.
 * @property {IncidenceColumns} table
 * @property {IncidenceColumns} [at_times]
 */

/**
 * @typedef {object} CifResult
 * @property {number} conf_level
 * @property {string} censor_value
 * @property {string[]} causes
 * @property {string[] | null} strata
 * @property {{read: number, used: number, censored: number,
 *   left_out: Record<string, number>}} rows
 * @property {CifCurve[]} groups  Causes outer, groups inner, as cuminc.
 * @property {{cause: string, stat: number | null, df: number, p: number | null}[]} gray
 *   Gray's test per cause; empty without a group column.
 */

/** @typedef {CoreAnswer & {cif?: CifResult}} CifResponse */

/**
 * One term of a Cox model; every number null when R cannot estimate it (a warning names it).
 * @typedef {object} CoxCoefficient
 * @property {string} term  As R names it (celltypelarge).
 * @property {string} covariate  The column.
 * @property {number | null} coef
 * @property {number | null} hr
 * @property {number | null} se
 * @property {number | null} z
 * @property {number | null} p
 * @property {number | null} hr_lower
 * @property {number | null} hr_upper
 * @property {boolean} singular
 * @property {boolean} infinite
 */

/** @typedef {{chisq: number | null, df: number, p: number | null}} CoxTest */

/**
 * @typedef {object} CoxResult
 * @property {number} n
 * @property {number} events
 * @property {'efron'|'breslow'} ties
 * @property {number} conf_level
 * @property {string[] | null} strata
 * @property {CoxCoefficient[]} coefficients
 * @property {{likelihood_ratio: CoxTest, wald: CoxTest, score: CoxTest}} tests
 * @property {{estimate: number, std_err: number, concordant: number, discordant: number,
 *   tied_risk: number} | null} concordance
 * @property {[number | null, number | null]} loglik  At 0 and fitted.
 * @property {number} iterations
 * @property {boolean} converged
 * @property {{read: number, used: number, left_out: Record<string, number>}} rows
 */

/** @typedef {CoreAnswer & {cox?: CoxResult}} CoxResponse */

// ---- cohort: the report (docs/design.md §5, "The cohort report") ----

/**
 * A continuous row: median [IQR] (min–max) by R's quantile type.
 * @typedef {object} SummaryRow
 * @property {string} label
 * @property {string} variable
 * @property {'continuous'} kind
 * @property {number} n
 * @property {number} missing
 * @property {number | null} median
 * @property {number | null} q1
 * @property {number | null} q3
 * @property {number | null} min
 * @property {number | null} max
 * @property {number} quantile_type
 */

/**
 * A categorical row: n (%) of the patients whose value is known.
 * @typedef {object} CountRow
 * @property {string} label
 * @property {string} [variable]
 * @property {'categorical'} [kind]
 * @property {string} [level]
 * @property {number} count
 * @property {number} denominator
 * @property {number} [missing]
 * @property {number | null} percent  0–100 as printed.
 */

/**
 * A rate with its interval: `percent` 0–100 as printed, the limits as proportions.
 * @typedef {{count: number, percent: number | null, ci_lower?: number | null,
 *   ci_upper?: number | null}} Rate
 */

/**
 * One patient as the rule classified them, with every count as the rule saw it.
 * @typedef {object} PatientResponse
 * @property {string} patient_id
 * @property {'CR' | 'R' | 'NR' | 'NE' | 'excluded'} category
 * @property {string} reason
 * @property {{platelets: number | null, censored_below: boolean, source: string} | null} baseline
 * @property {number | null} landmark_count_day
 * @property {{day: number, category: string, reason: string}[]} other_landmarks
 * @property {'CR' | 'R' | 'none'} best_response
 * @property {number | null} first_response_day
 * @property {number | null} best_response_day
 * @property {number | null} time_to_response_days
 * @property {{day: number, reason: string} | null} loss_of_response
 * @property {{day: number, reason: string} | null} loss_of_complete_response
 * @property {{days: number, event: boolean, event_reason: string | null} | null} rfs
 * @property {string | null} rfs_missing_reason
 * @property {{days: number, event: boolean, event_reason: string | null} | null} os
 * @property {string | null} os_missing_reason
 * @property {{drug: string, name: string | null, class: string | null, start_day: number | null,
 *   end_day: number | null, role: string, file: string, row: number}[]} treatments
 * @property {PlateletCount[]} counts
 */

/**
 * @typedef {object} PlateletCount
 * @property {number} day
 * @property {number} platelets
 * @property {boolean} censored_below  Written "<10": below the value, not the value.
 * @property {boolean} credited
 * @property {string | null} not_credited_because
 * @property {boolean} bleeding
 * @property {'CR' | 'R' | 'none' | string} level
 * @property {'CR' | 'R' | 'none' | string} confirmed  The level of the confirmed response the
 *   count lies within.
 * @property {boolean} same_day_lower  Set aside for a lower count the same day.
 * @property {boolean} in_window
 * @property {string} file
 * @property {number} row
 */

/**
 * @typedef {object} ResponseAtLandmark
 * @property {number} landmark_day
 * @property {[number, number]} window
 * @property {number} denominator  CR + R + NR.
 * @property {{CR: Rate, R: Rate, OR: Rate, NR: Rate}} categories
 */

/**
 * @typedef {ResponseAtLandmark & {
 *   ci_method: string, conf_level: number,
 *   excluded: {patient_id: string, reason: string}[],
 *   not_evaluable: {patient_id: string, reason: string}[],
 *   other_landmarks: (ResponseAtLandmark & {not_evaluable: number, died_before: number})[],
 *   by_treatment: {role: string, with: {patients: number, OR: Rate},
 *     without: {patients: number, OR: Rate}, fisher_p: number | null}[],
 *   cr_without_other_treatment: {patients: number, relapses: number,
 *     relapse_months: number[], patient_ids: string[]}
 * }} ResponseReport
 */

/**
 * @typedef {object} SafetyReport
 * @property {number} patients
 * @property {number} events
 * @property {number} undated_events
 * @property {{patient_id: string, day: number, term: string, category: string,
 *   grade: number | null}[]} before_d0  Adverse events before D0, apart.
 * @property {CountRow} any_adverse_event
 * @property {CountRow} grade_3_or_more
 * @property {CountRow} serious
 * @property {CountRow} infusion_reactions
 * @property {{category: string, patients: number, percent: number,
 *   grade_3_or_more: number}[]} by_category
 * @property {{count: number, percent: number, by_cause: {cause: string, count: number}[]}} deaths
 * @property {{test: string, below: number, unit: string, patients_below: number,
 *   patients_measured: number, percent: number | null}[]} lab_thresholds
 */

/**
 * The cohort report, the answer to a cohort request when ok.
 * @typedef {object} CohortReport
 * @property {boolean} ok
 * @property {CoreProblem} [error]
 * @property {Criteria} criteria        As used, the preset's or the request's.
 * @property {Required<ReportOptions>} report_options  As used.
 * @property {PatientResponse[]} patients
 * @property {(SummaryRow | CountRow)[]} table1
 * @property {{patients: number, lines: SummaryRow,
 *   drugs: {drug: string, class: string, count: number, denominator: number,
 *     percent: number}[],
 *   classes: {class: string, count: number, denominator: number, percent: number}[]}}
 *   prior_treatments
 * @property {{total: number, per_patient: SummaryRow, route: CountRow[],
 *   doses: {route: string, dose: string, infusions: number}[]}} infusions
 * @property {{unit: string, reverse_km: {median: number | null, lower: number | null,
 *   upper: number | null}, observed: SummaryRow}} follow_up
 * @property {ResponseReport} response
 * @property {{n: number, median: number | null, q1: number | null, q3: number | null,
 *   min: number | null, max: number | null, unit: string, quantile_type: number}}
 *   time_to_response
 * @property {{n: number, weeks: SurvivalResult, months: SurvivalResult} | null} rfs  Among
 *   responders.
 * @property {{n: number, weeks: SurvivalResult, months: SurvivalResult} | null} os
 * @property {{unit: string, quantile_type: number, week: number[], patients: number[],
 *   median: (number | null)[], q1: (number | null)[], q3: (number | null)[]} | null}
 *   platelets_by_week
 * @property {ResponseIncidence | null} response_incidence  Null when no patient is evaluable
 *   with a follow-up.
 * @property {SafetyReport} safety
 * @property {string[]} footnotes
 * @property {CoreProblem[]} warnings
 */

/**
 * The cumulative incidence of response from D0 among the patients with CR, R or NR, a new ITP
 * treatment and death competing, in months (docs/design.md §4.1).
 * @typedef {object} ResponseIncidence
 * @property {number} n  Evaluable patients with a follow-up.
 * @property {'months'} unit
 * @property {number} last_time  The longest first-event time: every curve is flat to here.
 * @property {{response: number, new_treatment: number, death: number, censored: number}} events
 *   Each patient's first event.
 * @property {Record<string, number>} left_out  Patients not in it, by reason (their category,
 *   or no_follow_up).
 * @property {{cause: 'response' | 'new_treatment' | 'death', events: number,
 *   table: IncidenceColumns, at_times: IncidenceColumns}[]} curves
 */

/** @typedef {CohortReport} CohortResponse */

/**
 * The answer to each request, by its type: what `run` resolves to.
 * @typedef {object} CoreAnswers
 * @property {VersionResponse} version
 * @property {PresetsResponse} presets
 * @property {DescribeTableResponse} describe_table
 * @property {ImportCohortResponse} import_cohort
 * @property {CohortResponse} cohort
 * @property {SurvivalResponse} survival
 * @property {CifResponse} cif
 * @property {CoxResponse} cox
 */

/**
 * Any answer of the core.
 * @typedef {CoreAnswers[keyof CoreAnswers] | LoadTableResponse} CoreResponse
 */
