import { z } from 'zod';
import {
  DEFAULT_PARAMS,
  NUMERIC_SPECS,
  type CalculatorParams,
  type NumericParam,
} from './calculator-params';
import { applyParam } from '../lib/params/spec';
import { fillModelSpecs, YEAR_BASES } from '../engine';
import {
  DEFAULT_LAB, KALMAN_SPECS, LAB_PANELS, LAB_SPECS, LAB_STRATEGIES, QUEUE_MODELS, QUEUE_POWER_SPEC, checkKalmanValue, type LabPanel, type LabSettings,
} from './lab-settings';

/**
 * Shareable state in the URL query: versioned (`v=2`) and compact (one short key per field).
 * Parsing is hostile-input safe: every field is validated on its own (src/lib/params applyParam):
 * a number out of range is clamped, anything else falls back to its default, and each case is
 * named in `notices`; unknown keys and oversize payloads are reported, never trusted. Notices are
 * plain text and are rendered by React (escaped). Version 1 links are migrated (migrateV1).
 */
export const URL_VERSION = 2;
/** Longer queries are ignored whole: nothing we write comes close. */
export const MAX_QUERY_LENGTH = 2000;

/** Keys owned by other slices (e.g. the data panel's `sample`); tolerated, not reported. */
const FOREIGN_KEYS = new Set<string>(['sample']);

const modelSchema = z.enum(['as', 'glft']);
const basisSchema = z.enum(YEAR_BASES);

export interface UrlParseResult {
  params: CalculatorParams;
  lab: LabSettings;
  notices: string[];
  /** Raw values of keys this module does not own but tolerates (e.g. `sample`). */
  foreign: Record<string, string>;
}

function shown(raw: string): string {
  const trimmed = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return JSON.stringify(trimmed);
}

export function parseUrlState(search: string): UrlParseResult {
  const params: CalculatorParams = { ...DEFAULT_PARAMS };
  const lab: LabSettings = { ...DEFAULT_LAB, values: { ...DEFAULT_LAB.values }, kalman: null, panels: [...DEFAULT_LAB.panels] };
  const notices: string[] = [];
  const foreign: Record<string, string> = {};
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length === 0) return { params, lab, notices, foreign };
  if (query.length > MAX_QUERY_LENGTH) {
    notices.push(`The link is too long (${query.length} characters, at most ${MAX_QUERY_LENGTH}): all its settings were ignored and defaults used.`);
    return { params, lab, notices, foreign };
  }
  let sp: URLSearchParams;
  try {
    sp = new URLSearchParams(query);
  } catch {
    notices.push('The link could not be read: defaults used.');
    return { params, lab, notices, foreign };
  }
  const version = sp.get('v');
  if (version === '1') sp = migrateV1(sp);
  else if (version !== null && version !== String(URL_VERSION)) {
    notices.push(`The link has version ${shown(version)}; this app reads versions 1 and ${URL_VERSION}. Fields it recognises were still applied.`);
  }
  const known = new Set<string>(['v', 'm', 'y', 'st', 'gd', 'p', 'fm', 'fq', QUEUE_POWER_SPEC.urlKey, ...NUMERIC_SPECS.map((s) => s.urlKey), ...LAB_SPECS.map((s) => s.urlKey), ...KALMAN_SPECS.map((s) => s.urlKey)]);
  const unknown: string[] = [];
  for (const key of sp.keys()) {
    if (FOREIGN_KEYS.has(key)) foreign[key] = sp.get(key) ?? '';
    else if (!known.has(key) && !unknown.includes(key)) unknown.push(key);
  }
  if (unknown.length > 0) {
    notices.push(`Ignored unknown setting${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).map(shown).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.`);
  }

  const m = sp.get('m');
  if (m !== null) {
    const r = modelSchema.safeParse(m);
    if (r.success) params.model = r.data;
    else notices.push(`model: expected "as" or "glft", got ${shown(m)}; using the default "${DEFAULT_PARAMS.model}".`);
  }
  const y = sp.get('y');
  if (y !== null) {
    const r = basisSchema.safeParse(y);
    if (r.success) params.yearBasis = r.data;
    else notices.push(`year basis: expected "24/7", "24/5" or "exchange", got ${shown(y)}; using the default.`);
  }
  for (const spec of NUMERIC_SPECS) {
    const raw = sp.get(spec.urlKey);
    if (raw === null) continue;
    const r = applyParam(spec, raw, spec.default);
    params[spec.key as NumericParam] = r.value ?? spec.default;
    if (r.notice) notices.push(r.notice);
  }
  parseLab(sp, lab, notices);
  return { params, lab, notices, foreign };
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Version 1 → 2. The keys are the same; one unit changed: the backtest's inventory limit `bq` was in
 * lots (multiples of the order size `bo`, 1 when absent) and is now in asset units like every inventory (the
 * calculator's q and Q were lots of one unit, so their numbers stand). Invalid fields are left for
 * the parser to report.
 */
export function migrateV1(sp: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(sp);
  out.set('v', String(URL_VERSION));
  const bq = sp.get('bq');
  const bo = sp.get('bo');
  if (bq !== null && NUMBER_TEXT.test(bq)) {
    const size = bo !== null && NUMBER_TEXT.test(bo) && Number(bo) > 0 ? Number(bo) : 1;
    out.set('bq', String(Number((Number(bq) * size).toPrecision(12))));
  }
  return out;
}

function parseLab(sp: URLSearchParams, lab: LabSettings, notices: string[]): void {
  const st = sp.get('st');
  if (st !== null) {
    const hit = LAB_STRATEGIES.find((x) => x.id === st);
    if (hit) lab.strategy = hit.id;
    else notices.push(`strategy: expected one of ${LAB_STRATEGIES.map((x) => x.id).join(', ')}, got ${shown(st)}; using the default "${DEFAULT_LAB.strategy}".`);
  }
  const gd = sp.get('gd');
  if (gd !== null) {
    if (gd === '0' || gd === '1') lab.guard = gd === '1';
    else notices.push(`adverse-selection guard: expected 0 or 1, got ${shown(gd)}; using off.`);
  }
  const p = sp.get('p');
  if (p !== null) {
    const parts = p === '' ? [] : p.split(',');
    const bad = parts.filter((x) => !(LAB_PANELS as readonly string[]).includes(x));
    if (bad.length === 0) lab.panels = parts as LabPanel[];
    else notices.push(`open panels: unknown ${bad.slice(0, 3).map(shown).join(', ')}; showing all panels.`);
  }
  for (const spec of LAB_SPECS) {
    const raw = sp.get(spec.urlKey);
    if (raw === null) continue;
    const r = applyParam(spec, raw, spec.default);
    if (r.value === undefined) delete lab.values[spec.key];
    else lab.values[spec.key] = r.value;
    if (r.notice) notices.push(r.notice);
  }
  parseKalman(sp, lab, notices);
  parseFill(sp, lab, notices);
}

/** The backtest's fill model (`fm`, a registered id), queue model (`fq`) and the power model's exponent (`fp`); absent = chosen by the engine. */
function parseFill(sp: URLSearchParams, lab: LabSettings, notices: string[]): void {
  const fm = sp.get('fm');
  if (fm !== null) {
    const ids = fillModelSpecs().map((s) => s.id);
    if (ids.includes(fm)) lab.fillModel = fm;
    else notices.push(`fill model: expected one of ${ids.join(', ')}, got ${shown(fm)}; choosing it from the data.`);
  }
  const fq = sp.get('fq');
  if (fq !== null) {
    const hit = QUEUE_MODELS.find((x) => x === fq);
    if (hit) lab.queueModel = hit;
    else notices.push(`queue model: expected one of ${QUEUE_MODELS.join(', ')}, got ${shown(fq)}; using the default "risk-averse".`);
  }
  const fp = sp.get(QUEUE_POWER_SPEC.urlKey);
  if (fp !== null) {
    const r = applyParam(QUEUE_POWER_SPEC, fp, undefined);
    if (r.value !== undefined) lab.queuePower = r.value;
    if (r.notice) notices.push(r.notice.replace('the calibrated value', "the engine's default 2"));
  }
}

/** Kalman q and r by hand come as a pair (kq, kr); anything less fits both, with a notice naming the field. */
function parseKalman(sp: URLSearchParams, lab: LabSettings, notices: string[]): void {
  const rawQ = sp.get('kq'), rawR = sp.get('kr');
  if (rawQ === null && rawR === null) return;
  const fallback = 'fitting q and r from the data instead';
  if (rawQ === null || rawR === null) {
    notices.push(`Kalman q and r are set by hand together: the link gives only ${rawQ === null ? 'r' : 'q'}; ${fallback}.`);
    return;
  }
  const q = checkKalmanValue('q', rawQ);
  const r = checkKalmanValue('r', rawR);
  if (q.ok && r.ok) { lab.kalman = { q: q.value, r: r.value }; return; }
  for (const c of [q, r]) if (!c.ok) notices.push(`${c.message}; ${fallback}.`);
}

function serializeLab(lab: LabSettings, sp: URLSearchParams): void {
  if (lab.strategy !== DEFAULT_LAB.strategy) sp.set('st', lab.strategy);
  if (lab.guard !== DEFAULT_LAB.guard) sp.set('gd', lab.guard ? '1' : '0');
  if (lab.panels.join(',') !== DEFAULT_LAB.panels.join(',')) sp.set('p', lab.panels.join(','));
  for (const spec of LAB_SPECS) {
    const v = lab.values[spec.key];
    if (v !== undefined && v !== spec.default) sp.set(spec.urlKey, String(v));
  }
  if (lab.kalman) for (const spec of KALMAN_SPECS) sp.set(spec.urlKey, String(lab.kalman[spec.key]));
  if (lab.fillModel !== undefined) sp.set('fm', lab.fillModel);
  if (lab.queueModel !== undefined) sp.set('fq', lab.queueModel);
  if (lab.queuePower !== undefined) sp.set(QUEUE_POWER_SPEC.urlKey, String(lab.queuePower));
}

/** The compact query for `params`: only fields that differ from their defaults, plus the version. */
export function serializeUrlState(params: CalculatorParams, extra: Record<string, string> = {}, lab?: LabSettings): string {
  const sp = new URLSearchParams();
  sp.set('v', String(URL_VERSION));
  if (params.model !== DEFAULT_PARAMS.model) sp.set('m', params.model);
  if (params.yearBasis !== DEFAULT_PARAMS.yearBasis) sp.set('y', params.yearBasis);
  for (const spec of NUMERIC_SPECS) {
    const v = params[spec.key];
    if (v !== spec.default) sp.set(spec.urlKey, String(v));
  }
  if (lab) serializeLab(lab, sp);
  for (const [k, v] of Object.entries(extra)) sp.set(k, v);
  return `?${sp.toString()}`;
}
