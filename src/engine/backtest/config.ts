import { finite, integerIn, nonNegative, ParamError, positive } from '../util/validate';
import { STRATEGY_IDS } from '../strategy/types';
import { YEAR_BASES } from '../quoting/units';
import { autoBucketSec } from '../series/time-buckets';
import type { PreparedData } from './data';
import { defaultFillModel, fillModelSpec } from './fills/registry';
import { DEFAULT_ORDER_NOTIONAL, defaultOrderSize, inferInstrument, type InstrumentGrid } from './instrument';
import type { BacktestConfig, FillModelId, MarketData, ResolvedParams } from './types';

/** Figures measured on the warm-up ticks, used for defaults. */
export interface WarmupStats {
  /** Median market half-spread, price units (falls back to 1e-4 × mid when quotes have no spread). */
  halfSpread: number;
  /** σ from squared mid changes, price units per √second (Σ Δmid² / Σ Δt)^½. */
  sigma: number;
  /** Trades per side per second over the warm-up (NaN without trades). */
  tradeRatePerSide: number;
  meanDt: number;
  /** The quotes had no spread over the warm-up: halfSpread is the 1e-4 × mid fallback. */
  halfSpreadFallback: boolean;
  /** The mid did not move over the warm-up: sigma is the half-spread fallback. */
  sigmaFallback: boolean;
}

export function warmupStats(d: PreparedData, warmup: number): WarmupStats {
  const end = Math.max(2, Math.min(d.n, warmup));
  const spreads = new Float64Array(end);
  for (let i = 0; i < end; i++) spreads[i] = 0.5 * (d.ask[i] - d.bid[i]);
  spreads.sort();
  let halfSpread = spreads[end >> 1];
  const halfSpreadFallback = !(halfSpread > 0);
  if (halfSpreadFallback) halfSpread = 1e-4 * Math.abs(d.mid[0]) || 1e-4;
  let ss = 0;
  for (let i = 1; i < end; i++) { const dm = d.mid[i] - d.mid[i - 1]; ss += dm * dm; }
  const span = d.time[end - 1] - d.time[0];
  const sigmaFallback = !(span > 0 && ss > 0);
  const sigma = sigmaFallback ? halfSpread : Math.sqrt(ss / span);
  let trades = 0;
  for (let j = 0; j < d.nTrades && d.tradeTime[j] <= d.time[end - 1]; j++) if (d.tradeTime[j] >= d.time[0]) trades++;
  const tradeRatePerSide = d.nTrades > 0 && span > 0 ? trades / 2 / span : NaN;
  return { halfSpread, sigma, tradeRatePerSide, meanDt: span > 0 ? span / (end - 1) : 1, halfSpreadFallback, sigmaFallback };
}

/**
 * Ranges of the γ and κ controls on the page (per price·asset and per price unit): a calibrated
 * value outside them is reported in result.notes, since a control cannot show it.
 */
export const CALIBRATED_RANGES = { gamma: [1e-6, 1000], kappa: [1e-3, 1e5] } as const;

/** The tick and lot a dataset implies, inferred once per prepared dataset (grid cells reuse it). */
/** The strategies whose quotes depend on the order-book decay κ (AS 2008 eq. 30; GLFT). */
const KAPPA_STRATEGIES: readonly string[] = ['as', 'as-kalman', 'as-regime', 'glft'];

const instrumentCache = new WeakMap<PreparedData, InstrumentGrid>();
function instrumentOf(d: PreparedData): InstrumentGrid {
  let g = instrumentCache.get(d);
  if (g === undefined) { g = inferInstrument(d); instrumentCache.set(d, g); }
  return g;
}

function fmt(x: number): string {
  return String(+x.toPrecision(4));
}

/** Like positive() but also accepts Infinity, meaning "no limit". */
function limit(param: string, v: unknown): number {
  return v === Infinity ? Infinity : positive(param, v);
}

function opt<T>(v: T | undefined, fallback: T): T {
  return v === undefined ? fallback : v;
}

/** Fills in every default and checks every field; errors name the config field. */
export function resolveConfig(d: PreparedData, data: MarketData, c: BacktestConfig): ResolvedParams {
  if (c === null || typeof c !== 'object') throw new ParamError('config', 'an object', c);
  const strategy = opt(c.strategy, 'as-kalman');
  if (!STRATEGY_IDS.includes(strategy)) throw new ParamError('config.strategy', `one of ${STRATEGY_IDS.join(', ')}`, strategy);
  const warmupTicks = integerIn('config.warmupTicks', opt(c.warmupTicks, Math.min(1000, Math.floor(d.n / 10))), 0, d.n - 1);
  const w = warmupStats(d, Math.max(warmupTicks, Math.min(d.n, 50)));
  const mid0 = Math.abs(d.mid[0]) || 1;

  const notes: string[] = [];
  const grid = c.tickSize === undefined || c.lotSize === undefined || c.orderSize === undefined ? instrumentOf(d) : undefined;
  const tickSize = nonNegative('config.tickSize', opt(c.tickSize, grid?.tickSize ?? 0));
  const lotSize = nonNegative('config.lotSize', opt(c.lotSize, grid?.lotSize ?? 0));
  if (c.tickSize === undefined && tickSize > 0) notes.push(`Tick size ${fmt(tickSize)} inferred from the decimals of ${grid!.tickFrom}.`);
  if (c.lotSize === undefined && lotSize > 0) notes.push(`Lot size ${fmt(lotSize)} inferred from the decimals of ${grid!.lotFrom}.`);
  const orderSize = positive('config.orderSize', opt(c.orderSize, defaultOrderSize(mid0, lotSize)));
  if (c.orderSize === undefined) notes.push(`Order size ${fmt(orderSize)} ≈ ${DEFAULT_ORDER_NOTIONAL} quote units at the first price ${fmt(mid0)}${lotSize > 0 ? `, in whole lots of ${fmt(lotSize)}` : ''}.`);
  const limits = c.limits ?? {};
  const maxInventory = limit('config.limits.maxInventory', opt(limits.maxInventory, 10 * orderSize));
  const maxDailyLoss = limit('config.limits.maxDailyLoss', opt(limits.maxDailyLoss, Infinity));
  const maxPositionValue = limit('config.limits.maxPositionValue', opt(limits.maxPositionValue, Infinity));
  const dayLengthSec = positive('config.limits.dayLengthSec', opt(limits.dayLengthSec, 86_400));
  const halfSpreadBps = positive('config.halfSpreadBps', opt(c.halfSpreadBps, (w.halfSpread / mid0) * 1e4));
  const skewBpsPerUnit = nonNegative('config.skewBpsPerUnit', opt(c.skewBpsPerUnit, (2 * halfSpreadBps) / Math.min(maxInventory, 1e12)));
  const sizeSkew = nonNegative('config.sizeSkew', opt(c.sizeSkew, 0.5));
  if (sizeSkew > 1) throw new ParamError('config.sizeSkew', 'from 0 to 1', sizeSkew);
  const horizonSec = positive('config.horizonSec', opt(c.horizonSec, 60));
  const sigma = nonNegative('config.sigma', opt(c.sigma, w.sigma));
  const truthKappa = data.truth?.kappa;
  const truthA = data.truth?.A;
  const kappa = positive('config.kappa', opt(c.kappa, truthKappa !== undefined && truthKappa > 0 ? truthKappa : 1 / w.halfSpread));
  // Default γ (AS eqs. 29–30 with T − t = horizonSec): the reservation moves by two market
  // half-spreads h at the inventory limit Q (γσ²τ·Q = 2h), but the risk term of the half-spread,
  // γσ²τ/2, stays at most h/2 — so the default quotes within about 1.5 h of the mid on any price
  // level and any order size (κ = 1/h makes the other term ≈ h).
  const sst = sigma * sigma * horizonSec;
  const gammaDefault = sst > 0 ? Math.min(w.halfSpread / sst, (2 * w.halfSpread) / (sst * Math.min(maxInventory, 1e12))) : 1 / orderSize;
  const gamma = nonNegative('config.gamma', opt(c.gamma, gammaDefault));
  // The arrival rate per side: a synthetic market's truth, else the warm-up's trades, else unknown (1 per second assumed).
  const rateEstimate = truthA !== undefined && truthA > 0 ? truthA : Number.isFinite(w.tradeRatePerSide) && w.tradeRatePerSide > 0 ? w.tradeRatePerSide : NaN;
  const rateKnown = Number.isFinite(rateEstimate);
  const rateDefault = rateKnown ? rateEstimate : 1;
  const A = positive('config.A', opt(c.A, rateDefault));
  const xi = nonNegative('config.xi', opt(c.xi, gamma));

  const fill = c.fill ?? {};
  const chosen = defaultFillModel(d);
  const fillModel: FillModelId = opt(fill.model, chosen.id);
  if (typeof fillModel !== 'string') throw new ParamError('config.fill.model', 'a fill model id', fillModel);
  fillModelSpec(fillModel, d); // unknown, or not for this data: a ParamError naming the models that apply
  const fillModelReason = fill.model === undefined ? `default: ${chosen.reason}` : 'chosen in the settings';
  const queueModel = opt(fill.queueModel, 'risk-averse');
  if (queueModel !== 'risk-averse' && queueModel !== 'power' && queueModel !== 'log') throw new ParamError('config.fill.queueModel', "'risk-averse', 'power' or 'log'", queueModel);
  const queuePower = positive('config.fill.queuePower', opt(fill.queuePower, 2));
  const fillA = positive('config.fill.A', opt(fill.A, rateDefault));
  const fillKappa = positive('config.fill.kappa', opt(fill.kappa, truthKappa !== undefined && truthKappa > 0 ? truthKappa : 1 / w.halfSpread));
  const probability = opt(fill.probability, 'exp');
  if (probability !== 'exp' && probability !== 'linear') throw new ParamError('config.fill.probability', "'exp' or 'linear'", probability);
  const queueHaircut = nonNegative('config.fill.queueHaircut', opt(fill.queueHaircut, 0.5));
  if (queueHaircut > 1) throw new ParamError('config.fill.queueHaircut', 'from 0 to 1', queueHaircut);

  const span = d.time[d.n - 1] - d.time[0];
  const bucketSec = positive('config.bucketSec', opt(c.bucketSec, span >= 3 * 86_400 ? 86_400 : span >= 3 * 3600 ? 3600 : 60));
  const yearBasis = opt(c.yearBasis, '24/7');
  if (!YEAR_BASES.includes(yearBasis)) throw new ParamError('config.yearBasis', "'24/7', '24/5' or 'exchange'", yearBasis);
  if (w.halfSpreadFallback) {
    const why = d.isBars ? 'Bars carry no bid and ask' : data.bid === undefined ? 'The data carry a price, no bid and ask' : 'The quotes have no spread over the warm-up (bid = ask)';
    notes.push(`${why}: the market half-spread is taken as 1 bps of the price.`);
  }
  if (c.sigma === undefined && w.sigmaFallback) notes.push('The price did not move over the warm-up: σ is taken as one half-spread per √s.');
  // Only where an unset A is read: GLFT's quotes (config.A) and the Poisson fill model (config.fill.A).
  const assumedBy = [strategy === 'glft' && c.A === undefined ? 'the GLFT quotes' : null, fillModel === 'poisson' && fill.A === undefined ? 'the Poisson fill model' : null].filter((r) => r !== null);
  if (!rateKnown && assumedBy.length > 0) notes.push(`No trades in the warm-up: the arrival rate A of ${assumedBy.join(' and ')} is taken as 1 per second, an assumption, not the market.`);
  if (c.kappa === undefined && !(truthKappa !== undefined && truthKappa > 0) && KAPPA_STRATEGIES.includes(strategy)) {
    notes.push(`κ ${fmt(kappa)} 1/price is 1/(the market's median half-spread ${fmt(w.halfSpread)} over the warm-up): a scale default that keeps the AS spread near the market's, not a fit to the trades (the Fills panel's λ(δ) calibration fits κ to them).`);
  }
  if (c.gamma === undefined) rangeNote(notes, 'γ', gamma, CALIBRATED_RANGES.gamma, '1/(price·asset)');
  if (c.kappa === undefined) rangeNote(notes, 'κ', kappa, CALIBRATED_RANGES.kappa, '1/price');
  const capitalDefault = Number.isFinite(maxInventory) ? maxInventory * mid0 : orderSize * mid0;

  return {
    strategy,
    orderSize,
    halfSpreadBps,
    skewBpsPerUnit,
    sizeSkew,
    gamma,
    kappa,
    sigma,
    horizonSec,
    A,
    xi,
    fillModel,
    fillModelReason,
    queueModel,
    queuePower,
    fillA,
    fillAAssumed: fill.A === undefined && !rateKnown,
    fillKappa,
    probability,
    queueHaircut,
    latencySec: nonNegative('config.latencySec', opt(c.latencySec, 0)),
    makerBps: finite('config.fees.makerBps', opt(c.fees?.makerBps, 0)),
    takerBps: finite('config.fees.takerBps', opt(c.fees?.takerBps, 5)),
    tickSize,
    lotSize,
    maxInventory,
    maxDailyLoss,
    maxPositionValue,
    dayLengthSec,
    flattenOnKill: opt(limits.flattenOnKill, false),
    markoutSec: nonNegative('config.markoutSec', opt(c.markoutSec, 5)),
    seed: finite('config.seed', opt(c.seed, 1)),
    warmupTicks,
    bucketSec,
    yearBasis,
    capital: positive('config.capital', opt(c.capital, capitalDefault)),
    progressChunk: integerIn('config.progressChunk', opt(c.progressChunk, 50_000), 1, 1e9),
    meanDtSec: w.meanDt,
    marketHalfSpread: w.halfSpread,
    regimeBucketSec: c.regime?.bucketSec === undefined ? autoBucketSec(d.time) : positive('config.regime.bucketSec', c.regime.bucketSec),
    notes,
  };
}

function rangeNote(notes: string[], name: string, v: number, [lo, hi]: readonly [number, number], unit: string): void {
  if (v < lo || v > hi) {
    notes.push(`Calibrated ${name} = ${fmt(v)} ${unit} lies ${v < lo ? 'below' : 'above'} the range of its control (${lo} to ${hi}): the run used it as calibrated; a value set on the page would be clamped.`);
  }
}
