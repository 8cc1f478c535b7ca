import { describe, expect, it } from 'vitest';
import { runBacktest, STRATEGY_IDS, type BacktestResult, type MarketData } from '../../../src/engine';
import { loadSample, minuteBars, quotesOnly } from './samples';

/**
 * An independent simulation of the documented event loop (README "Backtest event loop and fills")
 * for a fixed symmetric quote with trade-through fills, zero latency and no kill switch — written
 * from the rules, not from the engine: its own decimal rounding (through toFixed), its own limit
 * and dust rules, its own order book of one bid and one ask.
 */
interface Sim { fills: { time: number; side: number; price: number; size: number }[]; inventory: Float64Array; cash: Float64Array; spreadCapture: number }

function decimals(step: number): number {
  for (let d = 0; d <= 12; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 12;
}

function simulate(d: MarketData, o: { halfSpreadBps: number; orderSize: number; maxInventory: number; tick: number; lot: number; haircut: number; makerBps: number; warmup: number }): Sim {
  const { time, bid: mb, ask: ma } = d as Required<MarketData>;
  const tt = d.tradeTime!, tp = d.tradePrice!, ts = d.tradeSize!;
  const n = time.length;
  const tickDec = decimals(o.tick), lotDec = decimals(o.lot);
  const eps = o.tick > 0 ? o.tick * 1e-6 : 0;
  const minSize = o.lot > 0 ? o.lot * (1 - 1e-9) : o.orderSize * 1e-9;
  const down = (x: number, step: number, dec: number) => (step > 0 ? Number((Math.floor(x / step + 1e-9) * step).toFixed(dec)) : x);
  const up = (x: number, step: number, dec: number) => (step > 0 ? Number((Math.ceil(x / step - 1e-9) * step).toFixed(dec)) : x);
  let q = 0, cash = 0, spreadCapture = 0;
  const live = [{ px: NaN, size: 0 }, { px: NaN, size: 0 }]; // 0 = bid, 1 = ask
  const pend: ({ px: number; size: number; at: number } | null)[] = [null, null];
  const fills: Sim['fills'] = [];
  const inventory = new Float64Array(n), cashS = new Float64Array(n);
  const activate = (k: number, t: number) => { const p = pend[k]; if (p !== null && p.at <= t) { live[k] = { px: p.px, size: p.size }; pend[k] = null; } };
  const book = (k: number, s: number, t: number, mid: number) => {
    const side = k === 0 ? 1 : -1;
    const room = Math.max(0, side > 0 ? o.maxInventory - q : o.maxInventory + q);
    s = Math.min(s, room);
    if (o.lot > 0) s = down(s, o.lot, lotDec);
    if (!(s >= minSize)) return;
    const px = live[k].px;
    const fee = Math.abs(px * s) * (o.makerBps / 1e4);
    q += side * s;
    cash -= side * px * s + fee;
    spreadCapture += side * s * (mid - px);
    live[k].size -= s;
    fills.push({ time: t, side, price: px, size: s });
  };
  let j = 0;
  while (j < tt.length && tt[j] <= time[0]) j++;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    const prevMid = i > 0 ? (mb[i - 1] + ma[i - 1]) / 2 : (mb[0] + ma[0]) / 2;
    for (; j < tt.length && tt[j] <= t; j++) {
      activate(0, tt[j]); activate(1, tt[j]);
      const px = tp[j];
      if (live[0].size > 0 && px <= live[0].px + eps) {
        const at = Math.abs(px - live[0].px) <= eps;
        book(0, Math.min(at ? ts[j] * (1 - o.haircut) : ts[j], live[0].size), tt[j], prevMid);
      }
      if (live[1].size > 0 && px >= live[1].px - eps) {
        const at = Math.abs(px - live[1].px) <= eps;
        book(1, Math.min(at ? ts[j] * (1 - o.haircut) : ts[j], live[1].size), tt[j], prevMid);
      }
    }
    activate(0, t); activate(1, t);
    const mid = (mb[i] + ma[i]) / 2;
    inventory[i] = q;
    cashS[i] = cash;
    if (i < o.warmup) continue;
    let b = down(mid - mid * (o.halfSpreadBps / 1e4), o.tick, tickDec);
    let a = up(mid + mid * (o.halfSpreadBps / 1e4), o.tick, tickDec);
    if (b >= ma[i] - eps) b = o.tick > 0 ? down(ma[i] - o.tick, o.tick, tickDec) : mb[i]; // post-only
    if (a <= mb[i] + eps) a = o.tick > 0 ? up(mb[i] + o.tick, o.tick, tickDec) : ma[i];
    const sizes = [Math.max(0, o.maxInventory - q), Math.max(0, o.maxInventory + q)].map((room) => {
      let s = Math.min(o.orderSize, room);
      if (o.lot > 0) s = down(s, o.lot, lotDec);
      return s >= minSize ? s : 0;
    });
    [b, a].forEach((px, k) => {
      const cur = pend[k] ?? live[k];
      const s = sizes[k];
      if (s !== cur.size || (s > 0 && px !== cur.px)) pend[k] = { px: s > 0 ? px : NaN, size: s, at: t };
    });
  }
  return { fills, inventory, cash: cashS, spreadCapture };
}

function expectSame(r: BacktestResult, s: Sim) {
  expect(r.fills.time.length).toBe(s.fills.length);
  s.fills.forEach((f, k) => {
    expect(r.fills.time[k]).toBe(f.time);
    expect(r.fills.side[k]).toBe(f.side);
    expect(r.fills.price[k]).toBe(f.price); // decimal grid prices: exactly equal
    expect(r.fills.size[k]).toBeCloseTo(f.size, 12);
  });
  for (let i = 0; i < s.inventory.length; i++) {
    if (Math.abs(r.inventory[i] - s.inventory[i]) > 1e-12 || Math.abs(r.cash[i] - s.cash[i]) > 1e-6) {
      throw new Error(`tick ${i}: engine q ${r.inventory[i]} cash ${r.cash[i]}, simulation q ${s.inventory[i]} cash ${s.cash[i]}`);
    }
  }
  expect(r.attribution.spreadCapture).toBeCloseTo(s.spreadCapture, 6);
}

describe('the engine against an independent simulation of its documented rules (real USD-M sample)', async () => {
  const d = await loadSample('usdm-btcusdt-2024-08-08');
  const base = { halfSpreadBps: 0.5, orderSize: 0.01, haircut: 0.5, makerBps: -0.5, warmup: 100 };
  const run = (o: typeof base & { maxInventory: number; tick: number; lot: number }) => runBacktest(d, {
    strategy: 'symmetric', halfSpreadBps: o.halfSpreadBps, orderSize: o.orderSize, warmupTicks: o.warmup, tickSize: o.tick, lotSize: o.lot,
    fill: { model: 'trade-through', queueHaircut: o.haircut }, fees: { makerBps: o.makerBps }, limits: { maxInventory: o.maxInventory },
  });

  it.each([
    ['no tick or lot size', { tick: 0, lot: 0, maxInventory: 0.1 }],
    ['tick 0.1, lot 0.001', { tick: 0.1, lot: 0.001, maxInventory: 0.1 }],
    ['tick 0.1, lot 0.001, at a tight limit (0.03)', { tick: 0.1, lot: 0.001, maxInventory: 0.03 }],
    ['no tick or lot, at a tight limit (0.03)', { tick: 0, lot: 0, maxInventory: 0.03 }],
  ])('%s: every fill, the inventory and cash at every tick, and the spread capture agree', (_name, extra) => {
    const o = { ...base, ...extra };
    const r = run(o);
    const s = simulate(d, o);
    expect(s.fills.length).toBeGreaterThan(20);
    expectSame(r, s);
    if (o.maxInventory === 0.03) expect(r.metrics.timeAtLimit).toBeGreaterThan(0); // the limit was reached
    for (const size of r.fills.size) expect(size).toBeGreaterThanOrEqual(o.lot > 0 ? o.lot * (1 - 1e-9) : 1e-11); // no dust
  });

  it('a print exactly at our grid price is "at" (haircut) at least once in the tick-size run', () => {
    const o = { ...base, tick: 0.1, lot: 0.001, maxInventory: 0.1 };
    const r = run(o);
    let at = 0;
    for (let k = 0; k < r.fills.time.length; k++) if (r.fills.source[k] === 1 && d.tradePrice![r.fills.sourceIndex[k]] === r.fills.price[k]) at++;
    expect(at).toBeGreaterThan(0);
  });
});

/** Every number in a result that is not finite, by path, except the documented markers. */
function nonFinite(r: BacktestResult): string[] {
  // Documented non-finite values: bid/ask NaN = side not quoted at that tick; queueAhead NaN = queue unknown;
  // regime NaN = the strategy has no regimes; resolved limits Infinity = no limit. Sortino with no losing bucket is 0 and
  // flagged (metrics.sortinoDefined), so it is not allowed here.
  const allowed = [/^bid\[/, /^ask\[/, /^regime\[/, /^fills\.queueAhead\[/, /^resolved\.(maxDailyLoss|maxPositionValue)$/];
  const bad: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') { if (!Number.isFinite(v) && !allowed.some((re) => re.test(path))) bad.push(`${path} = ${v}`); return; }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const a = v as unknown as ArrayLike<number>;
      for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]) && !allowed.some((re) => re.test(`${path}[${i}]`))) { bad.push(`${path}[${i}] = ${a[i]}`); break; }
      return;
    }
    if (Array.isArray(v)) { v.forEach((x, i) => walk(x, `${path}[${i}]`)); return; }
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path === '' ? k : `${path}.${k}`);
  };
  walk(r, '');
  return bad;
}

describe('every strategy on the real samples, on quotes only and on bars: fills, and no NaN or Infinity', async () => {
  const usdm = await loadSample('usdm-btcusdt-2024-08-08');
  const spot = await loadSample('spot-btcusdt-2024-08-09');
  const cases: [string, MarketData][] = [
    ['usdm', usdm], ['spot', spot], ['usdm quotes only', quotesOnly(usdm)], ['spot quotes only', quotesOnly(spot)], ['usdm 5 s bars', minuteBars(usdm, 5)],
  ];
  for (const [name, data] of cases) {
    it.each(STRATEGY_IDS)(`${name}: %s with the default settings`, (strategy) => {
      const r = runBacktest(data, { strategy });
      expect(r.metrics.fills).toBeGreaterThan(0);
      expect(nonFinite(r)).toEqual([]);
    });
  }
});
