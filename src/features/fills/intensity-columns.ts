import type { IntensityCurve } from '../../stores/lab-store';

/**
 * λ(δ) as columns for a log-scale chart: each of the engine's values where it can be drawn (> 0),
 * NaN (a gap) where it cannot. The 95 % band is left out where its lower end reaches 0.
 */
export function intensityColumns(c: IntensityCurve): { rate: Float64Array; bandLo: Float64Array; bandHi: Float64Array; exp: Float64Array; power: Float64Array } {
  const n = c.depths.length;
  const pos = (v: number) => (v > 0 ? v : Number.NaN);
  const rate = new Float64Array(n), bandLo = new Float64Array(n), bandHi = new Float64Array(n), exp = new Float64Array(n), power = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    rate[j] = pos(c.rates[j]);
    const band = c.lower[j] > 0;
    bandLo[j] = band ? c.lower[j] : Number.NaN;
    bandHi[j] = band ? c.upper[j] : Number.NaN;
    exp[j] = c.exp ? pos(c.exp.fitted[j]) : Number.NaN;
    power[j] = c.power ? pos(c.power.fitted[j]) : Number.NaN;
  }
  return { rate, bandLo, bandHi, exp, power };
}
