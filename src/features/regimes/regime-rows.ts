import type { RegimeRow, RegimeView, RunSeriesView, RunSummaryView } from '../../stores/lab-store';

/** Colours by the engine's regime labels (labelRegimes), so Bull is green in every chart and table. */
const LABEL_COLOURS: Record<string, string> = { Bull: '#1e874b', Bear: '#b83227', Sideways: '#2457c5', 'High-vol': '#d68910', 'Low-vol': '#8e44ad' };
const FALLBACK_COLOURS = ['#2457c5', '#d68910', '#8e44ad', '#1e874b', '#b83227'] as const;
export const NO_REGIME_COLOUR = '#9aa5b1';

export function regimeColour(label: string | undefined, k: number): string {
  return (label !== undefined ? LABEL_COLOURS[label] : undefined) ?? FALLBACK_COLOURS[k % FALLBACK_COLOURS.length];
}

export type Row = Record<string, number | null>;

/**
 * One column per state (`s0`..): the value where the point is in that state, null elsewhere, so
 * each state draws as its own line. A switch repeats the point in the previous state's column
 * so the coloured segments join up.
 */
export function splitByState(t: ArrayLike<number>, y: ArrayLike<number>, state: ArrayLike<number>, K: number, t0: number): Row[] {
  const rows: Row[] = new Array(t.length);
  let prev = '';
  for (let i = 0; i < t.length; i++) {
    const row: Row = { t: t[i] - t0, none: null };
    for (let k = 0; k < K; k++) row[`s${k}`] = null;
    const s = state[i];
    const key = s >= 0 && s < K ? `s${s}` : 'none';
    row[key] = y[i];
    if (prev && prev !== key) row[prev] = y[i];
    rows[i] = row;
    prev = key;
  }
  return rows;
}

/** The price coloured by its Viterbi state, t in seconds from the first point. */
export function priceByStateRows(v: RegimeView): Row[] {
  return splitByState(v.time, v.price, v.state, v.nStates, v.time[0] ?? 0);
}

/** Smoothed posteriors P(state k | all data) per point, columns p0..p(K−1) (they sum to 1). */
export function posteriorRows(v: RegimeView): Row[] {
  const K = v.nStates;
  const t0 = v.time[0] ?? 0;
  return Array.from(v.time, (t, i) => {
    const row: Row = { t: t - t0 };
    for (let k = 0; k < K; k++) row[`p${k}`] = v.post[i * K + k];
    return row;
  });
}

/**
 * The strategy's quoted half-spread (ask − bid)/2 in bps of mid, coloured by the regime the
 * strategy was in (NaN regime = a strategy without regimes, column `none`). Ticks without both
 * quotes are left out.
 */
export function spreadByRegimeRows(series: RunSeriesView, K: number): Row[] {
  const p = series.price;
  const t: number[] = [], y: number[] = [], s: number[] = [];
  for (let i = 0; i < p.time.length; i++) {
    const hs = ((p.ask[i] - p.bid[i]) / 2 / p.mid[i]) * 1e4;
    if (!Number.isFinite(hs)) continue;
    t.push(p.time[i]); y.push(hs); s.push(p.regime[i]);
  }
  return splitByState(t, y, s, K, p.time[0] ?? 0);
}

/**
 * The backtest's own figures per displayed regime, matched by label. The display model and the
 * strategy's model are fitted separately (and may have a different K), so their state numbers need
 * not agree; labels (Bear, Sideways, …) name the same kind of regime. The view computes fill rates
 * per strategy regime number (fills and ticks under result.regime = j, for j < its K): row j's fill
 * rate belongs to the strategy regime j, whose label is shares[j].label. Without a regime-switching
 * backtest there is nothing to attribute: fill rate and PnL share are NaN (shown as "—").
 */
export function alignToStrategyRegimes(rows: readonly RegimeRow[], shares: RunSummaryView['regimeShares'] | undefined): RegimeRow[] {
  if (!shares || shares.length === 0) return rows.map((r) => ({ ...r, fillRate: Number.NaN, pnlShare: Number.NaN }));
  return rows.map((r) => {
    const mine = shares.find((s) => s.label === r.label);
    const fillRow = mine ? rows.find((x) => x.state === mine.regime) : undefined;
    return { ...r, pnlShare: mine?.pnlShare ?? Number.NaN, fillRate: fillRow?.fillRate ?? Number.NaN };
  });
}
