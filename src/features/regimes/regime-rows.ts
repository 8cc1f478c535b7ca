import type { RegimeRow, RegimeView, RunSeriesView, RunSummaryView } from '../../stores/lab-store';

/** Colours by the engine's regime labels (labelRegimes), so Bull is green in every chart and table. */
const LABEL_COLOURS: Record<string, string> = { Bull: '#1e874b', Bear: '#b83227', Sideways: '#2457c5', 'High-vol': '#d68910', 'Low-vol': '#8e44ad' };
const FALLBACK_COLOURS = ['#2457c5', '#d68910', '#8e44ad', '#1e874b', '#b83227'] as const;
export const NO_REGIME_COLOUR = '#9aa5b1';

export function regimeColour(label: string | undefined, k: number): string {
  return (label !== undefined ? LABEL_COLOURS[label] : undefined) ?? FALLBACK_COLOURS[k % FALLBACK_COLOURS.length];
}

/**
 * Per-state columns of `y` (K + 1 of them, the last for points in no state: NaN or out of range):
 * column k holds y where the point is in state k and NaN elsewhere, so each state draws as its own
 * line with gaps. A switch repeats the point in the previous state's column so the coloured segments
 * join up.
 */
export function splitByState(y: ArrayLike<number>, state: ArrayLike<number>, K: number): Float64Array[] {
  const n = y.length;
  const cols = Array.from({ length: K + 1 }, () => new Float64Array(n).fill(Number.NaN));
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const s = state[i];
    const k = s >= 0 && s < K ? s : K;
    cols[k][i] = y[i];
    if (prev >= 0 && prev !== k) cols[prev][i] = y[i];
    prev = k;
  }
  return cols;
}

/** The price coloured by its Viterbi state: per-state columns over the view's points. */
export function priceByState(v: RegimeView): Float64Array[] {
  return splitByState(v.price, v.state, v.nStates);
}

/** Smoothed posteriors P(state k | all data) per point, one column per state (they sum to 1). */
export function posteriorColumns(v: RegimeView): Float64Array[] {
  const K = v.nStates, n = v.time.length;
  return Array.from({ length: K }, (_, k) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = v.post[i * K + k];
    return col;
  });
}

/**
 * The strategy's quoted half-spread (ask − bid)/2 in bps of mid, coloured by the regime the
 * strategy was in (NaN regime = a strategy without regimes: the last column). Ticks without both
 * quotes are left out; `t` is seconds from the series' first point.
 */
export function spreadByRegime(series: RunSeriesView, K: number): { t: Float64Array; cols: Float64Array[] } {
  const p = series.price;
  const t: number[] = [], y: number[] = [], s: number[] = [];
  const t0 = p.time.length > 0 ? p.time[0] : 0;
  for (let i = 0; i < p.time.length; i++) {
    const hs = ((p.ask[i] - p.bid[i]) / 2 / p.mid[i]) * 1e4;
    if (!Number.isFinite(hs)) continue;
    t.push(p.time[i] - t0); y.push(hs); s.push(p.regime[i]);
  }
  return { t: Float64Array.from(t), cols: splitByState(y, s, K) };
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
