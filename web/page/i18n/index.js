// The page's words in English and French, and numbers written the way each language writes them.
// One dictionary per language, keyed by stable ids that the page and the table builders share;
// a key missing from French falls back to the English text, and tests/node/i18n.test.mjs checks
// that both dictionaries have the same keys and the same {placeholders}.
//
// Text that comes from the core (its messages, reasons, the drug names and values of a user's
// file) is not translated here: it is data, shown as given.
//
// French conventions followed: ITP abbreviations as French haematologists write them (RC, R, RG,
// NR, NE; PTI, IgIV, AR-TPO), decimal comma, "J42" for day 42, a space before ":" and ";".
// Percents are "52.0 %" in both languages, as the seed paper prints them, with a plain space
// (not a no-break one, so tests, CSV and copy-paste see one character); the page keeps numeric
// cells on one line with CSS (white-space: nowrap on .num).

import { formatP } from '../format.js';

/** @typedef {'en' | 'fr'} Lang */

/** The languages of the interface, in the order a language menu lists them. */
export const languages = Object.freeze([
  Object.freeze({ code: 'en', name: 'English', locale: 'en-GB' }),
  Object.freeze({ code: 'fr', name: 'Français', locale: 'fr-FR' }),
]);

export const defaultLanguage = 'en';

const en = {
  // ---- the page ----
  'app.title': 'ITP cohort calculator',
  'app.subtitle':
    'Response, tables and Kaplan-Meier curves for cohorts of patients with immune thrombocytopenia',
  'privacy.statement':
    'Your data never leaves this computer: files are read and analysed inside this page, and nothing is sent anywhere.',
  'privacy.storage':
    'Nothing is stored: reloading or closing the page forgets the files, unless you export the results.',
  'language.label': 'Language',
  'mode.label': 'Mode',
  'mode.cohort': 'ITP cohort',
  'mode.survival': 'Survival calculator',

  // ---- steps ----
  'step.load': 'Load',
  'step.check': 'Check',
  'step.results': 'Results',
  'step.of': 'Step {step} of {total}',
  'step.load.title': '1. Load the data',
  'step.load.help':
    'Drop CSV, TSV or XLSX files (patients, platelets, infusions, treatments, adverse_events, labs) or one sheet with a row per patient, or open the example cohort.',
  'step.check.title': '2. Check the columns and the criteria',
  'step.check.help':
    'Confirm how each column was recognised, read the problems found in the data, then choose the response criteria.',
  'step.results.title': '3. Results',

  // ---- buttons ----
  'button.openExample': 'Open the example cohort',
  'button.chooseFiles': 'Choose files…',
  'button.dropFiles': 'or drop files here',
  'button.analyse': 'Analyse',
  'button.back': 'Back',
  'button.next': 'Next',
  'button.startOver': 'Start over',
  'button.run': 'Run',
  'button.exportCsv': 'Export CSV',
  'button.exportSvg': 'Export SVG',
  'button.exportPng': 'Export PNG',
  'button.exportJson': 'Export the full result (JSON)',
  'button.printReport': 'Print report',
  'button.details': 'Details',
  'button.detailsOf': 'Details of patient {id}',
  'button.close': 'Close',
  'button.loadCriteria': 'Load criteria from a JSON file…',
  'button.saveCriteria': 'Save the criteria as JSON',
  'button.resetCriteria': 'Back to the preset',

  // ---- load step ----
  'load.example': 'Synthetic example cohort: 26 adults with refractory ITP treated with daratumumab',
  'load.files': 'Files loaded: {count}',
  'load.recognisedAs': '{file}: {role}, {rows} rows',
  'load.notRecognised': '{file}: not recognised as a cohort table; it will be left out',
  'role.patients': 'patients',
  'role.platelets': 'platelet counts',
  'role.infusions': 'infusions',
  'role.treatments': 'other ITP treatments',
  'role.adverse_events': 'adverse events',
  'role.labs': 'laboratory tests',

  // ---- check step ----
  'check.mapping': 'Columns',
  'check.column': 'Column in the file',
  'check.usedAs': 'Used as',
  'check.notUsed': 'not used',
  'check.unusedColumns': 'Columns not used: {columns}',
  'check.problems': 'Problems found in the data',
  'check.noProblems': 'No problem found in the data.',
  'check.problemAt': '{file}, row {row}, column {column}',
  'problems.where': 'Where',
  'problems.kept': 'Row kept',
  'problems.message': 'Problem',
  'check.dateOrder': 'Dates written as',
  'check.dayFirst': 'day/month/year (31/12/2024)',
  'check.monthFirst': 'month/day/year (12/31/2024)',
  'check.missingCodes': 'Other codes for a missing value (for example 9999)',
  'check.criteria': 'Response criteria',
  'check.preset': 'Criteria set',
  'check.parameters': 'Parameters',
  'check.quantileType': 'Quantiles (median and IQR)',
  'check.ciMethod': 'Confidence intervals of proportions',
  'check.confLevel': 'Confidence level',
  'check.tableRole': 'Use {table} as',
  'check.censoredValues': 'Values such as "<10"',
  'censored.at_limit': 'count as the limit (10)',
  'censored.half_limit': 'count as half the limit (5)',
  'censored.set_aside': 'set the row aside',
  'quantile.7': "type 7 (R's default)",
  'quantile.2': "type 2 (SAS's default)",
  'quantile.6': 'type 6 (SPSS, Stata)',
  'ci.clopper-pearson': 'Clopper-Pearson (exact)',
  'ci.wilson': 'Wilson score',

  // ---- results ----
  'results.tables': 'Tables',
  'results.figures': 'Figures',
  'results.patients': 'Patients',
  'results.warnings': 'Warnings: {count}',
  'results.noWarnings': 'No warnings.',
  'results.criteriaUsed': 'Criteria: {label}',
  'results.selectPatient': 'Choose a patient to see the counts that decided the category.',

  // ---- figures ----
  'figure.rfs': 'Relapse-free survival among responders',
  'figure.os': 'Overall survival',
  'figure.trajectories': 'Platelet counts per patient',
  'figure.responseBars': 'Response at the landmark',
  'figure.swimmer': 'Treatments and responses per patient',
  'figure.km': 'Kaplan-Meier estimate',
  'figure.numberAtRisk': 'Number at risk',
  'figure.ciBand': '{level} confidence band',
  'figure.censored': 'Censored',
  'figure.threshold': '{value} G/L',
  'figure.showCi': 'Confidence bands',
  'figure.showMedian': 'Median lines',
  'figure.timeUnit': 'Time in',
  'axis.weeks': 'Weeks',
  'axis.months': 'Months',
  'axis.days': 'Days from D0',
  'axis.platelets': 'Platelets (G/L)',
  'axis.probability': 'Probability',
  'axis.patients': 'Patients',
  'axis.time': 'Time',

  // ---- survival calculator ----
  'survival.title': 'Survival calculator',
  'survival.help':
    'Any table with a time and an event column: Kaplan-Meier curves, medians and log-rank tests as R survival computes them.',
  'survival.file': 'CSV, TSV or XLSX file',
  'survival.time': 'Time',
  'survival.event': 'Event (1 = event, 0 = censored)',
  'survival.group': 'Group',
  'survival.strata': 'Strata (for the test)',
  'survival.none': '(none)',
  'survival.confType': 'Confidence interval',
  'survival.confLevel': 'Confidence level',
  'survival.times': 'Estimates at times (comma-separated)',
  'survival.rho': 'Test',
  'survival.logRank': 'Log-rank',
  'survival.petoPeto': 'Peto-Peto (rho = 1)',
  'survival.testLine': '{method}: χ² = {chisq}, df = {df}, {p}',
  'survival.testHf': 'Harrington-Fleming test (rho = {rho})',
  'survival.noTest': 'One group: no test.',
  'survival.example': 'Example: acute myelogenous leukaemia (R survival::aml)',

  // ---- status and errors of the page ----
  'status.starting': 'Starting the calculator…',
  'status.ready': 'Ready (calculator {version}).',
  'status.reading': 'Reading the files…',
  'status.loadingExample': 'Loading the example…',
  'status.computing': 'Computing…',
  'status.done': 'Done.',
  'error.workerRestarted':
    'The calculator stopped unexpectedly and was restarted; please run again. ({reason})',
  'error.workerGaveUp': 'The calculator stopped and could not be restarted; reload the page. ({reason})',
  'error.workerFailed': 'The calculator failed: {reason}',
  'error.noFile': 'Choose a file first.',
  'error.noColumns': 'The file has no columns.',
  'error.sameColumns': 'The time and the event must be two different columns.',
  'error.fetchExample': 'The example could not be loaded ({file}: HTTP {status}).',
  'error.readFile': '{file} could not be read: {reason}',
  'error.unsupportedFile': '{file}: not a CSV, TSV or XLSX file.',
  'error.xlsNotSupported':
    '{file}: old .xls workbooks and password-protected workbooks cannot be read; save it as .xlsx or CSV.',
  'error.notAWorkbook': '{file} is not an Excel workbook.',
  'error.damagedWorkbook': '{file} is damaged and cannot be read.',
  'error.emptyFile': '{file} is empty.',
  'error.noPatients': 'No patients table was found: add one (patients.csv or a sheet named patients).',
  'error.criteriaFile': 'The criteria file could not be read: {reason}',
  'error.export': 'The export failed: {reason}',
  'error.print': 'The report could not be opened; allow pop-ups for this page or export it.',

  // ---- categories and levels ----
  'category.CR': 'CR',
  'category.R': 'R',
  'category.OR': 'OR',
  'category.NR': 'NR',
  'category.NE': 'NE',
  'category.excluded': 'Excluded',
  'category.CR.long': 'Complete response (CR)',
  'category.R.long': 'Response (R)',
  'category.OR.long': 'Overall response (OR = CR + R)',
  'category.NR.long': 'No response (NR)',
  'category.NE.long': 'Not evaluable (NE)',
  'category.excluded.long': 'Excluded',
  'category.diedBefore': 'Died before the window',
  'level.none': 'none',
  'level.R': 'R',
  'level.CR': 'CR',
  'level.R?': 'R range, no baseline',

  // ---- table titles and captions ----
  'table.table1.title': 'Table 1. Patients at D0',
  'table.table1.caption': '{n} patients.',
  'table.prior.title': 'Prior ITP treatments',
  'table.prior.caption': 'Treatments started more than {days} days before D0; {n} patients.',
  'table.infusions.title': 'Infusions',
  'table.infusions.caption': '{total} infusions in {n} patients.',
  'table.followUp.title': 'Follow-up',
  'table.response.title': 'Response at day {day}',
  'table.response.caption.best': 'Best response on days {from}–{to}; N = {n} evaluable patients.',
  'table.response.caption.at':
    'Response at the count of the landmark, days {from}–{to}; N = {n} evaluable patients.',
  'table.laterResponse.title': 'Response at later landmarks',
  'table.outside.title': 'Patients outside the denominator',
  'table.outside.caption': 'Excluded and not evaluable patients at day {day}, with the reason.',
  'table.outside.empty': 'None.',
  'table.byTreatment.title': 'Overall response with and without another ITP treatment',
  'table.timeToResponse.title': 'Time to response',
  'table.survival.title': 'Relapse-free and overall survival',
  'table.rfsAtRisk.title': 'Relapse-free survival: number at risk',
  'table.safety.title': 'Safety',
  'table.safety.caption': '{events} adverse events in {n} patients.',
  'table.patients.title': 'Patients',
  'table.patients.caption': '{n} patients.',
  'table.audit.title': 'Platelet counts of patient {id}',
  'table.audit.caption': '{category}: {reason}',
  'table.treatments.title': 'ITP treatments of patient {id}',
  'table.survivalGroups.title': 'Kaplan-Meier estimates',
  'table.atTimes.title': 'Estimates at the chosen times',
  'col.timePlain': 'Time',
  'col.survivalCi': 'Survival ({level} CI)',
  'col.survivalPlain': 'Survival',

  // ---- column headers ----
  'col.characteristic': 'Characteristic',
  'col.patientsN': 'Patients (N = {n})',
  'col.value': 'Value',
  'col.category': 'Category',
  'col.nOverN': 'n/N',
  'col.percentCi': '% ({level} CI)',
  'col.landmark': 'Landmark',
  'col.patient': 'Patient',
  'col.reason': 'Reason',
  'col.treatment': 'Treatment',
  'col.with': 'With: OR, n/N (%)',
  'col.without': 'Without: OR, n/N (%)',
  'col.fisherP': "Fisher's exact test",
  'col.outcome': 'Outcome',
  'col.n': 'n',
  'col.events': 'Events',
  'col.median': 'Median, {unit} ({level} CI)',
  'col.estimateAt': 'At {time} {unit} ({level} CI)',
  'col.patientsPct': 'Patients, n (%)',
  'col.grade3': 'Grade ≥ 3, n',
  'col.baseline': 'Baseline platelets (G/L)',
  'col.timeToResponse': 'Time to response (days)',
  'col.loss': 'Loss of response',
  'col.rfs': 'RFS (days)',
  'col.day': 'Day',
  'col.platelets': 'Platelets (G/L)',
  'col.credited': 'Credited',
  'col.level': 'Level',
  'col.inWindow': 'In the window',
  'col.source': 'File, row',
  'col.group': 'Group',
  'col.time': 'Time ({unit})',
  'col.atRisk': 'At risk',
  'col.cumEvents': 'Events (cumulative)',
  'col.cumCensored': 'Censored (cumulative)',
  'col.drugAsWritten': 'Drug as written',
  'col.drug': 'Drug',
  'col.class': 'Class',
  'col.role': 'Role',
  'col.start': 'Start (day)',
  'col.end': 'End (day)',

  // ---- Table 1 rows (by the core's variable names) and values ----
  'var.age': 'Age (years)',
  'var.sex': 'Sex',
  'var.itp_duration_months': 'ITP duration (months)',
  'var.secondary_itp': 'Secondary ITP',
  'var.secondary_cause': 'Cause of secondary ITP',
  'var.splenectomy': 'Splenectomy',
  'var.cs_refractory': 'Corticosteroid-refractory',
  'var.ivig_refractory': 'IVIg-refractory',
  'var.bleeding_month_before': 'Bleeding in the month before D0',
  'var.baseline_platelets': 'Baseline platelets (G/L)',
  'var.prior_lines': 'Prior lines (excluding corticosteroids and IVIg)',
  'var.infusions': 'Infusions per patient',
  'var.route': 'Route',
  'var.follow_up': 'Observed follow-up (months)',
  'value.Male': 'Male',
  'value.Female': 'Female',
  'value.Yes': 'Yes',
  'value.No': 'No',
  'value.mixed': 'mixed',
  'value.not_given': 'not given',
  'value.cause_not_given': 'cause not given',
  'value.unknown_cause': 'unknown cause',

  // ---- drug classes and treatment roles ----
  'class.corticosteroid': 'Corticosteroids',
  'class.ivig': 'IVIg',
  'class.anti_d': 'Anti-D immunoglobulin',
  'class.tpo_ra': 'TPO receptor agonists',
  'class.anti_cd20': 'Anti-CD20',
  'class.syk_inhibitor': 'SYK inhibitors',
  'class.btk_inhibitor': 'BTK inhibitors',
  'class.fcrn_inhibitor': 'FcRn inhibitors',
  'class.anti_cd38': 'Anti-CD38',
  'class.complement_inhibitor': 'Complement inhibitors',
  'class.immunosuppressant': 'Immunosuppressants',
  'class.androgen': 'Androgens',
  'class.vinca_alkaloid': 'Vinca alkaloids',
  'class.other_immunomodulator': 'Other immunomodulators',
  'class.splenectomy': 'Splenectomy',
  'class.antifibrinolytic': 'Antifibrinolytics',
  'class.platelet_transfusion': 'Platelet transfusion',
  'class.other': 'Other',
  'class.unknown': 'Not recognised',
  'role.prior': 'prior',
  'role.background': 'background',
  'role.concomitant': 'concomitant',
  'role.subsequent': 'subsequent',
  'role.unknown': 'unknown',
  'byTreatment.concomitant': 'Concomitant treatment (started within {days} days of D0)',
  'byTreatment.background': 'Background therapy (started earlier, still given at D0)',

  // ---- rows of the other tables ----
  'prior.lines': 'Prior lines (excluding corticosteroids and IVIg), median [IQR] (min–max)',
  'prior.byClass': 'By class',
  'prior.byDrug': 'By drug',
  'infusions.total': 'Infusions, total',
  'infusions.perPatient': 'Infusions per patient, median [IQR] (min–max)',
  'infusions.route': 'Route, patients n (%)',
  'infusions.doses': 'Dose, infusions n',
  'followUp.reverseKm': 'Median follow-up by reverse Kaplan-Meier, months ({level} CI)',
  'followUp.observed': 'Observed follow-up, months, median [IQR] (min–max)',
  'ttr.patients': 'Patients with a response at the landmark',
  'ttr.medianRange': 'Median (min–max), days',
  'ttr.iqr': 'IQR, days',
  'outcome.rfs': 'Relapse-free survival (responders)',
  'outcome.os': 'Overall survival (all patients)',
  'safety.any': 'Any adverse event',
  'safety.grade3': 'Grade ≥ 3',
  'safety.serious': 'Serious',
  'safety.infusionReactions': 'Infusion reactions',
  'safety.byCategory': 'By category',
  'safety.deaths': 'Deaths',
  'safety.labs': 'Laboratory values from D0 on',
  'safety.labBelow': '{test} < {value} {unit}',
  'lab.gammaglobulins': 'Gammaglobulins',
  'lab.neutrophils': 'Neutrophils',
  'event.death': 'death',
  'event.new_treatment': 'new treatment',
  'event.loss_of_response': 'loss of response',

  // ---- platelets by week, response without other treatment, the per-patient audit ----
  'figure.plateletsByWeek': 'Platelet counts by week since D0: median and IQR',
  'figure.week': 'Week',
  'figure.median': 'Median',
  'figure.iqr': 'Interquartile range',
  'figure.fewPatients': 'Fewer than {n} patients: point only',
  'figure.landmark': 'Landmark',
  'figure.showData': 'The figure\'s numbers ({weeks} weeks)',
  'axis.plateletsLog': 'Platelets (G/L, log scale)',
  'axis.weeksSinceD0': 'Weeks since D0',
  'table.plateletsByWeek.title': 'Platelet counts by week since D0',
  'table.plateletsByWeek.caption': '{weeks} weeks with at least one count.',
  'note.plateletsByWeek':
    'Week w: days 7w to 7w + 6 from D0. Each patient counts once a week, with the median of their counts that week; counts before D0 are left out.',
  'col.week': 'Week',
  'col.patientsCount': 'Patients, n',
  'col.medianUnit': 'Median ({unit})',
  'col.q1': 'Q1 ({unit})',
  'col.q3': 'Q3 ({unit})',
  'unit.gl': 'G/L',
  'byTreatment.neither': 'Neither background nor concomitant treatment',
  'note.byTreatmentNeither':
    'Neither: "with" are the patients given neither treatment, "without" those given one or both.',
  'table.neither.title': 'Response with neither background nor concomitant treatment',
  'table.neither.caption':
    'N = {n} evaluable patients with no background treatment and none started within {days} days of D0.',
  'table.crAlone.title': 'Complete response without other ITP treatment',
  'crAlone.patients': 'Patients in CR at day {day} with no other ITP treatment',
  'crAlone.relapses': 'Relapses',
  'crAlone.relapseMonths': 'Relapse, months from D0',
  'crAlone.ids': 'Patients',
  'note.crAlone':
    'No background, concomitant or subsequent ITP treatment started before the relapse (or at all, without a relapse). A relapse is a loss of response by the counts; months from D0 (a month is 30.4375 days).',
  'note.safetyFromD0':
    'Adverse events from D0 on. Undated events, counted with them: {undated}. Events before D0, listed apart: {before}.',
  'table.aeBeforeD0.title': 'Adverse events before D0',
  'table.aeBeforeD0.caption': '{count} events, not counted in the safety table.',
  'table.aeBeforeD0.empty': 'None.',
  'col.term': 'Event',
  'col.grade': 'Grade',
  'note.severalCauses.one':
    'Causes of secondary ITP: {n} patient has several causes, so the causes add up to more than the patients with secondary ITP; each percent is of all patients.',
  'note.severalCauses.other':
    'Causes of secondary ITP: {n} patients have several causes, so the causes add up to more than the patients with secondary ITP; each percent is of all patients.',
  'col.lossCr': 'Loss of CR',
  'col.os': 'OS (days)',
  'fmt.notComputedBecause': 'not computed: {reason}',
  'col.bleeding': 'Bleeding',
  'col.confirmed': 'Confirmed response',
  'fmt.sameDayLower': 'set aside: a lower count of the same day stands for the day',
  'audit.loss': 'Loss of response on day {day}: {reason}',
  'audit.lossCr': 'Loss of CR on day {day}: {reason}',
  'audit.rfsMissing': 'RFS not computed: {reason}',
  'audit.osMissing': 'OS not computed: {reason}',
  'note.confirmed':
    'Confirmed response: the level of the confirmed response the count lies within (none outside any).',

  // ---- words inside cells ----
  'fmt.notReached': 'not reached',
  'fmt.notEstimable': 'not estimable',
  'fmt.notComputed': 'not computed',
  'fmt.to': 'to',
  'fmt.none': '–',
  'fmt.yes': 'yes',
  'fmt.no': 'no',
  'fmt.nEquals': 'n = {n}',
  'fmt.day': 'day {day}',
  'fmt.landmark': 'Day {day} (days {from}–{to})',
  'fmt.censored': 'censored',
  'fmt.pNotAvailable': 'p not available',
  'fmt.fileRow': '{file}, row {row}',
  'fmt.row': 'row {row}',
  'fmt.column': 'column {column}',
  'fmt.lossAt': 'day {day}: {reason}',
  'fmt.notCredited': 'no: {reason}',
  'fmt.baselineBelow': '< {value}',
  'unit.days': 'days',
  'unit.weeks': 'weeks',
  'unit.months': 'months',
  'col.medianCi': 'Median ({level} CI)',
  'col.medianPlain': 'Median',
  'survival.logRankTest': 'Log-rank test',

  // ---- footnotes ----
  'note.continuous':
    "Continuous variables: median [IQR] (min–max), quantiles by R's type {type} (Hyndman & Fan 1996{which})",
  'note.quantileWhich.7': "; R's default",
  'note.quantileWhich.2': "; SAS's default",
  'note.quantileWhich.6': "; SPSS's and Stata's",
  'note.categorical':
    'Categorical variables: n (%) of the patients whose value is known (the denominator).',
  'note.denominator': 'n/N (%) where the value is known for fewer than the {n} patients.',
  'note.responseCi':
    'Response rates with {method} confidence intervals; excluded and not evaluable patients are outside the denominator.',
  'note.ci.clopper-pearson': 'Clopper-Pearson exact',
  'note.ci.wilson': 'Wilson score',
  'note.laterLandmarks':
    'Same criteria in later windows; patients not evaluable there, or who died before the window, are outside the denominator.',
  'note.fisher': "p: Fisher's exact test, overall response with against without the treatment.",
  'note.ttr':
    'Days from D0 to the first credited count meeting R or CR (before day {from} too), among the patients with CR or R at the landmark.',
  'note.km':
    'Kaplan-Meier estimates with {level} confidence intervals ({confType}); "not reached": the curve stays above 50 %.',
  'note.rfs': 'RFS from {origin}; events: {events}; censored at the last follow-up.',
  'note.rfsOrigin.first_response': 'the first response',
  'note.rfsOrigin.d0': 'D0',
  'note.reverseKm': 'Follow-up by reverse Kaplan-Meier: death censors it.',
  'note.labs': 'Patients with at least one value below the threshold from D0 on, among those measured.',
  'note.audit':
    'A credited count may decide the response; counts on or after the start of a subsequent ITP treatment are not credited.',

  // ---- the printable report ----
  'report.title': 'ITP cohort report',
  'report.generatedAt': 'Generated on {date}.',
  'report.privacy': 'Computed in the browser; no data left the computer.',
  'report.criteria': 'Criteria used',
  'report.criteriaName': 'Name',
  'report.criteriaLabel': 'Label',
  'report.reference': 'Reference',
  'report.parameters': 'Parameters',
  'report.parametersJson': 'Parameters as JSON (load this text as a criteria file to reuse them)',
  'report.options': 'Report options',
  'report.tables': 'Tables',
  'report.figures': 'Figures',
  'report.notes': 'Notes of the analysis',
  'report.warnings': 'Warnings: {count}',
  'report.moreWarnings': '… and {count} more (see the JSON export).',
  'report.figureOmitted': 'Figure "{name}" left out: it is not a plain SVG drawing.',
  'report.audit': 'Appendix: platelet counts per patient',

  // ---- criteria parameters, by their path in the criteria JSON ----
  'param.baseline.use_patient_value': 'Baseline: the value of the patients table',
  'param.baseline.use_day0': 'Baseline: else the count on D0',
  'param.baseline.before_from': 'Baseline: else the latest count from day',
  'param.baseline.before_to': 'Baseline: … to day',
  'param.complete_response.value': 'CR: platelets above (G/L)',
  'param.complete_response.inclusive': 'CR: threshold included',
  'param.response.value': 'R: platelets at least (G/L)',
  'param.response.inclusive': 'R: threshold included',
  'param.fold_over_baseline': 'R: times the baseline count, at least',
  'param.bleeding_veto': 'Bleeding rules out a response',
  'param.confirmation.counts': 'Counts needed to confirm a response',
  'param.confirmation.min_days_apart': 'Days between confirming counts, at least',
  'param.landmark.day': 'Landmark (day)',
  'param.landmark.window_from': 'Landmark window from day',
  'param.landmark.window_to': 'Landmark window to day',
  'param.landmark.mode': 'Response in the window',
  'param.other_landmarks': 'Later landmarks',
  'param.treatment_window_days': 'Concomitant treatment: started within (days of D0)',
  'param.subsequent_stops_crediting': 'A subsequent treatment stops the crediting of counts',
  'param.rescue_exclusion_days': 'Counts set aside after rescue therapy (days)',
  'param.rescue_classes': 'Rescue therapy',
  'param.exclude_death_before_day': 'Excluded if dead before day',
  'param.time_to_response_from_day': 'Time to response counted from day',
  'param.loss.below.value': 'Loss: a count below (G/L)',
  'param.loss.below.inclusive': 'Loss: threshold included',
  'param.loss.below_fold_of_baseline': 'Loss: below times the baseline',
  'param.loss.cr_lost_below': 'Loss of CR below (G/L)',
  'param.loss.cr_lost_below.value': 'Loss of CR below (G/L)',
  'param.loss.cr_lost_below.inclusive': 'Loss of CR: threshold included',
  'param.loss.bleeding': 'Loss: bleeding',
  'param.loss.confirmation.counts': 'Loss: counts needed to confirm',
  'param.loss.confirmation.min_days_apart': 'Loss: days between confirming counts, at least',
  'param.loss.subsequent_treatment': 'Loss: a subsequent treatment',
  'param.rfs.origin': 'RFS counted from',
  'param.rfs.event_loss': 'RFS event: loss of response',
  'param.rfs.event_new_treatment': 'RFS event: new ITP treatment',
  'param.rfs.event_death': 'RFS event: death',
  'param.durable': 'Durable response rule',
  'param.durable.threshold': 'Durable: weekly count at least (G/L)',
  'param.durable.k': 'Durable: weeks that must count (k)',
  'param.durable.n': 'Durable: weeks in the window (n)',
  'param.durable.window_from': 'Durable: window from day',
  'param.durable.window_to': 'Durable: window to day',
  'param.durable.no_rescue_days': 'Durable: days after rescue that do not count',
  'param.mode.best': 'best response',
  'param.mode.at': 'count at the landmark',
  'param.same_day_counts': 'Several counts on one day',
  'param.same_day_counts.each': 'each counts',
  'param.same_day_counts.lowest': 'the lowest stands for the day',
  'param.origin.first_response': 'the first response',
  'param.origin.d0': 'D0',
  'param.quantile_type': 'Quantile type',
  'param.ci_method': 'Confidence intervals of proportions',
  'param.conf_level': 'Confidence level',
  'param.estimate_months': 'Survival estimates at (months)',
  'param.rfs_risk_weeks': 'RFS number at risk at (weeks)',
  'param.os_risk_months': 'OS number at risk at (months)',
  'param.lab_thresholds': 'Laboratory thresholds',
};

/** @type {Record<keyof typeof en, string>} */
const fr = {
  'app.title': 'Calculateur de cohortes PTI',
  'app.subtitle':
    'Réponse, tableaux et courbes de Kaplan-Meier pour les cohortes de patients atteints de thrombopénie immunologique',
  'privacy.statement':
    "Vos données ne quittent jamais cet ordinateur : les fichiers sont lus et analysés dans cette page, et rien n'est envoyé nulle part.",
  'privacy.storage':
    "Rien n'est conservé : recharger ou fermer la page oublie les fichiers, sauf si vous exportez les résultats.",
  'language.label': 'Langue',
  'mode.label': 'Mode',
  'mode.cohort': 'Cohorte PTI',
  'mode.survival': 'Calculateur de survie',

  'step.load': 'Charger',
  'step.check': 'Vérifier',
  'step.results': 'Résultats',
  'step.of': 'Étape {step} sur {total}',
  'step.load.title': '1. Charger les données',
  'step.load.help':
    'Déposez des fichiers CSV, TSV ou XLSX (patients, plaquettes, perfusions, traitements, effets_indesirables, biologie) ou une feuille avec une ligne par patient, ou ouvrez la cohorte d’exemple.',
  'step.check.title': '2. Vérifier les colonnes et les critères',
  'step.check.help':
    'Confirmez la lecture de chaque colonne, lisez les problèmes trouvés dans les données, puis choisissez les critères de réponse.',
  'step.results.title': '3. Résultats',

  'button.openExample': 'Ouvrir la cohorte d’exemple',
  'button.chooseFiles': 'Choisir des fichiers…',
  'button.dropFiles': 'ou déposer les fichiers ici',
  'button.analyse': 'Analyser',
  'button.back': 'Retour',
  'button.next': 'Suivant',
  'button.startOver': 'Recommencer',
  'button.run': 'Calculer',
  'button.exportCsv': 'Exporter en CSV',
  'button.exportSvg': 'Exporter en SVG',
  'button.exportPng': 'Exporter en PNG',
  'button.exportJson': 'Exporter le résultat complet (JSON)',
  'button.printReport': 'Imprimer le rapport',
  'button.details': 'Détails',
  'button.detailsOf': 'Détails du patient {id}',
  'button.close': 'Fermer',
  'button.loadCriteria': 'Charger des critères depuis un fichier JSON…',
  'button.saveCriteria': 'Enregistrer les critères en JSON',
  'button.resetCriteria': 'Revenir au jeu prédéfini',

  'load.example':
    'Cohorte d’exemple synthétique : 26 adultes atteints de PTI réfractaire traités par daratumumab',
  'load.files': 'Fichiers chargés : {count}',
  'load.recognisedAs': '{file} : {role}, {rows} lignes',
  'load.notRecognised': "{file} : non reconnu comme table de la cohorte ; il sera laissé de côté",
  'role.patients': 'patients',
  'role.platelets': 'numérations plaquettaires',
  'role.infusions': 'perfusions',
  'role.treatments': 'autres traitements du PTI',
  'role.adverse_events': 'effets indésirables',
  'role.labs': 'examens biologiques',

  'check.mapping': 'Colonnes',
  'check.column': 'Colonne du fichier',
  'check.usedAs': 'Utilisée comme',
  'check.notUsed': 'non utilisée',
  'check.unusedColumns': 'Colonnes non utilisées : {columns}',
  'check.problems': 'Problèmes trouvés dans les données',
  'check.noProblems': 'Aucun problème trouvé dans les données.',
  'check.problemAt': '{file}, ligne {row}, colonne {column}',
  'problems.where': 'Où',
  'problems.kept': 'Ligne conservée',
  'problems.message': 'Problème',
  'check.dateOrder': 'Dates écrites',
  'check.dayFirst': 'jour/mois/année (31/12/2024)',
  'check.monthFirst': 'mois/jour/année (12/31/2024)',
  'check.missingCodes': 'Autres codes de valeur manquante (par exemple 9999)',
  'check.criteria': 'Critères de réponse',
  'check.preset': 'Jeu de critères',
  'check.parameters': 'Paramètres',
  'check.quantileType': 'Quantiles (médiane et EIQ)',
  'check.ciMethod': 'Intervalles de confiance des proportions',
  'check.confLevel': 'Niveau de confiance',
  'check.tableRole': 'Utiliser {table} comme',
  'check.censoredValues': 'Valeurs comme « <10 »',
  'censored.at_limit': 'comptées comme la limite (10)',
  'censored.half_limit': 'comptées comme la moitié de la limite (5)',
  'censored.set_aside': 'ligne laissée de côté',
  'quantile.7': 'type 7 (défaut de R)',
  'quantile.2': 'type 2 (défaut de SAS)',
  'quantile.6': 'type 6 (SPSS, Stata)',
  'ci.clopper-pearson': 'Clopper-Pearson (exact)',
  'ci.wilson': 'Wilson (score)',

  'results.tables': 'Tableaux',
  'results.figures': 'Figures',
  'results.patients': 'Patients',
  'results.warnings': 'Avertissements : {count}',
  'results.noWarnings': 'Aucun avertissement.',
  'results.criteriaUsed': 'Critères : {label}',
  'results.selectPatient':
    'Choisissez un patient pour voir les numérations qui ont décidé de sa catégorie.',

  'figure.rfs': 'Survie sans rechute des répondeurs',
  'figure.os': 'Survie globale',
  'figure.trajectories': 'Numérations plaquettaires par patient',
  'figure.responseBars': 'Réponse au point de repère',
  'figure.swimmer': 'Traitements et réponses par patient',
  'figure.km': 'Estimation de Kaplan-Meier',
  'figure.numberAtRisk': 'Nombre de sujets à risque',
  'figure.ciBand': 'Bande de confiance à {level}',
  'figure.censored': 'Censuré',
  'figure.threshold': '{value} G/L',
  'figure.showCi': 'Bandes de confiance',
  'figure.showMedian': 'Lignes des médianes',
  'figure.timeUnit': 'Temps en',
  'axis.weeks': 'Semaines',
  'axis.months': 'Mois',
  'axis.days': 'Jours depuis J0',
  'axis.platelets': 'Plaquettes (G/L)',
  'axis.probability': 'Probabilité',
  'axis.patients': 'Patients',
  'axis.time': 'Temps',

  'survival.title': 'Calculateur de survie',
  'survival.help':
    "Toute table avec une colonne de temps et une colonne d'événement : courbes de Kaplan-Meier, médianes et tests du log-rank calculés comme par R survival.",
  'survival.file': 'Fichier CSV, TSV ou XLSX',
  'survival.time': 'Temps',
  'survival.event': 'Événement (1 = événement, 0 = censuré)',
  'survival.group': 'Groupe',
  'survival.strata': 'Strates (pour le test)',
  'survival.none': '(aucun)',
  'survival.confType': 'Intervalle de confiance',
  'survival.confLevel': 'Niveau de confiance',
  'survival.times': 'Estimations aux temps (séparés par des virgules)',
  'survival.rho': 'Test',
  'survival.logRank': 'Log-rank',
  'survival.petoPeto': 'Peto-Peto (rho = 1)',
  'survival.testLine': '{method} : χ² = {chisq} ; ddl = {df} ; {p}',
  'survival.testHf': 'Test de Harrington-Fleming (rho = {rho})',
  'survival.noTest': 'Un seul groupe : pas de test.',
  'survival.example': 'Exemple : leucémie aiguë myéloïde (R survival::aml)',

  'status.starting': 'Démarrage du calculateur…',
  'status.ready': 'Prêt (calculateur {version}).',
  'status.reading': 'Lecture des fichiers…',
  'status.loadingExample': "Chargement de l'exemple…",
  'status.computing': 'Calcul en cours…',
  'status.done': 'Terminé.',
  'error.workerRestarted':
    "Le calculateur s'est arrêté de façon inattendue et a été relancé ; relancez le calcul. ({reason})",
  'error.workerGaveUp':
    "Le calculateur s'est arrêté et n'a pas pu être relancé ; rechargez la page. ({reason})",
  'error.workerFailed': 'Le calculateur a échoué : {reason}',
  'error.noFile': "Choisissez d'abord un fichier.",
  'error.noColumns': "Le fichier n'a pas de colonnes.",
  'error.sameColumns': "Le temps et l'événement doivent être deux colonnes différentes.",
  'error.fetchExample': "L'exemple n'a pas pu être chargé ({file} : HTTP {status}).",
  'error.readFile': "{file} n'a pas pu être lu : {reason}",
  'error.unsupportedFile': "{file} : ce n'est pas un fichier CSV, TSV ou XLSX.",
  'error.xlsNotSupported':
    '{file} : les anciens classeurs .xls et les classeurs protégés par mot de passe ne peuvent pas être lus ; enregistrez-le en .xlsx ou en CSV.',
  'error.notAWorkbook': "{file} n'est pas un classeur Excel.",
  'error.damagedWorkbook': '{file} est endommagé et ne peut pas être lu.',
  'error.emptyFile': '{file} est vide.',
  'error.noPatients':
    "Aucune table des patients n'a été trouvée : ajoutez-en une (patients.csv ou une feuille nommée patients).",
  'error.criteriaFile': "Le fichier de critères n'a pas pu être lu : {reason}",
  'error.export': "L'export a échoué : {reason}",
  'error.print':
    "Le rapport n'a pas pu être ouvert ; autorisez les fenêtres surgissantes pour cette page ou exportez-le.",

  'category.CR': 'RC',
  'category.R': 'R',
  'category.OR': 'RG',
  'category.NR': 'NR',
  'category.NE': 'NE',
  'category.excluded': 'Exclu',
  'category.CR.long': 'Réponse complète (RC)',
  'category.R.long': 'Réponse (R)',
  'category.OR.long': 'Réponse globale (RG = RC + R)',
  'category.NR.long': 'Non-réponse (NR)',
  'category.NE.long': 'Non évaluable (NE)',
  'category.excluded.long': 'Exclu',
  'category.diedBefore': 'Décédé avant la fenêtre',
  'level.none': 'aucune',
  'level.R': 'R',
  'level.CR': 'RC',
  'level.R?': 'zone R, sans valeur initiale',

  'table.table1.title': 'Tableau 1. Patients à J0',
  'table.table1.caption': '{n} patients.',
  'table.prior.title': 'Traitements antérieurs du PTI',
  'table.prior.caption': 'Traitements débutés plus de {days} jours avant J0 ; {n} patients.',
  'table.infusions.title': 'Perfusions',
  'table.infusions.caption': '{total} perfusions chez {n} patients.',
  'table.followUp.title': 'Suivi',
  'table.response.title': 'Réponse à J{day}',
  'table.response.caption.best':
    'Meilleure réponse de J{from} à J{to} ; N = {n} patients évaluables.',
  'table.response.caption.at':
    'Réponse sur la numération du point de repère, de J{from} à J{to} ; N = {n} patients évaluables.',
  'table.laterResponse.title': 'Réponse aux points de repère ultérieurs',
  'table.outside.title': 'Patients hors du dénominateur',
  'table.outside.caption': 'Patients exclus et non évaluables à J{day}, avec la raison.',
  'table.outside.empty': 'Aucun.',
  'table.byTreatment.title': 'Réponse globale avec et sans autre traitement du PTI',
  'table.timeToResponse.title': 'Délai de réponse',
  'table.survival.title': 'Survie sans rechute et survie globale',
  'table.rfsAtRisk.title': 'Survie sans rechute : nombre de sujets à risque',
  'table.safety.title': 'Tolérance',
  'table.safety.caption': '{events} effets indésirables chez {n} patients.',
  'table.patients.title': 'Patients',
  'table.patients.caption': '{n} patients.',
  'table.audit.title': 'Numérations plaquettaires du patient {id}',
  'table.audit.caption': '{category} : {reason}',
  'table.treatments.title': 'Traitements du PTI du patient {id}',
  'table.survivalGroups.title': 'Estimations de Kaplan-Meier',
  'table.atTimes.title': 'Estimations aux temps choisis',
  'col.timePlain': 'Temps',
  'col.survivalCi': 'Survie (IC {level})',
  'col.survivalPlain': 'Survie',

  'col.characteristic': 'Caractéristique',
  'col.patientsN': 'Patients (N = {n})',
  'col.value': 'Valeur',
  'col.category': 'Catégorie',
  'col.nOverN': 'n/N',
  'col.percentCi': '% (IC {level})',
  'col.landmark': 'Point de repère',
  'col.patient': 'Patient',
  'col.reason': 'Raison',
  'col.treatment': 'Traitement',
  'col.with': 'Avec : RG, n/N (%)',
  'col.without': 'Sans : RG, n/N (%)',
  'col.fisherP': 'Test exact de Fisher',
  'col.outcome': 'Critère',
  'col.n': 'n',
  'col.events': 'Événements',
  'col.median': 'Médiane, {unit} (IC {level})',
  'col.estimateAt': 'À {time} {unit} (IC {level})',
  'col.patientsPct': 'Patients, n (%)',
  'col.grade3': 'Grade ≥ 3, n',
  'col.baseline': 'Plaquettes initiales (G/L)',
  'col.timeToResponse': 'Délai de réponse (jours)',
  'col.loss': 'Perte de réponse',
  'col.rfs': 'SSR (jours)',
  'col.day': 'Jour',
  'col.platelets': 'Plaquettes (G/L)',
  'col.credited': 'Retenue',
  'col.level': 'Niveau',
  'col.inWindow': 'Dans la fenêtre',
  'col.source': 'Fichier, ligne',
  'col.group': 'Groupe',
  'col.time': 'Temps ({unit})',
  'col.atRisk': 'À risque',
  'col.cumEvents': 'Événements (cumulés)',
  'col.cumCensored': 'Censures (cumulées)',
  'col.drugAsWritten': 'Médicament tel qu’écrit',
  'col.drug': 'Médicament',
  'col.class': 'Classe',
  'col.role': 'Rôle',
  'col.start': 'Début (jour)',
  'col.end': 'Fin (jour)',

  'var.age': 'Âge (années)',
  'var.sex': 'Sexe',
  'var.itp_duration_months': 'Durée du PTI (mois)',
  'var.secondary_itp': 'PTI secondaire',
  'var.secondary_cause': 'Cause du PTI secondaire',
  'var.splenectomy': 'Splénectomie',
  'var.cs_refractory': 'Réfractaire aux corticoïdes',
  'var.ivig_refractory': 'Réfractaire aux IgIV',
  'var.bleeding_month_before': 'Saignement dans le mois précédant J0',
  'var.baseline_platelets': 'Plaquettes initiales (G/L)',
  'var.prior_lines': 'Lignes antérieures (hors corticoïdes et IgIV)',
  'var.infusions': 'Perfusions par patient',
  'var.route': 'Voie',
  'var.follow_up': 'Suivi observé (mois)',
  'value.Male': 'Homme',
  'value.Female': 'Femme',
  'value.Yes': 'Oui',
  'value.No': 'Non',
  'value.mixed': 'mixte',
  'value.not_given': 'non renseigné',
  'value.cause_not_given': 'cause non renseignée',
  'value.unknown_cause': 'cause inconnue',

  'class.corticosteroid': 'Corticoïdes',
  'class.ivig': 'IgIV',
  'class.anti_d': 'Immunoglobulines anti-D',
  'class.tpo_ra': 'Agonistes du récepteur de la TPO (AR-TPO)',
  'class.anti_cd20': 'Anti-CD20',
  'class.syk_inhibitor': 'Inhibiteurs de SYK',
  'class.btk_inhibitor': 'Inhibiteurs de BTK',
  'class.fcrn_inhibitor': 'Inhibiteurs du FcRn',
  'class.anti_cd38': 'Anti-CD38',
  'class.complement_inhibitor': 'Inhibiteurs du complément',
  'class.immunosuppressant': 'Immunosuppresseurs',
  'class.androgen': 'Androgènes',
  'class.vinca_alkaloid': 'Alcaloïdes de la pervenche',
  'class.other_immunomodulator': 'Autres immunomodulateurs',
  'class.splenectomy': 'Splénectomie',
  'class.antifibrinolytic': 'Antifibrinolytiques',
  'class.platelet_transfusion': 'Transfusion de plaquettes',
  'class.other': 'Autres',
  'class.unknown': 'Non reconnu',
  'role.prior': 'antérieur',
  'role.background': 'de fond',
  'role.concomitant': 'concomitant',
  'role.subsequent': 'ultérieur',
  'role.unknown': 'inconnu',
  'byTreatment.concomitant': 'Traitement concomitant (débuté à moins de {days} jours de J0)',
  'byTreatment.background': 'Traitement de fond (débuté avant, poursuivi à J0)',

  'prior.lines': 'Lignes antérieures (hors corticoïdes et IgIV), médiane [EIQ] (min–max)',
  'prior.byClass': 'Par classe',
  'prior.byDrug': 'Par médicament',
  'infusions.total': 'Perfusions, total',
  'infusions.perPatient': 'Perfusions par patient, médiane [EIQ] (min–max)',
  'infusions.route': 'Voie, patients n (%)',
  'infusions.doses': 'Dose, perfusions n',
  'followUp.reverseKm': 'Suivi médian par Kaplan-Meier inversé, mois (IC {level})',
  'followUp.observed': 'Suivi observé, mois, médiane [EIQ] (min–max)',
  'ttr.patients': 'Patients répondeurs au point de repère',
  'ttr.medianRange': 'Médiane (min–max), jours',
  'ttr.iqr': 'EIQ, jours',
  'outcome.rfs': 'Survie sans rechute (répondeurs)',
  'outcome.os': 'Survie globale (tous les patients)',
  'safety.any': 'Au moins un effet indésirable',
  'safety.grade3': 'Grade ≥ 3',
  'safety.serious': 'Grave',
  'safety.infusionReactions': 'Réactions à la perfusion',
  'safety.byCategory': 'Par catégorie',
  'safety.deaths': 'Décès',
  'safety.labs': 'Biologie à partir de J0',
  'safety.labBelow': '{test} < {value} {unit}',
  'lab.gammaglobulins': 'Gammaglobulines',
  'lab.neutrophils': 'Polynucléaires neutrophiles',
  'event.death': 'décès',
  'event.new_treatment': 'nouveau traitement',
  'event.loss_of_response': 'perte de réponse',

  'figure.plateletsByWeek': 'Numérations plaquettaires par semaine depuis J0 : médiane et EIQ',
  'figure.week': 'Semaine',
  'figure.median': 'Médiane',
  'figure.iqr': 'Écart interquartile',
  'figure.fewPatients': 'Moins de {n} patients : point seul',
  'figure.landmark': 'Point de repère',
  'figure.showData': 'Les nombres de la figure ({weeks} semaines)',
  'axis.plateletsLog': 'Plaquettes (G/L, échelle log)',
  'axis.weeksSinceD0': 'Semaines depuis J0',
  'table.plateletsByWeek.title': 'Numérations plaquettaires par semaine depuis J0',
  'table.plateletsByWeek.caption': '{weeks} semaines avec au moins une numération.',
  'note.plateletsByWeek':
    'Semaine s : jours 7s à 7s + 6 depuis J0. Chaque patient compte une fois par semaine, pour la médiane de ses numérations de la semaine ; les numérations avant J0 sont laissées de côté.',
  'col.week': 'Semaine',
  'col.patientsCount': 'Patients, n',
  'col.medianUnit': 'Médiane ({unit})',
  'col.q1': 'Q1 ({unit})',
  'col.q3': 'Q3 ({unit})',
  'unit.gl': 'G/L',
  'byTreatment.neither': 'Ni traitement de fond ni concomitant',
  'note.byTreatmentNeither':
    'Ni l’un ni l’autre : « avec » désigne les patients qui n’ont reçu aucun des deux traitements, « sans » ceux qui ont reçu l’un ou les deux.',
  'table.neither.title': 'Réponse sans traitement de fond ni concomitant',
  'table.neither.caption':
    'N = {n} patients évaluables sans traitement de fond ni traitement débuté à moins de {days} jours de J0.',
  'table.crAlone.title': 'Réponse complète sans autre traitement du PTI',
  'crAlone.patients': 'Patients en RC à J{day} sans autre traitement du PTI',
  'crAlone.relapses': 'Rechutes',
  'crAlone.relapseMonths': 'Rechute, mois depuis J0',
  'crAlone.ids': 'Patients',
  'note.crAlone':
    'Aucun traitement du PTI de fond, concomitant ou ultérieur débuté avant la rechute (ou pas du tout, sans rechute). Une rechute est une perte de réponse sur les numérations ; mois depuis J0 (un mois vaut 30,4375 jours).',
  'note.safetyFromD0':
    'Effets indésirables à partir de J0. Effets non datés, comptés avec eux : {undated}. Effets avant J0, listés à part : {before}.',
  'table.aeBeforeD0.title': 'Effets indésirables avant J0',
  'table.aeBeforeD0.caption': '{count} effets, non comptés dans le tableau de tolérance.',
  'table.aeBeforeD0.empty': 'Aucun.',
  'col.term': 'Effet',
  'col.grade': 'Grade',
  'note.severalCauses.one':
    'Causes du PTI secondaire : {n} patient a plusieurs causes, si bien que les causes sont plus nombreuses que les patients atteints de PTI secondaire ; chaque pourcentage porte sur l’ensemble des patients.',
  'note.severalCauses.other':
    'Causes du PTI secondaire : {n} patients ont plusieurs causes, si bien que les causes sont plus nombreuses que les patients atteints de PTI secondaire ; chaque pourcentage porte sur l’ensemble des patients.',
  'col.lossCr': 'Perte de la RC',
  'col.os': 'SG (jours)',
  'fmt.notComputedBecause': 'non calculée : {reason}',
  'col.bleeding': 'Saignement',
  'col.confirmed': 'Réponse confirmée',
  'fmt.sameDayLower': 'écartée : une numération plus basse du même jour vaut pour le jour',
  'audit.loss': 'Perte de réponse à J{day} : {reason}',
  'audit.lossCr': 'Perte de la RC à J{day} : {reason}',
  'audit.rfsMissing': 'SSR non calculée : {reason}',
  'audit.osMissing': 'SG non calculée : {reason}',
  'note.confirmed':
    'Réponse confirmée : le niveau de la réponse confirmée où se trouve la numération (aucune hors de toute réponse confirmée).',

  'fmt.notReached': 'non atteinte',
  'fmt.notEstimable': 'non estimable',
  'fmt.notComputed': 'non calculé',
  'fmt.to': 'à',
  'fmt.none': '–',
  'fmt.yes': 'oui',
  'fmt.no': 'non',
  'fmt.nEquals': 'n = {n}',
  'fmt.day': 'J{day}',
  'fmt.landmark': 'J{day} (J{from}–J{to})',
  'fmt.censored': 'censuré',
  'fmt.pNotAvailable': 'p non disponible',
  'fmt.fileRow': '{file}, ligne {row}',
  'fmt.row': 'ligne {row}',
  'fmt.column': 'colonne {column}',
  'fmt.lossAt': 'J{day} : {reason}',
  'fmt.notCredited': 'non : {reason}',
  'fmt.baselineBelow': '< {value}',
  'unit.days': 'jours',
  'unit.weeks': 'semaines',
  'unit.months': 'mois',
  'col.medianCi': 'Médiane (IC {level})',
  'col.medianPlain': 'Médiane',
  'survival.logRankTest': 'Test du log-rank',

  'note.continuous':
    'Variables quantitatives : médiane [EIQ] (min–max), quantiles de type {type} de R (Hyndman et Fan 1996{which})',
  'note.quantileWhich.7': ' ; défaut de R',
  'note.quantileWhich.2': ' ; défaut de SAS',
  'note.quantileWhich.6': ' ; celui de SPSS et de Stata',
  'note.categorical':
    'Variables qualitatives : n (%) des patients dont la valeur est connue (le dénominateur).',
  'note.denominator': 'n/N (%) quand la valeur est connue pour moins des {n} patients.',
  'note.responseCi':
    'Taux de réponse avec intervalles de confiance {method} ; les patients exclus et non évaluables sont hors du dénominateur.',
  'note.ci.clopper-pearson': 'exacts de Clopper-Pearson',
  'note.ci.wilson': 'de Wilson (score)',
  'note.laterLandmarks':
    'Mêmes critères dans des fenêtres ultérieures ; les patients non évaluables, ou décédés avant la fenêtre, sont hors du dénominateur.',
  'note.fisher': 'p : test exact de Fisher, réponse globale avec contre sans le traitement.',
  'note.ttr':
    'Jours de J0 à la première numération retenue atteignant R ou RC (y compris avant J{from}), chez les patients en RC ou R au point de repère.',
  'note.km':
    'Estimations de Kaplan-Meier avec intervalles de confiance à {level} ({confType}) ; « non atteinte » : la courbe reste au-dessus de 50 %.',
  'note.rfs': 'SSR à partir de {origin} ; événements : {events} ; censure aux dernières nouvelles.',
  'note.rfsOrigin.first_response': 'la première réponse',
  'note.rfsOrigin.d0': 'J0',
  'note.reverseKm': 'Suivi par Kaplan-Meier inversé : le décès le censure.',
  'note.labs':
    'Patients avec au moins une valeur sous le seuil à partir de J0, parmi ceux qui ont été dosés.',
  'note.audit':
    "Une numération retenue peut décider de la réponse ; les numérations à partir du début d'un traitement ultérieur du PTI ne sont pas retenues.",

  'report.title': 'Rapport de cohorte PTI',
  'report.generatedAt': 'Produit le {date}.',
  'report.privacy': "Calculé dans le navigateur ; aucune donnée n'a quitté l'ordinateur.",
  'report.criteria': 'Critères utilisés',
  'report.criteriaName': 'Nom',
  'report.criteriaLabel': 'Libellé',
  'report.reference': 'Référence',
  'report.parameters': 'Paramètres',
  'report.parametersJson':
    'Paramètres en JSON (chargez ce texte comme fichier de critères pour les réutiliser)',
  'report.options': 'Options du rapport',
  'report.tables': 'Tableaux',
  'report.figures': 'Figures',
  'report.notes': "Notes de l'analyse",
  'report.warnings': 'Avertissements : {count}',
  'report.moreWarnings': '… et {count} autres (voir l’export JSON).',
  'report.figureOmitted': "Figure « {name} » laissée de côté : ce n'est pas un simple dessin SVG.",
  'report.audit': 'Annexe : numérations plaquettaires par patient',

  'param.baseline.use_patient_value': 'Valeur initiale : celle de la table des patients',
  'param.baseline.use_day0': 'Valeur initiale : sinon la numération de J0',
  'param.baseline.before_from': 'Valeur initiale : sinon la dernière numération du jour',
  'param.baseline.before_to': 'Valeur initiale : … au jour',
  'param.complete_response.value': 'RC : plaquettes au-dessus de (G/L)',
  'param.complete_response.inclusive': 'RC : seuil inclus',
  'param.response.value': 'R : plaquettes au moins à (G/L)',
  'param.response.inclusive': 'R : seuil inclus',
  'param.fold_over_baseline': 'R : au moins tant de fois la valeur initiale',
  'param.bleeding_veto': 'Un saignement exclut la réponse',
  'param.confirmation.counts': 'Numérations nécessaires pour confirmer une réponse',
  'param.confirmation.min_days_apart': 'Jours entre les numérations de confirmation, au moins',
  'param.landmark.day': 'Point de repère (jour)',
  'param.landmark.window_from': 'Fenêtre du point de repère à partir du jour',
  'param.landmark.window_to': "Fenêtre du point de repère jusqu'au jour",
  'param.landmark.mode': 'Réponse dans la fenêtre',
  'param.other_landmarks': 'Points de repère ultérieurs',
  'param.treatment_window_days': 'Traitement concomitant : débuté à moins de (jours de J0)',
  'param.subsequent_stops_crediting': 'Un traitement ultérieur arrête la prise en compte des numérations',
  'param.rescue_exclusion_days': 'Numérations écartées après un traitement de secours (jours)',
  'param.rescue_classes': 'Traitements de secours',
  'param.exclude_death_before_day': 'Exclu si décès avant le jour',
  'param.time_to_response_from_day': 'Délai de réponse compté à partir du jour',
  'param.loss.below.value': 'Perte : une numération sous (G/L)',
  'param.loss.below.inclusive': 'Perte : seuil inclus',
  'param.loss.below_fold_of_baseline': 'Perte : sous tant de fois la valeur initiale',
  'param.loss.cr_lost_below': 'Perte de la RC sous (G/L)',
  'param.loss.cr_lost_below.value': 'Perte de la RC sous (G/L)',
  'param.loss.cr_lost_below.inclusive': 'Perte de la RC : seuil inclus',
  'param.loss.bleeding': 'Perte : saignement',
  'param.loss.confirmation.counts': 'Perte : numérations nécessaires pour confirmer',
  'param.loss.confirmation.min_days_apart': 'Perte : jours entre les numérations de confirmation, au moins',
  'param.loss.subsequent_treatment': 'Perte : un traitement ultérieur',
  'param.rfs.origin': 'SSR comptée à partir de',
  'param.rfs.event_loss': 'Événement de SSR : perte de réponse',
  'param.rfs.event_new_treatment': 'Événement de SSR : nouveau traitement du PTI',
  'param.rfs.event_death': 'Événement de SSR : décès',
  'param.durable': 'Règle de réponse durable',
  'param.durable.threshold': 'Durable : numération hebdomadaire au moins à (G/L)',
  'param.durable.k': 'Durable : semaines qui doivent compter (k)',
  'param.durable.n': 'Durable : semaines de la fenêtre (n)',
  'param.durable.window_from': 'Durable : fenêtre à partir du jour',
  'param.durable.window_to': "Durable : fenêtre jusqu'au jour",
  'param.durable.no_rescue_days': 'Durable : jours après un secours qui ne comptent pas',
  'param.mode.best': 'meilleure réponse',
  'param.mode.at': 'numération au point de repère',
  'param.same_day_counts': 'Plusieurs numérations le même jour',
  'param.same_day_counts.each': 'chacune compte',
  'param.same_day_counts.lowest': 'la plus basse vaut pour le jour',
  'param.origin.first_response': 'la première réponse',
  'param.origin.d0': 'J0',
  'param.quantile_type': 'Type de quantile',
  'param.ci_method': 'Intervalles de confiance des proportions',
  'param.conf_level': 'Niveau de confiance',
  'param.estimate_months': 'Estimations de survie à (mois)',
  'param.rfs_risk_weeks': 'SSR, sujets à risque à (semaines)',
  'param.os_risk_months': 'SG, sujets à risque à (mois)',
  'param.lab_thresholds': 'Seuils biologiques',
};

/** The dictionaries, for tests and for a page that lists every string of a language. */
export const dictionaries = Object.freeze({ en: Object.freeze(en), fr: Object.freeze(fr) });

/**
 * The interface language for a code such as "fr", "fr-CA" or navigator.language; English when
 * the language is not one of ours.
 * @param {string | null | undefined} code
 * @returns {Lang}
 */
export function normalizeLanguage(code) {
  const base = String(code ?? '').toLowerCase().split(/[-_]/)[0];
  return languages.some((l) => l.code === base) ? /** @type {Lang} */ (base) : defaultLanguage;
}

/** @param {string} lang */
function localeOf(lang) {
  const code = normalizeLanguage(lang);
  return languages.find((l) => l.code === code).locale;
}

/** True when the English dictionary has this id. */
export function hasText(id) {
  return Object.prototype.hasOwnProperty.call(en, id);
}

/**
 * The text of `id` in `lang`, with each {name} replaced by params[name] (as text; a name not in
 * params stays as written). Missing in that language: the English text; missing everywhere: the
 * id itself, so a forgotten key shows up on the page instead of an empty label.
 * @param {string} id
 * @param {string} [lang]
 * @param {Record<string, string | number>} [params]
 * @returns {string}
 */
export function t(id, lang = defaultLanguage, params = undefined) {
  return translate(dictionaries, id, normalizeLanguage(lang), params);
}

/**
 * What `t` does, over any dictionaries that have an `en` one (exported for the tests).
 * @param {Record<string, Record<string, string>>} dicts
 * @param {string} id
 * @param {string} lang
 * @param {Record<string, string | number>} [params]
 */
export function translate(dicts, id, lang, params = undefined) {
  const has = (dictionary) => !!dictionary && Object.prototype.hasOwnProperty.call(dictionary, id);
  const dictionary = dicts[lang];
  const text = has(dictionary) ? dictionary[id] : has(dicts.en) ? dicts.en[id] : id;
  if (!params) return text;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

/**
 * `t` for ids built from data (a drug class, a Table 1 variable): the fallback text when the
 * dictionary has no such id, instead of the id.
 * @param {string} id
 * @param {string} lang
 * @param {string} fallback
 * @param {Record<string, string | number>} [params]
 */
export function tOr(id, lang, fallback, params = undefined) {
  return hasText(id) ? t(id, lang, params) : fallback;
}

// ---- numbers ------------------------------------------------------------------------------
// No thousands separator: cohort counts are small, and French Excel reads "1234,5" back as a
// number where it would keep "1 234,5" (with its narrow no-break space) as text.

const formatters = new Map();
function formatter(lang, minDigits, maxDigits) {
  const key = `${normalizeLanguage(lang)}|${minDigits}|${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
      useGrouping: false,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A number with exactly `digits` decimals, in the language's notation: 52 → "52.0" / "52,0".
 * @param {number} x
 * @param {string} lang
 * @param {number} [digits]
 */
export function formatFixed(x, lang, digits = 1) {
  return formatter(lang, digits, digits).format(x);
}

/**
 * A number with at most `maxDigits` decimals and no trailing zeros: 22.5 → "22,5", 31 → "31".
 * The localized counterpart of format.js formatNumber.
 * @param {number} x
 * @param {string} lang
 * @param {number} [maxDigits]
 */
export function formatDecimal(x, lang, maxDigits = 4) {
  return formatter(lang, 0, maxDigits).format(x);
}

/**
 * A percent the core already gave on the 0–100 scale, one decimal: 57.7 → "57.7 %" / "57,7 %".
 * @param {number} percent
 * @param {string} lang
 */
export function formatPercent(percent, lang) {
  return `${formatFixed(percent, lang, 1)} %`;
}

/**
 * A proportion (0–1, as the core gives CI limits) as a percent number without the sign:
 * 0.3130 → "31.3" / "31,3".
 * @param {number} proportion
 * @param {string} lang
 */
export function formatProportion(proportion, lang) {
  return formatFixed(proportion * 100, lang, 1);
}

/**
 * A p-value as format.js writes it (journal style), in the language's notation:
 * "p = 0.047" / "p = 0,047", "p < 0.001" / "p < 0,001".
 * @param {number | null | undefined} p
 * @param {string} lang
 */
export function formatPValue(p, lang) {
  const text = formatP(p);
  if (normalizeLanguage(lang) === 'en') return text;
  if (!(typeof p === 'number' && Number.isFinite(p))) return t('fmt.pNotAvailable', lang);
  return text.replace(/(\d)\.(\d)/g, '$1,$2');
}

/**
 * A confidence level as a percent: 0.95 → "95 %" / "95 %".
 * @param {number} level
 * @param {string} lang
 */
export function formatLevel(level, lang) {
  return `${formatDecimal(level * 100, lang, 2)} %`;
}

/**
 * A date and time for "generated on", in the language's long form.
 * @param {Date} date
 * @param {string} lang
 */
export function formatDateTime(date, lang) {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short' })
    .format(date);
}
