import { useState } from 'react';
import { FORMATS, type DetectedFormat, type ParseTicksOptions } from '../../engine';
import { useDataset, type CsvParseOptions } from '../../stores/dataset-store';
import { retryWithMapping } from '../../stores/dataset-loader';

/** One alternative reading of a file, offered as a single button. */
export interface OverrideChoice {
  label: string;
  options: Partial<ParseTicksOptions>;
}

/** One row of the report: what was assumed, and the one-click alternatives. */
export interface ReportRow {
  key: string;
  label: string;
  value: string;
  choices: OverrideChoice[];
}

const UNITS = ['s', 'ms', 'us', 'ns', 'iso', 'compact'] as const;
const ZONES = ['UTC', 'EST', 'America/New_York'];
const SCALES = [1, 1e-4, 1e-9];

function scaleText(x: number): string {
  return x === 1 ? '× 1 (as written)' : `× ${x.toExponential()}`;
}

/**
 * The report rows for a parse's `detected`: format, time column and unit, time zone, price
 * scale, column order, side convention; each with the alternatives a user may pick. LOBSTER
 * pairs are read by their own fixed layout, so they offer none.
 */
export function reportRows(d: DetectedFormat, kind: string): ReportRow[] {
  const fixed = d.format === 'lobster';
  const none = (): OverrideChoice[] => [];
  const rows: ReportRow[] = [
    {
      key: 'format',
      label: 'Format',
      value: FORMATS[d.format] ?? d.format,
      choices: fixed ? none() : d.format === 'generic' ? [] : [{ label: 'read as generic CSV', options: { format: 'generic' } }],
    },
    {
      key: 'time',
      label: 'Time column',
      value: `${d.timeColumn} (${d.timeUnit})`,
      choices: fixed ? none() : d.otherTimeColumns.map((c) => ({ label: `use ${c}`, options: { columns: { time: c } } })),
    },
    {
      key: 'unit',
      label: 'Time unit',
      value: d.timeUnit,
      choices: fixed ? none() : UNITS.filter((u) => u !== d.timeUnit && (d.timeUnit === 'iso' || d.timeUnit === 'compact' ? false : u !== 'iso' && u !== 'compact')).map((u) => ({ label: u, options: { timeUnit: u } })),
    },
    {
      key: 'zone',
      label: 'Time zone',
      value: d.timeZone,
      choices: fixed || !(d.timeUnit === 'iso' || d.timeUnit === 'compact') ? none() : ZONES.filter((z) => z !== d.timeZone).map((z) => ({ label: z, options: { timeZone: z } })),
    },
    {
      key: 'scale',
      label: 'Price scale',
      value: scaleText(d.priceScale),
      choices: fixed ? none() : SCALES.filter((s) => s !== d.priceScale).map((s) => ({ label: scaleText(s), options: { priceScale: s } })),
    },
    { key: 'order', label: 'Column order', value: d.columnOrder, choices: none() },
  ];
  if (kind === 'trades' || d.sideConvention !== 'not applicable') {
    rows.push({
      key: 'side',
      label: 'Side',
      value: d.sideConvention,
      choices: fixed
        ? none()
        : [
            { label: 'side = taker', options: { sideMeaning: 'side' } },
            { label: 'buyer is maker', options: { sideMeaning: 'buyerIsMaker' } },
            { label: 'side = maker (Coinbase)', options: { sideMeaning: 'makerSide' } },
            { label: 'do not infer missing sides', options: { inferSide: false } },
          ],
    });
  }
  return rows;
}

function Report({ title, detected, kind, onPick }: { title: string; detected: DetectedFormat; kind: string; onPick?: (o: Partial<ParseTicksOptions>) => void }) {
  return (
    <div className="detection-file">
      <h4>{title}</h4>
      <dl>
        {reportRows(detected, kind).map((r) => (
          <div key={r.key} className="detection-row" data-testid={`detected-${r.key}`}>
            <dt>{r.label}</dt>
            <dd>
              <span className="detection-value">{r.value}</span>
              {onPick &&
                r.choices.map((c) => (
                  <button key={c.label} type="button" className="detection-override" onClick={() => onPick(c.options)}>
                    {c.label}
                  </button>
                ))}
            </dd>
          </div>
        ))}
      </dl>
      {detected.notes.length > 0 && (
        <ul className="detection-notes" data-testid="detected-notes">
          {detected.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * What the loader assumed about the files just loaded (format, time column and unit, zone,
 * price scale, column order, side convention, inferences), with a one-click override for each
 * that reloads the file read that way. Overrides add up until another dataset is loaded.
 */
export function DetectionReport() {
  const dataset = useDataset((s) => s.dataset);
  // Overrides belong to the dataset they were picked on (a reload under them keeps its name).
  const [picked, setPicked] = useState<{ name: string; overrides: CsvParseOptions } | null>(null);
  if (!dataset?.detected) return null;
  const overrides = picked && picked.name === dataset.name ? picked.overrides : {};
  const pick = (o: Partial<ParseTicksOptions>) => {
    const next: CsvParseOptions = { ...overrides, ...o, columns: { ...overrides.columns, ...o.columns } };
    setPicked({ name: dataset.name, overrides: next });
    void retryWithMapping(next);
  };
  const [first, second] = dataset.name.split(' + ');
  const firstKind = dataset.tradesDetected ? 'quotes' : dataset.kind;
  return (
    <details className="detection-report" open data-testid="detection-report">
      <summary>How the file{dataset.tradesDetected ? 's were' : ' was'} read</summary>
      <Report title={first} detected={dataset.detected} kind={firstKind} onPick={dataset.source === 'file' ? pick : undefined} />
      {dataset.tradesDetected && <Report title={second ?? 'trades'} detected={dataset.tradesDetected} kind="trades" />}
    </details>
  );
}
