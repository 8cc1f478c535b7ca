import { ParamError } from '../util/validate';
import { bpsFees, type FeeModel } from './fees';
import type { ResolvedParams } from './types';

/**
 * One registered fee model: its id, a one-line description, and how to build it from the resolved
 * settings. A new model (exchange tiers, a fixed fee per fill) is one file exporting a FeeModel
 * factory plus one entry here (or one registerFeeModel call), as for fill models (fills/registry.ts).
 */
export interface FeeModelSpec {
  id: string;
  describe: string;
  build(p: ResolvedParams): FeeModel;
}

const FEE_MODELS: FeeModelSpec[] = [
  { id: 'bps', describe: 'maker and taker fees in bps of notional (a negative maker fee is a rebate)', build: (p) => bpsFees(p.makerBps, p.takerBps) },
];

/** The model the event loop uses when none is named. */
export const DEFAULT_FEE_MODEL = 'bps';

/** Adds a fee model; replaces one with the same id. */
export function registerFeeModel(spec: FeeModelSpec): void {
  const at = FEE_MODELS.findIndex((s) => s.id === spec.id);
  if (at >= 0) FEE_MODELS[at] = spec;
  else FEE_MODELS.push(spec);
}

/** The registered fee models, in registration order. */
export function feeModelSpecs(): readonly FeeModelSpec[] {
  return FEE_MODELS;
}

/** The spec of `id`; a ParamError naming `param` and the choices when unknown. */
export function feeModelSpec(id: string, param = 'fee model'): FeeModelSpec {
  const spec = FEE_MODELS.find((s) => s.id === id);
  if (spec === undefined) throw new ParamError(param, `one of ${FEE_MODELS.map((s) => `'${s.id}'`).join(', ')}`, id);
  return spec;
}

/** Builds fee model `id` (default 'bps') for the resolved settings. */
export function buildFeeModel(p: ResolvedParams, id: string = DEFAULT_FEE_MODEL): FeeModel {
  return feeModelSpec(id).build(p);
}
