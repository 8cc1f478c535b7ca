import { z } from 'zod';
import {
  DEFAULT_PARAMS,
  NUMERIC_SPECS,
  type CalculatorParams,
  type NumericParam,
} from './calculator-params';

/**
 * Shareable state in the URL query: versioned (`v=1`) and compact (one short key per field).
 * Parsing is hostile-input safe: every field is validated on its own, an invalid one falls
 * back to its default and is named in `notices`; unknown keys and oversize payloads are
 * reported, never trusted. Notices are plain text and are rendered by React (escaped).
 */
export const URL_VERSION = 1;
/** Longer queries are ignored whole: nothing we write comes close. */
export const MAX_QUERY_LENGTH = 2000;

/** Keys owned by other slices (e.g. the data panel's `sample`); tolerated, not reported. */
const FOREIGN_KEYS = new Set<string>(['sample']);

const modelSchema = z.enum(['as', 'glft']);
const basisSchema = z.enum(['24/7', 'exchange']);

export interface UrlParseResult {
  params: CalculatorParams;
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
  const notices: string[] = [];
  const foreign: Record<string, string> = {};
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length === 0) return { params, notices, foreign };
  if (query.length > MAX_QUERY_LENGTH) {
    notices.push(`The link is too long (${query.length} characters, at most ${MAX_QUERY_LENGTH}): all its settings were ignored and defaults used.`);
    return { params, notices, foreign };
  }
  let sp: URLSearchParams;
  try {
    sp = new URLSearchParams(query);
  } catch {
    notices.push('The link could not be read: defaults used.');
    return { params, notices, foreign };
  }
  const version = sp.get('v');
  if (version !== null && version !== String(URL_VERSION)) {
    notices.push(`The link has version ${shown(version)}; this app reads version ${URL_VERSION}. Fields it recognises were still applied.`);
  }
  const known = new Set<string>(['v', 'm', 'y', ...NUMERIC_SPECS.map((s) => s.urlKey)]);
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
    else notices.push(`year basis: expected "24/7" or "exchange", got ${shown(y)}; using the default.`);
  }
  for (const spec of NUMERIC_SPECS) {
    const raw = sp.get(spec.urlKey);
    if (raw === null) continue;
    const schema = z
      .string()
      .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/)
      .transform(Number)
      .pipe(z.number().finite().min(spec.min).max(spec.max));
    const r = schema.safeParse(raw);
    if (r.success && (!spec.integer || Number.isInteger(r.data))) {
      params[spec.key as NumericParam] = r.data;
    } else {
      notices.push(
        `${spec.label} (${spec.symbol}): expected ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}, got ${shown(raw)}; using the default ${spec.default}.`,
      );
    }
  }
  return { params, notices, foreign };
}

/** The compact query for `params`: only fields that differ from their defaults, plus the version. */
export function serializeUrlState(params: CalculatorParams, extra: Record<string, string> = {}): string {
  const sp = new URLSearchParams();
  sp.set('v', String(URL_VERSION));
  if (params.model !== DEFAULT_PARAMS.model) sp.set('m', params.model);
  if (params.yearBasis !== DEFAULT_PARAMS.yearBasis) sp.set('y', params.yearBasis);
  for (const spec of NUMERIC_SPECS) {
    const v = params[spec.key];
    if (v !== spec.default) sp.set(spec.urlKey, String(v));
  }
  for (const [k, v] of Object.entries(extra)) sp.set(k, v);
  return `?${sp.toString()}`;
}
