#!/usr/bin/env node
// Writes the synthetic example cohort (26 invented patients, SYN-01..SYN-26) in the multi-table
// layout of the cohort analysis, twice, with the same facts:
//   en/  patients, platelets, infusions, treatments, adverse_events, labs  (.csv)
//        UTF-8, ',' separator, ISO dates, decimal point, LF line ends, canonical column names.
//   fr/  patients, plaquettes, perfusions, traitements, effets_indesirables, biologie  (.csv)
//        as French Excel saves "CSV (séparateur : point-virgule)": Windows-1252, ';' separator,
//        decimal comma, dd/mm/yyyy dates, CRLF line ends, French column names and values.
//
// Usage: node examples/cohort/make_cohort.mjs [OUTPUT_DIR]   (default: this script's folder)
//
// Nothing here is random: every value comes from the PATIENTS table below (hand-chosen), so two
// runs write identical bytes. The cohort is built to reproduce the figures the seed study
// published (its poster) under the `seed-2026` criteria (see README.md);
// examples/cohort/check_published.R checks that independently in R, and
// tests/node/example_published.test.mjs checks the core's report against each figure. No real
// patient is described.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CUTOFF = '2025-06-30'; // no date of the cohort is later than this

// ---------------------------------------------------------------------------------------------
// The per-patient specification.
//
// Days count from D0 = day 0 = first daratumumab infusion (patients.d0).
// counts:   [day, platelets G/L] or [day, platelets, flags] with flags 'B' (bleeding at that
//           visit) and/or 'R' (rescue therapy given at that visit). The day-0 count is the
//           baseline (patients.baseline_platelets repeats it); a patient without one has counts
//           before D0 (none on days -7 to 0) whose mean is the baseline.
// prior:    ITP treatments started more than 42 days before D0 and ended before it, in the order
//           given: 'corticosteroids' at the diagnosis, 'IVIG' two weeks later, the other drugs
//           spread by priorDates() between the diagnosis and day -60 (or priorWindowEnd).
// other:    treatments with explicit days: background (started before day -42, given at D0),
//           concomitant (started on days -42..42), subsequent (after day 42); end null =
//           ongoing. Table 1's history is every treatment started before D0: prior, background
//           and concomitant before D0; its lines count the distinct drugs other than
//           corticosteroids and IVIg, and splenectomy.
// end:      last follow-up day (alive) — or death.day for the dead.
// intended: what the seed-2026 rule must give (category, time to response in days, RFS in days
//           from the first response and how it ends) and a note for README.md's table. Not
//           written to the CSV files: the R check derives everything from the data, and
//           tests/node/example_cohort.test.mjs compares its per-patient output with these values.
//
// Under seed-2026 (docs/design.md §5): response = best credited count on days 42..105; CR > 100;
// R >= 30 and <= 100 and >= 2 x baseline; counts on/after the start of the first subsequent
// treatment (start > day 42) are not credited; excluded if death before day 91; NR if a
// subsequent treatment started and no credited count in the window meets R/CR.
// ---------------------------------------------------------------------------------------------
export const PATIENTS = [
  {
    id: 'SYN-01', d0: '2019-02-04', sex: 'M', age: 74.6, itpMonths: 90, route: 'IV', infusions: 8,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: '30 on days 42 and 70 but baseline 16 (30 < 32): not R',
    },
    // EDGE: a count of exactly 30 on day 42 and day 70, but baseline 16: 30 < 2 x 16 = 32, so it
    // is not R. BACKGROUND eltrombopag (day -120 to 180); avatrombopag on day 200 (subsequent,
    // after the window). Lost to follow-up after day 1600.
    baseline: 16,
    counts: [[0, 16], [7, 18], [14, 22], [21, 25], [28, 27], [42, 30], [56, 28], [70, 30], [84, 26],
      [105, 24], [140, 21], [200, 19], [260, 45], [365, 52], [540, 48], [730, 41], [1095, 38],
      [1600, 44]],
    prior: ['corticosteroids', 'IVIG', 'Nplate', 'rituximab', 'ciclosporin', 'azathioprine',
      'fostamatinib'],
    priorWindowEnd: -140,
    other: [{ drug: 'Revolade', start: -120, end: 180 }, // background
      { drug: 'Doptelet', start: 200, end: null }], // subsequent
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 1600,
    aes: [[0, 'Dyspnoea', 'Infusion reaction', 2, false]],
    labs: { gamma: [[0, 10.4], [91, 9.6], [182, 9.1]], neut: [[0, 4.2]] },
  },
  {
    id: 'SYN-02', d0: '2019-05-20', sex: 'F', age: 47.3, itpMonths: 141, route: 'IV', infusions: 11,
    intended: {
      category: 'CR', ttr: 7, rfs: { days: 967, event: 'loss of response' },
      note: 'daratumumab alone; CR for 32 months, relapse on day 974',
    },
    // DARATUMUMAB ALONE (no background or concomitant treatment) and a long-lasting CR: 36 on
    // day 7 (>= 30 and >= 2 x 4) is the first response, CR from day 21. Relapse (24 < 30) on
    // day 974 = 32.0 months: RFS 974 - 7 = 967 days. Eltrombopag from day 1000 (after the
    // relapse). The longest follow-up: 2222 days = 73.0 months.
    baseline: 4,
    counts: [[0, 4], [7, 36], [14, 80], [21, 126], [28, 160], [42, 175], [56, 190], [84, 168],
      [112, 172], [180, 150], [270, 142], [365, 130], [540, 115], [730, 96], [900, 62],
      [974, 24, 'B'], [990, 18], [1100, 85], [1500, 120], [2222, 135]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'fostamatinib',
      'mycophenolate mofetil', 'azathioprine', 'danazol', 'dapsone'],
    other: [{ drug: 'eltrombopag', start: 1000, end: null }], // subsequent, after the relapse
    splenectomy: true, csRefractory: true, ivigRefractory: false, bleedingBefore: true,
    end: 2222,
    aes: [],
    labs: { gamma: [[0, 8.2], [91, 6.6], [182, 5.8], [364, 6.1]], neut: [[0, 3.9]] },
  },
  {
    id: 'SYN-03', d0: '2019-10-14', sex: 'M', age: 81.7, itpMonths: 205, route: 'IV', infusions: 6,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'baseline 75 on background corticosteroids; window counts 22-41',
    },
    // NR with a high baseline: 75 on D0 under BACKGROUND corticosteroids (day -180 to 60); the
    // counts fall as they are tapered. R would need 150 (> 100); no window count exceeds 100.
    // Romiplostim from day 130 (subsequent). Evans syndrome.
    baseline: 75,
    counts: [[0, 75], [7, 68], [14, 52], [21, 44], [28, 38], [42, 31], [56, 26], [70, 22], [84, 35],
      [98, 41], [120, 28], [150, 60], [240, 95], [365, 88], [540, 102], [900, 97], [1400, 110],
      [1900, 92]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'rituximab', 'azathioprine',
      'mycophenolate mofetil', 'ciclosporin', 'danazol', 'Tavalisse'],
    priorWindowEnd: -200,
    other: [{ drug: 'corticosteroids', start: -180, end: 60 }, // background
      { drug: 'Nplate', start: 130, end: null }], // subsequent
    secondary: 'Evans syndrome',
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    end: 1900,
    aes: [[10, 'Upper respiratory tract infection', 'Infection', 1, false]],
    labs: { gamma: [[0, 7.1], [91, 5.6], [182, 5.2]], neut: [[0, 5.1]] },
  },
  {
    id: 'SYN-04', d0: '2020-03-02', sex: 'M', age: 70.2, itpMonths: 74, route: 'IV', infusions: 8,
    intended: {
      category: 'CR', ttr: 87, rfs: { days: 70, event: 'subsequent treatment' },
      note: 'first qualifying count day 87 (120); eltrombopag day 157',
    },
    // EDGE (late responder): every count < 30 until day 87 (120, CR): time to response 87, the
    // longest. Falls to 35 by day 150; eltrombopag on day 157 = loss of response (157 - 87 = 70).
    // CONCOMITANT IVIg on days -10 and -9 (before D0, within 42 days).
    baseline: 13,
    counts: [[0, 13], [7, 10], [14, 15], [21, 22], [28, 18], [42, 24], [56, 28], [70, 26], [87, 120],
      [105, 95], [120, 60], [150, 35], [180, 90], [240, 130], [360, 110], [540, 95], [720, 105],
      [900, 98], [1300, 112], [1850, 104]],
    prior: ['corticosteroids', 'IVIG', 'romiplostim', 'rituximab', 'fostamatinib', 'dapsone',
      'azathioprine'],
    other: [{ drug: 'IVIG', start: -10, end: -9 }, // concomitant
      { drug: 'eltrombopag', start: 157, end: null }], // subsequent
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 1850,
    aes: [],
    labs: { gamma: [[0, 9.5], [91, 8.7], [182, 8.0], [364, 7.6]], neut: [[0, 3.8], [91, 3.2]] },
  },
  {
    id: 'SYN-05', d0: '2020-07-20', sex: 'F', age: 36.4, itpMonths: 116, route: 'IV', infusions: 6,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'eltrombopag day 60: 85 and 160 on days 70, 84 not credited',
    },
    // EDGE (subsequent treatment): eltrombopag from day 60 (> 42: subsequent). Counts 85 on day 70
    // and 160 on day 84 are in the window but on/after that start: not credited. The credited
    // window counts (16, 21) meet nothing: NR (treatment failure). Crediting them would give CR.
    // APS on BACKGROUND hydroxychloroquine; grade 3 neutropenia on day 30.
    baseline: 15,
    counts: [[0, 15], [7, 12], [14, 15], [21, 18], [28, 16], [42, 16], [56, 21], [70, 85], [84, 160],
      [112, 190], [140, 170], [200, 150], [300, 120], [450, 135], [600, 110], [800, 98],
      [1000, 125], [1200, 118], [1700, 121]],
    prior: ['corticosteroids', 'IVIG', 'romiplostim', 'MabThera', 'fostamatinib', 'azathioprine'],
    priorWindowEnd: -920,
    other: [{ drug: 'hydroxychloroquine', start: -900, end: null }, // background
      { drug: 'eltrombopag', start: 60, end: null }], // subsequent
    secondary: 'APS',
    splenectomy: true, csRefractory: false, ivigRefractory: true, bleedingBefore: true,
    end: 1700,
    aes: [[30, 'Neutropenia', 'Neutropenia', 3, false]],
    labs: { gamma: [[0, 10.1], [91, 9.4]], neut: [[0, 2.2], [30, 0.8], [44, 1.9]] },
  },
  {
    id: 'SYN-06', d0: '2020-11-09', sex: 'M', age: 63.4, itpMonths: 312, route: 'IV', infusions: 8,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'baseline 60 on background romiplostim; best 92 <= 100',
    },
    // NR with a high baseline: 60 on BACKGROUND romiplostim (since day -400, ongoing). R would
    // need 120 (> 100, i.e. CR); the best window count is 92. Ten prior lines, Evans syndrome.
    baseline: 60,
    counts: [[0, 60], [7, 72], [14, 55], [21, 48], [28, 63], [42, 58], [56, 77], [70, 92], [84, 66],
      [105, 71], [140, 84], [200, 69], [300, 75], [450, 81], [700, 64], [1000, 70], [1300, 78],
      [1600, 73]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'rituximab', 'azathioprine',
      'mycophenolate mofetil', 'ciclosporin', 'danazol', 'dapsone', 'fostamatinib'],
    priorWindowEnd: -420,
    other: [{ drug: 'Nplate', start: -400, end: null }], // background
    secondary: 'Evans syndrome',
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 1600,
    aes: [],
    labs: { gamma: [[0, 6.2], [91, 5.4], [182, 5.1]], neut: [[0, 4.0]] },
  },
  {
    id: 'SYN-07', d0: '2021-01-18', sex: 'M', age: 79.0, itpMonths: 20, route: 'IV', infusions: 2,
    intended: {
      category: 'excluded', ttr: null, rfs: null,
      note: 'died day 12 (sepsis)',
    },
    // EXCLUDED: pneumonia on day 5, septic shock, death on day 12 (before day 91): the shortest
    // follow-up (0.4 months). Two infusions. CONCOMITANT IVIg on days -5 and -4. Gammaglobulins
    // never measured.
    baseline: 3,
    counts: [[0, 3], [3, 5], [5, 4], [7, 6], [10, 4], [12, 2, 'B']],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'rituximab', 'romiplostim', 'azathioprine'],
    other: [{ drug: 'IVIG', start: -5, end: -4 }], // concomitant
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    death: { day: 12, cause: 'Sepsis' },
    aes: [[5, 'Pneumonia', 'Infection', 3, true], [12, 'Septic shock', 'Infection', 5, true]],
    labs: { neut: [[0, 2.1], [5, 1.6]], hb: [[0, 11.2]] },
  },
  {
    id: 'SYN-08', d0: '2021-03-29', sex: 'M', age: 84.2, itpMonths: 168, route: 'IV', infusions: 8,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'baseline 294 after dexamethasone; > 100 on days 7-14 only',
    },
    // EDGE (the highest baseline, 294): CONCOMITANT dexamethasone on days -12 to -9 before D0.
    // Counts > 100 on days 7 and 14 are the steroid's, before the window; every window count is
    // <= 100 and R would need 588: NR. Rheumatoid arthritis; dies of heart failure on day 250.
    baseline: 294,
    counts: [[0, 294], [7, 210], [14, 138], [21, 96], [28, 64], [42, 41], [56, 33], [70, 28], [84, 36],
      [105, 30], [140, 25], [180, 22], [230, 19]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'azathioprine',
      'hydroxychloroquine'],
    other: [{ drug: 'dexamethasone', start: -12, end: -9 }], // concomitant
    secondary: 'Rheumatoid arthritis',
    splenectomy: true, csRefractory: true, ivigRefractory: false, bleedingBefore: true,
    death: { day: 250, cause: 'Heart failure' },
    aes: [[250, 'Heart failure', 'Heart failure', 5, true]],
    labs: { gamma: [[0, 6.3], [91, 5.5], [182, 5.2]], neut: [[0, 3.0]] },
  },
  {
    id: 'SYN-09', d0: '2021-06-14', sex: 'F', age: 39.2, itpMonths: 26.2, route: 'IV', infusions: 10,
    intended: {
      category: 'CR', ttr: 8, rfs: { days: 304, event: 'loss of response' },
      note: 'daratumumab alone; CR, relapse on day 312 (10 months)',
    },
    // DARATUMUMAB ALONE and a long-lasting CR: 32 on day 8 (>= 30 and >= 2 x 7) is the first
    // response, CR from day 29. Relapse (26 < 30) on day 312 = 10.3 months: RFS 304 days.
    // Romiplostim from day 330, after the relapse. Grade 3 pyelonephritis.
    baseline: 7,
    counts: [[0, 7], [8, 32], [15, 58], [22, 96], [29, 130], [43, 180], [57, 210], [85, 190],
      [113, 175], [169, 140], [253, 88], [312, 26], [326, 21, 'B'], [360, 70], [450, 110],
      [600, 125], [800, 118], [1000, 130], [1400, 122]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'fostamatinib'],
    other: [{ drug: 'romiplostim', start: 330, end: null }], // subsequent, after the relapse
    splenectomy: false, csRefractory: false, ivigRefractory: false, bleedingBefore: false,
    end: 1400,
    aes: [[120, 'Pyelonephritis', 'Infection', 3, true]],
    labs: { gamma: [[0, 9.1], [91, 7.4], [182, 5.6], [364, 5.2]], neut: [[0, 3.3]] },
  },
  {
    id: 'SYN-10', d0: '2021-09-06', sex: 'M', age: 68.4, itpMonths: 55, route: 'IV', infusions: 6,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'best 45 < 2 x 26; background azathioprine',
    },
    // NR: best window count 45 < 2 x 26 = 52. BACKGROUND azathioprine (day -300 to 90): neither
    // prior nor subsequent, so it credits or removes nothing. Evans syndrome.
    baseline: 26,
    counts: [[0, 26], [14, 31], [28, 38], [42, 45], [56, 44], [84, 41], [112, 36], [168, 29], [250, 27],
      [400, 33], [600, 30], [800, 28], [1000, 31], [1300, 29]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'Nplate', 'rituximab'],
    priorWindowEnd: -320,
    other: [{ drug: 'azathioprine', start: -300, end: 90 }], // background
    secondary: 'Evans syndrome',
    splenectomy: true, csRefractory: true, ivigRefractory: false, bleedingBefore: true,
    end: 1300,
    aes: [],
    labs: { gamma: [[0, 10.8], [91, 10.2]], neut: [[0, 4.4]] },
  },
  {
    id: 'SYN-11', d0: '2021-11-22', sex: 'F', age: 33.1, itpMonths: 14, route: 'SC', infusions: 4,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'stopped after 4 injections (bronchospasm); died day 150',
    },
    // NR; daratumumab stopped after 4 injections (grade 2 bronchospasm and eyelid oedema on day
    // 21). CONCOMITANT eltrombopag from day -30. IVIg on day 148 (subsequent); dies of
    // haemorrhage on day 150.
    baseline: 5,
    counts: [[0, 5], [7, 6], [14, 8], [21, 5], [42, 7], [63, 9], [91, 6], [120, 4, 'B'], [150, 2, 'B']],
    prior: ['corticosteroids', 'IVIG', 'rituximab', 'romiplostim'],
    other: [{ drug: 'Revolade', start: -30, end: null }, // concomitant
      { drug: 'IVIG', start: 148, end: 149 }], // subsequent
    splenectomy: false, csRefractory: false, ivigRefractory: true, bleedingBefore: true,
    death: { day: 150, cause: 'Haemorrhage' },
    aes: [[21, 'Bronchospasm', 'Infusion reaction', 2, false],
      [21, 'Eyelid oedema', 'Infusion reaction', 1, false]],
    labs: { gamma: [[0, 8.8], [91, 8.1]], neut: [[0, 3.4]], hb: [[150, 6.1]] },
  },
  {
    id: 'SYN-12', d0: '2022-02-07', sex: 'M', age: 76.3, itpMonths: 104, route: 'SC', infusions: 8,
    intended: {
      category: 'CR', ttr: 35, rfs: { days: 15, event: 'subsequent treatment' },
      note: 'CR on day 42 (115); romiplostim day 50; died day 200',
    },
    // CR: first response 38 on day 35 (>= 2 x 8), CR 115 on day 42. The count falls to 45 on day
    // 49 and romiplostim starts on day 50: a new treatment, RFS 50 - 35 = 15 days; CR at 3 months
    // stands (the day-42 count is credited). BACKGROUND corticosteroids (day -365 to 90).
    // Pneumonia on day 185, death from sepsis on day 200.
    baseline: 8,
    counts: [[0, 8], [7, 9], [14, 12], [21, 15], [28, 14], [35, 38], [42, 115], [49, 45], [56, 60],
      [70, 85], [91, 120], [120, 95], [160, 70], [190, 40]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'rituximab', 'fostamatinib',
      'mycophenolate mofetil', 'azathioprine'],
    priorWindowEnd: -385,
    other: [{ drug: 'corticosteroids', start: -365, end: 90 }, // background
      { drug: 'Nplate', start: 50, end: null }], // subsequent
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    death: { day: 200, cause: 'Sepsis' },
    aes: [[185, 'Pneumonia', 'Infection', 3, true],
      [200, 'Septic shock, pneumonia', 'Infection', 5, true]],
    labs: { gamma: [[0, 7.4], [91, 5.2], [182, 4.8]], neut: [[0, 3.1]] },
  },
  {
    id: 'SYN-13', d0: '2022-05-16', sex: 'F', age: 58.1, itpMonths: 66, route: 'SC', infusions: 6,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'baseline 52.4 (mean of 5 counts before D0); best 88',
    },
    // EDGE (baseline from the patients table only): no count from day -7 to D0; the centre
    // recorded as baseline the mean of the five counts of days -35 to -8, 262 / 5 = 52.4. R would
    // need 104.8 (> 100); the best window count is 88: NR. BACKGROUND romiplostim. APS and Evans
    // syndrome in one cell. Grade 2 neutropenia.
    baseline: 52.4,
    counts: [[-35, 48], [-28, 55], [-21, 61], [-14, 50], [-8, 48], [7, 58], [14, 64], [21, 47],
      [28, 39], [42, 44], [56, 61], [70, 88], [84, 72], [105, 65], [150, 80], [240, 74], [365, 91],
      [540, 68], [800, 77], [1100, 70]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'rituximab', 'mycophenolate mofetil',
      'ciclosporin', 'hydroxychloroquine', 'Tavalisse'],
    priorWindowEnd: -520,
    other: [{ drug: 'Nplate', start: -500, end: null }], // background
    secondary: 'APS + Evans syndrome',
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    end: 1100,
    aes: [[63, 'Neutropenia', 'Neutropenia', 2, false]],
    labs: { gamma: [[0, 6.9], [91, 5.9]], neut: [[0, 2.0], [63, 1.2], [91, 1.8]] },
  },
  {
    id: 'SYN-14', d0: '2022-08-01', sex: 'F', age: 88.0, itpMonths: 32, route: 'SC', infusions: 11,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'died day 96 (> 91): evaluated; IVIg day 95',
    },
    // NR, not excluded: dies on day 96 (haemorrhage), after day 91. CONCOMITANT corticosteroids
    // (day -20 to 30). IVIg and methylprednisolone on day 95 (rescue, subsequent treatments).
    baseline: 2,
    counts: [[0, 2], [7, 3], [14, 5], [21, 4], [28, 6], [42, 5], [56, 3], [70, 8], [84, 4],
      [95, 1, 'BR']],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'danazol',
      'azathioprine', 'dapsone'],
    other: [{ drug: 'corticosteroids', start: -20, end: 30 }, // concomitant
      { drug: 'IVIG', start: 95, end: 96 }, { drug: 'methylprednisolone', start: 95, end: 96 }],
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    death: { day: 96, cause: 'Haemorrhage' },
    aes: [],
    labs: { gamma: [[0, 7.5], [91, 6.8]], neut: [[0, 3.4]], hb: [[0, 10.8], [95, 7.9]] },
  },
  {
    id: 'SYN-15', d0: '2022-10-17', sex: 'M', age: 72.9, itpMonths: 250, route: 'SC', infusions: 8,
    intended: {
      category: 'CR', ttr: 14, rfs: { days: 760, event: 'subsequent treatment' },
      note: 'baseline 160; CR from day 14; romiplostim day 774',
    },
    // CR with a high baseline (160 on BACKGROUND eltrombopag, day -500 to 180): 95 on day 7 is
    // neither CR nor 2 x 160, so the first response is 130 on day 14. Counts > 30 until
    // romiplostim starts on day 774: RFS 774 - 14 = 760 days (new treatment). Herpes zoster.
    baseline: 160,
    counts: [[0, 160], [7, 95], [14, 130], [21, 142], [28, 150], [42, 138], [56, 146], [84, 152],
      [112, 140], [180, 128], [270, 118], [365, 125], [480, 112], [600, 104], [700, 86], [760, 52],
      [774, 44], [800, 70], [900, 96], [950, 110]],
    prior: ['corticosteroids', 'IVIG', 'romiplostim', 'rituximab', 'fostamatinib', 'azathioprine',
      'danazol', 'ciclosporin', 'dapsone'],
    priorWindowEnd: -520,
    other: [{ drug: 'Revolade', start: -500, end: 180 }, // background
      { drug: 'Nplate', start: 774, end: null }], // subsequent
    splenectomy: true, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 950,
    aes: [[200, 'Herpes zoster', 'Infection', 3, false]],
    labs: { gamma: [[0, 8.6], [91, 7.0], [182, 5.8], [364, 5.5]], neut: [[0, 2.7]] },
  },
  {
    id: 'SYN-16', d0: '2023-01-09', sex: 'M', age: 71.1, itpMonths: 139, route: 'SC', infusions: 6,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'best 85 < 2 x 50; background eltrombopag; died day 420',
    },
    // NR: best window count 85 < 2 x 50 = 100. BACKGROUND eltrombopag since day -600, still
    // taken (end empty = ongoing). Counts fall from day 150; IVIg on day 380 (subsequent); dies
    // of haemorrhage on day 420. Evans syndrome.
    baseline: 50,
    counts: [[0, 50], [7, 62], [14, 58], [21, 71], [28, 66], [42, 74], [56, 85], [70, 80], [84, 69],
      [105, 63], [150, 48], [220, 35], [300, 22], [380, 15, 'B'], [420, 3, 'B']],
    prior: ['corticosteroids', 'IVIG', 'romiplostim', 'rituximab', 'azathioprine',
      'mycophenolate mofetil', 'ciclosporin'],
    priorWindowEnd: -620,
    other: [{ drug: 'Revolade', start: -600, end: null }, // background
      { drug: 'IVIG', start: 380, end: 381 }], // subsequent
    secondary: 'Evans syndrome',
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    death: { day: 420, cause: 'Haemorrhage' },
    aes: [],
    labs: { gamma: [[0, 8.0], [91, 6.4], [182, 5.7]], neut: [[0, 3.6]] },
  },
  {
    id: 'SYN-17', d0: '2023-09-11', sex: 'F', age: 69.0, itpMonths: 128, route: 'SC', infusions: 8,
    intended: {
      category: 'CR', ttr: 56, rfs: { days: 560, event: 'censored' },
      note: 'baseline 88: only > 100 qualifies; first on day 56',
    },
    // CR with a high baseline (88, on BACKGROUND corticosteroids, day -250 to 150): R would need
    // 176, so only a count > 100 is a response; the first is 118 on day 56. Censored at day 616.
    // APS; serious grade 3 pneumonia.
    baseline: 88,
    counts: [[0, 88], [7, 70], [14, 55], [21, 48], [28, 52], [35, 60], [42, 78], [56, 118], [70, 135],
      [84, 150], [112, 142], [168, 130], [252, 122], [336, 126], [420, 131], [520, 119], [616, 124]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab',
      'hydroxychloroquine', 'azathioprine', 'dapsone'],
    priorWindowEnd: -270,
    other: [{ drug: 'corticosteroids', start: -250, end: 150 }], // background
    secondary: 'APS',
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    end: 616,
    aes: [[120, 'Pneumonia', 'Infection', 3, true]],
    labs: { gamma: [[0, 11.5], [91, 9.8], [182, 8.9], [364, 5.9]], neut: [[0, 3.2]] },
  },
  {
    id: 'SYN-18', d0: '2024-02-26', sex: 'M', age: 41.6, itpMonths: 23, route: 'SC', infusions: 6,
    intended: {
      category: 'R', ttr: 49, rfs: { days: 420, event: 'censored' },
      note: 'concomitant romiplostim from day 10; R from day 49',
    },
    // R: 38 on day 49 (>= 30, >= 2 x 9), best window count 52. CONCOMITANT romiplostim started
    // on day 10 (after D0, within 42 days: concomitant, not subsequent; it is not in the history
    // of Table 1, which stops at D0). Censored at day 469. Grade 3 neutropenia on day 84.
    baseline: 9,
    counts: [[0, 9], [7, 8], [14, 12], [21, 15], [28, 17], [35, 24], [42, 27], [49, 38], [56, 35],
      [63, 31], [77, 44], [91, 52], [119, 48], [180, 61], [270, 55], [365, 58], [469, 62]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'rituximab', 'fostamatinib', 'azathioprine'],
    other: [{ drug: 'Nplate', start: 10, end: null }], // concomitant
    splenectomy: false, csRefractory: false, ivigRefractory: false, bleedingBefore: false,
    end: 469,
    aes: [[84, 'Neutropenia', 'Neutropenia', 3, false]],
    labs: { gamma: [[0, 9.7], [91, 8.3], [182, 7.9]], neut: [[0, 2.6], [84, 0.9], [91, 1.7]] },
  },
  {
    id: 'SYN-19', d0: '2024-04-08', sex: 'F', age: 52.8, itpMonths: 594, route: 'SC', infusions: 5,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: '140 on day 106 (outside the window)',
    },
    // EDGE (day 106): window counts (days 42-105) all < 30; 140 on day 106 is outside the window.
    // A late responder, NR at 3 months. Counting day 106 would give CR. STIM1, thrombocytopenia
    // for 594 months (49.5 years), never given corticosteroids; BACKGROUND avatrombopag.
    baseline: 7,
    counts: [[0, 7], [7, 9], [14, 11], [21, 10], [28, 14], [42, 12], [56, 18], [70, 22], [84, 25],
      [98, 27], [106, 140], [134, 155], [196, 120], [280, 98], [360, 105], [432, 112]],
    prior: ['IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'fostamatinib'],
    priorWindowEnd: -220,
    other: [{ drug: 'Doptelet', start: -200, end: null }], // background
    secondary: 'STIM1',
    splenectomy: false, csRefractory: false, ivigRefractory: true, bleedingBefore: true,
    end: 432,
    aes: [],
    labs: { gamma: [[0, 9.6], [91, 8.8], [182, 8.4], [364, 7.9]], neut: [[0, 4.0]] },
  },
  {
    id: 'SYN-20', d0: '2024-05-06', sex: 'F', age: 24.3, itpMonths: 41, route: 'SC', infusions: 8,
    intended: {
      category: 'CR', ttr: 29, rfs: { days: 380, event: 'censored' },
      note: '130 on day 105 (in the window) makes CR',
    },
    // EDGE (day 105): window counts 60, 85, 92, 99 (R range) and 130 on day 105 (included): CR.
    // Without day 105 she would be R. First response 45 on day 29. CONCOMITANT IVIg on days 20
    // and 21 (after D0). Evans syndrome. Censored at day 409.
    baseline: 10,
    counts: [[0, 10], [7, 9], [14, 16], [21, 24], [29, 45], [42, 60], [56, 85], [70, 92], [84, 99],
      [105, 130], [140, 118], [196, 105], [280, 96], [364, 110], [409, 102]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'rituximab', 'mycophenolate mofetil',
      'romiplostim', 'azathioprine'],
    other: [{ drug: 'IVIG', start: 20, end: 21 }], // concomitant
    secondary: 'Evans syndrome',
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    end: 409,
    aes: [[30, 'Fatigue', 'Other', 1, false], [150, 'COVID-19', 'Infection', 2, false]],
    labs: { gamma: [[0, 9.4], [91, 7.2], [182, 5.9], [364, 5.1]], neut: [[0, 3.7], [91, 3.1]] },
  },
  {
    id: 'SYN-21', d0: '2024-05-27', sex: 'F', age: 40.8, itpMonths: 18, route: 'SC', infusions: 6,
    intended: {
      category: 'R', ttr: 42, rfs: { days: 350, event: 'censored' },
      note: 'only window count 30 = 2 x 15 on day 42',
    },
    // EDGE (day 42, exact thresholds): the only window count is 30 on day 42: in the window
    // (day 42 included), >= 30 and exactly 2 x baseline 15: R, and the first response. The next
    // count is on day 112. BACKGROUND corticosteroids (since day -100, ongoing). Censored at 392.
    baseline: 15,
    counts: [[0, 15], [7, 14], [14, 19], [21, 24], [28, 26], [35, 22], [42, 30], [112, 36], [180, 42],
      [270, 48], [392, 45]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'fostamatinib'],
    priorWindowEnd: -110,
    other: [{ drug: 'corticosteroids', start: -100, end: null }], // background
    splenectomy: false, csRefractory: false, ivigRefractory: false, bleedingBefore: false,
    end: 392,
    aes: [[60, 'Urinary tract infection', 'Infection', 2, false]],
    labs: { gamma: [[0, 10.5], [91, 9.9], [182, 9.6]], neut: [[0, 5.6]] },
  },
  {
    id: 'SYN-22', d0: '2024-06-10', sex: 'M', age: 67.6, itpMonths: 6, route: 'SC', infusions: 5,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'avatrombopag day 45, no credited window count: NR not NE',
    },
    // EDGE (order of the categories): avatrombopag from day 45; no count on days 42-44, so no
    // credited count in the window at all. A subsequent treatment started: NR (treatment
    // failure), not NE. The later counts (40, 75, 110 ...) are not credited. CONCOMITANT IVIg
    // on days -7 and -6.
    baseline: 6,
    counts: [[0, 6], [7, 8], [14, 5], [21, 7], [35, 6], [49, 40], [63, 75], [91, 110], [120, 130],
      [180, 140], [270, 125], [380, 118]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab'],
    other: [{ drug: 'IVIG', start: -7, end: -6 }, // concomitant
      { drug: 'Doptelet', start: 45, end: null }], // subsequent
    splenectomy: false, csRefractory: false, ivigRefractory: false, bleedingBefore: true,
    end: 380,
    aes: [[7, 'Headache', 'Other', 1, false]],
    labs: { gamma: [[0, 11.2], [91, 10.9]], neut: [[0, 6.2]] },
  },
  {
    id: 'SYN-23', d0: '2024-06-24', sex: 'M', age: 72.5, itpMonths: 398, route: 'SC', infusions: 8,
    intended: {
      category: 'R', ttr: 21, rfs: { days: 343, event: 'censored' },
      note: 'best window count exactly 100: R, not CR',
    },
    // EDGE (exactly 100): the best window count is 100 on day 56, which is not > 100: R, not CR.
    // First response day 21 (35 >= 2 x 12). Eleven prior lines, the most; BACKGROUND dapsone
    // (day -300 to 120). Censored at day 364.
    baseline: 12,
    counts: [[0, 12], [7, 14], [14, 20], [21, 35], [28, 52], [35, 61], [42, 68], [56, 100], [70, 84],
      [84, 88], [105, 97], [140, 76], [196, 64], [252, 58], [364, 71]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'Nplate', 'avatrombopag', 'rituximab',
      'fostamatinib', 'azathioprine', 'mycophenolate mofetil', 'ciclosporin', 'danazol'],
    priorWindowEnd: -320,
    other: [{ drug: 'dapsone', start: -300, end: 120 }], // background
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    end: 364,
    aes: [],
    labs: { gamma: [[0, 8.9], [91, 8.2], [182, 5.7]], neut: [[0, 3.0]] },
  },
  {
    id: 'SYN-24', d0: '2024-07-22', sex: 'M', age: 29.7, itpMonths: 1, route: 'SC', infusions: 6,
    intended: {
      category: 'CR', ttr: 28, rfs: { days: 28, event: 'subsequent treatment' },
      note: 'ITP for 1 month; CR on day 42; eltrombopag day 56',
    },
    // ITP for one month after an allograft for MDS: every treatment of the history started
    // within 42 days before D0 (CONCOMITANT: corticosteroids, IVIg, rituximab, romiplostim): two
    // lines, the fewest. First response 31 on day 28, CR 108 on day 42; switched from romiplostim
    // to eltrombopag on day 56: RFS 28 days (new treatment).
    baseline: 5,
    counts: [[0, 5], [7, 6], [14, 8], [21, 9], [28, 31], [35, 64], [42, 108], [49, 52], [55, 38],
      [70, 60], [91, 85], [150, 110], [240, 98], [330, 104]],
    prior: [],
    other: [{ drug: 'corticosteroids', start: -30, end: -5 }, { drug: 'IVIG', start: -28, end: -27 },
      { drug: 'rituximab', start: -25, end: -4 }, { drug: 'Nplate', start: -20, end: 55 },
      { drug: 'eltrombopag', start: 56, end: null }], // concomitant x 4, subsequent
    secondary: 'Post-allograft MDS',
    splenectomy: false, csRefractory: false, ivigRefractory: false, bleedingBefore: true,
    end: 330,
    aes: [[0, 'Injection site reaction', 'Infusion reaction', 1, false]],
    labs: { gamma: [[0, 5.1], [91, 4.6]], neut: [[0, 1.8]] },
  },
  {
    id: 'SYN-25', d0: '2024-08-19', sex: 'F', age: 71.9, itpMonths: 78, route: 'SC', infusions: 5,
    intended: {
      category: 'CR', ttr: 14, rfs: { days: 46, event: 'subsequent treatment' },
      note: 'baseline 110 on eltrombopag; romiplostim day 60',
    },
    // CR with a baseline above 100 (110 on BACKGROUND eltrombopag, day -300 to 59): first
    // response 128 on day 14 (92 on day 7 is neither > 100 nor 2 x 110), CR 106 on day 42. The
    // count falls to 48; switched to romiplostim on day 60: RFS 46 days. No rituximab.
    baseline: 110,
    counts: [[0, 110], [7, 92], [14, 128], [21, 140], [28, 117], [42, 106], [49, 72], [56, 48],
      [70, 95], [120, 130], [200, 150], [300, 141]],
    prior: ['corticosteroids', 'IVIG', 'romiplostim', 'avatrombopag', 'fostamatinib',
      'azathioprine', 'mycophenolate mofetil'],
    priorWindowEnd: -320,
    other: [{ drug: 'Revolade', start: -300, end: 59 }, // background
      { drug: 'Nplate', start: 60, end: null }], // subsequent
    splenectomy: true, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 300,
    aes: [],
    labs: { gamma: [[0, 7.2], [91, 5.8]], neut: [[0, 3.3]] },
  },
  {
    id: 'SYN-26', d0: '2024-09-09', sex: 'M', age: 21.0, itpMonths: 11, route: 'SC', infusions: 4,
    intended: {
      category: 'R', ttr: 63, rfs: { days: 220, event: 'censored' },
      note: '33-39 >= 30 but < 2 x 20; first response day 63',
    },
    // R with a baseline of 20: 33, 36, 39 are >= 30 but < 40 = 2 x baseline, so the first
    // response is 45 on day 63. Best window count 61: R. CONCOMITANT IVIg on days -14 and -13.
    // No rituximab. The latest D0 (September 2024); censored at day 283.
    baseline: 20,
    counts: [[0, 20], [7, 18], [14, 24], [21, 28], [28, 33], [42, 36], [49, 39], [63, 45], [77, 52],
      [91, 58], [105, 61], [133, 66], [189, 72], [245, 70], [283, 69]],
    prior: ['corticosteroids', 'IVIG', 'eltrombopag', 'romiplostim', 'fostamatinib', 'avatrombopag'],
    other: [{ drug: 'IVIG', start: -14, end: -13 }], // concomitant
    splenectomy: false, csRefractory: false, ivigRefractory: false, bleedingBefore: false,
    end: 283,
    aes: [],
    labs: { gamma: [[0, 10.2], [91, 9.5]], neut: [[0, 4.1]] },
  },
];

// Daratumumab schedule: weekly x 8, then every 2 weeks; a patient gets the first `infusions`.
const SCHEDULE = [0, 7, 14, 21, 28, 35, 42, 49, 63, 77, 91];
const DOSE = { SC: '1800 mg', IV: '16 mg/kg' };
const LAB = {
  gamma: { test: 'gammaglobulins', unit: 'g/L', digits: 1 },
  neut: { test: 'neutrophils', unit: 'G/L', digits: 2 },
  hb: { test: 'hemoglobin', unit: 'g/dL', digits: 1 },
};

// English value -> French value (one to one, so the two versions hold the same facts).
export const FR = {
  // drugs (EN mixes INN, brand and class names; FR as French records write them)
  corticosteroids: 'Corticoïdes',
  dexamethasone: 'Dexaméthasone',
  methylprednisolone: 'Méthylprednisolone (Solumédrol)',
  IVIG: 'IgIV',
  eltrombopag: 'Eltrombopag (Revolade)',
  Revolade: 'Revolade',
  romiplostim: 'Romiplostim',
  Nplate: 'Nplate',
  avatrombopag: 'Avatrombopag',
  Doptelet: 'Doptelet',
  rituximab: 'Rituximab',
  MabThera: 'Mabthera',
  fostamatinib: 'Fostamatinib',
  Tavalisse: 'Tavlesse',
  azathioprine: 'Azathioprine (Imurel)',
  'mycophenolate mofetil': 'Mycophénolate mofétil (Cellcept)',
  ciclosporin: 'Ciclosporine',
  dapsone: 'Dapsone (Disulone)',
  danazol: 'Danazol (Danatrol)',
  hydroxychloroquine: 'Hydroxychloroquine (Plaquenil)',
  // adverse event terms
  Dyspnoea: 'Dyspnée',
  'Eyelid oedema': 'Œdème palpébral', // Œ is byte 0x8C in Windows-1252 (not in Latin-1)
  'Injection site reaction': 'Réaction au point d’injection', // ’ is byte 0x92
  Bronchospasm: 'Bronchospasme',
  'Upper respiratory tract infection': 'Infection des voies aériennes supérieures',
  'Urinary tract infection': 'Infection urinaire',
  Pneumonia: 'Pneumopathie',
  'Septic shock': 'Choc septique',
  'Septic shock, pneumonia': 'Choc septique; pneumopathie', // quoted in both files
  'COVID-19': 'COVID-19',
  'Herpes zoster': 'Zona',
  Pyelonephritis: 'Pyélonéphrite',
  Neutropenia: 'Neutropénie', // also the category
  'Heart failure': 'Insuffisance cardiaque', // also the category and a cause of death
  Headache: 'Céphalées',
  Fatigue: 'Asthénie',
  // adverse event categories
  'Infusion reaction': 'Réaction perfusionnelle',
  Infection: 'Infection',
  Other: 'Autre',
  // secondary ITP causes (one cell may hold several, joined by " + "), causes of death
  'Evans syndrome': 'Syndrome d’Evans',
  APS: 'SAPL',
  'APS + Evans syndrome': 'SAPL + syndrome d’Evans',
  'Rheumatoid arthritis': 'Polyarthrite rhumatoïde',
  STIM1: 'STIM1',
  'Post-allograft MDS': 'SMD post-allogreffe',
  Sepsis: 'Sepsis',
  Haemorrhage: 'Hémorragie',
  // lab tests
  gammaglobulins: 'Gammaglobulines',
  neutrophils: 'Polynucléaires neutrophiles',
  hemoglobin: 'Hémoglobine',
};

// Tables: [EN name, FR name, columns]; a column is [EN name, FR name, kind]. The kind says how
// the English value becomes the French one.
const TABLES = [
  ['patients', 'patients', [
    ['patient_id', 'id_patient', 'same'], ['d0', 'date_J0', 'date'], ['sex', 'sexe', 'sex'],
    ['age', 'âge', 'number'], ['itp_duration_months', 'durée_PTI_mois', 'number'],
    ['secondary_itp', 'PTI_secondaire', 'yesno'], ['secondary_cause', 'cause_secondaire', 'dict'],
    ['splenectomy', 'splénectomie', 'yesno'], ['cs_refractory', 'cortico_réfractaire', 'yesno'],
    ['ivig_refractory', 'IgIV_réfractaire', 'yesno'],
    ['bleeding_month_before', 'saignement_mois_précédent', 'yesno'],
    ['baseline_platelets', 'plaquettes_J0', 'number'],
    ['last_followup', 'date_dernières_nouvelles', 'date'], ['death', 'décès', 'yesno'],
    ['death_date', 'date_décès', 'date'], ['death_cause', 'cause_décès', 'dict']]],
  ['platelets', 'plaquettes', [
    ['patient_id', 'id_patient', 'same'], ['date', 'date', 'date'],
    ['platelets', 'plaquettes', 'number'], ['bleeding', 'saignement', 'yesno'],
    ['rescue', 'secours', 'yesno']]],
  ['infusions', 'perfusions', [
    ['patient_id', 'id_patient', 'same'], ['date', 'date', 'date'], ['dose', 'dose', 'same'],
    ['route', 'voie', 'same']]],
  ['treatments', 'traitements', [
    ['patient_id', 'id_patient', 'same'], ['drug', 'médicament', 'dict'], ['start', 'début', 'date'],
    ['end', 'fin', 'date']]],
  ['adverse_events', 'effets_indesirables', [
    ['patient_id', 'id_patient', 'same'], ['date', 'date', 'date'], ['term', 'terme', 'dict'],
    ['category', 'catégorie', 'dict'], ['grade', 'grade', 'number'], ['serious', 'grave', 'yesno']]],
  ['labs', 'biologie', [
    ['patient_id', 'id_patient', 'same'], ['date', 'date', 'date'], ['test', 'examen', 'dict'],
    ['value', 'valeur', 'number'], ['unit', 'unité', 'same']]],
];

// ---------------------------------------------------------------------------------------------
// Dates (UTC, no time zone involved).
const MS_PER_DAY = 86400000;
function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

function check(condition, message) {
  if (!condition) throw new Error(`make_cohort: ${message}`);
}

const yesNo = (b) => (b ? 'yes' : 'no');

/**
 * Dates of the prior treatments (p.prior, in order), all started more than 42 days before D0 and
 * ended before it: corticosteroids at the diagnosis, the first IVIg course two weeks later, the
 * other drugs spread between them and priorWindowEnd (day -60 unless given).
 */
function priorDates(p) {
  const diagnosis = -Math.round(p.itpMonths * 30.4375);
  const rows = [];
  const lines = [];
  for (const drug of p.prior) {
    if (drug === 'corticosteroids') rows.push([drug, diagnosis, diagnosis + 60]);
    else if (drug === 'IVIG') rows.push([drug, diagnosis + 14, diagnosis + 15]);
    else lines.push(drug);
  }
  const first = diagnosis + (p.itpMonths < 12 ? 30 : 90);
  const last = p.priorWindowEnd ?? -60;
  const span = (last - first) / lines.length;
  check(lines.length === 0 || span >= 30, `${p.id}: too many prior lines for ${p.itpMonths} months`);
  lines.forEach((drug, i) => {
    const start = first + Math.round(i * span);
    rows.push([drug, start, start + Math.round(0.7 * span)]);
  });
  for (const [drug, start] of rows) check(start < -42, `${p.id}: prior ${drug} starts on day ${start}`);
  return rows;
}

/**
 * The baseline is the day-0 count; without one (and without a count on days -7 to -1), the
 * mean of the counts before D0, as a centre may record it.
 */
function checkBaseline(p) {
  const d0 = p.counts.filter(([day]) => day === 0);
  if (d0.length) {
    check(d0.length === 1 && d0[0][1] === p.baseline, `${p.id}: baseline != day-0 count`);
    return;
  }
  const before = p.counts.filter(([day]) => day < 0).map(([, value]) => value);
  check(!p.counts.some(([day]) => day >= -7 && day <= 0), `${p.id}: a count on days -7 to 0`);
  const mean = before.reduce((a, b) => a + b, 0) / before.length;
  check(before.length > 0 && Math.abs(mean - p.baseline) < 1e-9, `${p.id}: baseline != mean before D0`);
}

/** The six English tables as arrays of rows of strings (missing = ''). */
export function buildTables(patients = PATIENTS) {
  const t = { patients: [], platelets: [], infusions: [], treatments: [], adverse_events: [], labs: [] };
  for (const p of patients) {
    const endDay = p.death ? p.death.day : p.end;
    const date = (day) => addDays(p.d0, day);
    check(p.d0 >= '2019-01-01' && p.d0 <= '2024-12-31', `${p.id}: D0 outside 2019-2024`);
    check(date(endDay) <= CUTOFF, `${p.id}: follow-up after ${CUTOFF}`);
    checkBaseline(p);
    check(p.counts.length >= 6 && p.counts.length <= 20, `${p.id}: ${p.counts.length} counts`);
    p.counts.forEach(([day], i) => {
      check(i === 0 || day > p.counts[i - 1][0], `${p.id}: counts not in day order`);
      check(day <= endDay, `${p.id}: count on day ${day} after follow-up`);
    });

    t.patients.push([p.id, p.d0, p.sex, p.age.toFixed(1), String(p.itpMonths),
      yesNo(Boolean(p.secondary)), p.secondary ?? '', yesNo(p.splenectomy), yesNo(p.csRefractory),
      yesNo(p.ivigRefractory), yesNo(p.bleedingBefore), String(p.baseline), date(endDay),
      yesNo(Boolean(p.death)), p.death ? date(p.death.day) : '', p.death ? p.death.cause : '']);

    for (const [day, value, flags = ''] of p.counts) {
      t.platelets.push([p.id, date(day), String(value), yesNo(flags.includes('B')),
        yesNo(flags.includes('R'))]);
    }

    for (const day of SCHEDULE.slice(0, p.infusions)) {
      check(day <= endDay, `${p.id}: infusion on day ${day} after follow-up`);
      t.infusions.push([p.id, date(day), DOSE[p.route], p.route]);
    }

    const treatments = [...priorDates(p), ...p.other.map((o) => [o.drug, o.start, o.end])];
    treatments.sort((a, b) => a[1] - b[1]);
    for (const [drug, start, end] of treatments) {
      check(FR[drug], `${p.id}: no French name for ${drug}`);
      check(start <= endDay, `${p.id}: ${drug} starts after follow-up`);
      t.treatments.push([p.id, drug, date(start), end === null ? '' : date(end)]);
    }

    for (const [day, term, category, grade, serious] of p.aes) {
      check(day <= endDay, `${p.id}: adverse event after follow-up`);
      t.adverse_events.push([p.id, date(day), term, category, String(grade), yesNo(serious)]);
    }

    const labs = [];
    for (const [key, values] of Object.entries(p.labs)) {
      for (const [day, value] of values) labs.push([day, LAB[key], value]);
    }
    labs.sort((a, b) => a[0] - b[0]); // stable: same-day tests keep the order gamma, neut, hb
    for (const [day, lab, value] of labs) {
      check(day <= endDay, `${p.id}: lab after follow-up`);
      t.labs.push([p.id, date(day), lab.test, value.toFixed(lab.digits), lab.unit]);
    }
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Writing.

function toFrench(value, kind) {
  if (value === '') return '';
  switch (kind) {
    case 'same': return value;
    case 'date': { const [y, m, d] = value.split('-'); return `${d}/${m}/${y}`; }
    case 'number': return value.replace('.', ',');
    case 'yesno': return { yes: 'oui', no: 'non' }[value];
    case 'sex': return { M: 'H', F: 'F' }[value];
    case 'dict': check(FR[value], `no French for ${value}`); return FR[value];
    default: throw new Error(kind);
  }
}

function csvLine(cells, sep) {
  return cells.map((c) => {
    if (c.includes(sep) || c.includes('"') || c.includes('\n') || c.includes('\r')) {
      return `"${c.replaceAll('"', '""')}"`;
    }
    return c;
  }).join(sep);
}

// Windows-1252: Latin-1 for U+00A0..U+00FF, plus the printable characters of 0x80..0x9F.
const CP1252_EXTRA = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
function encodeWindows1252(text) {
  const bytes = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) bytes.push(cp);
    else if (CP1252_EXTRA[cp] !== undefined) bytes.push(CP1252_EXTRA[cp]);
    else throw new Error(`make_cohort: U+${cp.toString(16)} has no Windows-1252 byte`);
  }
  return Buffer.from(bytes);
}

/** Every file as [relative path, bytes]. */
export function renderFiles(patients = PATIENTS) {
  const tables = buildTables(patients);
  const files = [];
  for (const [en, fr, columns] of TABLES) {
    const rows = tables[en];
    const enLines = [columns.map((c) => c[0]), ...rows].map((r) => csvLine(r, ','));
    files.push([`en/${en}.csv`, Buffer.from(`${enLines.join('\n')}\n`, 'utf8')]);
    const frRows = rows.map((r) => r.map((v, i) => toFrench(v, columns[i][2])));
    const frLines = [columns.map((c) => c[1]), ...frRows].map((r) => csvLine(r, ';'));
    files.push([`fr/${fr}.csv`, encodeWindows1252(`${frLines.join('\r\n')}\r\n`)]);
  }
  return files;
}

/** The per-patient intended classification as Markdown table rows (README.md carries them). */
export function intendedTable(patients = PATIENTS) {
  const rows = [
    '| id | category | baseline (G/L) | time to response (days) | RFS (days from first response) | note |',
    '| --- | --- | ---: | ---: | --- | --- |',
  ];
  for (const p of patients) {
    const { category, ttr, rfs, note } = p.intended;
    const rfsText = rfs ? `${rfs.days} (${rfs.event})` : '—';
    rows.push(`| ${p.id} | ${category} | ${p.baseline} | ${ttr ?? '—'} | ${rfsText} | ${note} |`);
  }
  return rows;
}

export function writeCohort(outDir = HERE) {
  const files = renderFiles();
  for (const [rel, bytes] of files) {
    const file = path.join(outDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  return files.map(([rel]) => rel);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--table') {
    console.log(intendedTable().join('\n'));
    process.exit(0);
  }
  const outDir = path.resolve(process.argv[2] ?? HERE);
  for (const rel of writeCohort(outDir)) console.log(path.join(outDir, rel));
}
