import { useEffect, useRef, useState, type ReactNode } from 'react';
import { columnsToCsv, downloadBlob, exportSvgAsPng } from './export';

/**
 * A titled chart with its export actions: PNG of what is drawn, CSV of the series behind it
 * (`csv` returns the columns, possibly full-resolution ones fetched from the worker).
 */
export function ChartFrame({ title, name, csv, children, testId }: {
  title: string;
  /** File-name stem for exports. */
  name: string;
  csv?: () => Record<string, ArrayLike<number>> | Promise<Record<string, ArrayLike<number>>>;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [err, setErr] = useState('');
  const visible = useInView(ref);
  // Off-screen charts keep their last drawing: handing React the same element lets it skip the
  // whole chart subtree, so streamed updates only cost what is on screen.
  const [frozen, setFrozen] = useState<ReactNode>(children);
  if (visible && frozen !== children) setFrozen(children);
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
      <div ref={ref}>{visible ? children : frozen}</div>
      {err ? <p className="error" role="alert">{err}</p> : null}
    </figure>
  );
}

/** Whether the element is in (or within 200 px of) the viewport; true where IntersectionObserver is missing. */
function useInView(ref: React.RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)), { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return inView;
}
