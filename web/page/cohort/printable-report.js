// The printable report: one standalone HTML document (a string) with the criteria, every table,
// every figure and the notes of a cohort analysis, laid out for A4 with a page break between
// sections. The user downloads it and opens or prints it; nothing in it is fetched or run.
//
// Every value from the data is escaped (escapeHtml) on its way into the markup. The figures are
// the page's own SVG drawings, inserted as markup; one that holds anything active (script, event
// handler, foreignObject) is left out with a note, and the document's own Content-Security-Policy
// forbids scripts and requests anyway, so a value that slipped through still could not run.
//
// The <style> element is the document's own: opened as a file it is allowed by the CSP below.
// (Shown from a blob: URL the page's CSP would apply instead and block it; download the file.)

import { formatDateTime, formatDecimal, formatLevel } from '../format.js';
import { normalizeLanguage, t, tOr } from '../i18n/index.js';
import { patientAudit } from '../tables/patient-tables.js';
import { reportTables } from '../tables/report-tables.js';

/** @typedef {import('../tables/table-model.js').TableModel} TableModel */

/**
 * Text made safe for HTML text and for attribute values in double or single quotes.
 * @param {unknown} value
 * @returns {string}
 */
export function escapeHtml(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
  + "base-uri 'none'; form-action 'none'";

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm; }
html { color: #000; background: #fff; }
body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 182mm; margin: 0 auto; }
@media screen { body { padding: 1.5rem; } }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; border-bottom: 1pt solid #999; padding-bottom: 1mm; margin: 0 0 4mm; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
section + section { break-before: page; }
.meta { margin: 1mm 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 0; }
dt { font-weight: 600; } dd { margin: 0; }
dl.parameters { font-size: 9.5pt; }
dl.parameters dt { font-weight: normal; }
dl.parameters dd { font-variant-numeric: tabular-nums; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8pt; background: #f3f3f3;
  padding: 3mm; }
.table-block { break-inside: avoid; margin: 0 0 8mm; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
caption { caption-side: top; text-align: left; padding-bottom: 2mm; }
.table-title { font-weight: 700; }
th, td { border-bottom: 0.5pt solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
thead th { border-bottom: 1pt solid #000; font-weight: 600; }
tbody th { font-weight: normal; }
tr { break-inside: avoid; }
tr.section th { font-weight: 600; padding-top: 2.5mm; }
tr.indent th { padding-left: 6mm; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { border: 0; font-size: 8.5pt; padding-top: 2mm; }
.footnote { margin: 0.5mm 0; }
figure { break-inside: avoid; margin: 0 0 8mm; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-weight: 600; margin-bottom: 2mm; }
.omitted { font-style: italic; }
`;

// ---- tables ---------------------------------------------------------------------------------

/**
 * A table model as HTML, the same structure render-table.js builds in the page.
 * @param {TableModel} model
 * @param {string} [id]  The element id (default "table-" + model.id); unique in the document.
 * @returns {string}
 */
export function tableHtml(model, id = `table-${model.id}`) {
  const cls = (column) => (column.numeric ? ' class="num"' : '');
  const head = model.columns
    .map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.label)}</th>`).join('');
  const body = model.rows.map((row) => {
    const classes = [row.heading ? 'section' : '', row.indent ? 'indent' : '']
      .filter(Boolean).join(' ');
    const trOpen = classes ? `<tr class="${classes}">` : '<tr>';
    const first = model.columns[0];
    if (row.heading) {
      return `${trOpen}<th scope="rowgroup" colspan="${model.columns.length}">`
        + `${escapeHtml(row.cells[first.key] ?? '')}</th></tr>`;
    }
    const cells = model.columns.map((c, i) => {
      const text = escapeHtml(row.cells[c.key] ?? '');
      return i === 0 ? `<th scope="row"${cls(c)}>${text}</th>` : `<td${cls(c)}>${text}</td>`;
    }).join('');
    return `${trOpen}${cells}</tr>`;
  }).join('\n');
  const caption = `<caption><span class="table-title">${escapeHtml(model.title)}</span>`
    + (model.caption ? ` <span class="table-caption">${escapeHtml(model.caption)}</span>` : '')
    + '</caption>';
  const foot = model.footnotes?.length
    ? `<tfoot><tr><td colspan="${model.columns.length}">`
      + model.footnotes.map((n) => `<p class="footnote">${escapeHtml(n)}</p>`).join('')
      + '</td></tr></tfoot>'
    : '';
  return `<div class="table-block"><table id="${escapeHtml(id)}">${caption}`
    + `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>${foot}</table></div>`;
}

// ---- figures --------------------------------------------------------------------------------

const ACTIVE_CONTENT = [
  /<\s*(script|foreignObject|iframe|embed|object|audio|video)\b/i,
  /<[^>]*\son[a-z]+\s*=/i,  // an event handler attribute
  /<[^>]*javascript:/i,
  /<!(ENTITY|DOCTYPE)/i,
];

/**
 * The SVG markup fit to put in the report, or null when it is not a plain drawing.
 * @param {unknown} svg
 * @returns {string | null}
 */
export function plainSvg(svg) {
  if (typeof svg !== 'string') return null;
  const text = svg.trim().replace(/^<\?xml[^>]*\?>\s*/i, '').replace(/^<!DOCTYPE[^>]*>\s*/i, '');
  if (!/^<svg[\s>]/i.test(text) || !/<\/svg>$/i.test(text)) return null;
  return ACTIVE_CONTENT.some((pattern) => pattern.test(text)) ? null : text;
}

/** Whether an SVG's root says it writes its own title (web/page/figures/: data-title-shown). */
function titleShown(markup) {
  return /^<svg\b[^>]*\sdata-title-shown="true"/i.test(markup);
}

// ---- criteria -------------------------------------------------------------------------------

const isPlainObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

/** A parameter's value in words: yes/no, "–" for none, numbers in the language's notation. */
function valueText(path, value, lang) {
  if (value === null || value === undefined) return t('fmt.none', lang);
  if (typeof value === 'boolean') return t(value ? 'fmt.yes' : 'fmt.no', lang);
  if (typeof value === 'number') return formatDecimal(value, lang);
  if (path.endsWith('mode')) return tOr(`param.mode.${value}`, lang, String(value));
  if (path === 'rfs.origin') return tOr(`note.rfsOrigin.${value}`, lang, String(value));
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (isPlainObject(item) && 'day' in item) {
        const mode = valueText('mode', item.mode, lang);
        const landmark = t('fmt.landmark', lang,
          { day: item.day, from: item.window_from, to: item.window_to });
        return `${landmark}, ${mode}`;
      }
      if (isPlainObject(item) && 'test' in item) {
        const test = tOr(`lab.${item.test}`, lang, String(item.test));
        return `${test} < ${formatDecimal(item.below, lang)}`;
      }
      if (path === 'rescue_classes') return tOr(`class.${item}`, lang, String(item));
      return typeof item === 'number' ? formatDecimal(item, lang) : String(item);
    }).join('; ') || t('fmt.none', lang);
  }
  return String(value);
}

/**
 * The criteria's parameters as [label, value] pairs, one per leaf of the JSON.
 * @param {object} criteria
 * @param {string} lang
 * @returns {[string, string][]}
 */
export function criteriaParameters(criteria, lang) {
  const pairs = [];
  const walk = (object, prefix) => {
    for (const [key, value] of Object.entries(object)) {
      if (!prefix && (key === 'name' || key === 'label' || key === 'reference')) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if (isPlainObject(value)) walk(value, path);
      else pairs.push([tOr(`param.${path}`, lang, path), valueText(path, value, lang)]);
    }
  };
  walk(criteria ?? {}, '');
  return pairs;
}

function optionsParameters(options, lang) {
  if (!options) return [];
  return Object.entries(options).map(([key, value]) => {
    let text;
    if (key === 'quantile_type') text = tOr(`quantile.${value}`, lang, String(value));
    else if (key === 'ci_method') text = tOr(`ci.${value}`, lang, String(value));
    else if (key === 'conf_level' && typeof value === 'number') text = formatLevel(value, lang);
    else text = valueText(key, value, lang);
    return [tOr(`param.${key}`, lang, key), text];
  });
}

// A description list rather than "label: value" lines: French labels hold colons of their own.
const listHtml = (pairs) => '<dl class="parameters">' + pairs.map(([label, value]) =>
  `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('') + '</dl>';

function criteriaSection(result, lang) {
  const c = result.criteria ?? {};
  const rows = [
    ['report.criteriaName', c.name],
    ['report.criteriaLabel', c.label],
    ['report.reference', c.reference],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([id, v]) => `<dt>${escapeHtml(t(id, lang))}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<section id="criteria"><h2>${escapeHtml(t('report.criteria', lang))}</h2>`
    + `<dl>${rows}</dl>`
    + `<h3>${escapeHtml(t('report.parameters', lang))}</h3>${listHtml(criteriaParameters(c, lang))}`
    + (result.report_options
      ? `<h3>${escapeHtml(t('report.options', lang))}</h3>`
        + listHtml(optionsParameters(result.report_options, lang))
      : '')
    + `<h3>${escapeHtml(t('report.parametersJson', lang))}</h3>`
    + `<pre>${escapeHtml(JSON.stringify(c, null, 2))}</pre></section>`;
}

// ---- notes and warnings ---------------------------------------------------------------------

const normalizeNote = (text) => String(text).replace(/[–—]/g, '-').replace(/\s+/g, ' ')
  .replace(/[.\s]+$/, '').trim();

/** The core's footnotes that no table already carries (in English or in the report's language). */
function uncoveredFootnotes(result, shownTables, lang) {
  const shown = new Set();
  for (const tables of [shownTables, lang === 'en' ? [] : reportTables(result, 'en')]) {
    for (const model of tables) for (const note of model.footnotes) shown.add(normalizeNote(note));
  }
  return (result.footnotes ?? []).filter((note) => !shown.has(normalizeNote(note)));
}

const MAX_WARNINGS_LISTED = 100;

function warningsSection(warnings, lang) {
  const listed = warnings.slice(0, MAX_WARNINGS_LISTED).map((w) => {
    const where = [
      w.file,
      w.row ? t('fmt.row', lang, { row: w.row }) : null,
      w.column ? t('fmt.column', lang, { column: w.column }) : null,
    ].filter(Boolean);
    const place = where.length ? ` (${where.join(', ')})` : '';
    return `<li>${escapeHtml(`${w.message ?? w.code ?? ''}${place}`)}</li>`;
  }).join('');
  const rest = warnings.length - MAX_WARNINGS_LISTED;
  const more = rest > 0
    ? `<p>${escapeHtml(t('report.moreWarnings', lang, { count: rest }))}</p>` : '';
  const heading = escapeHtml(t('report.warnings', lang, { count: warnings.length }));
  return `<section id="warnings"><h2>${heading}</h2>`
    + (listed ? `<ul>${listed}</ul>` : `<p>${escapeHtml(t('results.noWarnings', lang))}</p>`)
    + `${more}</section>`;
}

// ---- the document ---------------------------------------------------------------------------

/**
 * The report of a cohort analysis as a complete HTML document.
 * @param {object} result  The core's cohort response (criteria, report_options, patients, …).
 * @param {object} [options]
 * @param {string} [options.lang]  'en' (default) or 'fr'.
 * @param {Record<string, string>} [options.figures]  SVG markup by figure name ("rfs", "os", …).
 * @param {Record<string, string>} [options.captions]  Each figure's caption by name, in the
 *   report's language; default the dictionary's "figure.<name>", else the name.
 * @param {Date | string} [options.generatedAt]  Printed as "Generated on …"; left out if absent.
 * @param {boolean} [options.includeAudit]  Append each patient's counts (long).
 * @returns {string}
 */
export function buildPrintableReport(result, { lang = 'en', figures = {}, captions = {},
  generatedAt = undefined, includeAudit = false } = {}) {
  const language = normalizeLanguage(lang);
  const tables = reportTables(result, language);
  const warnings = Array.isArray(result.warnings) ? result.warnings : [];
  const title = t('report.title', language);
  const criteriaLabel = result.criteria?.label ?? result.criteria?.name ?? '';

  let when = '';
  if (generatedAt instanceof Date && !Number.isNaN(generatedAt.getTime())) {
    when = formatDateTime(generatedAt, language);
  } else if (typeof generatedAt === 'string' && generatedAt) {
    when = generatedAt;
  }

  const meta = (text) => `<p class="meta">${escapeHtml(text)}</p>`;
  const header = `<header><h1>${escapeHtml(title)}</h1>`
    + (criteriaLabel ? meta(t('results.criteriaUsed', language, { label: criteriaLabel })) : '')
    + (when ? meta(t('report.generatedAt', language, { date: when })) : '')
    + meta(t('report.warnings', language, { count: warnings.length }))
    + meta(t('report.privacy', language))
    + '</header>';

  const tablesSection = `<section id="tables"><h2>${escapeHtml(t('report.tables', language))}</h2>`
    + tables.map((model) => tableHtml(model)).join('\n') + '</section>';

  const figureEntries = Object.entries(figures ?? {});
  const figuresSection = figureEntries.length === 0 ? '' :
    `<section id="figures"><h2>${escapeHtml(t('report.figures', language))}</h2>`
    + figureEntries.map(([name, svg]) => {
      const caption = escapeHtml(typeof captions?.[name] === 'string' ? captions[name]
        : tOr(`figure.${name}`, language, name));
      const markup = plainSvg(svg);
      if (!markup) {
        return `<p class="omitted">${escapeHtml(t('report.figureOmitted', language, { name }))}</p>`;
      }
      // A drawing that writes its title above its plot is not captioned a second time; its
      // caption stays the figure's accessible name.
      return titleShown(markup)
        ? `<figure aria-label="${caption}">${markup}</figure>`
        : `<figure><figcaption>${caption}</figcaption>${markup}</figure>`;
    }).join('\n') + '</section>';

  const notes = uncoveredFootnotes(result, tables, language);
  const notesSection = notes.length === 0 ? '' :
    `<section id="notes"><h2>${escapeHtml(t('report.notes', language))}</h2><ol>`
    + notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('') + '</ol></section>';

  const auditSection = !includeAudit ? '' :
    `<section id="audit"><h2>${escapeHtml(t('report.audit', language))}</h2>`
    + (result.patients ?? [])
      .map((p, i) => tableHtml(patientAudit(p, language), `table-patient-counts-${i + 1}`))
      .join('\n')
    + '</section>';

  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(criteriaLabel ? `${title} – ${criteriaLabel}` : title)}</title>
<style>${STYLE}</style>
</head>
<body>
${header}
${criteriaSection(result, language)}
${tablesSection}
${figuresSection}
${notesSection}
${warningsSection(warnings, language)}
${auditSection}
</body>
</html>
`;
}
