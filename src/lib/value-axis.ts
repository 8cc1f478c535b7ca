import { fmtFixed, MINUS } from './format';

/**
 * A value axis that reads cleanly: round ticks (1, 2, 2.5 or 5 × 10^k apart), every tick written
 * with the same decimals (never "400.00" next to "−1200"), a real minus sign, and a width that fits
 * the widest label, sign included (no "−1000000" clipped to "1000000").
 */
export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
  tickFormatter: (v: number) => string;
  /** Axis width in px: the widest tick label plus the tick line (and room for a rotated axis title when asked). */
  width: number;
}

/** Approximate width of one character of a 12 px tick label, px (digits, separators and the minus are near it). */
const CHAR_PX = 7.5;
const TICK_PAD_PX = 14;
const TITLE_PX = 18;

/** Smallest and largest finite value over the arrays (and `include`), or null when there is none. */
export function finiteExtent(arrays: ReadonlyArray<ArrayLike<number | null | undefined>>, include: readonly number[] = []): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v === 'number' && Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    }
  }
  for (const v of include) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  return lo <= hi ? [lo, hi] : null;
}

/** The round step at or above `raw`: mantissa 1, 2, 2.5 or 5, and its power of ten. */
function niceStep(raw: number): { step: number; exp: number; mantissa: number } {
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  const mantissa = [1, 2, 2.5, 5, 10].find((m) => m * base >= raw * (1 - 1e-12)) ?? 10;
  return mantissa === 10 ? { step: 10 * base, exp: exp + 1, mantissa: 1 } : { step: mantissa * base, exp, mantissa };
}

function withMinus(v: number, body: string): string {
  return v < 0 && /[1-9]/.test(body) ? `${MINUS}${body}` : body;
}

/**
 * Axis over [lo, hi] with about `count` ticks. `title`: the axis has a rotated title beside its labels.
 * Ticks and domain are whole multiples of the step, so the extremes sit on round numbers.
 */
export function valueAxis(extent: [number, number] | null, opts: { count?: number; title?: boolean } = {}): ValueAxis {
  const count = Math.max(2, opts.count ?? 5);
  let [lo, hi] = extent ?? [0, 1];
  if (!(hi > lo)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 1e-3;
    lo -= pad; hi += pad;
  }
  const { step, exp, mantissa } = niceStep((hi - lo) / (count - 1));
  const k0 = Math.floor(lo / step + 1e-9), k1 = Math.ceil(hi / step - 1e-9);
  const decimals = Math.max(0, -exp + (mantissa === 2.5 ? 1 : 0));
  const ticks: number[] = [];
  for (let k = k0; k <= k1; k++) ticks.push(Number((k * step).toFixed(Math.min(20, decimals + 2))));
  const maxAbs = Math.max(Math.abs(ticks[0]), Math.abs(ticks[ticks.length - 1]));
  // Tiny or huge values: one exponent form with the digits the step needs, the same on every tick.
  const scientific = decimals > 6 || maxAbs >= 1e9;
  const sigDecimals = scientific ? Math.max(0, Math.floor(Math.log10(maxAbs)) - exp + (mantissa === 2.5 ? 1 : 0)) : 0;
  const tickFormatter = (v: number): string => {
    if (!Number.isFinite(v)) return '';
    const a = Math.abs(v);
    const body = scientific
      ? (a === 0 ? '0' : a.toExponential(sigDecimals).replace('e+', 'e').replace('e-', `e${MINUS}`))
      : fmtFixed(a, decimals);
    return withMinus(v, body);
  };
  const widest = Math.max(...ticks.map((t) => tickFormatter(t).length));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks, tickFormatter, width: Math.ceil(widest * CHAR_PX + TICK_PAD_PX + (opts.title ? TITLE_PX : 0)) };
}
