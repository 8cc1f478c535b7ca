import { fitHmm, labelRegimes } from '../regime';
import type { HmmParams } from '../regime';
import { integerIn, ParamError } from '../util/validate';

export interface RegimeSetup {
  model: HmmParams;
  labels: string[];
}

/**
 * The HMM of the 'as-regime' strategy: given, or fitted by Baum-Welch (fitHmm) on the per-tick mid
 * changes of the first `fitTicks` ticks. A series too flat to fit falls back to one state.
 */
export function regimeSetup(
  mid: Float64Array,
  opts: { model?: HmmParams; nStates?: number; fitTicks?: number; seed?: number },
  fallbackVariance: number,
): RegimeSetup {
  if (opts.model !== undefined) return { model: opts.model, labels: labelRegimes(opts.model) };
  const K = integerIn('config.regime.nStates', opts.nStates ?? 3, 2, 5);
  const fitTicks = integerIn('config.regime.fitTicks', opts.fitTicks ?? Math.min(mid.length, 20_000), 2, mid.length);
  const x = new Float64Array(fitTicks - 1);
  for (let i = 1; i < fitTicks; i++) x[i - 1] = mid[i] - mid[i - 1];
  try {
    const fit = fitHmm(x, { nStates: K, seed: opts.seed ?? 1, restarts: 3, maxIter: 100, tol: 1e-6 });
    const model = { means: fit.means, variances: fit.variances, trans: fit.trans, init: fit.init };
    return { model, labels: labelRegimes(model) };
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    const v = fallbackVariance > 0 ? fallbackVariance : 1e-12;
    const model = { means: Float64Array.of(0), variances: Float64Array.of(v), trans: Float64Array.of(1), init: Float64Array.of(1) };
    return { model, labels: labelRegimes(model) };
  }
}
