import { runBacktest, type BacktestConfig, type BacktestResult, type MarketData } from '../engine';
import type { LoadedDataset } from '../engine/data/dataset';
import { parseUrlState } from '../stores/url-state';
import { sigmaBasisOf, toBacktestConfig } from '../stores/lab-config';

/**
 * What the page runs for a link, without the page: the link is parsed by the page's own parser
 * (src/stores/url-state.ts) and turned into the engine config by the page's own function
 * (src/stores/lab-config.ts toBacktestConfig, σ converted at the dataset's reference mid and the
 * link's year basis, as src/app/main.tsx wires the lab runner), then the engine's runBacktest runs
 * on the same columns the lab worker gets.
 */
export interface LinkSettings {
  query: string;
  /** The page's notices for this link (clamped or ignored fields), shown on stderr and in the report. */
  notices: string[];
  /** The link's `sample` key, when it names one. */
  sample?: string;
  config: (dataset: LoadedDataset) => BacktestConfig;
}

export function linkSettings(query: string): LinkSettings {
  const parsed = parseUrlState(query === '' ? '' : `?${query}`);
  return {
    query,
    notices: parsed.notices,
    sample: parsed.foreign.sample,
    config: (dataset) => toBacktestConfig(parsed.lab, sigmaBasisOf(dataset, parsed.params.yearBasis)),
  };
}

export type RunProgressFn = (done: number, total: number) => void;

/** runBacktest with the page's config; progress in ticks. */
export function runLabOnce(data: MarketData, config: BacktestConfig, onProgress?: RunProgressFn): BacktestResult {
  return runBacktest(data, config, onProgress ? (p) => onProgress(p.done, p.total) : undefined);
}

/** A number JSON can carry: non-finite values become the strings "NaN", "Infinity", "-Infinity". */
function jsonNumber(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}

/** A plain-JSON copy: typed arrays as arrays, non-finite numbers as strings, functions dropped. */
export function toJsonValue(v: unknown): unknown {
  if (typeof v === 'number') return jsonNumber(v);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as Float64Array, jsonNumber);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (typeof x !== 'function' && x !== undefined) out[k] = toJsonValue(x);
    return out;
  }
  return v;
}

export interface LabReport {
  link: { query: string; notices: string[] };
  dataset: { name: string; kind: string; rowsRead: number; rowsSkipped: number; problems: number; ticks: number };
  config: BacktestConfig;
  resolved: BacktestResult['resolved'];
  notes: string[];
  metrics: BacktestResult['metrics'];
  attribution: BacktestResult['attribution'];
  benchmark: BacktestResult['benchmark'];
  /** Every fill with its markout: mid at the fill and `resolved.markoutSec` later (midAtFill, midAfter), as the engine books them. */
  fills: BacktestResult['fills'];
}

export function buildReport(link: LinkSettings, dataset: LoadedDataset, config: BacktestConfig, r: BacktestResult): LabReport {
  return {
    link: { query: link.query, notices: link.notices },
    dataset: { name: dataset.name, kind: dataset.kind, rowsRead: dataset.rowsRead, rowsSkipped: dataset.rowsSkipped, problems: dataset.problems.length, ticks: r.time.length },
    config,
    resolved: r.resolved,
    notes: r.notes,
    metrics: r.metrics,
    attribution: r.attribution,
    benchmark: r.benchmark,
    fills: r.fills,
  };
}

function csvCell(v: unknown): string {
  if (typeof v === 'number') return String(v);
  const text = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `name,value` rows of an object's scalar fields (nested objects flattened with dots). */
export function keyValueCsv(obj: object): string {
  const rows: string[] = ['name,value'];
  const walk = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined || typeof v === 'function' || ArrayBuffer.isView(v)) continue;
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v, `${prefix}${k}.`);
      else rows.push(`${csvCell(prefix + k)},${csvCell(v)}`);
    }
  };
  walk(obj, '');
  return rows.join('\n') + '\n';
}

/** One row per fill, one column per FillsTable column (whatever the engine provides). */
export function fillsCsv(fills: BacktestResult['fills']): string {
  const cols = Object.entries(fills).filter(([, v]) => ArrayBuffer.isView(v)) as Array<[string, Float64Array]>;
  const n = cols.length > 0 ? cols[0][1].length : 0;
  const lines = [cols.map(([k]) => k).join(',')];
  for (let i = 0; i < n; i++) lines.push(cols.map(([, c]) => csvCell(c[i])).join(','));
  return lines.join('\n') + '\n';
}
