/** Number formatting shared by the lab panels (Kalman, regimes, compare). */

/** The minus sign every formatter writes (U+2212: as wide as a digit's neighbour, never read as a hyphen). */
export const MINUS = '\u2212';

/**
 * "1,234.50" with exactly `decimals` decimals (en-US grouping). One Intl.NumberFormat per decimals,
 * kept: Number#toLocaleString with options builds a new formatter on every call (43 µs against 0.9 µs, Node 20 here),
 * which made chart tick formatting a 100+ ms main-thread task per redraw.
 */
export function fmtFixed(v: number, decimals: number): string {
  let f = FIXED.get(decimals);
  if (f === undefined) { f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }); FIXED.set(decimals, f); }
  return f.format(v);
}
const FIXED = new Map<number, Intl.NumberFormat>();
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const GROUPED_ALL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
/** A number ≥ 1000 with thousands separators and all its (already rounded) decimals: 1234.5 → "1,234.5". */
function grouped(v: number): string {
  return GROUPED_ALL.format(v);
}

/** `sig` significant digits, thousands separated ("61,480"); scientific form outside [1e-3, 1e6); '—' for NaN, '∞' for infinities. */
export function fmtNum(x: number, sig = 4): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : `${MINUS}∞`;
  const abs = Math.abs(x);
  const rounded = Number(abs.toPrecision(sig));
  const body = abs === 0 ? '0' : abs >= 1e-3 && abs < 1e6 ? (rounded >= 1000 ? grouped(rounded) : String(rounded)) : abs.toExponential(sig - 1);
  return x < 0 && body !== '0' ? `${MINUS}${body}` : body;
}

/** A share 0..1 as a percentage with `decimals` decimals (default one); '—' for NaN. */
export function fmtPct(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return '—';
  const v = (x * 100).toFixed(decimals);
  return x < 0 ? `${MINUS}${v.slice(1)} %` : `${v} %`;
}

/** Axis ticks: up to 6 significant digits (prices like 100.5 next to 101 stay apart), no trailing zeros. */
export const fmtTick = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '');


/** Tooltip values: 4 significant digits. */
export const fmtTip = (v: unknown): string => (typeof v === 'number' ? fmtNum(v) : String(v));

/** Seconds from the start of the data, for time axes. */
export function secondsFrom(time: ArrayLike<number>, t0: number = time.length > 0 ? time[0] : 0): Float64Array {
  const out = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) out[i] = time[i] - t0;
  return out;
}

// One formatter per quantity (issue 14): every panel writes the same quantity the same way.

function signed(v: number, body: string, zero: string): string {
  return v < 0 && body !== zero ? `${MINUS}${body}` : body;
}

/** Quote-currency amounts (PnL, drawdown): always two decimals, thousands separated: "−1,408.00", "400.00"; '—' for NaN. */
export function fmtPnl(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : v > 0 ? '∞' : `${MINUS}∞`;
  return signed(v, fmtFixed(Math.abs(v), 2), '0.00');
}

/** Ratios (Sharpe, Sortino, profit factor, standard errors): three significant digits. */
export function fmtRatio(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : v > 0 ? '∞' : `${MINUS}∞`;
  return signed(v, String(Number(Math.abs(v).toPrecision(3))), '0');
}

/** Counts (fills, ticks, buckets): whole numbers, thousands separated. */
export function fmtCount(n: number): string {
  return Number.isFinite(n) ? GROUPED.format(Math.round(n)) : '—';
}

/**
 * Basis points: two decimals ("2.35", "0.00"), and below 0.1 bps two significant digits ("0.0085",
 * "0.00082"): spreads on a 60,000 price with a 0.01 tick are thousandths of a bp, not "0.00".
 */
export function fmtBps(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a >= 0.1 || a === 0) return signed(v, a.toFixed(2), '0.00');
  return signed(v, a < 1e-6 ? a.toExponential(1) : a.toPrecision(2), '0');
}

/** Prices: the decimals of the tick size when known (0.1 → 1 decimal), else two; thousands separated. */
export function fmtPrice(v: number, tick = 0): string {
  if (!Number.isFinite(v)) return '—';
  const decimals = tick > 0 ? Math.min(10, Math.max(0, Math.ceil(-Math.log10(tick) - 1e-9))) : 2;
  return signed(v, fmtFixed(Math.abs(v), decimals), (0).toFixed(decimals));
}

/** Inventory and sizes (asset units): the decimals of the lot size when known (0.001 → 3), else up to 4 significant digits. */
export function fmtQty(v: number, lot = 0): string {
  if (!Number.isFinite(v)) return '—';
  if (lot > 0) {
    const decimals = Math.min(10, Math.max(0, Math.ceil(-Math.log10(lot) - 1e-9)));
    return signed(v, fmtFixed(Math.abs(v), decimals), (0).toFixed(decimals));
  }
  return fmtNum(v);
}

/** A duration in words ("5 min 44 s", "29 days 7 h"): the engine's one formatter, which its messages use too. */
export { describeDuration as fmtDuration } from '../engine/util/duration';

/** A p-value: four significant digits, and below 0.0001 "< 0.0001" (a p of 0 is an underflow, not a certainty). */
export function fmtPValue(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return p < 1e-4 ? '< 0.0001' : String(Number(p.toPrecision(4)));
}
