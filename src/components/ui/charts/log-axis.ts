import { MINUS } from '../../../lib/format';
import { valueAxis, type ValueAxis } from '../../../lib/value-axis';

/** Approximate width of one tick label character, px, and the room for ticks and a rotated title (as lib/value-axis). */
const CHAR_PX = 7.5;
const PAD_PX = 14 + 18;

/** A log tick (1, 2 or 5 × 10^k) to 3 significant digits, plain from 0.0001 to 100 000 ("0.05", "200"), else "2e−7" with a real minus. */
export function fmtLogTick(v: number): string {
  if (!(v > 0) || !Number.isFinite(v)) return '';
  if (v >= 1e-4 && v < 1e6) return String(Number(v.toPrecision(3)));
  const e = Math.floor(Math.log10(v) + 1e-9);
  const m = Number((v / 10 ** e).toPrecision(3));
  return `${m}e${e < 0 ? `${MINUS}${-e}` : e}`;
}

/**
 * A log-10 axis over the positive extent [lo, hi] widened by `pad` (a ratio) on both sides, so the
 * extremes are not drawn on the frame: ticks at the powers of ten inside (1, 2, 5 × 10^k too when
 * fewer than three powers fit), written by fmtLogTick; a range too narrow for two of those gets
 * lib/value-axis' round linear ticks instead. Null extent: [0.1, 10].
 */
export function logAxis(extent: [number, number] | null, pad = 1.5): ValueAxis {
  const [lo, hi] = extent && extent[0] > 0 && extent[1] >= extent[0] ? extent : [0.1, 10];
  const domain: [number, number] = [lo / pad, hi * pad];
  const k0 = Math.ceil(Math.log10(domain[0]) - 1e-9), k1 = Math.floor(Math.log10(domain[1]) + 1e-9);
  const steps = k1 - k0 + 1 >= 3 ? [1] : [1, 2, 5];
  const ticks: number[] = [];
  for (let k = k0 - 1; k <= k1; k++) {
    for (const m of steps) {
      const t = Number((m * 10 ** k).toPrecision(12));
      if (t >= domain[0] && t <= domain[1]) ticks.push(t);
    }
  }
  let tickFormatter = fmtLogTick;
  if (ticks.length < 2) {
    const lin = valueAxis([lo, hi]);
    ticks.length = 0;
    for (const t of lin.ticks) if (t > 0 && t >= domain[0] && t <= domain[1]) ticks.push(t);
    tickFormatter = lin.tickFormatter;
  }
  const widest = Math.max(1, ...ticks.map((t) => tickFormatter(t).length));
  return { domain, ticks, tickFormatter, width: Math.ceil(widest * CHAR_PX + PAD_PX) };
}
