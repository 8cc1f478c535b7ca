import { createRng, type HmmParams } from '../../../src/engine';

/** Simulates n observations of a Gaussian HMM with the engine's seeded RNG. */
export function simulateHmm(m: HmmParams, n: number, seed: number): { x: Float64Array; states: Int32Array } {
  const rng = createRng(seed);
  const K = m.means.length;
  const draw = (p: ArrayLike<number>, off: number) => {
    let u = rng.uniform();
    for (let k = 0; k < K - 1; k++) { u -= p[off + k]; if (u < 0) return k; }
    return K - 1;
  };
  const x = new Float64Array(n);
  const states = new Int32Array(n);
  let s = draw(m.init, 0);
  for (let t = 0; t < n; t++) {
    if (t > 0) s = draw(m.trans, s * K);
    states[t] = s;
    x[t] = m.means[s] + Math.sqrt(m.variances[s]) * rng.normal();
  }
  return { x, states };
}

export function params(means: number[], sds: number[], trans: number[], init: number[]): HmmParams {
  return { means: Float64Array.from(means), variances: Float64Array.from(sds.map((s) => s * s)), trans: Float64Array.from(trans), init: Float64Array.from(init) };
}

export const THREE_STATE = params([-1, 0, 1.2], [0.6, 0.2, 0.9], [0.95, 0.04, 0.01, 0.03, 0.94, 0.03, 0.01, 0.04, 0.95], [0.3, 0.4, 0.3]);
