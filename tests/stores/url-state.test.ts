import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUERY_LENGTH, parseUrlState, serializeUrlState } from '../../src/stores/url-state';
import { DEFAULT_PARAMS, NUMERIC_SPECS, clampToSpec, type CalculatorParams } from '../../src/stores/calculator-params';
import { DEFAULT_LAB, type LabSettings } from '../../src/stores/lab-settings';
import { toBacktestConfig } from '../../src/stores/lab-config';
import { linkSettings } from '../../src/cli/run-lab';
import type { LoadedDataset } from '../../src/engine/data/dataset';

describe('URL state', () => {
  it('round-trips a changed state and writes only what differs from the defaults', () => {
    const p: CalculatorParams = { ...DEFAULT_PARAMS, model: 'glft', gamma: 0.37, q: -4, mid: 61800.2, yearBasis: 'exchange' };
    const query = serializeUrlState(p);
    expect(query).toBe('?v=2&m=glft&y=exchange&g=0.37&q=-4&S=61800.2');
    const back = parseUrlState(query);
    expect(back.params).toEqual(p);
    expect(back.notices).toEqual([]);
  });

  it('reads an empty query as the defaults without notices', () => {
    expect(parseUrlState('')).toMatchObject({ params: DEFAULT_PARAMS, notices: [], foreign: {} });
    expect(parseUrlState('?')).toMatchObject({ params: DEFAULT_PARAMS, notices: [], foreign: {} });
  });

  it('falls back per field on non-numbers, clamps out-of-range numbers, and names each one', () => {
    const r = parseUrlState('?v=2&g=abc&k=1e308&q=2.5&t=-1&m=evil&y=mars&S=0x10');
    expect(r.params).toEqual({ ...DEFAULT_PARAMS, kappa: 1e5, q: 3, hoursToClose: 0 });
    expect(r.notices).toEqual([
      'model: expected "as" or "glft", got "evil"; using the default "as".',
      'year basis: expected "24/7", "24/5" or "exchange", got "mars"; using the default.',
      'Risk aversion (γ): expected a number from 0.000001 to 1000 1/(price·asset), got "abc"; kept 0.1.',
      'Order-book decay (κ) = 1e+308 is out of range; clamped to 100000 (allowed 0.001 to 100000 1/price).',
      'Inventory (q) takes whole numbers; 2.5 rounded to 3.',
      'Time to close (T−t) = -1 is out of range; clamped to 0 (allowed 0 to 24 h).',
      'Mid price (S): expected a number from 0.01 to 1000000 USD, got "0x10"; kept 100.',
    ]);
  });

  it('migrates a version 1 link: same keys, the backtest inventory limit from lots to asset units', () => {
    const r = parseUrlState('?v=1&m=glft&g=0.37&q=-4&Q=20&st=as&bg=0.02&bo=0.5&bq=6&bn=4&sample=usdm-btcusdt');
    expect(r.notices).toEqual([]);
    expect(r.params).toEqual({ ...DEFAULT_PARAMS, model: 'glft', gamma: 0.37, q: -4, maxQ: 20 });
    expect(r.lab.strategy).toBe('as');
    expect(r.lab.values).toMatchObject({ gamma: 0.02, orderSize: 0.5, maxInventory: 3, nStates: 4 });
    expect(r.foreign).toEqual({ sample: 'usdm-btcusdt' });
    // Written back as version 2, which reads the same.
    const again = serializeUrlState(r.params, r.foreign, r.lab);
    expect(again).toContain('v=2');
    expect(parseUrlState(again)).toEqual(r);
  });

  it('keeps valid fields when others are invalid', () => {
    const r = parseUrlState('?g=0.2&k=NaN');
    expect(r.params.gamma).toBe(0.2);
    expect(r.params.kappa).toBe(DEFAULT_PARAMS.kappa);
    expect(r.notices).toHaveLength(1);
  });

  it('reports unknown keys, truncating long hostile text, and tolerates the data slice\'s sample key', () => {
    const r = parseUrlState(`?sample=btc-usdm&${encodeURIComponent('<script>alert(1)</script>aaaaaaaaaaaaaaaaaaaaaa')}=1&zz=2`);
    expect(r.foreign).toEqual({ sample: 'btc-usdm' });
    expect(r.notices).toEqual(['Ignored unknown settings: "<script>alert(1)</script…", "zz".']);
  });

  it('ignores an oversize query whole', () => {
    const r = parseUrlState(`?g=0.5&x=${'a'.repeat(MAX_QUERY_LENGTH)}`);
    expect(r.params).toEqual(DEFAULT_PARAMS);
    expect(r.notices[0]).toMatch(/^The link is too long \(\d+ characters, at most 2000\)/);
  });

  it('notes a different version but still applies recognised fields', () => {
    const r = parseUrlState('?v=9&g=0.5');
    expect(r.params.gamma).toBe(0.5);
    expect(r.notices[0]).toContain('version "9"');
  });

  it('never throws and always yields in-range parameters for arbitrary query text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.tuple(fc.constantFrom('g', 'k', 's', 'q', 'Q', 't', 'S', 'A', 'm', 'y', 'v', 'x'), fc.string({ maxLength: 20 })), { maxLength: 12 }), (noise, pairs) => {
        const query = `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}&${noise}`;
        const r = parseUrlState(query);
        for (const spec of NUMERIC_SPECS) {
          const v = r.params[spec.key];
          expect(Number.isFinite(v) && v >= spec.min && v <= spec.max).toBe(true);
        }
        expect(['as', 'glft']).toContain(r.params.model);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any in-range state exactly (property)', () => {
    const arbParams = fc.record({
      model: fc.constantFrom('as' as const, 'glft' as const),
      yearBasis: fc.constantFrom('24/7' as const, '24/5' as const, 'exchange' as const),
      ...Object.fromEntries(NUMERIC_SPECS.map((s) => [s.key, fc.double({ min: s.min, max: s.max, noNaN: true }).map((x) => clampToSpec(s, x).value)])),
    }) as fc.Arbitrary<CalculatorParams>;
    fc.assert(fc.property(arbParams, (p) => {
      const r = parseUrlState(serializeUrlState(p));
      expect(r.notices).toEqual([]);
      expect(r.params).toEqual(p);
    }), { numRuns: 300 });
  });

  it('round-trips the backtest fill model, queue model and queue power (fm, fq, fp) into the engine config, the CLI included', () => {
    const lab: LabSettings = { ...DEFAULT_LAB, fillModel: 'queue', queueModel: 'power', queuePower: 1.5 };
    const query = serializeUrlState(DEFAULT_PARAMS, {}, lab);
    expect(new URLSearchParams(query).get('fm')).toBe('queue');
    expect(new URLSearchParams(query).get('fq')).toBe('power');
    expect(new URLSearchParams(query).get('fp')).toBe('1.5');
    const back = parseUrlState(query);
    expect(back.notices).toEqual([]);
    expect(back.lab).toMatchObject({ fillModel: 'queue', queueModel: 'power', queuePower: 1.5 });
    expect(toBacktestConfig(back.lab).fill).toEqual({ model: 'queue', queueModel: 'power', queuePower: 1.5 });
    // npm run lab reads a link through the same parser and config function.
    const cli = linkSettings(query.slice(1));
    expect(cli.notices).toEqual([]);
    expect(cli.config({ refMid: 100 } as LoadedDataset).fill).toEqual({ model: 'queue', queueModel: 'power', queuePower: 1.5 });
    // Unset, nothing is written and the engine chooses.
    expect(serializeUrlState(DEFAULT_PARAMS, {}, DEFAULT_LAB)).not.toMatch(/f[mqp]=/);
    expect(toBacktestConfig(parseUrlState('?v=2').lab).fill).toBeUndefined();
    // A queue model alone still reaches the engine (the data may choose 'queue').
    expect(toBacktestConfig(parseUrlState('?fq=log').lab).fill).toEqual({ model: undefined, queueModel: 'log', queuePower: undefined });
  });

  it('refuses a bad fill model, queue model or queue power with a notice each, and clamps an out-of-range power', () => {
    const r = parseUrlState('?fm=evil&fq=nope&fp=abc');
    expect(r.lab.fillModel).toBeUndefined();
    expect(r.lab.queueModel).toBeUndefined();
    expect(r.lab.queuePower).toBeUndefined();
    expect(r.notices).toHaveLength(3);
    expect(r.notices[0]).toMatch(/^fill model: expected one of .*queue.*, got "evil"; choosing it from the data\.$/);
    expect(r.notices[1]).toBe('queue model: expected one of risk-averse, power, log, got "nope"; using the default "risk-averse".');
    expect(r.notices[2]).toBe('Queue power (n): expected a number from 0.1 to 10, got "abc"; kept the engine\'s default 2.');
    const big = parseUrlState('?fp=1e9&fm=trade-through');
    expect(big.lab.queuePower).toBe(10);
    expect(big.lab.fillModel).toBe('trade-through');
    expect(big.notices).toEqual(['Queue power (n) = 1000000000 is out of range; clamped to 10 (allowed 0.1 to 10).']);
  });
});
