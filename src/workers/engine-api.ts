import { transfer } from 'comlink';
import { asQuote, glftQuote } from '../engine';

/**
 * What the engine worker exposes. Everything here is plain engine calls; big arrays come in
 * and go out as transferred buffers (never copied). Progress goes through a comlink `proxy`
 * callback supplied by the caller.
 */
export type ProgressFn = (done: number, total: number) => void;

export type SweepAxis = 'q' | 'gamma' | 'sigma' | 'kappa' | 'tau';

export interface QuoteSweepRequest {
  model: 'as' | 'glft';
  /** Base parameters; the swept one is replaced by each entry of `values`. Units as in asQuote / glftQuote. */
  base: { mid: number; q: number; gamma: number; sigma: number; kappa: number; tau: number; A: number };
  axis: SweepAxis;
  values: Float64Array;
}

export interface QuoteSweepResult {
  /** Quote centre: the AS reservation price or the GLFT skewed mid. */
  centre: Float64Array;
  halfSpread: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
}

const CHUNK = 65_536;

/** Quotes for every value of one parameter, e.g. a δ*(γ) curve or a skew(q) profile at high resolution. */
export function sweepQuotes(req: QuoteSweepRequest, onProgress?: ProgressFn): QuoteSweepResult {
  const n = req.values.length;
  const centre = new Float64Array(n);
  const halfSpread = new Float64Array(n);
  const bid = new Float64Array(n);
  const ask = new Float64Array(n);
  const p = { ...req.base };
  for (let i = 0; i < n; i++) {
    p[req.axis] = req.values[i];
    if (req.model === 'glft') {
      const g = glftQuote(p);
      centre[i] = (g.bid + g.ask) / 2;
      halfSpread[i] = g.halfSpread;
      bid[i] = g.bid;
      ask[i] = g.ask;
    } else {
      const a = asQuote(p);
      centre[i] = a.reservation;
      halfSpread[i] = a.halfSpread;
      bid[i] = a.bid;
      ask[i] = a.ask;
    }
    if (onProgress && (i + 1) % CHUNK === 0) onProgress(i + 1, n);
  }
  onProgress?.(n, n);
  return { centre, halfSpread, bid, ask };
}

export const engineApi = {
  ping: () => 'pong' as const,
  sweepQuotes: async (req: QuoteSweepRequest, onProgress?: ProgressFn) => {
    let last: unknown;
    const r = sweepQuotes(req, onProgress && ((done, total) => { last = onProgress(done, total); }));
    // Progress travels on the callback's own port and the result on the worker's, in no fixed
    // order: a proxied call returns a promise settled once the page ran it, so waiting for the
    // last one means the page never sees the result before the final progress report.
    await last;
    return transfer(r, [r.centre.buffer, r.halfSpread.buffer, r.bid.buffer, r.ask.buffer]);
  },
};

export type EngineApi = typeof engineApi;
