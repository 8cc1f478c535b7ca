import { createRegistry } from '../util/registry';
import { constantLatency, type LatencyModel } from './latency';
import type { ResolvedParams } from './types';

/**
 * One registered latency model: its id, a one-line description, and how to build it from the
 * resolved settings. A new model is one file exporting a LatencyModel factory plus one entry here
 * (or one registerLatencyModel call), as for fill models (fills/registry.ts).
 */
export interface LatencyModelSpec {
  id: string;
  describe: string;
  build(p: ResolvedParams): LatencyModel;
}

const LATENCY_MODELS = createRegistry<LatencyModelSpec>([
  { id: 'constant', describe: 'every order is live latencySec seconds after it is sent', build: (p) => constantLatency(p.latencySec) },
]);

/** The model the event loop uses when none is named. */
export const DEFAULT_LATENCY_MODEL = 'constant';

/** Adds a latency model; replaces one with the same id. */
export function registerLatencyModel(spec: LatencyModelSpec): void {
  LATENCY_MODELS.register(spec);
}

/** The registered latency models, in registration order. */
export function latencyModelSpecs(): readonly LatencyModelSpec[] {
  return LATENCY_MODELS.list();
}

/** The spec of `id`; a ParamError naming `param` and the choices when unknown. */
export function latencyModelSpec(id: string, param = 'latency model'): LatencyModelSpec {
  return LATENCY_MODELS.get(id, param);
}

/** Builds latency model `id` (default 'constant') for the resolved settings. */
export function buildLatencyModel(p: ResolvedParams, id: string = DEFAULT_LATENCY_MODEL): LatencyModel {
  return latencyModelSpec(id).build(p);
}
