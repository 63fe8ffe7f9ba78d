// Paints a figure's SVG onto a canvas with the Canvas 2D API, for the PNG export.
//
// Why not the usual route (serialise the SVG, load it in an <img> from a data: or blob: URL, draw
// the image): the page's CSP, default-src 'self' with no img-src, blocks both URLs, and Chromium's
// createImageBitmap() cannot decode an SVG Blob (checked in Chromium under the page's header,
// tests/node/figures.test.mjs). The figures use a small part of SVG, all of it written by
// web/page/figures/ and d3-axis: <g> with translate/rotate/scale, <path> (through Path2D, which reads
// SVG path data), <rect>, <circle>, <line>, <text> with inline <tspan>s, and the presentation
// attributes below. This file draws exactly that part; anything else is skipped, so a figure
// that starts to use another element must add it here (the test compares both renderings).

const INHERITED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity',
  'stroke-dasharray', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'color'];

const ROOT_STYLE = {
  fill: '#000000', 'fill-opacity': '1', stroke: 'none', 'stroke-width': '1', 'stroke-opacity': '1',
  'stroke-dasharray': 'none', 'font-size': '16', 'font-family': 'sans-serif',
  'font-weight': 'normal', 'text-anchor': 'start', color: '#000000',
};

const SKIPPED = new Set(['title', 'desc', 'defs', 'metadata', 'style', 'script']);

/**
 * Draws `svg` (an <svg> element built by web/page/figures/) on `ctx`, in the SVG's user units.
 * @param {CanvasRenderingContext2D} ctx
 * @param {SVGSVGElement} svg
 */
export function paintSvg(ctx, svg) {
  paintChildren(ctx, svg, styleOf(svg, ROOT_STYLE));
}

function styleOf(el, parent) {
  const style = { ...parent };
  for (const name of INHERITED) {
    const value = el.getAttribute(name);
    if (value !== null && value !== 'inherit') style[name] = value;
  }
  return style;
}

function paintChildren(ctx, el, style) {
  for (const child of el.children) paintElement(ctx, child, style);
}

function paintElement(ctx, el, parentStyle) {
  const tag = el.localName;
  if (SKIPPED.has(tag) || el.getAttribute('display') === 'none') return;
  const style = styleOf(el, parentStyle);
  ctx.save();
  const opacity = el.getAttribute('opacity');
  if (opacity !== null) ctx.globalAlpha *= Number(opacity);
  applyTransform(ctx, el.getAttribute('transform'));
  switch (tag) {
    case 'svg':
    case 'g':
      paintChildren(ctx, el, style);
      break;
    case 'path':
      paintShape(ctx, new Path2D(el.getAttribute('d') ?? ''), style);
      break;
    case 'rect': {
      const p = new Path2D();
      p.rect(num(el, 'x'), num(el, 'y'), num(el, 'width'), num(el, 'height'));
      paintShape(ctx, p, style);
      break;
    }
    case 'circle': {
      const p = new Path2D();
      p.arc(num(el, 'cx'), num(el, 'cy'), num(el, 'r'), 0, 2 * Math.PI);
      paintShape(ctx, p, style);
      break;
    }
    case 'line': {
      const p = new Path2D();
      p.moveTo(num(el, 'x1'), num(el, 'y1'));
      p.lineTo(num(el, 'x2'), num(el, 'y2'));
      paintShape(ctx, p, { ...style, fill: 'none' });
      break;
    }
    case 'text':
      paintText(ctx, el, style);
      break;
    default:
      break;
  }
  ctx.restore();
}

function num(el, name) {
  return Number.parseFloat(el.getAttribute(name) ?? '0') || 0;
}

/** A paint value with currentColor resolved; null for none. */
function paint(value, style) {
  if (!value || value === 'none') return null;
  return value === 'currentColor' ? style.color : value;
}

function paintShape(ctx, path, style) {
  const fill = paint(style.fill, style);
  if (fill) {
    ctx.fillStyle = fill;
    withAlpha(ctx, Number(style['fill-opacity']), () => ctx.fill(path));
  }
  const stroke = paint(style.stroke, style);
  const width = Number.parseFloat(style['stroke-width']);
  if (stroke && width > 0) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    const dash = style['stroke-dasharray'];
    ctx.setLineDash(dash && dash !== 'none' ? dash.split(/[\s,]+/).map(Number) : []);
    withAlpha(ctx, Number(style['stroke-opacity']), () => ctx.stroke(path));
  }
}

function withAlpha(ctx, alpha, draw) {
  const before = ctx.globalAlpha;
  ctx.globalAlpha = before * (Number.isFinite(alpha) ? alpha : 1);
  draw();
  ctx.globalAlpha = before;
}

/** A length in user units or em (of the element's font size), as x, y, dx and dy are written. */
function length(value, fontSize) {
  if (!value) return 0;
  const v = Number.parseFloat(value);
  if (!Number.isFinite(v)) return 0;
  return value.trim().endsWith('em') ? v * fontSize : v;
}

/** The text a <text> shows: its own text and its <tspan>s', without a <title>'s. */
function shownText(el) {
  let s = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) s += node.nodeValue;
    else if (node.nodeType === 1 && node.localName === 'tspan') s += shownText(node);
  }
  return s;
}

function paintText(ctx, el, style) {
  const fontSize = Number.parseFloat(style['font-size']) || 16;
  const x = length(el.getAttribute('x'), fontSize) + length(el.getAttribute('dx'), fontSize);
  const y = length(el.getAttribute('y'), fontSize) + length(el.getAttribute('dy'), fontSize);
  const weight = style['font-weight'] === 'bold' ? 'bold' : style['font-weight'];
  ctx.font = `${weight} ${fontSize}px ${style['font-family']}`;
  ctx.textAlign = { start: 'left', middle: 'center', end: 'right' }[style['text-anchor']] ?? 'left';
  ctx.textBaseline = 'alphabetic';
  const text = shownText(el);
  const fill = paint(style.fill, style);
  if (fill && text) {
    ctx.fillStyle = fill;
    withAlpha(ctx, Number(style['fill-opacity']), () => ctx.fillText(text, x, y));
  }
}

/** translate(), rotate(a[, cx, cy]), scale() and matrix(), in the order written. */
function applyTransform(ctx, transform) {
  if (!transform) return;
  for (const [, op, args] of transform.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const v = args.split(/[\s,]+/).filter(Boolean).map(Number);
    if (op === 'translate') ctx.translate(v[0] ?? 0, v[1] ?? 0);
    else if (op === 'scale') ctx.scale(v[0] ?? 1, v[1] ?? v[0] ?? 1);
    else if (op === 'rotate') {
      const a = ((v[0] ?? 0) * Math.PI) / 180;
      if (v.length === 3) {
        ctx.translate(v[1], v[2]);
        ctx.rotate(a);
        ctx.translate(-v[1], -v[2]);
      } else {
        ctx.rotate(a);
      }
    } else if (op === 'matrix' && v.length === 6) {
      ctx.transform(v[0], v[1], v[2], v[3], v[4], v[5]);
    }
  }
}
