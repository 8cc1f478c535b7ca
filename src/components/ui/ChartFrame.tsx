import { useRef, useState, type ReactNode } from 'react';
import { columnsToCsv, downloadBlob, exportSvgAsPng } from './export';
import { StagedMount } from './StagedMount';

/**
 * A titled chart with its export actions: PNG of what is drawn, CSV of the series behind it
 * (`csv` returns the columns, possibly full-resolution ones fetched from the worker). Given a
 * `version` (the identity of the data drawn), the chart draws through StagedMount: one chart per
 * task and only near the viewport, so streamed updates never block the page all at once.
 */
export function ChartFrame({ title, name, csv, children, testId, version, height = 240 }: {
  title: string;
  /** File-name stem for exports. */
  name: string;
  csv?: () => Record<string, ArrayLike<number>> | Promise<Record<string, ArrayLike<number>>>;
  children: ReactNode;
  testId?: string;
  version?: unknown;
  /** Placeholder height while a staged chart waits for its turn, px. */
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [err, setErr] = useState('');
  const run = (f: () => Promise<void>) => { setErr(''); f().catch((e: unknown) => setErr(e instanceof Error ? e.message : String(e))); };
  return (
    <figure className="chart" data-testid={testId} aria-label={title}>
      <figcaption>
        <span>{title}</span>
        <span className="chart-actions">
          <button type="button" className="small" onClick={() => run(() => exportSvgAsPng(ref.current!, `${name}.png`))} aria-label={`Export ${title} as PNG`}>PNG</button>
          {csv ? (
            <button type="button" className="small" onClick={() => run(async () => downloadBlob(new Blob([columnsToCsv(await csv())], { type: 'text/csv' }), `${name}.csv`))} aria-label={`Export ${title} as CSV`}>CSV</button>
          ) : null}
        </span>
      </figcaption>
      <div ref={ref}>{version === undefined ? children : <StagedMount version={version} height={height}>{children}</StagedMount>}</div>
      {err ? <p className="error" role="alert">{err}</p> : null}
    </figure>
  );
}

