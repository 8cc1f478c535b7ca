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

export function useCalculatorCurves(params: CalculatorParams) {
  return useMemo(() => {
    try {
      return { skew: skewVsInventory(params), gamma: spreadVsGamma(params) };
    } catch {
      return { skew: [], gamma: [] };
    }
  }, [params]);
}
