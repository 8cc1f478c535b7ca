import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { runBacktest, STRATEGY_IDS, type MarketData } from '../../../src/engine';

// A test-only loader for the Binance sample (the production CSV parser lives in engine/data/csv).
// Quotes and trades both use local_ts_ns, the collector's clock (see public/samples/README.md).
// The files ship with the app, so the test reads nothing outside the repository.
const DIR = new URL('../../../public/samples/', import.meta.url);

function rows(file: string): string[][] {
  const text = gunzipSync(readFileSync(new URL(file, DIR))).toString('utf8');
  return text.trim().split('\n').slice(1).map((l) => l.split(','));
}

function load(prefix: string): MarketData {
  const q = rows(`${prefix}-bookticker.csv.gz`);
  const t = rows(`${prefix}-trades.csv.gz`);
  const origin = Number(q[0][0]) / 1e9;
  return {
    time: Float64Array.from(q, (r) => Number(r[0]) / 1e9 - origin),
    bid: Float64Array.from(q, (r) => Number(r[4])),
    ask: Float64Array.from(q, (r) => Number(r[6])),
    tradeTime: Float64Array.from(t, (r) => Number(r[0]) / 1e9 - origin),
    tradePrice: Float64Array.from(t, (r) => Number(r[4])),
    tradeSize: Float64Array.from(t, (r) => Number(r[5])),
    tradeSide: Float64Array.from(t, (r) => (r[6] === '1' ? -1 : 1)), // buyer is maker → seller-initiated
  };
}

describe.each([
  ['usdm-btcusdt-2024-08-08', 0.1],
  ['spot-btcusdt-2024-08-09', 0.01],
])('every strategy on the real Binance sample %s', (prefix, tickSize) => {
  const data = load(prefix);

  it.each(STRATEGY_IDS)('%s runs end to end with finite, consistent results', (strategy) => {
    const r = runBacktest(data, { strategy, tickSize, orderSize: 0.01, lotSize: 0.001, limits: { maxInventory: 0.1 }, fees: { makerBps: 0 } });
    const m = r.metrics;
    const a = r.attribution;
    expect(r.equity).toHaveLength(data.time.length);
    expect(m.fills).toBeGreaterThan(0);
    expect(Number.isFinite(m.sortino)).toBe(true); // 0 with sortinoDefined false when no bucket lost money
    for (const v of [m.totalPnl, m.sharpe, m.maxDrawdown, m.fillRate, m.avgSpreadCapturedBps, m.avgAbsInventory, a.net]) expect(Number.isFinite(v)).toBe(true);
    expect(a.spreadCapture + a.adverseSelection + a.inventoryCarry + a.fees).toBeCloseTo(a.net, 8);
    expect(m.maxAbsInventory).toBeLessThanOrEqual(0.1 + 1e-12);
    console.log(
      `[real ${prefix}] ${strategy.padEnd(9)} pnl ${a.net.toFixed(3)} USDT | spread ${a.spreadCapture.toFixed(3)} adverse ${a.adverseSelection.toFixed(3)} carry ${a.inventoryCarry.toFixed(3)} fees ${a.fees.toFixed(3)}` +
        ` | sharpe ${m.sharpe.toFixed(1)} sortino ${m.sortino.toFixed(1)} maxDD ${m.maxDrawdown.toFixed(3)} | fills ${m.fills} fillRate ${m.fillRate.toFixed(3)} win ${(m.winRate * 100).toFixed(0)}%` +
        ` spreadCap ${m.avgSpreadCapturedBps.toFixed(3)} bps | avg|q| ${m.avgAbsInventory.toFixed(4)} max|q| ${m.maxAbsInventory.toFixed(3)} atLimit ${(m.timeAtLimit * 100).toFixed(1)}%` +
        ` | B&H ${r.benchmark.totalPnl.toFixed(3)}`,
    );
  });
});
