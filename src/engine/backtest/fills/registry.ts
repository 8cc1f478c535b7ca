import { ParamError } from '../../util/validate';
import { createRegistry } from '../../util/registry';
import type { PreparedData } from '../data';
import { tradeThroughSpec } from './trade-through';
import { quoteCrossSpec } from './quote-cross';
import { poissonSpec } from './poisson';
import { queueSpec } from './queue';
import { barSpec } from './bar';
import type { FillModel, FillModelContext, FillModelSpec } from './types';

/**
 * Every fill model the backtest knows, one line each. A new model is one file exporting a
 * FillModelSpec plus one line here (or one registerFillModel call, e.g. from a test).
 */
const REGISTRY = createRegistry<FillModelSpec>([
  tradeThroughSpec,
  quoteCrossSpec,
  poissonSpec,
  queueSpec,
  barSpec,
]);

/** Adds a fill model (its id becomes a valid config.fill.model); replaces one with the same id. */
export function registerFillModel(spec: FillModelSpec): void {
  REGISTRY.register(spec);
}

/** The registered fill models, in registration order. */
export function fillModelSpecs(): readonly FillModelSpec[] {
  return REGISTRY.list();
}

/** The spec of `id`; a ParamError naming config.fill.model and the choices when unknown or when the data does not suit it. */
export function fillModelSpec(id: string, d: PreparedData): FillModelSpec {
  const spec = REGISTRY.get(id, 'config.fill.model');
  const why = spec.unavailable(d);
  if (why !== null) {
    const ok = REGISTRY.list().filter((s) => s.unavailable(d) === null).map((s) => `'${s.id}'`);
    throw new ParamError('config.fill.model', `${ok.join(', ')} (${why} for '${id}')`, id);
  }
  return spec;
}

/** Ids of the models that apply to this data. */
export function applicableFillModels(d: PreparedData): string[] {
  return REGISTRY.list().filter((s) => s.unavailable(d) === null).map((s) => s.id);
}

/**
 * The default fill model for the data, and why: bars → 'bar' (a passive quote can only be judged by
 * the bar's range); trades → 'trade-through' (prints say where the market traded); quotes only →
 * 'quote-cross' (the opposite best quote reaching our price is the only evidence of a fill).
 */
export function defaultFillModel(d: PreparedData): { id: string; reason: string } {
  if (d.isBars) return { id: 'bar', reason: "the data are OHLC bars: a resting quote fills when a bar's range reaches it (bars are never treated as quotes)" };
  if (d.nTrades > 0) {
    const sizes = d.bidSize !== undefined ? "; 'queue' is also available (the quotes carry displayed sizes)" : '';
    return { id: 'trade-through', reason: `the data has ${d.nTrades} trades: a quote fills when a print reaches its price${sizes}` };
  }
  const midOnly = d.bid === d.ask;
  return {
    id: 'quote-cross',
    reason: midOnly
      ? 'the data has one price per tick and no trades: a quote fills when that price reaches it'
      : 'the data has quotes but no trades: a quote fills when the opposite best quote reaches its price',
  };
}

/** Builds the fill model of the resolved settings. */
export function buildFillModel(ctx: FillModelContext): FillModel {
  return fillModelSpec(ctx.params.fillModel, ctx.data).build(ctx);
}
