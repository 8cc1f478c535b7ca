import { useMemo } from 'react';
import { useParams } from '../../stores/params-store';
import { computeCalculator, skewVsInventory, spreadVsGamma, type CalculatorResult } from '../../stores/calculator-derived';
import type { CalculatorParams } from '../../stores/calculator-params';

/** The calculator's parameters and everything derived from them, recomputed only when they change. */
export function useCalculator(): { params: CalculatorParams; result: CalculatorResult | null; error: string | null } {
  const params = useParams((s) => s.params);
  return useMemo(() => {
    try {
      return { params, result: computeCalculator(params), error: null };
    } catch (e) {
      return { params, result: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [params]);
}

/** The calculator's curves as chart columns: the store's skew-vs-inventory and δ*-vs-γ points, one array per quantity. */
export interface CalculatorCurves {
  skew: { q: Float64Array; askBps: Float64Array; skewBps: Float64Array; bidBps: Float64Array };
  gamma: { gamma: Float64Array; halfSpreadBps: Float64Array };
}

const NONE = new Float64Array(0);

export function useCalculatorCurves(params: CalculatorParams): CalculatorCurves {
  return useMemo(() => {
    try {
      const skew = skewVsInventory(params), gamma = spreadVsGamma(params);
      return {
        skew: { q: Float64Array.from(skew, (r) => r.q), askBps: Float64Array.from(skew, (r) => r.askBps), skewBps: Float64Array.from(skew, (r) => r.skewBps), bidBps: Float64Array.from(skew, (r) => r.bidBps) },
        gamma: { gamma: Float64Array.from(gamma, (r) => r.gamma), halfSpreadBps: Float64Array.from(gamma, (r) => r.halfSpreadBps) },
      };
    } catch {
      return { skew: { q: NONE, askBps: NONE, skewBps: NONE, bidBps: NONE }, gamma: { gamma: NONE, halfSpreadBps: NONE } };
    }
  }, [params]);
}
