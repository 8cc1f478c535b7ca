import { createRegistry } from '../util/registry';
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

const FEE_MODELS = createRegistry<FeeModelSpec>([
  { id: 'bps', describe: 'maker and taker fees in bps of notional (a negative maker fee is a rebate)', build: (p) => bpsFees(p.makerBps, p.takerBps) },
]);

/** The model the event loop uses when none is named. */
export const DEFAULT_FEE_MODEL = 'bps';

/** Adds a fee model; replaces one with the same id. */
export function registerFeeModel(spec: FeeModelSpec): void {
  FEE_MODELS.register(spec);
}

/** The registered fee models, in registration order. */
export function feeModelSpecs(): readonly FeeModelSpec[] {
  return FEE_MODELS.list();
}

/** The spec of `id`; a ParamError naming `param` and the choices when unknown. */
export function feeModelSpec(id: string, param = 'fee model'): FeeModelSpec {
  return FEE_MODELS.get(id, param);
}

/** Builds fee model `id` (default 'bps') for the resolved settings. */
export function buildFeeModel(p: ResolvedParams, id: string = DEFAULT_FEE_MODEL): FeeModel {
  return feeModelSpec(id).build(p);
}
