import { ParamError } from './validate';

/**
 * A list of named specs (fill, latency, fee models…) that code can extend: register (replacing one
 * with the same id), list in registration order, look up by id with a ParamError naming the
 * parameter and the choices. One implementation for every registry of the engine.
 */
export interface Registry<S extends { id: string }> {
  register(spec: S): void;
  list(): readonly S[];
  /** The spec of `id`; a ParamError naming `param` and the registered ids when unknown. */
  get(id: string, param: string): S;
}

export function createRegistry<S extends { id: string }>(initial: readonly S[]): Registry<S> {
  const specs: S[] = [...initial];
  return {
    register(spec) {
      const at = specs.findIndex((s) => s.id === spec.id);
      if (at >= 0) specs[at] = spec;
      else specs.push(spec);
    },
    list: () => specs,
    get(id, param) {
      const spec = specs.find((s) => s.id === id);
      if (spec === undefined) throw new ParamError(param, `one of ${specs.map((s) => `'${s.id}'`).join(', ')}`, id);
      return spec;
    },
  };
}
