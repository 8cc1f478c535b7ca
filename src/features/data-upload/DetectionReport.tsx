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
      choices: fixed
        ? none()
        : (d.otherFormats ?? (d.format === 'generic' ? [] : ['generic'])).map((id) => ({ label: id === 'generic' ? 'read as generic CSV' : `read as ${FORMATS[id] ?? id}`, options: { format: id } })),
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
    {
      key: 'order',
      label: 'Column order',
      value: d.columnOrder,
      choices: fixed || !d.bidAskSwapped ? none() : [{ label: `swap bid and ask (read ${d.bidAskSwapped.bid} as the bid)`, options: { columns: d.bidAskSwapped } }],
    },
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
  const [picked, setPicked] = useState<{ name: string; overrides: CsvParseOptions; tradesOverrides: CsvParseOptions } | null>(null);
  if (!dataset?.detected) return null;
  const mine = picked && picked.name === dataset.name ? picked : { overrides: {}, tradesOverrides: {} };
  const merge = (a: CsvParseOptions, o: Partial<ParseTicksOptions>): CsvParseOptions => ({ ...a, ...o, columns: { ...a.columns, ...o.columns } });
  const reload = (overrides: CsvParseOptions, tradesOverrides: CsvParseOptions) => {
    setPicked({ name: dataset.name, overrides, tradesOverrides });
    void retryWithMapping(overrides, tradesOverrides);
  };
  const [first, second] = dataset.name.split(' + ');
  // Trades read from the quotes file itself (Databento MBP-1) share its options; a pair's trades file has its own.
  const inFile = dataset.tradesDetected !== undefined && second === undefined;
  const pick = (o: Partial<ParseTicksOptions>) => reload(merge(mine.overrides, o), mine.tradesOverrides);
  const pickTrades = inFile ? pick : (o: Partial<ParseTicksOptions>) => reload(mine.overrides, merge(mine.tradesOverrides, o));
  const firstKind = dataset.tradesDetected ? 'quotes' : dataset.kind;
  const files = dataset.source === 'file';
  return (
    <details className="detection-report" open data-testid="detection-report">
      <summary>How the file{dataset.tradesDetected && !inFile ? 's were' : ' was'} read</summary>
      <Report title={inFile ? `${first} (quotes)` : first} detected={dataset.detected} kind={firstKind} onPick={files ? pick : undefined} />
      {dataset.tradesDetected && <Report title={inFile ? `${first} (trades, action T)` : second} detected={dataset.tradesDetected} kind="trades" onPick={files ? pickTrades : undefined} />}
    </details>
  );
}
