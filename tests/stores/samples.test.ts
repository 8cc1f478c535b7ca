import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_ID, FILE_SAMPLES, isSampleId, syntheticId, syntheticSeed } from '../../src/stores/samples';

describe('samples', () => {
  it('ship every file they name in public/', () => {
    for (const s of FILE_SAMPLES) for (const f of [s.quotes, s.trades]) expect(existsSync(new URL(`../../public/${f}`, import.meta.url))).toBe(true);
    expect(existsSync(new URL('../../public/samples/README.md', import.meta.url))).toBe(true);
  });

  it('accept only known ids and synthetic seeds as URL sample names', () => {
    expect(isSampleId(DEFAULT_SAMPLE_ID)).toBe(true);
    expect(syntheticSeed(syntheticId(42))).toBe(42);
    for (const bad of ['synthetic-', 'synthetic--1', 'synthetic-1e3', 'synthetic-1234567890', '../etc', 'usdm-btcusdt ', 'data:text/csv,1']) expect(isSampleId(bad)).toBe(false);
  });
});
