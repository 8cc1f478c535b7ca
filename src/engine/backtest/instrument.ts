import { gcd } from '../util/math';
import type { PreparedData } from './data';

/** Quote currency per order the default order size aims at (e.g. 1,000 USDT of BTC, 1,000 USD of EUR). */
export const DEFAULT_ORDER_NOTIONAL = 1000;

/** Fewest values an inferred grid step is based on: below it the decimals say too little. */
const MIN_VALUES = 100;
/** Values read per column: enough to see every decimal in use, bounded so inference stays O(1) per run. */
const MAX_SAMPLE = 20_000;

/**
 * The grid step of decimal values (price tick or size lot): with D the most decimals any value
 * needs (≤ 8), the step is gcd(values × 10^D) / 10^D, e.g. 61800.2, 61800.3 → 0.1; 0.006, 0.199 →
 * 0.001; 100.0, 100.5 → 0.5. 0 when the values are not short decimals (continuous, e.g. simulated),
 * when fewer than 100 non-zero values are available, when all are zero, or when the step would be
 * below 1e-9 of the first value.
 */
export function inferStep(values: ArrayLike<number>, maxSample = MAX_SAMPLE): number {
  const n = Math.min(values.length, maxSample);
  let decimals = 0, scale = 1, used = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(values[i]);
    if (!(v > 0) || !Number.isFinite(v)) continue;
    used++;
    for (;;) {
      const x = v * scale;
      if (x > 2 ** 52) return 0;
      if (Math.abs(x - Math.round(x)) <= Math.max(1e-9, 2e-15 * x)) break; // an integer to a few ulps
      if (decimals === 8) return 0;
      decimals++;
      scale *= 10;
    }
  }
  if (used < MIN_VALUES) return 0;
  let g = 0;
  for (let i = 0; i < n && g !== 1; i++) {
    const v = Math.abs(values[i]);
    if (!(v > 0) || !Number.isFinite(v)) continue;
    g = gcd(Math.round(v * scale), g);
  }
  const step = g / scale;
  // A step below 1e-9 of the values is an artefact of binary floats, not a grid.
  return g > 0 && step >= 1e-9 * Math.abs(values[0] || step) ? step : 0;
}

/** Tick and lot inferred from the data, with the column each came from ('' when none could be). */
export interface InstrumentGrid {
  tickSize: number;
  tickFrom: string;
  lotSize: number;
  lotFrom: string;
}

/**
 * The instrument's price tick from the quotes (else the trade prices, else the bars' closes) and
 * its lot from the trade sizes (else the displayed sizes), each by inferStep. A step inferred from
 * few distinct values can be a multiple of the true one; the backtest states where it came from.
 */
export function inferInstrument(d: PreparedData): InstrumentGrid {
  let tickSize = 0, tickFrom = '';
  const priceCols: [string, Float64Array][] = d.isBars ? [['close', d.mid], ['low', d.low], ['high', d.high]] : d.bid === d.ask ? [['tradePrice', d.tradePrice]] : [['bid', d.bid], ['ask', d.ask], ['tradePrice', d.tradePrice]];
  for (const [name, col] of priceCols) {
    const s = inferStep(col);
    if (s > 0) { tickSize = tickSize === 0 ? s : Math.min(tickSize, s); tickFrom = tickFrom === '' ? name : `${tickFrom}, ${name}`; }
  }
  let lotSize = 0, lotFrom = '';
  const sizeCols: [string, Float64Array | undefined][] = [['tradeSize', d.tradeSize], ['bidSize', d.bidSize], ['askSize', d.askSize]];
  for (const [name, col] of sizeCols) {
    if (col === undefined) continue;
    const s = inferStep(col);
    if (s > 0) { lotSize = lotSize === 0 ? s : Math.min(lotSize, s); lotFrom = lotFrom === '' ? name : `${lotFrom}, ${name}`; }
  }
  return { tickSize, tickFrom, lotSize, lotFrom };
}

/**
 * The default order size: DEFAULT_ORDER_NOTIONAL quote units at `price`, floored to the lot (at
 * least one lot); without a lot, rounded to two significant digits (1,000 / 1.38 → 720).
 */
export function defaultOrderSize(price: number, lotSize: number, notional = DEFAULT_ORDER_NOTIONAL): number {
  const raw = notional / Math.abs(price);
  if (lotSize > 0) {
    const lots = Math.max(1, Math.floor(raw / lotSize + 1e-9));
    const scale = 10 ** Math.max(0, Math.ceil(-Math.log10(lotSize) - 1e-9));
    return scale <= 1e12 ? Math.round(lots * lotSize * scale) / scale : lots * lotSize;
  }
  const p = 10 ** (Math.floor(Math.log10(raw)) - 1);
  return Math.round(raw / p) * p > 0 ? Number((Math.round(raw / p) * p).toPrecision(2)) : raw;
}
