import { ParamError } from '../util/validate';
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

const LATENCY_MODELS: LatencyModelSpec[] = [
  { id: 'constant', describe: 'every order is live latencySec seconds after it is sent', build: (p) => constantLatency(p.latencySec) },
];

/** The model the event loop uses when none is named. */
export const DEFAULT_LATENCY_MODEL = 'constant';

/** Adds a latency model; replaces one with the same id. */
export function registerLatencyModel(spec: LatencyModelSpec): void {
  const at = LATENCY_MODELS.findIndex((s) => s.id === spec.id);
  if (at >= 0) LATENCY_MODELS[at] = spec;
  else LATENCY_MODELS.push(spec);
}

/** The registered latency models, in registration order. */
export function latencyModelSpecs(): readonly LatencyModelSpec[] {
  return LATENCY_MODELS;
}

/** The spec of `id`; a ParamError naming `param` and the choices when unknown. */
export function latencyModelSpec(id: string, param = 'latency model'): LatencyModelSpec {
  const spec = LATENCY_MODELS.find((s) => s.id === id);
  if (spec === undefined) throw new ParamError(param, `one of ${LATENCY_MODELS.map((s) => `'${s.id}'`).join(', ')}`, id);
  return spec;
}

/** Builds latency model `id` (default 'constant') for the resolved settings. */
export function buildLatencyModel(p: ResolvedParams, id: string = DEFAULT_LATENCY_MODEL): LatencyModel {
  return latencyModelSpec(id).build(p);
}
