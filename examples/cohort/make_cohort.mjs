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
// runs write identical bytes. The cohort is built to reproduce the published aggregates of the
// seed study under the `seed-2026` criteria (see README.md); examples/cohort/check_published.R
// checks that independently. No real patient is described.
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
//           baseline (patients.baseline_platelets repeats it).
// prior:    ITP treatments before D0, in the order given (the first is the corticosteroid of the
//           diagnosis, the second the first IVIg course). Their dates are spread by
//           priorDates() between the diagnosis and day -60 (or priorWindowEnd), so each one is
//           "prior" (started more than 42 days before D0 and ended before D0).
// other:    treatments whose dates matter to the rule, with explicit days: background,
//           concomitant, subsequent (end null = ongoing).
// end:      last follow-up day (alive) — or death.day for the dead.
// intended: what the seed-2026 rule must give (category, time to response in days, RFS in days
//           from the first response and how it ends) and a note for README.md's table. Not
//           written to the CSV files: the R check derives everything from the data, and
//           tests/node/example_cohort.test.mjs compares its per-patient output with these values.
//
// Under seed-2026 (DESIGN §5): response = best credited count on days 42..105; CR > 100;
// R >= 30 and <= 100 and >= 2 x baseline; counts on/after the start of the first subsequent
// treatment (start > day 42) are not credited; excluded if death before day 91; NR if a
// subsequent treatment started and no credited count in the window meets R/CR.
// ---------------------------------------------------------------------------------------------
export const PATIENTS = [
  {
    id: 'SYN-01', d0: '2020-06-22', sex: 'M', age: 74.6, itpMonths: 60, route: 'IV', infusions: 12,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: '30 on days 42 and 70 but baseline 16 (30 < 32): not R',
    },
    // EDGE: a count of exactly 30 on day 42 and day 70, but baseline 16: 30 < 2 x 16 = 32, so it
    // is not R. Avatrombopag started on day 200 (subsequent, after the window).
    baseline: 16,
    counts: [[0, 16], [7, 18], [14, 22], [21, 25], [28, 27], [42, 30], [56, 28], [70, 30], [84, 26],
      [105, 24], [140, 21], [200, 19], [260, 45], [365, 52], [540, 48], [730, 41], [1095, 38],
      [1500, 44]],
    prior: ['prednisone', 'IVIG', 'Nplate', 'Revolade', 'rituximab', 'ciclosporin'],
    other: [{ drug: 'Doptelet', start: 200, end: null }], // subsequent
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 1500,
    aes: [[0, 'Dyspnoea', 'Infusion reaction', 2, false]],
    labs: { gamma: [[0, 10.4], [91, 9.6], [182, 9.1]], neut: [[0, 4.2]] },
  },
  {
    id: 'SYN-02', d0: '2020-10-12', sex: 'M', age: 84.2, itpMonths: 96, route: 'IV', infusions: 16,
    intended: {
      category: 'CR', ttr: 29, rfs: { days: 343, event: 'death' },
      note: 'dies in remission on day 372 (RFS event: death)',
    },
    // CR from day 56 (132). First response day 29 (44 >= 30 and >= 2 x 5). Dies in remission on
    // day 372 (myocardial infarction): RFS event = death, 372 - 29 = 343 days.
    baseline: 5,
    counts: [[0, 5], [7, 8], [14, 12], [21, 22], [29, 44], [42, 86], [56, 132], [84, 150], [112, 144],
      [168, 130], [252, 118], [336, 125], [365, 121]],
    prior: ['prednisone', 'IVIG', 'romiplostim', 'eltrombopag', 'rituximab', 'danazol', 'azathioprine'],
    other: [],
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    death: { day: 372, cause: 'Myocardial infarction' },
    aes: [[0, 'Chills', 'Infusion reaction', 1, false]],
    labs: { gamma: [[0, 9.2], [91, 7.8], [182, 5.6], [364, 5.9]], neut: [[0, 3.1], [91, 2.6]] },
  },
  {
    id: 'SYN-03', d0: '2020-11-16', sex: 'M', age: 68.4, itpMonths: 48, route: 'IV', infusions: 12,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'best 35 < 2 x 22; rituximab again day 120',
    },
    // NR: best window count 35 < 2 x 22 = 44 (>= 30 is not enough). Rituximab again on day 120.
    baseline: 22,
    counts: [[0, 22], [7, 19], [14, 24], [21, 28], [28, 31], [42, 35], [56, 29], [70, 33], [84, 27],
      [98, 24], [119, 18], [150, 40], [210, 62], [300, 55], [450, 48], [700, 51], [1000, 46],
      [1300, 49]],
    prior: ['dexamethasone', 'IVIG', 'eltrombopag', 'rituximab', 'mycophenolate mofetil'],
    other: [{ drug: 'rituximab', start: 120, end: 141 }], // subsequent
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 1300,
    aes: [[28, 'Upper respiratory tract infection', 'Infection', 1, false]],
    labs: { gamma: [[0, 8.8], [91, 8.1], [182, 7.9], [364, 7.4]], neut: [[0, 5.1]] },
  },
  {
    id: 'SYN-04', d0: '2021-02-15', sex: 'M', age: 70.2, itpMonths: 30, route: 'IV', infusions: 16,
    intended: {
      category: 'CR', ttr: 87, rfs: { days: 70, event: 'subsequent treatment' },
      note: 'first qualifying count day 87 (120); eltrombopag day 157',
    },
    // EDGE (late responder): every count < 30 until day 87 (120, CR): time to response 87, the
    // longest. Falls to 35 by day 150; eltrombopag on day 157 = loss of response (157 - 87 = 70).
    baseline: 13,
    counts: [[0, 13], [7, 10], [14, 15], [21, 22], [28, 18], [42, 24], [56, 28], [70, 26], [87, 120],
      [105, 95], [120, 60], [150, 35], [180, 90], [240, 130], [360, 110], [540, 95], [720, 105],
      [900, 98]],
    prior: ['prednisone', 'IVIG', 'romiplostim', 'rituximab', 'fostamatinib', 'dapsone'],
    other: [{ drug: 'eltrombopag', start: 157, end: null }], // subsequent
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 900,
    aes: [[0, 'Chills', 'Infusion reaction', 1, false],
      [35, 'Urinary tract infection', 'Infection', 2, false]],
    labs: { gamma: [[0, 9.5], [91, 8.7], [182, 8.0], [364, 7.6]], neut: [[0, 3.8], [91, 3.2]] },
  },
  {
    id: 'SYN-05', d0: '2021-03-29', sex: 'M', age: 67.6, itpMonths: 84, route: 'IV', infusions: 8,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'eltrombopag day 60: 85 and 160 on days 70, 84 not credited',
    },
    // EDGE (subsequent treatment): eltrombopag from day 60 (> 42: subsequent). Counts 85 on day 70
    // and 160 on day 84 are in the window but on/after that start: not credited. The credited
    // window counts (16, 21) meet nothing: NR (treatment failure). Crediting them would give CR.
    baseline: 14,
    counts: [[0, 14], [7, 12], [14, 15], [21, 18], [28, 16], [42, 16], [56, 21], [70, 85], [84, 160],
      [112, 190], [140, 170], [200, 150], [300, 120], [450, 135], [600, 110], [800, 98],
      [1000, 125], [1200, 118]],
    prior: ['prednisone', 'IVIG', 'romiplostim', 'MabThera', 'fostamatinib', 'azathioprine', 'danazol'],
    other: [{ drug: 'eltrombopag', start: 60, end: null }], // subsequent
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 1200,
    aes: [[7, 'Rash', 'Infusion reaction', 1, false]],
    labs: { gamma: [[0, 10.1], [91, 9.4]], neut: [[0, 4.6]] },
  },
  {
    id: 'SYN-06', d0: '2021-06-14', sex: 'F', age: 52.8, itpMonths: 156, route: 'IV', infusions: 6,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'avatrombopag day 45, no credited window count: NR not NE',
    },
    // EDGE (order of the categories): avatrombopag from day 45; no count on days 42-44, so no
    // credited count in the window at all. A subsequent treatment started: NR (treatment
    // failure), not NE. The later counts (40, 75, 110 ...) are not credited.
    baseline: 17,
    counts: [[0, 17], [7, 15], [14, 12], [21, 14], [35, 12], [49, 40], [63, 75], [91, 110], [120, 130],
      [180, 140], [270, 125], [365, 118], [540, 122], [730, 109], [900, 115], [1100, 120]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'Tavalisse',
      'mycophenolate mofetil', 'ciclosporin'],
    other: [{ drug: 'Doptelet', start: 45, end: null }], // subsequent
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 1100,
    aes: [[20, 'Headache', 'Other', 1, false]],
    labs: { gamma: [[0, 7.9], [91, 7.1]], neut: [[0, 3.3]] },
  },
  {
    id: 'SYN-07', d0: '2021-08-02', sex: 'M', age: 79.0, itpMonths: 20, route: 'IV', infusions: 3,
    intended: {
      category: 'excluded', ttr: null, rfs: null,
      note: 'died day 21 (septic shock)',
    },
    // EXCLUDED: pneumonia on day 16, septic shock, death on day 21 (before day 91).
    baseline: 3,
    counts: [[0, 3], [3, 5], [7, 4], [10, 6], [14, 4], [18, 2, 'B']],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'rituximab', 'azathioprine'],
    other: [],
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    death: { day: 21, cause: 'Septic shock, pneumonia' },
    aes: [[16, 'Pneumonia', 'Infection', 3, true], [21, 'Septic shock', 'Infection', 5, true]],
    labs: { gamma: [[0, 6.8]], neut: [[0, 2.1], [16, 1.4]], hb: [[0, 11.2]] },
  },
  {
    id: 'SYN-08', d0: '2021-09-06', sex: 'M', age: 63.4, itpMonths: 40, route: 'IV', infusions: 10,
    intended: {
      category: 'R', ttr: 49, rfs: { days: 23, event: 'subsequent treatment' },
      note: 'romiplostim day 72 = loss; later counts not credited',
    },
    // R: 38 on day 49 (>= 30, >= 2 x 9). Romiplostim from day 72 = loss of response
    // (72 - 49 = 23); the higher counts after it (95, 140 ...) are not credited.
    baseline: 9,
    counts: [[0, 9], [7, 8], [14, 12], [21, 15], [28, 17], [35, 24], [42, 27], [49, 38], [56, 35],
      [63, 31], [77, 95], [91, 140], [119, 160], [180, 150], [270, 130], [365, 120], [480, 135],
      [600, 128]],
    prior: ['prednisone', 'IVIG', 'Revolade', 'rituximab', 'mycophenolate mofetil', 'dapsone'],
    other: [{ drug: 'Nplate', start: 72, end: null }], // subsequent
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 600,
    aes: [[60, 'Urinary tract infection', 'Infection', 2, false]],
    labs: { gamma: [[0, 9.9], [91, 9.0], [182, 8.6]], neut: [[0, 2.9], [91, 2.7]] },
  },
  {
    id: 'SYN-09', d0: '2021-11-22', sex: 'M', age: 81.7, itpMonths: 72, route: 'IV', infusions: 8,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'best 41 < 2 x 24; died day 410',
    },
    // NR: best window count 41 < 2 x 24 = 48. Secondary ITP (CLL), low gammaglobulins.
    // Dies on day 410 (cardiac failure).
    baseline: 24,
    counts: [[0, 24], [7, 22], [14, 26], [21, 30], [28, 33], [42, 38], [56, 41], [70, 36], [84, 29],
      [105, 27], [140, 25], [200, 22], [280, 30], [350, 26], [400, 24]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'fostamatinib'],
    other: [],
    secondary: 'Chronic lymphocytic leukaemia',
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    death: { day: 410, cause: 'Cardiac failure' },
    aes: [[14, 'COVID-19', 'Infection', 2, false]],
    labs: { gamma: [[0, 6.4], [91, 5.7], [182, 5.5]], neut: [[0, 3.0]], hb: [[0, 10.9]] },
  },
  {
    id: 'SYN-10', d0: '2022-03-14', sex: 'F', age: 47.3, itpMonths: 110, route: 'IV', infusions: 8,
    intended: {
      category: 'R', ttr: 42, rfs: { days: 10, event: 'loss of response' },
      note: 'only 30 = 2 x 15 on day 42; 22 on day 52 = loss',
    },
    // EDGE (day 42, exact thresholds): the only qualifying count is 30 on day 42: in the window
    // (day 42 included), >= 30 and exactly 2 x baseline 15: R. It falls to 22 on day 52 = loss of
    // response (52 - 42 = 10 days). Eltrombopag from day 70 (subsequent; later counts not
    // credited). Secondary ITP whose cause holds a comma (EN) / a semicolon (FR): quoted cells.
    baseline: 15,
    counts: [[0, 15], [7, 14], [14, 19], [21, 24], [28, 26], [35, 22], [42, 30], [52, 22], [63, 18],
      [77, 45], [91, 80], [120, 110], [180, 125], [270, 105], [400, 98], [600, 112], [790, 101]],
    prior: ['prednisone', 'IVIG', 'romiplostim', 'rituximab', 'fostamatinib', 'azathioprine',
      'hydroxychloroquine'],
    other: [{ drug: 'eltrombopag', start: 70, end: null }], // subsequent
    secondary: 'SLE, antiphospholipid antibodies',
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    end: 800,
    aes: [[0, 'Fever', 'Infusion reaction', 1, false]],
    labs: { gamma: [[0, 12.4], [91, 11.8], [182, 11.1]], neut: [[0, 2.4]] },
  },
  {
    id: 'SYN-11', d0: '2022-05-09', sex: 'M', age: 36.4, itpMonths: 36, route: 'SC', infusions: 10,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'best 45 < 2 x 25; background ciclosporin (day -400 to 180)',
    },
    // NR: best window count 45 < 2 x 25 = 50. BACKGROUND therapy: ciclosporin started on day
    // -400 (more than 42 days before D0) and still given at D0 (until day 180): neither prior nor
    // subsequent, so it credits or removes nothing.
    baseline: 25,
    counts: [[0, 25], [14, 31], [28, 38], [42, 45], [56, 44], [84, 41], [112, 36], [168, 29], [250, 27],
      [400, 33], [600, 30], [800, 28], [950, 31]],
    prior: ['dexamethasone', 'IVIG', 'eltrombopag', 'Nplate', 'rituximab'],
    priorWindowEnd: -420,
    other: [{ drug: 'ciclosporin', start: -400, end: 180 }], // background
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 950,
    aes: [],
    labs: { gamma: [[0, 10.8], [91, 10.2]], neut: [[0, 4.4]] },
  },
  {
    id: 'SYN-12', d0: '2022-10-03', sex: 'F', age: 33.1, itpMonths: 180, route: 'SC', infusions: 12,
    intended: {
      category: 'CR', ttr: 56, rfs: { days: 36, event: 'loss of response' },
      note: 'CR on day 56, 22 on day 92 = loss',
    },
    // CR: 110 on day 56 (first response). Falls to 22 on day 92 = loss (92 - 56 = 36), the
    // response at the landmark stays CR (one count suffices). Avatrombopag from day 110.
    baseline: 6,
    counts: [[0, 6], [7, 7], [14, 10], [21, 14], [28, 19], [35, 26], [42, 29], [56, 110], [70, 64],
      [84, 41], [92, 22, 'B'], [120, 35], [150, 60], [240, 85], [365, 92], [540, 88], [700, 95]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'Tavalisse',
      'mycophenolate mofetil', 'danazol', 'dapsone'],
    other: [{ drug: 'avatrombopag', start: 110, end: null }], // subsequent
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 700,
    aes: [[7, 'Eyelid oedema', 'Infusion reaction', 1, false],
      [200, 'Bronchitis', 'Infection', 2, false]],
    labs: { gamma: [[0, 8.1], [91, 6.9], [182, 5.2], [364, 5.8]], neut: [[0, 3.5], [91, 2.8]] },
  },
  {
    id: 'SYN-13', d0: '2022-12-05', sex: 'F', age: 71.9, itpMonths: 26, route: 'SC', infusions: 14,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'best 52 < 2 x 28',
    },
    // NR: best window count 52 < 2 x 28 = 56 (a high baseline and a modest rise).
    baseline: 28,
    counts: [[0, 28], [7, 30], [14, 36], [21, 41], [28, 47], [42, 52], [56, 50], [70, 48], [84, 44],
      [105, 39], [140, 35], [200, 31], [300, 29], [420, 33], [560, 30], [700, 27], [800, 32]],
    prior: ['prednisone', 'IVIG', 'dapsone', 'fostamatinib', 'azathioprine'], // no TPO-RA
    other: [],
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 800,
    aes: [[84, 'Herpes zoster', 'Infection', 2, false]],
    labs: { gamma: [[0, 9.0], [91, 8.4], [182, 8.2]], neut: [[0, 3.9]] },
  },
  {
    id: 'SYN-14', d0: '2023-03-20', sex: 'F', age: 41.6, itpMonths: 132, route: 'SC', infusions: 16,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: '140 on day 106 (outside the window)',
    },
    // EDGE (day 106): window counts (days 42-105) all < 30; 140 on day 106 is outside the window.
    // A late responder, NR at 3 months. Counting day 106 would give CR.
    baseline: 8,
    counts: [[0, 8], [7, 9], [14, 11], [21, 10], [28, 14], [42, 12], [56, 18], [70, 22], [84, 25],
      [98, 27], [106, 140], [134, 155], [196, 120], [280, 98], [400, 105], [520, 112], [650, 101]],
    prior: ['prednisone', 'IVIG', 'romiplostim', 'eltrombopag', 'rituximab', 'azathioprine',
      'avatrombopag'],
    other: [],
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 650,
    aes: [[21, 'Injection site reaction', 'Infusion reaction', 1, false]],
    labs: { gamma: [[0, 9.6], [91, 8.8], [182, 8.4], [364, 7.9]], neut: [[0, 4.0]] },
  },
  {
    id: 'SYN-15', d0: '2023-05-15', sex: 'M', age: 39.2, itpMonths: 18, route: 'SC', infusions: 16,
    intended: {
      category: 'CR', ttr: 8, rfs: { days: 760, event: 'censored' },
      note: 'grade 3 neutropenia; gammaglobulins < 6',
    },
    // CR, early (day 8: 32 >= 30 and >= 2 x 7) and lasting: censored at last follow-up (day 768).
    // Grade 3 neutropenia on day 84; gammaglobulins fall below 6 g/L.
    baseline: 7,
    counts: [[0, 7], [8, 32], [15, 58], [22, 96], [29, 130], [43, 180], [57, 210], [85, 190],
      [113, 175], [169, 160], [253, 150], [337, 170], [421, 140], [533, 155], [645, 138],
      [768, 149]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab'],
    other: [],
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 768,
    aes: [[84, 'Neutropenia', 'Haematological', 3, false],
      [150, 'Bronchitis', 'Infection', 2, false]],
    labs: {
      gamma: [[0, 10.2], [91, 8.1], [182, 6.3], [364, 5.4], [728, 5.6]],
      neut: [[0, 3.6], [84, 0.9], [91, 1.6], [182, 2.4]],
    },
  },
  {
    id: 'SYN-16', d0: '2023-07-10', sex: 'M', age: 69.0, itpMonths: 64, route: 'SC', infusions: 16,
    intended: {
      category: 'CR', ttr: 14, rfs: { days: 700, event: 'censored' },
      note: 'background eltrombopag (day -700, ongoing)',
    },
    // BACKGROUND therapy: eltrombopag since day -700, still taken (end empty = ongoing). It is
    // neither prior nor subsequent; counts stay credited. CR from day 28, censored at day 714.
    baseline: 18,
    counts: [[0, 18], [7, 26], [14, 54], [21, 88], [28, 120], [42, 135], [56, 160], [84, 180],
      [112, 150], [168, 140], [252, 155], [364, 130], [476, 148], [588, 139], [714, 142]],
    prior: ['prednisone', 'IVIG', 'rituximab', 'romiplostim', 'fostamatinib'],
    priorWindowEnd: -730,
    other: [{ drug: 'eltrombopag', start: -700, end: null }], // background
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 714,
    aes: [[0, 'Chills', 'Infusion reaction', 1, false], [300, 'Sinusitis', 'Infection', 1, false]],
    labs: { gamma: [[0, 8.6], [91, 8.0], [182, 7.7], [364, 7.2]], neut: [[0, 2.7]] },
  },
  {
    id: 'SYN-17', d0: '2023-09-04', sex: 'F', age: 88.0, itpMonths: 28, route: 'SC', infusions: 9,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'died day 96 (> 91): evaluated; IVIg day 95',
    },
    // NR, not excluded: dies on day 96 (intracranial haemorrhage), after day 91. IVIg and
    // methylprednisolone on day 95 (rescue, subsequent treatments).
    baseline: 2,
    counts: [[0, 2], [7, 3], [14, 5], [21, 4], [28, 6], [42, 5], [56, 3], [70, 8], [84, 4],
      [95, 1, 'BR']],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'danazol'],
    other: [{ drug: 'IVIG', start: 95, end: 96 }, { drug: 'methylprednisolone', start: 95, end: 96 }],
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    death: { day: 96, cause: 'Intracranial haemorrhage' },
    aes: [],
    labs: { gamma: [[0, 7.5]], neut: [[0, 3.4]], hb: [[0, 10.8], [95, 7.9]] },
  },
  {
    id: 'SYN-18', d0: '2023-11-20', sex: 'F', age: 58.1, itpMonths: 150, route: 'SC', infusions: 16,
    intended: {
      category: 'CR', ttr: 28, rfs: { days: 530, event: 'censored' },
      note: '130 on day 105 (in the window) makes CR; serious pneumonia',
    },
    // EDGE (day 105): window counts 60, 85, 92, 99 (R range) and 130 on day 105 (included): CR.
    // Without day 105 she would be R. Serious grade 3 pneumonia on day 120.
    baseline: 10,
    counts: [[0, 10], [7, 9], [14, 16], [21, 24], [28, 45], [42, 60], [56, 85], [70, 92], [84, 99],
      [105, 130], [140, 118], [196, 105], [280, 96], [364, 110], [448, 102], [558, 99]],
    prior: ['prednisone', 'IVIG', 'Revolade', 'Nplate', 'rituximab', 'fostamatinib',
      'mycophenolate mofetil'],
    other: [],
    secondary: 'Sjögren syndrome',
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 558,
    aes: [[120, 'Pneumonia', 'Infection', 3, true]],
    labs: { gamma: [[0, 11.5], [91, 9.8], [182, 8.9], [364, 8.5]], neut: [[0, 3.2], [120, 8.7]] },
  },
  {
    id: 'SYN-19', d0: '2023-12-18', sex: 'M', age: 76.3, itpMonths: 200, route: 'SC', infusions: 16,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'romiplostim day 150',
    },
    // NR: all counts < 30 until romiplostim is restarted on day 150 (after the window).
    baseline: 26,
    counts: [[0, 26], [7, 24], [14, 21], [21, 19], [28, 23], [42, 25], [56, 22], [70, 27], [84, 24],
      [105, 20], [126, 17], [150, 15], [180, 48], [240, 75], [330, 90], [420, 82], [520, 88]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'fostamatinib',
      'azathioprine', 'ciclosporin'],
    other: [{ drug: 'romiplostim', start: 150, end: null }], // subsequent
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 520,
    aes: [[60, 'Pyelonephritis', 'Infection', 2, false]],
    labs: { gamma: [[0, 8.3], [91, 7.0], [182, 6.2], [364, 5.8]], neut: [[0, 4.8], [91, 4.1]] },
  },
  {
    id: 'SYN-20', d0: '2024-02-19', sex: 'M', age: 72.9, itpMonths: 44, route: 'SC', infusions: 16,
    intended: {
      category: 'R', ttr: 63, rfs: { days: 420, event: 'censored' },
      note: '33-39 >= 30 but < 2 x 20; first response day 63',
    },
    // R with a high baseline (20): 33, 36, 39 are >= 30 but < 40 = 2 x baseline, so the first
    // response is 45 on day 63. Best window count 61: R. Censored at day 483.
    baseline: 20,
    counts: [[0, 20], [7, 18], [14, 24], [21, 28], [28, 33], [42, 36], [49, 39], [63, 45], [77, 52],
      [91, 58], [105, 61], [133, 66], [189, 72], [245, 70], [301, 68], [371, 74], [483, 69]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'avatrombopag', 'rituximab', 'dapsone'],
    other: [],
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 483,
    aes: [[200, 'COVID-19', 'Infection', 1, false]],
    labs: { gamma: [[0, 9.7], [91, 9.1], [182, 8.8]], neut: [[0, 2.6]] },
  },
  {
    id: 'SYN-21', d0: '2024-04-08', sex: 'F', age: 24.3, itpMonths: 90, route: 'SC', infusions: 16,
    intended: {
      category: 'CR', ttr: 7, rfs: { days: 380, event: 'censored' },
      note: 'concomitant IVIg days 3-4; 62 on day 7 credited',
    },
    // CONCOMITANT treatment: bleeding on day 3, IVIg on days 3-4 (start within 42 days of D0:
    // concomitant, not subsequent). The day-7 count 62 is credited (rescue flags play no part):
    // time to response 7, the shortest. CR from day 56. Censored at day 387.
    baseline: 4,
    counts: [[0, 4], [3, 5, 'BR'], [7, 62], [14, 48], [21, 35], [28, 41], [35, 66], [42, 98], [56, 143],
      [84, 170], [112, 150], [168, 132], [252, 120], [336, 128], [387, 125]],
    prior: ['prednisone', 'IVIG', 'romiplostim', 'eltrombopag', 'rituximab', 'Tavalisse',
      'mycophenolate mofetil'],
    other: [{ drug: 'IVIG', start: 3, end: 4 }], // concomitant
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: true,
    end: 387,
    aes: [[14, 'Urinary tract infection', 'Infection', 1, false]],
    labs: { gamma: [[0, 9.4], [91, 7.2], [182, 5.9], [364, 5.1]], neut: [[0, 3.7], [91, 3.1]] },
  },
  {
    id: 'SYN-22', d0: '2024-05-13', sex: 'F', age: 71.1, itpMonths: 22, route: 'SC', infusions: 16,
    intended: {
      category: 'CR', ttr: 35, rfs: { days: 350, event: 'censored' },
      note: 'concomitant prednisone day -20 to 30',
    },
    // CONCOMITANT treatment: prednisone from day -20 to day 30 (started within 42 days before
    // D0). CR; first response day 35 (38 >= 2 x 11). Censored at day 385.
    baseline: 11,
    counts: [[0, 11], [7, 18], [14, 24], [21, 27], [28, 21], [35, 38], [42, 74], [56, 118], [84, 140],
      [112, 133], [168, 126], [224, 130], [280, 119], [336, 124], [385, 131]],
    prior: ['dexamethasone', 'IVIG', 'eltrombopag', 'romiplostim', 'dapsone'],
    other: [{ drug: 'prednisone', start: -20, end: 30 }], // concomitant
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 385,
    aes: [[7, 'Headache', 'Other', 1, false]],
    labs: { gamma: [[0, 10.5], [91, 9.9], [182, 9.6]], neut: [[0, 5.6]] },
  },
  {
    id: 'SYN-23', d0: '2024-06-03', sex: 'M', age: 72.5, itpMonths: 240, route: 'SC', infusions: 16,
    intended: {
      category: 'R', ttr: 21, rfs: { days: 305, event: 'censored' },
      note: 'best window count exactly 100: R, not CR',
    },
    // EDGE (exactly 100): the best window count is 100 on day 56, which is not > 100: R, not CR.
    // First response day 21 (35 >= 2 x 12). Censored at day 326.
    baseline: 12,
    counts: [[0, 12], [7, 14], [14, 20], [21, 35], [28, 52], [35, 61], [42, 68], [56, 100], [70, 84],
      [84, 88], [105, 97], [140, 76], [196, 64], [252, 58], [326, 71]],
    prior: ['prednisone', 'IVIG', 'Nplate', 'rituximab', 'fostamatinib', 'azathioprine',
      'ciclosporin', 'danazol'],
    other: [],
    splenectomy: true, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 326,
    aes: [[0, 'Chills', 'Infusion reaction', 2, false]],
    labs: { gamma: [[0, 8.9], [91, 8.2], [182, 7.8]], neut: [[0, 3.0]] },
  },
  {
    id: 'SYN-24', d0: '2024-07-22', sex: 'F', age: 40.8, itpMonths: 16, route: 'SC', infusions: 12,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'fostamatinib day 98',
    },
    // NR: counts 10-18 in the window; fostamatinib from day 98 (subsequent).
    baseline: 19,
    counts: [[0, 19], [7, 17], [14, 14], [21, 16], [28, 12], [42, 15], [56, 18], [70, 11], [84, 13],
      [98, 10], [126, 22], [168, 35], [230, 41], [300, 38], [340, 44]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab'],
    other: [{ drug: 'Tavalisse', start: 98, end: null }], // subsequent
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 340,
    aes: [[42, 'Nasopharyngitis', 'Infection', 1, false]],
    labs: { gamma: [[0, 10.9], [91, 10.1], [182, 9.8]], neut: [[0, 4.1]] },
  },
  {
    id: 'SYN-25', d0: '2024-09-09', sex: 'M', age: 21.0, itpMonths: 14, route: 'SC', infusions: 4,
    intended: {
      category: 'NR', ttr: null, rfs: null,
      note: 'stopped after 4 injections (bronchospasm)',
    },
    // NR; daratumumab stopped after 4 injections (grade 2 bronchospasm on day 21).
    baseline: 27,
    counts: [[0, 27], [7, 25], [14, 29], [21, 24], [42, 26], [63, 22], [91, 28], [150, 25], [220, 23],
      [290, 26]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'rituximab', 'mycophenolate mofetil'],
    other: [],
    splenectomy: false, csRefractory: true, ivigRefractory: false, bleedingBefore: false,
    end: 290,
    aes: [[21, 'Bronchospasm', 'Infusion reaction', 2, false]],
    labs: { gamma: [[0, 11.2], [91, 10.9]], neut: [[0, 6.2]] },
  },
  {
    id: 'SYN-26', d0: '2024-12-02', sex: 'F', age: 29.7, itpMonths: 70, route: 'SC', infusions: 12,
    intended: {
      category: 'CR', ttr: 14, rfs: { days: 150, event: 'censored' },
      note: 'latest D0 (December 2024)',
    },
    // CR; first response day 14 (48 >= 2 x 14); the latest D0, censored at day 164.
    baseline: 14,
    counts: [[0, 14], [7, 22], [14, 48], [21, 76], [28, 105], [42, 128], [56, 140], [84, 135],
      [112, 122], [140, 118], [164, 126]],
    prior: ['prednisone', 'IVIG', 'eltrombopag', 'romiplostim', 'avatrombopag', 'rituximab',
      'fostamatinib'],
    other: [],
    splenectomy: false, csRefractory: true, ivigRefractory: true, bleedingBefore: false,
    end: 164,
    aes: [[28, 'Fatigue', 'Other', 1, false]],
    labs: { gamma: [[0, 9.3], [91, 8.5]], neut: [[0, 3.3]] },
  },
];

// Daratumumab schedule: weekly x 8, then every 2 weeks x 8, then every 4 weeks.
const SCHEDULE = [0, 7, 14, 21, 28, 35, 42, 49, 63, 77, 91, 105, 119, 133, 147, 161, 189, 217];
const DOSE = { SC: '1800 mg', IV: '16 mg/kg' };
const LAB = {
  gamma: { test: 'gammaglobulins', unit: 'g/L', digits: 1 },
  neut: { test: 'neutrophils', unit: 'G/L', digits: 2 },
  hb: { test: 'hemoglobin', unit: 'g/dL', digits: 1 },
};

// English value -> French value (one to one, so the two versions hold the same facts).
export const FR = {
  // drugs (EN mixes INN and brand names; FR as French records write them)
  prednisone: 'Corticoïdes',
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
  Chills: 'Frissons',
  Dyspnoea: 'Dyspnée',
  Rash: 'Éruption cutanée',
  Fever: 'Fièvre',
  'Eyelid oedema': 'Œdème palpébral', // Œ is byte 0x8C in Windows-1252 (not in Latin-1)
  'Injection site reaction': 'Réaction au point d’injection', // ’ is byte 0x92
  Bronchospasm: 'Bronchospasme',
  'Upper respiratory tract infection': 'Infection des voies aériennes supérieures',
  'Urinary tract infection': 'Infection urinaire',
  Pneumonia: 'Pneumopathie',
  'Septic shock': 'Choc septique',
  'COVID-19': 'COVID-19',
  Bronchitis: 'Bronchite',
  'Herpes zoster': 'Zona',
  Sinusitis: 'Sinusite',
  Pyelonephritis: 'Pyélonéphrite',
  Nasopharyngitis: 'Rhinopharyngite',
  Neutropenia: 'Neutropénie',
  Headache: 'Céphalées',
  Fatigue: 'Asthénie',
  // adverse event categories
  'Infusion reaction': 'Réaction perfusionnelle',
  Infection: 'Infection',
  Haematological: 'Hématologique',
  Other: 'Autre',
  // secondary ITP causes, causes of death
  'SLE, antiphospholipid antibodies': 'Lupus systémique; anticorps antiphospholipides',
  'Chronic lymphocytic leukaemia': 'Leucémie lymphoïde chronique',
  'Sjögren syndrome': 'Syndrome de Gougerot-Sjögren',
  'Myocardial infarction': 'Infarctus du myocarde',
  'Septic shock, pneumonia': 'Choc septique sur pneumopathie',
  'Cardiac failure': 'Insuffisance cardiaque',
  'Intracranial haemorrhage': 'Hémorragie intracrânienne',
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

/** Dates of the prior treatments, spread between the diagnosis and priorWindowEnd (day -60). */
function priorDates(p) {
  const diagnosis = -Math.round(p.itpMonths * 30.4375);
  const rows = [];
  const [cs, ivig, ...lines] = p.prior;
  rows.push([cs, diagnosis, diagnosis + 60]);      // corticosteroids at diagnosis
  rows.push([ivig, diagnosis + 14, diagnosis + 15]); // first IVIg course
  const first = diagnosis + 90;
  const last = p.priorWindowEnd ?? -60;
  const span = (last - first) / lines.length;
  check(span >= 30, `${p.id}: too many prior lines for ${p.itpMonths} months`);
  lines.forEach((drug, i) => {
    const start = first + Math.round(i * span);
    rows.push([drug, start, start + Math.round(0.7 * span)]);
  });
  return rows;
}

/** The six English tables as arrays of rows of strings (missing = ''). */
export function buildTables(patients = PATIENTS) {
  const t = { patients: [], platelets: [], infusions: [], treatments: [], adverse_events: [], labs: [] };
  for (const p of patients) {
    const endDay = p.death ? p.death.day : p.end;
    const date = (day) => addDays(p.d0, day);
    check(p.d0 >= '2020-01-01' && p.d0 <= '2024-12-31', `${p.id}: D0 outside 2020-2024`);
    check(date(endDay) <= CUTOFF, `${p.id}: follow-up after ${CUTOFF}`);
    check(p.counts[0][0] === 0 && p.counts[0][1] === p.baseline, `${p.id}: baseline != day-0 count`);
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
