import {
  annualPctToSigmaPerSqrtSec,
  asQuote,
  glftQuote,
  hoursToSeconds,
  toBps,
} from '../engine';
import { NUMERIC_SPECS, type CalculatorParams } from './calculator-params';

/**
 * Closed-form quotes for the calculator, in the units the panel shows. Runs on the main
 * thread: one evaluation is well under a microsecond, so a slider drag updates within a frame.
 */
export interface CalculatorResult {
  /** σ in price units per √second. */
  sigmaPerSqrtSec: number;
  /** T − t in seconds. */
  tauSec: number;
  /** Distance of each quote from its centre (reservation for AS, the skewed centre for GLFT), price units. */
  halfSpread: number;
  halfSpreadBps: number;
  /** Quote centre minus mid: negative when long, positive when short. Price units, then bps. */
  skew: number;
  skewBps: number;
  /** Ask minus bid, bps; NaN when the bound Q leaves one side unquoted. */
  fullSpreadBps: number;
  reservation: number;
  /** NaN when not quoted: a fill would take |q| above the bound Q (the engine's quotedSides rule). */
  bid: number;
  ask: number;
  /** GLFT only: the two coefficients' building blocks for the formula display. */
  glft?: { c1: number; c2: number; skewPerLot: number; xi: number };
  /** AS only: the inventory-risk term γσ²(T−t) and the intensity term (2/γ)ln(1+γ/κ), price units. */
  as?: { riskTerm: number; intensityTerm: number };
}

export function computeCalculator(p: CalculatorParams, qOverride?: number, gammaOverride?: number): CalculatorResult {
  const q = qOverride ?? p.q;
  const gamma = gammaOverride ?? p.gamma;
  const sigma = annualPctToSigmaPerSqrtSec(p.sigmaAnnualPct, p.mid, p.yearBasis);
  const tau = hoursToSeconds(p.hoursToClose);
  if (p.model === 'glft') {
    const g = glftQuote({ mid: p.mid, q, gamma, sigma, kappa: p.kappa, A: p.A, maxInventory: p.maxQ });
    const centre = p.mid - g.skew * q; // the skewed centre, defined even when Q leaves one side unquoted
    const c2 = sigma > 0 ? g.skew / sigma : 0;
    return {
      sigmaPerSqrtSec: sigma,
      tauSec: tau,
      halfSpread: g.halfSpread,
      halfSpreadBps: toBps(g.halfSpread, p.mid),
      skew: centre - p.mid,
      skewBps: toBps(centre - p.mid, p.mid),
      fullSpreadBps: toBps(g.ask - g.bid, p.mid),
      reservation: centre,
      bid: g.bid,
      ask: g.ask,
      glft: { c1: g.halfSpread - 0.5 * sigma * c2, c2, skewPerLot: g.skew, xi: gamma },
    };
  }
  const a = asQuote({ mid: p.mid, q, gamma, sigma, kappa: p.kappa, tau, maxInventory: p.maxQ });
  const riskTerm = gamma * sigma * sigma * tau;
  return {
    sigmaPerSqrtSec: sigma,
    tauSec: tau,
    halfSpread: a.halfSpread,
    halfSpreadBps: toBps(a.halfSpread, p.mid),
    skew: a.reservation - p.mid,
    skewBps: toBps(a.reservation - p.mid, p.mid),
    fullSpreadBps: toBps(a.ask - a.bid, p.mid),
    reservation: a.reservation,
    bid: a.bid,
    ask: a.ask,
    as: { riskTerm, intensityTerm: 2 * a.halfSpread - riskTerm },
  };
}

export interface SkewPoint { q: number; skewBps: number; bidBps: number; askBps: number }

/** Quote centre and quotes (bps from mid) for every whole inventory in [−Q, Q]. */
export function skewVsInventory(p: CalculatorParams): SkewPoint[] {
  const out: SkewPoint[] = [];
  for (let q = -p.maxQ; q <= p.maxQ; q++) {
    const r = computeCalculator(p, q);
    out.push({ q, skewBps: r.skewBps, bidBps: toBps(r.bid - p.mid, p.mid), askBps: toBps(r.ask - p.mid, p.mid) });
  }
  return out;
}

export interface GammaPoint { gamma: number; halfSpreadBps: number }

/** δ* (bps) over a log grid of γ spanning the slider's range. */
export function spreadVsGamma(p: CalculatorParams, points = 61): GammaPoint[] {
  const spec = NUMERIC_SPECS.find((s) => s.key === 'gamma')!;
  const lo = Math.log(spec.min);
  const hi = Math.log(spec.max);
  const out: GammaPoint[] = [];
  for (let i = 0; i < points; i++) {
    const gamma = Math.exp(lo + ((hi - lo) * i) / (points - 1));
    out.push({ gamma, halfSpreadBps: computeCalculator(p, p.q, gamma).halfSpreadBps });
  }
  return out;
}
