import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUERY_LENGTH, parseUrlState, serializeUrlState } from '../../src/stores/url-state';
import { DEFAULT_PARAMS, NUMERIC_SPECS, clampToSpec, type CalculatorParams } from '../../src/stores/calculator-params';

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
      'year basis: expected "24/7" or "exchange", got "mars"; using the default.',
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
      yearBasis: fc.constantFrom('24/7' as const, 'exchange' as const),
      ...Object.fromEntries(NUMERIC_SPECS.map((s) => [s.key, fc.double({ min: s.min, max: s.max, noNaN: true }).map((x) => clampToSpec(s, x).value)])),
    }) as fc.Arbitrary<CalculatorParams>;
    fc.assert(fc.property(arbParams, (p) => {
      const r = parseUrlState(serializeUrlState(p));
      expect(r.notices).toEqual([]);
      expect(r.params).toEqual(p);
    }), { numRuns: 300 });
  });
});
