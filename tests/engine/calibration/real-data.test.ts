// Real data: public/samples (Binance USD-M BTCUSDT, 2024-08-08 23:54–24:00 UTC; provenance and
// attribution in public/samples/README.md). Quotes and trades are aligned on local_ts_ns.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { calibrateByRegime, estimateSigma, fitHmm, fitIntensity, fitLocalLevel, kalmanLocalLevel, labelRegimes, ljungBox, viterbi } from '../../../src/engine';

function columns(file: string, pick: string[]): Float64Array[] {
  const text = gunzipSync(readFileSync(new URL(`../../../public/samples/${file}`, import.meta.url))).toString('utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const idx = pick.map((p) => header.indexOf(p));
  const out = pick.map(() => new Float64Array(lines.length - 1));
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(',');
    idx.forEach((c, j) => { out[j][i - 1] = Number(cells[c]); });
  }
  return out;
}

const [qts, bid, ask] = columns('usdm-btcusdt-2024-08-08-bookticker.csv.gz', ['local_ts_ns', 'bid_px', 'ask_px']);
const [tts, price] = columns('usdm-btcusdt-2024-08-08-trades.csv.gz', ['local_ts_ns', 'price']);
const t0 = qts[0];
const quoteTime = qts.map((t) => (t - t0) / 1e9);
const tradeTime = tts.map((t) => (t - t0) / 1e9);
const mid = bid.map((b, i) => (b + ask[i]) / 2);

describe('estimators on the real Binance USD-M sample', () => {
  it('σ per √second and λ(δ) = A·e^(−κδ) come out finite and plausible for BTC', () => {
    const sigma = estimateSigma(mid, quoteTime);
    // ~50–100% a year at 61k USDT is ~5–11 USDT/√s; tick noise pushes realised σ up, never to 0.
    expect(sigma).toBeGreaterThan(1);
    expect(sigma).toBeLessThan(60);
    const fit = fitIntensity({ tradeTime, tradePrice: price, quoteTime, mid });
    expect(fit.nTrades).toBeGreaterThan(20_000);
    expect(fit.A).toBeGreaterThan(1);
    expect(fit.kappa).toBeGreaterThan(0);
    expect(fit.r2).toBeGreaterThan(0.5);
  });

  it('Kalman, local-level MLE, Ljung-Box and a 3-state HMM run on the 66k-quote series', () => {
    const ll = fitLocalLevel(mid);
    const k = kalmanLocalLevel(mid, { q: ll.q, r: Math.max(ll.r, 1e-12), x0: mid[0], p0: ll.q + ll.r });
    expect(Number.isFinite(k.logLik)).toBe(true);
    const lb = ljungBox(k.innovation, 10);
    expect(lb.pValue).toBeGreaterThanOrEqual(0);
    expect(lb.pValue).toBeLessThanOrEqual(1);
    // 1-second mid returns: regimes of calm and busy trading.
    const n = Math.floor(quoteTime[quoteTime.length - 1]);
    const sec = new Float64Array(n + 1);
    let j = 0;
    for (let s = 0; s <= n; s++) { while (j + 1 < quoteTime.length && quoteTime[j + 1] <= s) j++; sec[s] = mid[j]; }
    const ret = sec.subarray(1).map((v, i) => v - sec[i]);
    const model = fitHmm(ret, { nStates: 3, seed: 1 });
    expect(Number.isFinite(model.logLik)).toBe(true);
    expect(new Set(labelRegimes(model)).size).toBe(3);
    const path = viterbi(ret, model);
    const states = new Int32Array(mid.length);
    for (let i = 0; i < mid.length; i++) states[i] = path[Math.min(path.length - 1, Math.max(0, Math.floor(quoteTime[i]) - 1))];
    const byRegime = calibrateByRegime({ tradeTime, tradePrice: price, quoteTime, mid }, states, 3);
    expect(byRegime.reduce((a, r) => a + r.seconds, 0)).toBeCloseTo(quoteTime[quoteTime.length - 1], 6);
    for (const r of byRegime) if (r.seconds > 0) expect(Number.isFinite(r.sigma)).toBe(true);
  });
});
