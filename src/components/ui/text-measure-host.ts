/** recharts measures tick and label text in the element with this id, and creates it in <body> when missing. */
const SPAN_ID = 'recharts_measurement_span';

/**
 * recharts sizes each new tick or label string by writing it into one hidden span and reading its box:
 * a forced style and layout pass per string. In <body> each pass lays out the page again (0.3–3 ms with
 * the lab's panels open). Inside a box with `contain: strict` layout starts and stops at that box, so a
 * measurement costs the span's own text only. The span inherits the same font from <body>, so the widths
 * are the same. Idempotent; moves the span into the box when recharts already made it.
 */
export function ensureTextMeasureHost(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (!doc?.body) return;
  const existing = doc.getElementById(SPAN_ID);
  if (existing?.parentElement?.hasAttribute('data-text-measure-host')) return;
  const host = doc.createElement('div');
  host.setAttribute('data-text-measure-host', '');
  host.setAttribute('aria-hidden', 'true');
  // Size 0 and clipped: never seen, never takes room; `contain: strict` makes it a layout boundary.
  host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;overflow:hidden;contain:strict;visibility:hidden;pointer-events:none';
  const span = existing ?? doc.createElement('span');
  span.id = SPAN_ID;
  span.setAttribute('aria-hidden', 'true');
  host.appendChild(span);
  doc.body.appendChild(host);
}
