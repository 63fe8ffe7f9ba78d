// Exports of a figure built by web/page/figures/: standalone SVG text, a PNG Blob, and the download
// of either, all under the page's CSP (docs/design.md §6).
//
// PNG: the figure is painted on a canvas by paint-canvas.js rather than loaded as an image,
// because default-src 'self' (no img-src) blocks images from data: and blob: URLs and Chromium
// cannot decode an SVG Blob with createImageBitmap(). A canvas drawn by the page's own script is
// not tainted, so toBlob() works. The download itself navigates an <a download> to a blob: URL,
// which the CSP does not govern (navigation is not a fetch of a subresource).
import { paintSvg } from './paint-canvas.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The figure as a standalone SVG file: an XML declaration, the SVG namespace, generic font
 * families only (the file may be opened where the page's fonts are not), and the same
 * presentation attributes as in the page (no stylesheet is needed).
 * @param {SVGSVGElement} svg
 * @returns {string}
 */
export function svgToString(svg) {
  const copy = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
  copy.setAttribute('font-family', 'sans-serif');
  for (const el of copy.querySelectorAll('[font-family]')) {
    el.setAttribute('font-family', genericFamily(el.getAttribute('font-family')));
  }
  const view = svg.ownerDocument.defaultView;
  const Serializer = view?.XMLSerializer ?? globalThis.XMLSerializer;
  // The serializer writes xmlns for an element made with createElementNS(SVG_NS, ...).
  let text = new Serializer().serializeToString(copy);
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/** The generic family a font list ends with ('sans-serif' when it names none). */
function genericFamily(list) {
  const generic = ['serif', 'sans-serif', 'monospace', 'system-ui', 'cursive', 'fantasy'];
  const names = String(list ?? '').split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, ''));
  return names.find((n) => generic.includes(n)) ?? 'sans-serif';
}

/**
 * The figure as a PNG, `scale` device pixels per SVG unit (2: sharp on screens and in slides).
 * @param {SVGSVGElement} svg
 * @param {number} [scale]
 * @returns {Promise<Blob>}
 */
export function svgToPngBlob(svg, scale = 2) {
  const width = Number.parseFloat(svg.getAttribute('width') ?? '0');
  const height = Number.parseFloat(svg.getAttribute('height') ?? '0');
  if (!(width > 0 && height > 0 && scale > 0)) {
    return Promise.reject(new RangeError('the figure has no size to export'));
  }
  const canvas = svg.ownerDocument.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('this browser has no 2D canvas'));
  ctx.scale(scale, scale);
  paintSvg(ctx, svg);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png');
  });
}

/** The standalone SVG text as a Blob, ready for downloadBlob. */
export function svgToBlob(svg) {
  return new Blob([svgToString(svg)], { type: 'image/svg+xml;charset=utf-8' });
}

/**
 * Saves `blob` as `fileName` through the browser's download (nothing leaves the machine).
 * @param {Blob} blob
 * @param {string} fileName
 * @param {Document} [doc]
 */
export function downloadBlob(blob, fileName, doc = globalThis.document) {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked later: Chromium starts reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
